import {
  compileScenario,
  outcomeIndicesAt,
  type Issue,
  type Party,
  type Preferences,
  type Scenario,
  type Utility,
  type ValueFunction,
} from "@parley/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { geniusFilesToScenario, scenarioToGenius, type GeniusFiles } from "./index.js";

function readBack(files: GeniusFiles, id: string): Scenario {
  const r = geniusFilesToScenario([files.domain, ...files.profiles], { id });
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1) + "\n" + files.domain.text + files.profiles.map((p) => p.text).join("\n"));
  return r.value;
}

function writeOk(scenario: Scenario): GeniusFiles {
  const w = scenarioToGenius(scenario);
  if (!w.ok) throw new Error(JSON.stringify(w.issues, null, 1));
  return w.value;
}

/** Every party's utility on every outcome (by mixed-radix index) agrees within 1e-12, and so do reservation and discount. */
function expectSameUtilities(a: Scenario, b: Scenario): void {
  const ca = compileScenario(a);
  const cb = compileScenario(b);
  expect(cb.radices).toEqual(ca.radices);
  expect(cb.parties.map((p) => p.party.id).sort()).toEqual(ca.parties.map((p) => p.party.id).sort());
  for (const pa of ca.parties) {
    const pb = cb.parties.find((p) => p.party.id === pa.party.id)!;
    expect(pb.reservation).toBe(pa.reservation);
    expect(pb.discount).toBe(pa.discount);
    for (let k = 0; k < ca.size; k++) {
      const idx = outcomeIndicesAt(ca, k);
      const ua = pa.utility.evaluate(idx);
      const ub = pb.utility.evaluate(idx);
      if (!(Math.abs(ua - ub) <= 1e-12)) expect.fail(`party ${pa.party.id}, outcome ${k}: ${ua} vs ${ub}`);
    }
  }
}

// ---- arbitraries: small core scenarios GENIUS can represent ----

const label = fc.string({
  unit: fc.constantFrom("a", "b", "Z", " ", "&", "<", ">", '"', "'", "\n", "\t", "é", "→", "😀", "#", "1"),
  maxLength: 4,
});
/** Numbers as people write them: no subnormals (GENIUS files carry plain decimals). */
const tidy = (x: number): number => (Math.abs(x) < 1e-12 ? 0 : x);
const weight = fc.double({ min: 0, max: 1.5, noNaN: true }).map(tidy);
const unit = fc.double({ min: 0, max: 1, noNaN: true }).map(tidy);

const issueArb = (id: string): fc.Arbitrary<Issue> =>
  fc.oneof(
    fc.uniqueArray(label, { minLength: 1, maxLength: 4 }).map((options): Issue => ({ kind: "categorical", id, options })),
    fc.record({ min: fc.integer({ min: -3, max: 3 }), size: fc.integer({ min: 1, max: 5 }) }).map(
      ({ min, size }): Issue => ({ kind: "integer", id, min, max: min + size - 1 }),
    ),
    fc.record({ min: fc.integer({ min: -5, max: 5 }), width: fc.integer({ min: 1, max: 8 }) }).map(
      // Real issues use GENIUS's default grid, so reading back gives the same values.
      ({ min, width }): Issue => ({ kind: "real", id, min: min / 2, max: min / 2 + width, step: width / 10 }),
    ),
  );

const valueFunctionArb = (issue: Issue): fc.Arbitrary<ValueFunction | undefined> => {
  const table = (keys: readonly string[]): fc.Arbitrary<ValueFunction> =>
    fc
      .tuple(...keys.map(() => fc.option(fc.double({ min: 0, max: 2, noNaN: true }).map(tidy), { nil: undefined })), fc.constant(0))
      .map((scores) => ({
        kind: "table",
        scores: Object.fromEntries(keys.flatMap((k, i) => (scores[i] === undefined ? [] : [[k, scores[i]!]]))),
      }));
  if (issue.kind === "categorical") return fc.option(table(issue.options), { nil: undefined });
  const linear = fc.record({
    kind: fc.constant("linear" as const),
    slope: fc.double({ min: -1, max: 1, noNaN: true }).map(tidy),
    offset: fc.double({ min: -0.5, max: 1.5, noNaN: true }).map(tidy),
  });
  const values = issue.kind === "integer" ? Array.from({ length: issue.max - issue.min + 1 }, (_, k) => issue.min + k) : [];
  if (issue.kind === "integer") return fc.option(fc.oneof(linear, table(values.map(String))), { nil: undefined });
  const { min, max } = issue;
  const peaked = fc
    .uniqueArray(fc.double({ min, max, noNaN: true }).map(tidy), { minLength: 3, maxLength: 3 })
    .map((xs): ValueFunction => {
      const [low, peak, high] = [...xs].sort((a, b) => a - b) as [number, number, number];
      return { kind: "peaked", low, peak, high };
    });
  const piecewise = fc
    .array(fc.tuple(fc.double({ min, max, noNaN: true }).map(tidy), unit), { minLength: 1, maxLength: 4 })
    .map((pts): ValueFunction => ({ kind: "piecewise", points: [...pts].sort((a, b) => a[0] - b[0]) }));
  return fc.option(fc.oneof(linear, peaked, piecewise), { nil: undefined });
};

