import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario, crossesRedLine, outcomeIndicesAt, outcomeUtilities, ParleyError } from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";

describe("outcomeUtilities", () => {
  it("outcomeUtilities(compiled) equals evaluating every outcome one by one (fast paths included)", () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ minParties: 1, maxParties: 4, redLines: true, reservations: true, overweight: true }),
        (scenario) => {
          const compiled = compileScenario(scenario);
          const all = outcomeUtilities(compiled);
          expect(all.size).toBe(compiled.radices.reduce((a, b) => a * b, 1));
          let rational = 0;
          for (let j = 0; j < all.size; j++) {
            const idx = outcomeIndicesAt(compiled, j);
            let ok = true;
            compiled.parties.forEach((cp, p) => {
              const u = cp.utility.evaluate(idx);
              expect(all.utilities[p]![j]).toBe(u);
              if (u < cp.reservation || cp.redLines.some((line) => crossesRedLine(line, idx))) ok = false;
            });
            expect(all.rational[j]).toBe(ok ? 1 : 0);
            if (ok) rational++;
          }
          expect(all.rationalCount).toBe(rational);
        },
      ),
      { seed: 31, numRuns: 200 },
    );
  });

  it("outcomeUtilities refuses spaces above the limit with PARLEY_ERR_SPACE_TOO_LARGE", () => {
    const compiled = compileScenario({
      id: "s",
      name: "s",
      issues: [{ kind: "integer", id: "x", min: 0, max: 99 }],
      parties: [],
      frameworks: [],
    });
    expect(() => outcomeUtilities(compiled, { limit: 50 })).toThrow(ParleyError);
  });
});
