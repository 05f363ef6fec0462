import { issueValues } from "@parley/core";
import { describe, expect, it } from "vitest";
import { GENIUS_DEFAULT_REAL_INTERVALS, parseGeniusDomain } from "./index.js";

const domainXml = `<negotiation_template>
<utility_space number_of_issues="3">
<objective index="0" name="root" type="objective" etype="objective">
  <issue index="1" name="Color" vtype="discrete" type="discrete" etype="discrete">
    <item index="1" value="red"/>
    <item index="2" value="green &amp; teal"/>
  </issue>
  <issue index="2" name="Qty" vtype="integer" type="integer" etype="integer" lowerbound="1" upperbound="5"/>
  <issue index="3" name="Ship" type="discrete">
    <item index="1" value="fast"/>
  </issue>
  <issue index="4" name="Rate" etype="real" lowerbound="0" upperbound="2"/>
</objective>
</utility_space>
</negotiation_template>
`;

describe("parseGeniusDomain", () => {
  it("parseGeniusDomain(text) reads discrete, integer and real issues in file order", () => {
    const r = parseGeniusDomain(domainXml, { file: "d.xml" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.warnings).toEqual([]);
    expect(r.value.issues).toEqual([
      { kind: "categorical", id: "Color", options: ["red", "green & teal"] },
      { kind: "integer", id: "Qty", min: 1, max: 5 },
      { kind: "categorical", id: "Ship", options: ["fast"] },
      { kind: "real", id: "Rate", min: 0, max: 2, step: 2 / GENIUS_DEFAULT_REAL_INTERVALS },
    ]);
    expect(r.value.sources.map((s) => [s.index, s.name, s.line])).toEqual([
      [1, "Color", 4],
      [2, "Qty", 8],
      [3, "Ship", 9],
      [4, "Rate", 12],
    ]);
    expect(r.value.objectiveIndices).toEqual([0]);
    expect(issueValues(r.value.issues[3]!)).toHaveLength(GENIUS_DEFAULT_REAL_INTERVALS + 1);
  });

  it("parseGeniusDomain(text, {realIntervals}) sets the real grid", () => {
    const r = parseGeniusDomain(domainXml, { realIntervals: 4 });
    if (!r.ok) throw new Error("expected ok");
    expect(issueValues(r.value.issues[3]!)).toEqual([0, 0.5, 1, 1.5, 2]);
    const bad = parseGeniusDomain(domainXml, { realIntervals: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ code: "PARLEY_FMT_VALUE", path: ["options", "realIntervals"] });
  });

  it("parseGeniusDomain(text) accepts a bare <utility_space>, issues without an objective, and legacy <range> bounds", () => {
    const r = parseGeniusDomain(
      `<utility_space><issue index="2" name="rev" type="integer"><range lowerbound="0" upperbound="3"/></issue></utility_space>`,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.issues).toEqual([{ kind: "integer", id: "rev", min: 0, max: 3 }]);
  });

  it("parseGeniusDomain(text) disambiguates repeated names and names unnamed issues, with warnings", () => {
    const r = parseGeniusDomain(`<negotiation_template><utility_space><objective index="0">
<issue index="1" name="A"><item value="x"/></issue>
<issue index="2" name="A"><item value="y"/></issue>
<issue index="3"><item value="z"/><item value="z"/></issue>
</objective></utility_space></negotiation_template>`);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.issues.map((i) => [i.id, i.name])).toEqual([
      ["A #1", "A"],
      ["A #2", "A"],
      ["issue3", undefined],
    ]);
    expect(r.value.issues[2]).toMatchObject({ options: ["z"] });
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([
      ["PARLEY_FMT_DUPLICATE", 2],
      ["PARLEY_FMT_DUPLICATE", 3],
      ["PARLEY_FMT_GENIUS", 4],
      ["PARLEY_FMT_DUPLICATE", 4],
    ]);
  });

  it("parseGeniusDomain(text) reports every problem with file, line and column", () => {
    const r = parseGeniusDomain(
      `<negotiation_template>
<utility_space><objective index="0">
<issue index="1" name="a" type="binary"/>
<issue index="2" name="b" type="integer" lowerbound="5" upperbound="2"/>
<issue index="2" name="c" type="integer" lowerbound="x" upperbound="2"/>
<issue index="4" name="d" type="discrete"></issue>
</objective></utility_space></negotiation_template>`,
      { file: "bad.xml" },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.file, i.line, i.column])).toEqual([
      ["PARLEY_FMT_GENIUS", "bad.xml", 3, 27],
      ["PARLEY_FMT_VALUE", "bad.xml", 4, 42],
      ["PARLEY_FMT_VALUE", "bad.xml", 5, 42],
      ["PARLEY_FMT_DUPLICATE", "bad.xml", 5, 8],
      ["PARLEY_FMT_GENIUS", "bad.xml", 6, 1],
    ]);
    expect(r.issues[0]!.message).toMatch(/type="binary" is not supported/);
    expect(r.issues[3]!.message).toMatch(/index="2".*line 4/);
  });

  it("parseGeniusDomain(text) rejects malformed XML and non-domains without throwing", () => {
    const syntax = parseGeniusDomain("<negotiation_template>\n<utility_space>\n</negotiation_template>", { file: "x.xml" });
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.issues[0]).toMatchObject({ code: "PARLEY_FMT_SYNTAX", file: "x.xml", line: 3 });
    for (const text of ["", "plain text", "<foo/>", "<negotiation_template/>", "<utility_space/>", "<a/><b/>"]) {
      const r = parseGeniusDomain(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
    }
  });
});