const preferencesTail = fc.record(
  { reservation: unit, discount: fc.double({ min: 0.01, max: 1, noNaN: true }).map(tidy) },
  { requiredKeys: [] },
);

const linearScenarioArb: fc.Arbitrary<Scenario> = fc
  .uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _&<>"'-]{0,6}$/), { minLength: 1, maxLength: 3 })
  .chain((ids) => fc.tuple(...ids.map(issueArb)))
  .chain((issues) => {
    const party = (id: string): fc.Arbitrary<Party> =>
      fc
        .tuple(
          fc.tuple(...issues.map((i) => fc.tuple(fc.option(weight, { nil: undefined }), valueFunctionArb(i)))),
          preferencesTail,
        )
        .map(([perIssue, tail]) => {
          const weights: Record<string, number> = {};
          const values: Record<string, ValueFunction> = {};
          issues.forEach((issue, i) => {
            const [w, fn] = perIssue[i]!;
            if (w !== undefined) weights[issue.id] = w;
            if (fn) values[issue.id] = fn;
          });
          return { id, name: id, role: "party", preferences: { utility: { kind: "linear-additive", weights, values }, ...tail } };
        });
    return fc
      .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), { minLength: 1, maxLength: 3 })
      .chain((ids) => fc.tuple(...ids.map(party)))
      .map((parties): Scenario => ({ id: "random", name: "random", issues, parties, frameworks: [] }));
  });

