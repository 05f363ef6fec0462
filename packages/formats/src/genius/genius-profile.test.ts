import { compileScenario, utilityOf, type Preferences, type Value } from "@parley/core";
import { describe, expect, it } from "vitest";
import { parseGeniusDomain, parseGeniusProfile, type GeniusDomain } from "./index.js";

const domainXml = `<negotiation_template>
<utility_space number_of_issues="3">
<objective index="0" name="root" type="objective" etype="objective">
  <issue index="1" name="Color" vtype="discrete" type="discrete" etype="discrete">
    <item index="1" value="red"/>
    <item index="2" value="green"/>
    <item index="3" value="blue"/>
  </issue>
  <issue index="2" name="Qty" vtype="integer" type="integer" etype="integer" lowerbound="1" upperbound="5"/>
  <issue index="3" name="Ship" type="discrete">
    <item index="1" value="fast"/>
    <item index="2" value="slow"/>
  </issue>
</objective>
</utility_space>
</negotiation_template>
`;

// Hand-computed below: Color scores 2/4, 4/4, 0/4; Qty clamp(-0.1 + 0.3·(q−1)); Ship 10/10, 5/10.
const profileXml = `<utility_space>
<objective index="0" name="root" type="objective" etype="objective">
  <issue index="1" name="Color" vtype="discrete" type="discrete" etype="discrete">
    <item index="1" value="red" evaluation="2"/>
    <item index="2" value="green" evaluation="4"/>
    <item index="3" value="blue" evaluation="0"/>
  </issue>
  <issue index="2" name="Qty" type="integer" lowerbound="1" upperbound="5">
    <evaluator ftype="linear" slope="0.3" offset="-0.1"/>
  </issue>
  <issue index="3" name="Ship" type="discrete">
    <item index="1" value="slow" evaluation="5"/>
    <item index="2" value="fast" evaluation="10"/>
  </issue>
  <weight index="1" value="0.5"/>
  <weight index="2" value="0.4"/>
  <weight index="3" value="0.3"/>
</objective>
<reservation value="0.25"/>
<discount_factor value="0.9"/>
</utility_space>
`;

