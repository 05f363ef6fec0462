import { describe, expect, it } from "vitest";
import { titForTatOffering } from "@parley/core";
import { at, receiveSplit as receive, sessionOf, splitScenario } from "../../../../test/strategy-fixtures.js";

// P's utility of [x] is x/10: an offer [x] from the opponent (seat 1) is worth x/10 to P.

describe("naive relative tit-for-tat", () => {
  it("starts at its best, concedes `initial` at the first offer, then mirrors the opponent's concession", () => {
    const writer = sessionOf(splitScenario(10));
    const tft = titForTatOffering({ initial: 0.1 })(writer.session);
    expect(tft.propose(at(0))).toEqual([10]);
    receive(writer, 0); // first offer: concede 0.1 · (1 − 0)
    expect(tft.propose(at(0.01))).toEqual([9]);
    receive(writer, 2); // the opponent conceded 0.2 in my utility
    expect(tft.target(at(0.02))).toBeCloseTo(0.7, 12);
    expect(tft.propose(at(0.02))).toEqual([7]);
    receive(writer, 1); // it retracted 0.1: no punishment by default
    expect(tft.propose(at(0.03))).toEqual([7]);
  });

  it("kindness adds to the reciprocated concession; punish answers a retraction", () => {
    const writer = sessionOf(splitScenario(10));
    const tft = titForTatOffering({ initial: 0.1, kindness: 0.5, punish: true })(writer.session);
    tft.propose(at(0));
    receive(writer, 0);
    tft.propose(at(0.01)); // 0.9
    receive(writer, 2); // +0.2 → concede 1.5 · 0.2 = 0.3
    expect(tft.target(at(0.02))).toBeCloseTo(0.6, 12);
    tft.propose(at(0.02));
    receive(writer, 1); // −0.1 → back up to 0.7
    expect(tft.target(at(0.03))).toBeCloseTo(0.7, 12);
  });
});
