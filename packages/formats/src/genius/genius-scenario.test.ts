import { compileScenario, utilityOf } from "@parley/core";
import { describe, expect, it } from "vitest";
import { classifyGeniusFile, geniusFilesToScenario, geniusPartyId, type GeniusFile } from "./index.js";

const domain = `<negotiation_template>
<utility_space>
<objective index="0" name="root">
<issue index="1" name="a" type="discrete"><item value="x"/><item value="y"/></issue>
<issue index="2" name="n" type="integer" lowerbound="0" upperbound="2"/>
</objective>
</utility_space>
</negotiation_template>`;

const profile = (ex: number, ey: number, slope: number): string => `<utility_space>
<objective index="0" name="root">
<issue index="1" name="a" type="discrete"><item value="x" evaluation="${ex}"/><item value="y" evaluation="${ey}"/></issue>
<issue index="2" name="n" type="integer" lowerbound="0" upperbound="2"><evaluator ftype="linear" slope="${slope}" offset="0"/></issue>
<weight index="1" value="0.6"/>
<weight index="2" value="0.4"/>
</objective>
<reservation value="0.2"/>
</utility_space>`;

describe("geniusFilesToScenario", () => {
  it("geniusFilesToScenario(files) finds the domain by content and orders parties by file name", () => {
    const files: GeniusFile[] = [
      { name: "zeta.xml", text: profile(1, 2, 0.5) },
      { name: "Beta.xml", text: profile(2, 1, -0.5) },
      { name: "a-domain-not.xml", text: domain },
      { name: "alpha.XML", text: profile(1, 1, 0) },
      { name: "pareto.xml", text: "0.9, 1\n1, 0.8\n" },
    ];
    const r = geniusFilesToScenario(files, { id: "Tiny", name: "Tiny scenario" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.id).toBe("Tiny");
    expect(r.value.name).toBe("Tiny scenario");
    expect(r.value.frameworks).toEqual([]);
    // Code-unit order: upper case before lower case.
    expect(r.value.parties.map((p) => [p.id, p.name, p.role])).toEqual([
      ["Beta", "Beta", "party"],
      ["alpha", "alpha", "party"],
      ["zeta", "zeta", "party"],
    ]);
    expect(r.warnings).toMatchObject([{ code: "PARLEY_FMT_GENIUS", file: "pareto.xml", line: 1, severity: "warning" }]);
    const c = compileScenario(r.value);
    expect(utilityOf(c, "zeta", { a: "y", n: 2 })).toBeCloseTo(0.6 + 0.4, 12);
    expect(utilityOf(c, "Beta", { a: "y", n: 0 })).toBeCloseTo(0.3, 12);
    expect(c.parties.map((p) => p.reservation)).toEqual([0.2, 0.2, 0.2]);
  });

  it("classifyGeniusFile(text) tells domains from profiles by content", () => {
    expect(classifyGeniusFile(domain)).toBe("domain");
    expect(classifyGeniusFile(profile(1, 1, 0))).toBe("profile");
    expect(classifyGeniusFile(`<utility_space><issue index="1" name="a"><item value="x"/></issue></utility_space>`)).toBe("domain");
    expect(classifyGeniusFile(`<utility_space type="nonlinear"/>`)).toBe("profile");
    expect(classifyGeniusFile("<tournament/>")).toBe("other");
    expect(classifyGeniusFile("not xml")).toBe("other");
    expect(geniusPartyId("Laptop_buyer.xml")).toBe("Laptop_buyer");
  });

  it("a folder without a domain, with two domains, or without profiles is a PARLEY_FMT_FOLDER error", () => {
    const none = geniusFilesToScenario([{ name: "p.xml", text: profile(1, 1, 0) }], { id: "s" });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.issues).toMatchObject([{ code: "PARLEY_FMT_FOLDER", message: expect.stringMatching(/no GENIUS domain/) }]);
    const two = geniusFilesToScenario(
      [
        { name: "d1.xml", text: domain },
        { name: "d2.xml", text: domain },
        { name: "p.xml", text: profile(1, 1, 0) },
      ],
      { id: "s" },
    );
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.issues).toMatchObject([{ code: "PARLEY_FMT_FOLDER", file: "d2.xml", message: expect.stringMatching(/d1.xml, d2.xml/) }]);
    const noProfiles = geniusFilesToScenario([{ name: "d.xml", text: domain }], { id: "s" });
    expect(noProfiles.ok).toBe(false);
    if (!noProfiles.ok) expect(noProfiles.issues).toMatchObject([{ code: "PARLEY_FMT_FOLDER" }]);
    const empty = geniusFilesToScenario([], { id: "s" });
    expect(empty.ok).toBe(false);
  });

  it("problems in any file are reported with that file's path and line; malformed XML too", () => {
    const r = geniusFilesToScenario(
      [
        { name: "d.xml", path: "/x/d.xml", text: domain },
        { name: "p1.xml", path: "/x/p1.xml", text: profile(1, 1, 0).replace('<weight index="2" value="0.4"/>', "") },
        { name: "p2.xml", path: "/x/p2.xml", text: profile(1, 1, 0).replace('value="y" evaluation="1"', 'value="z" evaluation="1"') },
        { name: "p3.xml", path: "/x/p3.xml", text: "<utility_space>\n<objective>\n</utility_space>" },
      ],
      { id: "s" },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.file, i.line])).toEqual([
      ["PARLEY_FMT_SYNTAX", "/x/p3.xml", 3],
      ["PARLEY_FMT_GENIUS", "/x/p1.xml", 4],
      ["PARLEY_FMT_REFERENCE", "/x/p2.xml", 3],
      ["PARLEY_FMT_REFERENCE", "/x/p2.xml", 3],
    ]);
  });

  it("profiles that disagree with the domain are errors naming the profile", () => {
    const r = geniusFilesToScenario(
      [
        { name: "d.xml", text: domain },
        { name: "p.xml", text: profile(1, 1, 0).replace(/upperbound="2"/, 'upperbound="3"') },
      ],
      { id: "s" },
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toMatchObject([
        { code: "PARLEY_FMT_VALUE", file: "p.xml", line: 4, message: expect.stringMatching(/bounds \[0, 3\] here but \[0, 2\] in the domain \(d.xml\)/) },
      ]);
  });
});
