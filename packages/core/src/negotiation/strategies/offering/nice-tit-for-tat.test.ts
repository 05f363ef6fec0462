import { describe, expect, it } from "vitest";
import { niceTitForTatOffering, type OpponentModelFactory } from "@parley/core";
import { at, receiveSplit as receive, sessionOf, splitScenario } from "../../../../test/strategy-fixtures.js";

// P's utility of [x] is x/10: an offer [x] from the opponent (seat 1) is worth x/10 to P.

describe("nice tit-for-tat (Baarslag et al. 2013)", () => {
  it("moves toward the estimated Nash point by the fraction the opponent moved, never back", () => {
    // A perfect model of Q (1 − x/10): the Nash point of the split is x = 5, worth 0.5 to P.
    const oracle: OpponentModelFactory = () => ({ observations: 1, update: () => {}, utility: (o) => 1 - o[0]! / 10 });
    const writer = sessionOf(splitScenario(10), 0, oracle);
    const ntft = niceTitForTatOffering({ refresh: 1 })(writer.session);
    expect(ntft.propose(at(0))).toEqual([10]);
    receive(writer, 0); // the opponent's first offer: worth 0 to P
    expect(ntft.target(at(0.01))).toBeCloseTo(1, 12);
    receive(writer, 2); // 0.2 of the way 0 → 0.5 is 40 % → target 1 − 0.4 · (1 − 0.5)
    expect(ntft.target(at(0.02))).toBeCloseTo(0.8, 12);
    expect(ntft.propose(at(0.02))).toEqual([8]);
    receive(writer, 0); // the opponent backtracks: nice TFT does not
    expect(ntft.target(at(0.03))).toBeCloseTo(0.8, 12);
    receive(writer, 6); // past the Nash point: it stops at the Nash point
    expect(ntft.target(at(0.04))).toBeCloseTo(0.5, 12);
  });
});
