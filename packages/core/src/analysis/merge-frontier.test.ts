import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeScenario, compileScenario, mergeFrontier } from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";

// Exact: the merge path sums in the same order as enumeration, so vectors agree to the last bit.
const key = (u: readonly number[]) => u.map((x) => String(x)).join(",");

describe("mergeFrontier", () => {
  it("mergeFrontier(scenario) equals the enumerated rational frontier (red lines, reservations, cap)", () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ redLines: true, reservations: true, overweight: true, coarse: false, maxOutcomes: 3000 }),
        (scenario) => {
          const compiled = compileScenario(scenario);
          const enumerated = analyzeScenario(compiled, { method: "enumerate", frontierByIssues: false });
          const merged = mergeFrontier(compiled);
          expect(merged.points.map((p) => key(p.utilities)).sort()).toEqual(
            enumerated.pareto.points.map((p) => key(p.utilities)).sort(),
          );
          // Each merged point's outcome really reaches its vector.
          for (const p of merged.points)
            compiled.parties.forEach((cp, i) => expect(cp.utility.evaluate(p.outcome)).toBeCloseTo(p.utilities[i]!, 12));
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });

  it("mergeFrontier(scenario) handles coarse scores with many ties", () => {
    fc.assert(
      fc.property(arbitraryScenario({ coarse: true, redLines: true, maxParties: 3 }), (scenario) => {
        const compiled = compileScenario(scenario);
        const enumerated = analyzeScenario(compiled, { method: "enumerate", frontierByIssues: false });
        const merged = mergeFrontier(compiled);
        expect(merged.points.map((p) => key(p.utilities)).sort()).toEqual(
          enumerated.pareto.points.map((p) => key(p.utilities)).sort(),
        );
      }),
      { seed: 9, numRuns: 150 },
    );
  });
});

describe("mergeFrontier on larger seeded spaces", () => {
  it.each([
    [9, 4, 2],
    [7, 5, 3],
  ])("mergeFrontier equals enumeration on %i issues × %i options, %i parties", async (issues, options, parties) => {
    const { randomAdditiveScenario } = await import("../../test/random-additive.js");
    const compiled = compileScenario(randomAdditiveScenario(issues, options, parties, 99));
    const enumerated = analyzeScenario(compiled, { method: "enumerate", frontierByIssues: false });
    const merged = mergeFrontier(compiled);
    expect(merged.points.length).toBeGreaterThan(10);
    expect(merged.points.map((p) => key(p.utilities)).sort()).toEqual(enumerated.pareto.points.map((p) => key(p.utilities)).sort());
  });
});
