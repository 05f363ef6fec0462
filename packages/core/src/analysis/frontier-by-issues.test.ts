import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeScenario, compileScenario, outcomeUtilities, type Issue, type Party, type Scenario } from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";
import { frontierByIssues } from "./frontier-by-issues.js";

// Decimal weights and scores (0.1, 0.3, …): sums that are equal on paper differ in their last bits
// depending on the path, and a later addition can round them together again — the case where a
// pruning without a margin would lose an outcome tied with a frontier vector.
const decimalScenario: fc.Arbitrary<Scenario> = fc
  .record({
    radices: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
    parties: fc.integer({ min: 2, max: 3 }),
  })
  .filter(({ radices }) => radices.reduce((a, b) => a * b, 1) <= 3000)
  .chain(({ radices, parties }) => {
    const issues: Issue[] = radices.map((r, i) => ({ kind: "categorical", id: `c${i}`, options: Array.from({ length: r }, (_, k) => `o${k}`) }));
    const party = (p: number): fc.Arbitrary<Party> =>
      fc
        .record({
          weights: fc.array(fc.constantFrom(0.1, 0.2, 0.3, 0.4, 0.7), { minLength: radices.length, maxLength: radices.length }),
          scores: fc.array(fc.array(fc.constantFrom(0, 0.1, 0.2, 0.3, 0.6, 0.7, 0.9, 1), { minLength: 5, maxLength: 5 }), {
            minLength: radices.length,
            maxLength: radices.length,
          }),
          reservation: fc.constantFrom(0, 0.1, 0.3, 0.6),
        })
        .map(({ weights, scores, reservation }) => ({
          id: `p${p}`,
          name: `P${p}`,
          role: "party" as const,
          preferences: {
            utility: {
              kind: "linear-additive" as const,
              weights: Object.fromEntries(issues.map((issue, i) => [issue.id, weights[i]!])),
              values: Object.fromEntries(
                issues.map((issue, i) => [
                  issue.id,
                  { kind: "table" as const, scores: Object.fromEntries((issue.kind === "categorical" ? issue.options : []).map((o, k) => [o, scores[i]![k]!])) },
                ]),
              ),
            },
            reservation,
          },
        }));
    return fc.tuple(...Array.from({ length: parties }, (_, p) => party(p))).map((ps): Scenario => ({ id: "d", name: "D", issues, parties: ps, frameworks: [] }));
  });

/** A linear-additive party from its weights and, per issue, its table of scores. */
function tableParty(id: string, weights: Record<string, number>, scores: Record<string, Record<string, number>>): Party {
  const values = Object.fromEntries(Object.entries(scores).map(([issue, table]) => [issue, { kind: "table" as const, scores: table }]));
  return { id, name: id, role: "party", preferences: { utility: { kind: "linear-additive", weights, values } } };
}

/** frontierByIssues against enumeration: the same report (vectors to the last bit, counts, first outcomes, rational count). */
function checkAgainstEnumeration(scenario: Scenario, outcomesPerPoint = 16) {
  const compiled = compileScenario(scenario);
  const enumerated = analyzeScenario(compiled, { method: "enumerate", frontierByIssues: false, outcomesPerPoint });
  expect(analyzeScenario(compiled, { outcomesPerPoint })).toEqual(enumerated);
  const found = frontierByIssues(compiled, outcomesPerPoint);
  if (compiled.parties.length > 3) expect(found).toBeNull();
  else {
    expect(found).not.toBeNull();
    expect(found!.rationalCount).toBe(outcomeUtilities(compiled).rationalCount);
    if (found!.rationalCount > 0) {
      const byVector = (a: { utilities: number[] }, b: { utilities: number[] }) => String(a.utilities).localeCompare(String(b.utilities));
      expect([...found!.points].sort(byVector)).toEqual([...enumerated.pareto.points].sort(byVector));
    }
  }
  return { compiled, enumerated };
}