const integerScenarioArb: fc.Arbitrary<Scenario> = fc
  .array(fc.record({ min: fc.integer({ min: -2, max: 2 }), size: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 3 })
  .chain((specs) => {
    const issues: Issue[] = specs.map(({ min, size }, i) => ({ kind: "integer", id: `i${i}`, min, max: min + size - 1 }));
    const bound = fc
      .tuple(fc.constantFrom(...issues), fc.double({ min: -4, max: 6, noNaN: true }).map(tidy), fc.double({ min: -4, max: 6, noNaN: true }).map(tidy))
      .map(([issue, a, b]) => ({ issue: issue.id, min: Math.min(a, b), max: Math.max(a, b) }));
    const rect = fc.record(
      {
        // No subnormal utilities: a subnormal normaliser makes the core's 1/normaliser infinite.
        utility: fc.double({ min: -1, max: 3, noNaN: true }).map(tidy).map((x) => (Math.abs(x) < 1e-3 ? 0 : x)),
        includes: fc.array(bound, { maxLength: 3 }),
        excludes: fc.array(bound, { maxLength: 3 }),
      },
      { requiredKeys: ["utility", "includes"] },
    );
    const rects: fc.Arbitrary<Utility> = fc.record(
      { kind: fc.constant("hyper-rectangles" as const), rectangles: fc.array(rect, { maxLength: 5 }), normalizer: fc.oneof(fc.constantFrom(0, -1), fc.double({ min: 0.01, max: 6, noNaN: true }).map(tidy)) },
      { requiredKeys: ["kind", "rectangles"] },
    );
    const entry = fc
      .tuple(...issues.map((i) => fc.integer({ min: i.kind === "integer" ? i.min : 0, max: i.kind === "integer" ? i.max : 0 })), unit)
      .map(([...xs]) => ({ outcome: Object.fromEntries(issues.map((i, k) => [i.id, xs[k]!])), utility: xs[issues.length]! }));
    const table: fc.Arbitrary<Utility> = fc.record(
      { kind: fc.constant("table" as const), entries: fc.array(entry, { maxLength: 6 }), default: unit },
      { requiredKeys: ["kind", "entries"] },
    );
    const linear: fc.Arbitrary<Utility> = fc
      .tuple(...issues.map(() => fc.tuple(weight, fc.double({ min: -1, max: 1, noNaN: true }).map(tidy), unit)))
      .map((xs) => ({
        kind: "linear-additive",
        weights: Object.fromEntries(issues.map((i, k) => [i.id, xs[k]![0]])),
        values: Object.fromEntries(issues.map((i, k) => [i.id, { kind: "linear", slope: xs[k]![1], offset: xs[k]![2] }])),
      }));
    const party = (id: string): fc.Arbitrary<Party> =>
      fc
        .tuple(fc.oneof(rects, table, linear), preferencesTail)
        .map(([utility, tail]): Party => ({ id, name: id, role: "party", preferences: { utility, ...tail } as Preferences }));
    return fc
      .tuple(party("a"), party("b"))
      .map((parties): Scenario => ({ id: "ints", name: "ints", issues, parties, frameworks: [] }));
  });

describe("scenarioToGenius: round trips", () => {
  it("Scenario → GENIUS → Scenario keeps every utility (linear-additive: table, linear, peaked, piecewise)", () => {
    fc.assert(
      fc.property(linearScenarioArb, (scenario) => {
        const back = readBack(writeOk(scenario), scenario.id);
        expectSameUtilities(scenario, back);
        // Categorical values and numeric issues GENIUS can express come back as they were.
        scenario.issues.forEach((issue, i) => {
          if (issue.kind === "categorical") expect(back.issues[i]).toEqual(issue);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("Scenario → GENIUS → Scenario keeps every utility (hyper-rectangles with EXCLUDES, tables, integer issues)", () => {
    fc.assert(
      fc.property(integerScenarioArb, (scenario) => {
        const back = readBack(writeOk(scenario), scenario.id);
        expect(back.issues).toEqual(scenario.issues);
        expectSameUtilities(scenario, back);
      }),
      { numRuns: 150 },
    );
  });

  it("GENIUS → Scenario → GENIUS → Scenario keeps every utility", () => {
    const domain = `<negotiation_template><utility_space><objective index="0">
<issue index="1" name="c" type="discrete"><item value="x"/><item value="y"/><item value="z"/></issue>
<issue index="2" name="n" type="integer" lowerbound="2" upperbound="6"/>
</objective></utility_space></negotiation_template>`;
    const linear = `<utility_space><objective index="0">
<issue index="1" name="c" type="discrete"><item value="x" evaluation="3"/><item value="y" evaluation="7"/><item value="z" evaluation="1"/></issue>
<issue index="2" name="n" type="integer" lowerbound="2" upperbound="6"><evaluator ftype="linear" slope="-0.3" offset="1.1"/></issue>
<weight index="1" value="0.7"/><weight index="2" value="0.6"/>
</objective><reservation value="0.3"/><discount_factor value="0.8"/></utility_space>`;
    const first = geniusFilesToScenario(
      [
        { name: "d.xml", text: domain },
        { name: "p.xml", text: linear },
      ],
      { id: "g" },
    );
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const again = readBack(writeOk(first.value), "g");
    expect(again.issues).toEqual(first.value.issues);
    expect(again.parties[0]!.preferences).toEqual(first.value.parties[0]!.preferences);
    expectSameUtilities(first.value, again);
  });
});

describe("scenarioToGenius: conversions and refusals", () => {
  const issues: Issue[] = [
    { kind: "categorical", id: "c", options: ["x", "y"] },
    { kind: "integer", id: "n", min: 0, max: 2 },
  ];
  const scenario = (utility: Utility, extra: Partial<Preferences> = {}): Scenario => ({
    id: "s",
    name: "s",
    issues,
    parties: [
      { id: "p", name: "P", role: "party", preferences: { utility, ...extra } },
      { id: "watcher", name: "W", role: "observer" },
    ],
    frameworks: [{ id: "f", name: "F", points: [] }],
  });

  it("folds a table's largest score into the weight: w' = w·max, eval' = score/max", () => {
    const w = scenarioToGenius(
      scenario({
        kind: "linear-additive",
        weights: { c: 0.8, n: 0.2 },
        values: { c: { kind: "table", scores: { x: 0.25, y: 0.5 } }, n: { kind: "linear", slope: 0.5, offset: 0 } },
      }),
    );
    if (!w.ok) throw new Error(JSON.stringify(w.issues));
    const text = w.value.profiles[0]!.text;
    expect(text).toContain('<item index="1" value="x" evaluation="0.5" />');
    expect(text).toContain('<item index="2" value="y" evaluation="1" />');
    expect(text).toContain('<weight index="1" value="0.4" />');
    expect(text).toContain('<evaluator ftype="linear" slope="0.5" offset="0" />');
    expect(w.value.domain.name).toBe("s-domain.xml");
    expect(w.value.profiles.map((p) => p.name)).toEqual(["p.xml"]);
    // The observer (no preferences) and the framework are reported, not written.
    expect(w.warnings.map((i) => i.path)).toEqual([["parties", 1], ["frameworks", 0]]);
  });

  it("writes a numeric issue scored by a table as discrete items, warns about red lines", () => {
    const w = scenarioToGenius(
      scenario(
        { kind: "linear-additive", weights: { n: 1 }, values: { n: { kind: "table", scores: { "0": 1, "2": 0.5 } } } },
        { redLines: [{ kind: "forbid", issue: "c", values: ["x"] }] },
      ),
    );
    if (!w.ok) throw new Error(JSON.stringify(w.issues));
    expect(w.value.domain.text).toContain('<issue index="2" name="n" vtype="discrete"');
    expect(w.warnings.map((i) => i.message).join("\n")).toMatch(/written as a discrete issue[\s\S]*red lines/);
    const back = readBack(w.value, "s");
    expect(back.issues[1]).toEqual({ kind: "categorical", id: "n", options: ["0", "1", "2"] });
  });

  it("refuses what GENIUS cannot express, with a path and a message", () => {
    const refused = (s: Scenario) => {
      const w = scenarioToGenius(s);
      if (w.ok) throw new Error("expected refusal");
      return w.issues.filter((i) => i.severity === "error");
    };
    expect(
      refused(scenario({ kind: "hyper-rectangles", rectangles: [{ utility: 1, includes: [{ issue: "c", min: 0, max: 0 }] }] })),
    ).toMatchObject([{ code: "PARLEY_FMT_GENIUS", path: ["issues", 0] }]);
    expect(
      refused(scenario({ kind: "linear-additive", weights: { c: 1 }, values: { c: { kind: "table", scores: { x: -1 } } } })),
    ).toMatchObject([{ code: "PARLEY_FMT_VALUE", path: ["parties", 0, "preferences", "utility", "values", "c"] }]);
    expect(
      refused(scenario({ kind: "linear-additive", weights: { ghost: 1 }, values: {} })),
    ).toMatchObject([{ code: "PARLEY_FMT_REFERENCE" }]);
    expect(refused({ ...scenario({ kind: "table", entries: [] }) })).toMatchObject([{ path: ["issues", 0] }]);
    const control: Scenario = { ...scenario({ kind: "linear-additive", weights: {}, values: {} }), issues: [{ kind: "categorical", id: "c", options: ["a\u0001"] }] };
    expect(refused(control)).toMatchObject([{ code: "PARLEY_FMT_VALUE", path: ["issues", 0, "options", 0] }]);
  });

  it("reports a real issue whose step GENIUS cannot keep", () => {
    const s: Scenario = {
      id: "r",
      name: "r",
      issues: [{ kind: "real", id: "x", min: 0, max: 1, step: 0.5 }],
      parties: [{ id: "p", name: "p", role: "party", preferences: { utility: { kind: "linear-additive", weights: { x: 1 }, values: { x: { kind: "linear", slope: 1, offset: 0 } } } } }],
      frameworks: [],
    };
    const w = scenarioToGenius(s);
    if (!w.ok) throw new Error(JSON.stringify(w.issues));
    expect(w.warnings).toMatchObject([{ path: ["issues", 0, "step"] }]);
    const back = geniusFilesToScenario([w.value.domain, ...w.value.profiles], { id: "r", realIntervals: 2 });
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.value.issues).toEqual(s.issues);
    expectSameUtilities(s, back.value);
  });

  it("makes unsafe party ids into file names and says so", () => {
    const s: Scenario = {
      ...scenario({ kind: "linear-additive", weights: {}, values: {} }),
      parties: [
        { id: "a/b", name: "x", role: "party", preferences: { utility: { kind: "linear-additive", weights: {}, values: {} } } },
        { id: "a_b", name: "y", role: "party", preferences: { utility: { kind: "linear-additive", weights: {}, values: {} } } },
      ],
      frameworks: [],
    };
    const w = scenarioToGenius(s);
    if (!w.ok) throw new Error(JSON.stringify(w.issues));
    expect(w.value.profiles.map((p) => p.name)).toEqual(["a_b.xml", "a_b-2.xml"]);
    expect(w.warnings).toHaveLength(2);
  });
});
