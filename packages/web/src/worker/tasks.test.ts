import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeScenario, compileScenario, outcomeUtilities, type Scenario } from "@parley/core";
import { parseScenario } from "@parley/formats";
import { analysisJsonOf, analyzeInBrowser, outcomeSpace, PLOT_SAMPLE_SIZE, SpaceCache } from "./tasks.js";

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
  it("analyzeInBrowser gives the analyze --json shape of the core's analysis", () => {
    const json = analyzeInBrowser(builtin);
    const report = analyzeScenario(builtin);
    expect(json).toEqual(analysisJsonOf(report));
    expect(json.pareto.points.length).toBe(report.pareto.count);
    expect(json.nash[0]!.utilities).toEqual(report.nash[0]!.utilities);
  });
});