describe("frontierByIssues", () => {
  it("gives enumeration's report: red lines, reservation values, the cap at 1, 2 to 4 parties", () => {
    fc.assert(
      fc.property(arbitraryScenario({ redLines: true, reservations: true, overweight: true, maxOutcomes: 3000 }), (s) => void checkAgainstEnumeration(s)),
      { numRuns: 300 },
    );
  });

  it("gives enumeration's report with coarse scores: many outcomes behind each vector (counts, the first ones in order)", () => {
    let tied = 0;
    fc.assert(
      fc.property(arbitraryScenario({ coarse: true, redLines: true, reservations: true, maxParties: 3, maxOutcomes: 3000 }), (s) => {
        // At most 3 outcomes listed per vector, so that more than that reach many vectors.
        const { enumerated } = checkAgainstEnumeration(s, 3);
        if (enumerated.pareto.points.some((p) => p.outcomeCount! > 3)) tied++;
      }),
      { numRuns: 300 },
    );
    expect(tied).toBeGreaterThan(10);
  });

  it("gives enumeration's report with decimal weights and scores (sums equal on paper, not in their last bits)", () => {
    fc.assert(
      fc.property(decimalScenario, (s) => void checkAgainstEnumeration(s)),
      { numRuns: 300 },
    );
  });

  it("keeps an option another dominates when the cap at 1 can erase the difference (the outcomes tie)", () => {
    const categorical = (id: string): Issue => ({ kind: "categorical", id, options: ["a", "b"] });
    // A: option a of x is worth 0.1 more than b, but with y = a both sums pass 1 and cap to the same 1.
    const scenario: Scenario = {
      id: "cap",
      name: "Cap",
      issues: [categorical("x"), categorical("y")],
      parties: [
        tableParty("A", { x: 0.8, y: 0.5 }, { x: { a: 1, b: 0.9 }, y: { a: 1, b: 0 } }),
        tableParty("B", { x: 0.5, y: 0.5 }, { x: { a: 0.5, b: 0.5 }, y: { a: 1, b: 0 } }),
      ],
      frameworks: [],
    };
    const { enumerated } = checkAgainstEnumeration(scenario);
    expect(enumerated.pareto.points).toHaveLength(1);
    expect(enumerated.pareto.points[0]!.outcomeCount).toBe(2);
    expect(enumerated.pareto.points[0]!.outcomes).toEqual([
      { x: "a", y: "a" },
      { x: "b", y: "a" },
    ]);
  });

  it("keeps an option that another one dominates only by a rounding the sums erase (the outcomes tie)", () => {
    // Party A: x = a adds 0.1 + 0.2 = 0.30000000000000004, x = b adds 0.3; after y's 0.5 both sums are 0.8.
    const scenario: Scenario = {
      id: "ulp",
      name: "Ulp",
      issues: [
        { kind: "categorical", id: "y", options: ["only"] },
        { kind: "categorical", id: "x", options: ["a", "b"] },
      ],
      parties: [
        tableParty("A", { y: 1, x: 1 }, { y: { only: 0.5 }, x: { a: 0.1 + 0.2, b: 0.3 } }),
        tableParty("B", { y: 0.5, x: 0.5 }, { y: { only: 1 }, x: { a: 0.4, b: 0.4 } }),
      ],
      frameworks: [],
    };
    const { enumerated } = checkAgainstEnumeration(scenario);
    expect(enumerated.pareto.points).toHaveLength(1);
    expect(enumerated.pareto.points[0]!.utilities[0]).toBe(0.8);
    expect(enumerated.pareto.points[0]!.outcomeCount).toBe(2);
  });

  it("counts the rational outcomes without listing them: 10⁶ outcomes, reservation values that cut through the space", () => {
    const issues: Issue[] = Array.from({ length: 6 }, (_, i) => ({ kind: "categorical", id: `i${i}`, options: Array.from({ length: 10 }, (_, k) => `v${k}`) }));
    const party = (id: string, flip: boolean, reservation: number): Party => ({
      id,
      name: id,
      role: "party",
      preferences: {
        utility: {
          kind: "linear-additive",
          weights: Object.fromEntries(issues.map((issue, i) => [issue.id, (i + 1) / 21])),
          values: Object.fromEntries(
            issues.map((issue) => [issue.id, { kind: "table" as const, scores: Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`v${k}`, (flip ? 9 - k : k) / 9])) }]),
          ),
        },
        reservation,
      },
    });
    const compiled = compileScenario({ id: "big", name: "Big", issues, parties: [party("A", false, 0.3), party("B", true, 0.45)], frameworks: [] });
    const found = frontierByIssues(compiled, 16)!;
    const all = outcomeUtilities(compiled);
    expect(found.rationalCount).toBe(all.rationalCount);
    expect(all.rationalCount).toBeGreaterThan(0);
    expect(all.rationalCount).toBeLessThan(all.size);
  });
});
