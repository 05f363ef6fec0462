import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParseResult } from "../format-issue.js";
import { geniusFilesToScenario, parseGeniusDomain, parseGeniusProfile, type GeniusDomain } from "./index.js";
import { geniusCorpusDir } from "../../../../test/corpus.js";

const domainXml = `<negotiation_template>
<utility_space number_of_issues="3">
<objective index="0" name="root" type="objective" etype="objective">
  <issue index="1" name="Color" vtype="discrete" type="discrete" etype="discrete">
    <item index="1" value="red"/><item index="2" value="green"/>
  </issue>
  <issue index="2" name="Qty" vtype="integer" type="integer" etype="integer" lowerbound="1" upperbound="5"/>
  <issue index="3" name="Rate" type="real" lowerbound="0" upperbound="1"/>
</objective>
</utility_space>
</negotiation_template>`;
const linearXml = `<utility_space>
<objective index="0" name="root">
  <issue index="1" name="Color" type="discrete"><item value="red" evaluation="2"/><item value="green" evaluation="4"/></issue>
  <issue index="2" name="Qty" type="integer" lowerbound="1" upperbound="5"><evaluator ftype="linear" slope="0.3" offset="-0.1"/></issue>
  <issue index="3" name="Rate" type="real"><range lowerbound="0" upperbound="1"/><evaluator ftype="triangular" parameter0="0" parameter1="1" parameter2="0.5"/></issue>
  <weight index="1" value="0.5"/><weight index="2" value="0.4"/><weight index="3" value="0.1"/>
</objective>
<reservation value="0.25"/><discount_factor value="0.9"/>
</utility_space>`;
const nonlinearXml = `<utility_space type="nonlinear"><objective index="0">
<utility maxutility="10"><ufun type="PlainUfun" weight="1" aggregation="sum">
<hyperRectangle utility="4"><INCLUDES index="2" min="1" max="3"/></hyperRectangle>
<hyperRectangle utility="3"><EXCLUDES index="2" min="2" max="2"/><EXCLUDES index="3" min="0" max="0"/></hyperRectangle>
</ufun></utility></objective><reservation value="0.1"/></utility_space>`;

const domain: GeniusDomain = (() => {
  const r = parseGeniusDomain(domainXml);
  if (!r.ok) throw new Error("fixture domain");
  return r.value;
})();

// A few real files when the corpus beside the checkout is there (read, never copied; test/corpus.ts).
const corpus = `${geniusCorpusDir}/`;
const realFiles = [
  "anac/y2010/ItexvsCypress/ItexvsCypress_domain.xml",
  "anac/y2010/ItexvsCypress/ItexvsCypress_Itex.xml",
  "anac/y2016/YXAgent/Smart_Energy_Grid_util2.xml",
  "other/web_service/web_service_agent_A.xml",
  "other/AMPOvsCity/ampo_vs_city_ampo_space.xml",
]
  .map((f) => corpus + f)
  .filter((f) => existsSync(f))
  .map((f) => readFileSync(f, "utf8"));
const seeds = [domainXml, linearXml, nonlinearXml, ...realFiles];

/** Whatever the input, a well-formed ParseResult comes back. */
function expectWellFormed(r: ParseResult<unknown>): void {
  if (r.ok) {
    for (const w of r.warnings) expect(w.severity).toBe("warning");
    return;
  }
  expect(r.issues.length).toBeGreaterThan(0);
  expect(r.issues.some((i) => i.severity === "error")).toBe(true);
  for (const i of r.issues) {
    expect(typeof i.message).toBe("string");
    expect(Array.isArray(i.path)).toBe(true);
  }
}

function parseAll(text: string): void {
  expectWellFormed(parseGeniusDomain(text, { file: "f.xml" }));
  expectWellFormed(parseGeniusProfile(text, domain, { file: "f.xml" }));
  expectWellFormed(
    geniusFilesToScenario(
      [
        { name: "d.xml", text: domainXml },
        { name: "f.xml", text },
      ],
      { id: "fuzz" },
    ),
  );
}

const token = fc.constantFrom(
  "<",
  ">",
  "/>",
  "</",
  "<issue ",
  "</issue>",
  "<item ",
  "<weight ",
  "<objective>",
  "</objective>",
  "<utility_space>",
  "</utility_space>",
  "<negotiation_template>",
  "<hyperRectangle utility=\"1\">",
  "<INCLUDES ",
  "<EXCLUDES ",
  "<utility maxutility=\"3\">",
  "<ufun>",
  "<evaluator ",
  'index="1" ',
  'index="x" ',
  'value="a" ',
  'evaluation="1e400" ',
  'type="integer" ',
  'type="real" ',
  'lowerbound="0" upperbound="3" ',
  'min="-1" max="9" ',
  'slope="NaN" ',
  'name="__proto__" ',
  "&amp;",
  "&#0;",
  "&#x110000;",
  "&bogus;",
  "<!-- c -->",
  "<![CDATA[x]]>",
  "<?xml version=\"1.0\"?>",
  "<!DOCTYPE x>",
  "\n",
  " ",
  "\uFEFF",
);

const mutate = (text: string): fc.Arbitrary<string> =>
  fc.oneof(
    // Delete a slice.
    fc.tuple(fc.nat(text.length), fc.nat(40)).map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
    // Insert tokens.
    fc.tuple(fc.nat(text.length), fc.array(token, { maxLength: 4 })).map(([at, ts]) => text.slice(0, at) + ts.join("") + text.slice(at)),
    // Change a digit.
    fc.tuple(fc.nat(text.length), fc.constantFrom("0", "9", "-", ".", "e", "")).map(([at, d]) => {
      const k = text.slice(at).search(/\d/);
      return k < 0 ? text : text.slice(0, at + k) + d + text.slice(at + k + 1);
    }),
    // Duplicate a slice.
    fc.tuple(fc.nat(text.length), fc.nat(80)).map(([at, n]) => text.slice(0, at + n) + text.slice(at, at + n) + text.slice(at + n)),
  );

describe("GENIUS parsers never throw", () => {
  it("on random strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), parseAll), { numRuns: 300 });
  });

  it("on random tag soup", () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (ts) => parseAll(ts.join(""))),
      { numRuns: 400 },
    );
  });

  it("on mutated real files", () => {
    const mutated = fc.constantFrom(...seeds).chain((s) => fc.array(fc.constant(null), { minLength: 1, maxLength: 3 }).chain((ops) => ops.reduce<fc.Arbitrary<string>>((acc) => acc.chain(mutate), fc.constant(s))));
    fc.assert(fc.property(mutated, parseAll), { numRuns: 400 });
  });

  it("on names that trip the XML library's prototype-pollution guard", () => {
    for (const text of ['<utility_space __proto__="1"/>', "<constructor/>", '<utility_space><issue constructor="x"/></utility_space>']) {
      const r = parseGeniusDomain(text, { file: "p.xml" });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "PARLEY_FMT_SYNTAX", file: "p.xml" });
    }
  });

  it("the fixtures themselves load", () => {
    expect(parseGeniusProfile(linearXml, domain).ok).toBe(true);
    expect(parseGeniusProfile(nonlinearXml, domain).ok).toBe(true);
  });
});
