import { describe, expect, it } from "vitest";
import { analyzeScenario, compileScenario, enumerationBytes, enumerationFits, outcomeUtilities, type Scenario } from "@parley/core";
import { randomAdditiveScenario } from "../../test/random-additive.js";

describe("the enumeration follows a memory budget", () => {
  it("bytes grow with outcomes × parties; many parties hit the budget before the count limit", () => {
    expect(enumerationBytes(1000, 2)).toBe(1000 * 33);
    expect(enumerationFits(6_000_000, 4, 10_000_000, 2 ** 30).fits).toBe(true);
    const many = enumerationFits(6_000_000, 40, 10_000_000, 2 ** 30);
    expect(many.fits).toBe(false);
    if (!many.fits) expect(many.reason).toMatch(/needs about \d+ MiB, more than the memory budget of 1024 MiB/);
  });
  it("past the budget, an additive space takes the exact merge path and a non-additive one is refused with the reason", () => {
    const additive = randomAdditiveScenario(4, 5, 3, 1);
    const budget = enumerationBytes(625, 3) - 1;
    const merged = analyzeScenario(additive, { memoryBudget: budget });
    expect(merged.method).toBe("merge");
    expect(merged.pareto.points.map((p) => p.utilities)).toEqual(analyzeScenario(additive).pareto.points.map((p) => p.utilities));
    const nonAdditive: Scenario = {
      ...additive,
      parties: additive.parties.map((p) => ({ ...p, preferences: { utility: { kind: "hyper-rectangles", rectangles: [{ utility: 1, includes: [{ issue: "i0", min: 0, max: 2 }] }] } } })),
    };
    expect(() => analyzeScenario(nonAdditive, { memoryBudget: budget })).toThrow(/memory budget.*not linear-additive/);
    expect(() => outcomeUtilities(compileScenario(nonAdditive), { memoryBudget: budget })).toThrow(/memory budget/);
  });
});
