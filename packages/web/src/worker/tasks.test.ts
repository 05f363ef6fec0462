import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeScenario, compileScenario, outcomeUtilities, type Scenario } from "@parley/core";
import { parseScenario } from "@parley/formats";
import { analyzeBySolver } from "@parley/solve";
import { analysisJsonOf, analyzeInBrowser, outcomeSpace, PLOT_SAMPLE_SIZE, SpaceCache, type SolveInBrowser } from "./tasks.js";

// The ceasefire example (43,092 outcomes, 4 parties with preferences).
const builtin = (() => {
  const r = parseScenario(readFileSync(new URL("../../../../examples/ceasefire-talks.yaml", import.meta.url), "utf8"));
  if (!r.ok) throw new Error("examples/ceasefire-talks.yaml does not parse");
  return r.value;
})();

describe("outcomeSpace", () => {
  it("outcomeSpace returns the core's utilities for the requested parties, in their order", () => {
    const r = outcomeSpace({ key: "k", scenario: builtin, parties: ["kessa", "government"] });
    const all = outcomeUtilities(compileScenario(builtin));
    expect(r).toMatchObject({ size: all.size, count: all.size, sampled: false, rationalCount: all.rationalCount, parties: ["kessa", "government"] });
    for (const j of [0, 1, 777, all.size - 1]) {
      expect(r.columns[0]![j]).toBeCloseTo(all.utilities[2]![j]!, 6);
      expect(r.columns[1]![j]).toBeCloseTo(all.utilities[0]![j]!, 6);
      expect(r.rational[j]).toBe(all.rational[j]);
    }
  });

  it("outcomeSpace caches by key and rejects parties without preferences", () => {
    const cache = new SpaceCache();
    const a = outcomeSpace({ key: "k", scenario: builtin, parties: ["government", "movement"] }, cache);
    const b = outcomeSpace({ key: "k", scenario: { ...builtin, parties: [] }, parties: ["government", "movement"] }, cache);
    expect(b.columns[0]).toEqual(a.columns[0]); // from the cache: the changed scenario was not read
    expect(() => outcomeSpace({ key: "k", scenario: builtin, parties: ["nobody"] }, cache)).toThrow(/no preferences/);
  });

  it("outcomeSpace samples spaces too large to draw, with the same seed giving the same sample", () => {
    const issues = Array.from({ length: 8 }, (_, i) => ({ kind: "categorical" as const, id: `i${i}`, options: ["a", "b", "c", "d", "e", "f", "g", "h"] }));
    const values = Object.fromEntries(issues.map((i) => [i.id, { kind: "table" as const, scores: { a: 1, b: 0.5 } }]));
    const weights = Object.fromEntries(issues.map((i) => [i.id, 1 / 8]));
    const big: Scenario = {
      id: "big",
      name: "Big",
      issues,
      parties: ["p", "q"].map((id) => ({ id, name: id, role: "party" as const, preferences: { reservation: 0.1, utility: { kind: "linear-additive" as const, weights, values } } })),
      frameworks: [],
    };
    const r = outcomeSpace({ key: "big", scenario: big, parties: ["p", "q"], seed: 3 });
    expect(r).toMatchObject({ size: 8 ** 8, count: PLOT_SAMPLE_SIZE, sampled: true });
    const again = outcomeSpace({ key: "big2", scenario: big, parties: ["p", "q"], seed: 3 });
    expect(again.columns[0]!.slice(0, 100)).toEqual(r.columns[0]!.slice(0, 100));
  });
});

describe("analyzeInBrowser", () => {
  it("analyzeInBrowser gives the analyze --json shape of the core's analysis", async () => {
    const json = await analyzeInBrowser(builtin);
    const report = analyzeScenario(builtin);
    expect(json).toEqual(analysisJsonOf(report));
    expect(json.pareto.points.length).toBe(report.pareto.count);
    expect(json.nash[0]!.utilities).toEqual(report.nash[0]!.utilities);
  });

  // Hyper-rectangles on 6 issues of 6 values (46,656 outcomes): enumerable in a test, "too large" in the browser under a limit of 1,000.
  const nonLinear: Scenario = {
    id: "rects",
    name: "Rectangles",
    frameworks: [],
    issues: Array.from({ length: 6 }, (_, i) => ({ id: `i${i}`, kind: "integer" as const, min: 0, max: 5 })),
    parties: [0, 1, 2].map((p) => ({
      id: `p${p}`,
      name: `p${p}`,
      role: "party" as const,
      preferences: {
        reservation: 0.1,
        utility: {
          kind: "hyper-rectangles" as const,
          rectangles: Array.from({ length: 8 }, (_, r) => ({
            utility: 1 + ((r * 7 + p * 3) % 5),
            includes: [
              { issue: `i${(r + p) % 6}`, min: (r + p) % 3, max: 2 + ((r * p) % 4) },
              { issue: `i${(r * 2 + p + 1) % 6}`, min: 0, max: (r + 2 * p) % 6 },
            ],
          })),
        },
      },
    })),
  };
  const vectors = (points: readonly { utilities: number[] }[]) => points.map((p) => p.utilities.map((u) => Math.round(u * 1e9) / 1e9).join(",")).sort();

  it("a non-linear space too large to enumerate goes to the solver, loaded on demand: the exact frontier", async () => {
    let loads = 0;
    const solver = async (): Promise<SolveInBrowser> => {
      loads++;
      return (s, timeLimit) => analyzeBySolver(s, { timeLimit });
    };
    const json = await analyzeInBrowser(nonLinear, { enumerationLimit: 1000, solver });
    expect(loads).toBe(1);
    expect(json).toMatchObject({ method: "solve", exact: true, outcomes: 6 ** 6 });
    expect(json.solver).toMatchObject({ gap: 0, timeLimit: 20 });
    const enumerated = analyzeScenario(nonLinear, { method: "enumerate" });
    expect(vectors(json.pareto.points.map((p) => ({ utilities: p as number[] })))).toEqual(vectors(enumerated.pareto.points));
    expect(json.nash[0]!.utilities).toEqual(enumerated.nash[0]!.utilities);
    // An enumerable space never loads the solver; without a loader the large space is sampled.
    await analyzeInBrowser(nonLinear, { solver });
    expect(loads).toBe(1);
    const sampled = await analyzeInBrowser(nonLinear, { enumerationLimit: 1000 });
    expect(sampled).toMatchObject({ method: "sample", exact: false });
  });
});
