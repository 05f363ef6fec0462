import { describe, expect, it } from "vitest";
import { microOffering } from "@parley/core";
import { at, receiveSplit as receive, sessionOf, splitScenario } from "../../../../test/strategy-fixtures.js";

// P's utility of [x] is x/10: an offer [x] from the opponent (seat 1) is worth x/10 to P.

describe("MiCRO (de Jonge 2022)", () => {
  it("concedes one new outcome only when the opponent has made as many distinct offers", () => {
    const writer = sessionOf(splitScenario(10));
    const micro = microOffering()(writer.session);
    expect(micro.propose(at(0))).toEqual([10]); // m = 0 ≤ n = 0: its best
    receive(writer, 0); // n = 1
    expect(micro.target(at(0.01))).toBeCloseTo(0.9, 12); // m = 1 ≤ 1: it will concede to 0.9
    expect(micro.propose(at(0.01))).toEqual([9]); // m = 2
    receive(writer, 0); // the same offer again: n stays 1
    expect(micro.target(at(0.02))).toBeCloseTo(0.9, 12); // m = 2 > 1: no concession, lowest so far 0.9
    for (let i = 0; i < 5; i++) expect([[10], [9]]).toContainEqual(micro.propose(at(0.02)));
    receive(writer, 1); // n = 2
    expect(micro.target(at(0.03))).toBeCloseTo(0.8, 12);
    expect(micro.propose(at(0.03))).toEqual([8]);
  });

  it("never concedes below its reservation value", () => {
    const writer = sessionOf(splitScenario(10, [0.35, 0]));
    const micro = microOffering()(writer.session);
    const offers: number[] = [];
    for (let x = 0; x < 10; x++) {
      offers.push(micro.propose(at(x / 20))![0]!);
      receive(writer, x, x / 20);
    }
    expect(offers.slice(0, 7)).toEqual([10, 9, 8, 7, 6, 5, 4]);
    for (const x of offers.slice(7)) expect(x).toBeGreaterThanOrEqual(4);
    expect(micro.target(at(0.6))).toBeCloseTo(0.4, 12);
  });
});