function domainOf(text: string): GeniusDomain {
  const r = parseGeniusDomain(text, { file: "domain.xml" });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function utilities(domain: GeniusDomain, prefs: Preferences, outcomes: Record<string, Value>[]): number[] {
  const compiled = compileScenario({
    id: "s",
    name: "s",
    issues: domain.issues,
    parties: [{ id: "p", name: "p", role: "party", preferences: prefs }],
    frameworks: [],
  });
  return outcomes.map((o) => utilityOf(compiled, "p", o));
}

function parseOk(text: string, domain: GeniusDomain): Preferences {
  const r = parseGeniusProfile(text, domain, { file: "p.xml" });
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r.value;
}

function parseErrors(text: string, domain: GeniusDomain) {
  const r = parseGeniusProfile(text, domain, { file: "p.xml" });
  if (r.ok) throw new Error("expected errors");
  for (const i of r.issues) expect(i.file).toBe("p.xml");
  return r.issues.filter((i) => i.severity === "error");
}

describe("parseGeniusProfile: linear-additive", () => {
  const domain = domainOf(domainXml);

  it("parseGeniusProfile(text, domain) maps evaluations, evaluators, weights, reservation and discount", () => {
    const prefs = parseOk(profileXml, domain);
    expect(prefs).toEqual({
      utility: {
        kind: "linear-additive",
        weights: { Color: 0.5, Qty: 0.4, Ship: 0.3 },
        values: {
          Color: { kind: "table", scores: { red: 0.5, green: 1, blue: 0 } },
          Qty: { kind: "linear", slope: 0.3, offset: -0.1 },
          Ship: { kind: "table", scores: { fast: 1, slow: 0.5 } },
        },
      },
      reservation: 0.25,
      discount: 0.9,
    });
  });

  it("utilities: discrete eval/max, linear clamp at 0 and 1, total capped at 1", () => {
    const prefs = parseOk(profileXml, domain);
    const u = utilities(domain, prefs, [
      { Color: "red", Qty: 3, Ship: "fast" }, // 0.5·0.5 + 0.4·0.5 + 0.3·1
      { Color: "green", Qty: 5, Ship: "fast" }, // 0.5 + 0.4·1 (1.1 clamped) + 0.3 = 1.2 → 1
      { Color: "blue", Qty: 1, Ship: "slow" }, // 0 + 0.4·0 (−0.1 clamped) + 0.3·0.5
      { Color: "green", Qty: 4, Ship: "slow" }, // 0.5 + 0.4·0.8 + 0.15
    ]);
    expect(u[0]).toBeCloseTo(0.75, 12);
    expect(u[1]).toBe(1);
    expect(u[2]).toBeCloseTo(0.15, 12);
    expect(u[3]).toBeCloseTo(0.97, 12);
  });

  it("a discrete issue whose largest evaluation is below 1e-5 scores 0; legacy parameter0/parameter1 evaluators; d = 0 means no discount", () => {
    const text = profileXml
      .replace('evaluation="2"', 'evaluation="0.000002"')
      .replace('evaluation="4"', 'evaluation="0.000009"')
      .replace(
        '<evaluator ftype="linear" slope="0.3" offset="-0.1"/>',
        '<evaluator ftype="linear" parameter0="-0.4" parameter1="0.3"/>',
      )
      .replace('<discount_factor value="0.9"/>', '<discount_factor value="0.0"/>');
    const prefs = parseOk(text, domain);
    expect(prefs.discount).toBeUndefined();
    if (prefs.utility.kind !== "linear-additive") throw new Error("expected linear-additive");
    expect(prefs.utility.values["Color"]).toEqual({ kind: "table", scores: { red: 0, green: 0, blue: 0 } });
    // 0.3·x − 0.4 = −0.1 + 0.3·(x − 1): the same function as the slope/offset form.
    const [u] = utilities(domain, prefs, [{ Color: "green", Qty: 3, Ship: "slow" }]);
    expect(u).toBeCloseTo(0.4 * 0.5 + 0.3 * 0.5, 12);
  });

  it("a discount outside [0, 1] is discarded with a warning, as GENIUS does", () => {
    const r = parseGeniusProfile(profileXml.replace('value="0.9"', 'value="1.5"'), domain, { file: "p.xml" });
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.discount).toBeUndefined();
    expect(r.warnings).toMatchObject([{ code: "PARLEY_FMT_VALUE", line: 20 }]);
  });

  it("weights on objectives and similarity functions are ignored; issues may sit directly in <utility_space>", () => {
    const text = `<utility_space>
<weight index="0" value="1"/>
<weight index="1" value="1"/><weight index="2" value="0"/><weight index="3" value="0"/>
<issue index="1" name="Color" type="discrete"><item value="red" evaluation="1"/><item value="green" evaluation="1"/><item value="blue" evaluation="2"/>
  <similarity_function weight="0.2"><criteria_function weight="1"><item value="red" evaluation="99"/></criteria_function></similarity_function>
</issue>
<issue index="2" name="Qty" type="integer"><evaluator ftype="linear" slope="1" offset="0"/></issue>
<issue index="3" name="Ship" type="discrete"><item value="fast" evaluation="1"/><item value="slow" evaluation="1"/></issue>
</utility_space>`;
    const r = parseGeniusProfile(text, domain);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.warnings).toEqual([]);
    expect(utilities(domain, r.value, [{ Color: "red", Qty: 1, Ship: "fast" }])).toEqual([0.5]);
  });

  it("reports every problem with file, line and a message", () => {
    const text = `<utility_space>
<objective index="0" name="root">
  <issue index="1" name="Color" type="discrete">
    <item value="red" evaluation="2"/>
    <item value="purple" evaluation="4"/>
    <item value="blue" evaluation="much"/>
  </issue>
  <issue index="2" name="Qty" type="integer" lowerbound="0" upperbound="5">
    <evaluator ftype="faratin"/>
  </issue>
  <issue index="9" name="Extra" type="discrete"/>
  <weight index="1" value="0.5"/>
  <weight index="7" value="0.5"/>
</objective>
</utility_space>`;
    const errors = parseErrors(text, domain);
    const summary = errors.map((e) => [e.code, e.line]);
    expect(summary).toEqual([
      ["PARLEY_FMT_VALUE", 8], // Qty bounds differ from the domain
      ["PARLEY_FMT_REFERENCE", 11], // issue index 9
      ["PARLEY_FMT_REFERENCE", 13], // weight index 7
      ["PARLEY_FMT_REFERENCE", 5], // "purple"
      ["PARLEY_FMT_VALUE", 6], // evaluation="much"
      ["PARLEY_FMT_REFERENCE", 3], // no evaluation for "green"
      ["PARLEY_FMT_GENIUS", 2], // no <issue> for Ship
    ]);
    expect(errors.find((e) => e.line === 5)!.message).toMatch(/"purple" is not a value of issue "Color"/);
    expect(errors.find((e) => e.line === 6)!.column).toBe(24);
  });

  it("missing weights, missing values and unsupported evaluators are errors", () => {
    const noWeight = parseErrors(profileXml.replace('<weight index="2" value="0.4"/>', ""), domain);
    expect(noWeight).toMatchObject([{ code: "PARLEY_FMT_GENIUS", line: 8 }]);
    expect(noWeight[0]!.message).toMatch(/no <weight index="2"/);
    const noValue = parseErrors(profileXml.replace('<item index="3" value="blue" evaluation="0"/>', ""), domain);
    expect(noValue).toMatchObject([{ code: "PARLEY_FMT_REFERENCE", line: 3 }]);
    expect(noValue[0]!.message).toMatch(/no evaluation for "blue"/);
    const ftype = parseErrors(profileXml.replace('ftype="linear"', 'ftype="triangular"'), domain);
    expect(ftype).toMatchObject([{ code: "PARLEY_FMT_GENIUS", line: 9 }]);
    const negative = parseErrors(profileXml.replace('evaluation="4"', 'evaluation="-4"'), domain);
    expect(negative).toMatchObject([{ code: "PARLEY_FMT_VALUE", line: 5 }]);
    const renamed = parseErrors(profileXml.replace('name="Ship"', 'name="Shipping"'), domain);
    expect(renamed[0]!.message).toMatch(/named "Shipping" here but "Ship" in the domain \(domain.xml\)/);
    const domainAsProfile = parseErrors(domainXml, domain);
    expect(domainAsProfile[0]!.message).toMatch(/domain file/);
    const syntax = parseErrors(profileXml.replace("</objective>", ""), domain);
    expect(syntax).toMatchObject([{ code: "PARLEY_FMT_SYNTAX", line: 21 }]);
  });
});

