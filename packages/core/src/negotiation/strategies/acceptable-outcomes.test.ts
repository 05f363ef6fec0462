import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptableOutcomes, compileScenario, crossesRedLine, outcomeIndicesAt, type Scenario } from "@parley/core";
import { arbitraryScenario } from "../../../test/arbitraries.js";
import { contextOf, splitScenario } from "../../../test/strategy-fixtures.js";

describe("acceptableOutcomes", () => {
  it("sorts own outcomes by utility and leaves out those that cross a red line", () => {
    const base = splitScenario(4);
    const party = base.parties[0]!;
    const sc: Scenario = { ...base, parties: [{ ...party, preferences: { ...party.preferences!, redLines: [{ kind: "forbid", issue: "x", values: [3] }] } }, base.parties[1]!] };
    const ladder = acceptableOutcomes(contextOf(compileScenario(sc)));
    expect(ladder.size).toBe(4);
    expect(Array.from({ length: 4 }, (_, k) => ladder.outcomeAt(k))).toEqual([[0], [1], [2], [4]]);
    expect(Array.from({ length: 4 }, (_, k) => ladder.utilityAt(k))).toEqual([0, 0.25, 0.5, 1]);
    expect(ladder.lowerBound(0.6)).toBe(3);
    expect(ladder.lowerBound(2)).toBe(4);
    expect([ladder.min, ladder.max]).toEqual([0, 1]);
  });

  it("holds exactly the outcomes that cross no red line, in ascending utility (property)", () => {
    fc.assert(
      fc.property(arbitraryScenario({ minParties: 2, maxParties: 2, maxOutcomes: 300, redLines: true }), (sc) => {
        const c = compileScenario(sc);
        const ctx = contextOf(c);
        const ladder = acceptableOutcomes(ctx);
        const expected: number[] = [];
        for (let j = 0; j < c.size; j++) if (!c.parties[0]!.redLines.some((l) => crossesRedLine(l, outcomeIndicesAt(c, j)))) expected.push(j);
        const numbers = Array.from({ length: ladder.size }, (_, k) => ladder.numberAt(k));
        expect([...numbers].sort((a, b) => a - b)).toEqual(expected);
        for (let k = 0; k < ladder.size; k++) {
          expect(ladder.utilityAt(k)).toBe(ctx.utility(ladder.outcomeAt(k)));
          if (k > 0) expect(ladder.utilityAt(k)).toBeGreaterThanOrEqual(ladder.utilityAt(k - 1));
        }
      }),
      { seed: 21, numRuns: 100 },
    );
  });
});