describe("parseGeniusProfile: real issues", () => {
  const domain = domainOf(`<negotiation_template><utility_space><objective index="0">
<issue index="1" name="r" type="real" lowerbound="0" upperbound="10"/>
</objective></utility_space></negotiation_template>`);
  const profile = (evaluator: string): string => `<utility_space><objective index="0">
<issue index="1" name="r" type="real"><range lowerbound="0" upperbound="10"/>${evaluator}</issue>
<weight index="1" value="1"/></objective></utility_space>`;
  const grid = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((r) => ({ r }));

  it("linear (GENIUS parameter form: parameter1·x + parameter0), constant and triangular evaluators", () => {
    const linear = parseOk(profile('<evaluator ftype="linear" parameter0="-0.2" parameter1="0.1"/>'), domain);
    expect(utilities(domain, linear, grid).map((x) => +x.toFixed(12))).toEqual([0, 0, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
    const constant = parseOk(profile('<evaluator ftype="constant" parameter0="0.4"/>'), domain);
    expect(new Set(utilities(domain, constant, grid))).toEqual(new Set([0.4]));
    const tri = parseOk(profile('<evaluator ftype="triangular" parameter0="2" parameter1="10" parameter2="6"/>'), domain);
    expect(utilities(domain, tri, grid)).toEqual([0, 0, 0, 0.25, 0.5, 0.75, 1, 0.75, 0.5, 0.25, 0]);
    // Degenerate: the top at the upper end scores 0 there in GENIUS (x < upper fails).
    const edge = parseOk(profile('<evaluator ftype="triangular" parameter0="0" parameter1="10" parameter2="10"/>'), domain);
    expect(utilities(domain, edge, grid)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0]);
  });
});

describe("parseGeniusProfile: ANAC 2014 hyper-rectangles", () => {
  const domain = domainOf(`<negotiation_template><utility_space><objective index="0">
<issue index="1" name="x" type="integer" lowerbound="0" upperbound="3"/>
<issue index="2" name="y" type="integer" lowerbound="0" upperbound="3"/>
<issue index="3" name="z" type="integer" lowerbound="0" upperbound="1"/>
</objective></utility_space></negotiation_template>`);
  const profileXml = `<utility_space type="nonlinear">
<objective index="0" name="root">
<issue index="1" name="x" type="integer" lowerbound="0" upperbound="3"/>
<utility maxutility="10">
<ufun type="PlainUfun" weight="1" aggregation="sum">
  <hyperRectangle utility="4"><INCLUDES index="1" min="0" max="1"/><INCLUDES index="2" min="2" max="3"/></hyperRectangle>
  <hyperRectangle utility="3"><EXCLUDES index="1" min="1" max="2"/><EXCLUDES index="2" min="0" max="0"/></hyperRectangle>
  <hyperRectangle utility="8"><INCLUDES index="1" min="3" max="3"/></hyperRectangle>
  <hyperRectangle utility="1" weight="0.5"><EXCLUDES index="3" min="1" max="1"/></hyperRectangle>
</ufun>
</utility>
</objective>
<reservation value="0.1"/>
<discount_factor value="0.5"/>
</utility_space>`;

  // GENIUS: min(1, Σ utility·weight of the rectangles that count / maxutility). EXCLUDES counts when
  // some bound fails (the outcome is outside the box).
  const genius = (x: number, y: number, z: number): number => {
    let s = 0;
    if (x <= 1 && y >= 2) s += 4;
    if (!(x >= 1 && x <= 2 && y === 0)) s += 3;
    if (x === 3) s += 8;
    if (z !== 1) s += 0.5;
    return Math.min(1, s / 10);
  };

  it("parseGeniusProfile(text, domain) matches GENIUS's NonlinearUtilitySpace on every outcome", () => {
    const prefs = parseOk(profileXml, domain);
    expect(prefs.reservation).toBe(0.1);
    expect(prefs.discount).toBe(0.5);
    expect(prefs.utility).toMatchObject({ kind: "hyper-rectangles", normalizer: 10 });
    const outcomes: { x: number; y: number; z: number }[] = [];
    for (let x = 0; x <= 3; x++) for (let y = 0; y <= 3; y++) for (let z = 0; z <= 1; z++) outcomes.push({ x, y, z });
    const u = utilities(domain, prefs, outcomes);
    outcomes.forEach((o, k) => expect(u[k]).toBeCloseTo(genius(o.x, o.y, o.z), 12));
    expect(u[0]).toBeCloseTo(0.35, 12); // (0,0,0): outside the excluded box, z ≠ 1
  });

  it("bad rectangles: unknown issue index, bounds on a discrete issue, missing maxutility, other aggregations", () => {
    const withDiscrete = domainOf(`<negotiation_template><utility_space><objective index="0">
<issue index="1" name="x" type="integer" lowerbound="0" upperbound="3"/>
<issue index="2" name="c" type="discrete"><item value="a"/></issue>
</objective></utility_space></negotiation_template>`);
    const errors = parseErrors(
      `<utility_space type="nonlinear"><objective index="0">
<utility>
<ufun aggregation="max" weight="2">
  <hyperRectangle utility="4"><INCLUDES index="5" min="0" max="1"/></hyperRectangle>
  <hyperRectangle utility="4"><INCLUDES index="2" min="0" max="0"/></hyperRectangle>
  <hyperRectangle><INCLUDES index="1" min="0" max="0"/></hyperRectangle>
</ufun>
</utility></objective></utility_space>`,
      withDiscrete,
    );
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ["PARLEY_FMT_GENIUS", 2], // maxutility
      ["PARLEY_FMT_GENIUS", 3], // aggregation
      ["PARLEY_FMT_GENIUS", 3], // weight
      ["PARLEY_FMT_REFERENCE", 4],
      ["PARLEY_FMT_GENIUS", 5],
      ["PARLEY_FMT_GENIUS", 6], // no utility=
    ]);
  });
});
