import { describe, expect, it } from "vitest";
import { consensusOffering, type OpponentModel, type OpponentModelFactory } from "@parley/core";
import { at, sessionOf, splitScenario } from "../../../../test/strategy-fixtures.js";

describe("consensus (multilateral)", () => {
  it("offers, among outcomes just above its target, the one the most opponents are expected to accept", () => {
    // Perfect models of two opponents (seats 1 and 2, modelled in the order of their first offers).
    const tables = [
      [0, 0, 0, 0, 0, 0, 0.5, 1, 0.6, 0, 0], // seat 1: likes x = 7 best
      [0, 0, 0, 0, 0, 0, 0.9, 0.8, 0.1, 0, 0], // seat 2: likes x = 6, then 7
    ];
    let made = 0;
    const oracle: OpponentModelFactory = () => {
      const table = tables[made++]!;
      const model: OpponentModel = { observations: 1, update: () => {}, utility: (o) => table[o[0]!]! };
      return model;
    };
    const writer = sessionOf(splitScenario(10), 0, oracle);
    const consensus = consensusOffering({ e: 1, width: 0.25 })(writer.session);
    // No offers yet: the least outcome at or above the target 1 − 0.4 = 0.6.
    expect(consensus.propose(at(0.4))).toEqual([6]);
    writer.receive([7], 1, 1, 0.01, 0.7); // θ₁ = û₁(7) = 1
    writer.receive([7], 2, 1, 0.01, 0.7); // θ₂ = û₂(7) = 0.8
    // Candidates x = 6, 7, 8: x = 7 satisfies both (score 2 + ½ · 0.8); x = 6 only seat 2.
    expect(consensus.propose(at(0.4))).toEqual([7]);
    writer.receive([6], 2, 2, 0.02, 0.6); // θ₂ = 0.9: now no candidate satisfies both
    // x = 7: seat 1 only (1 + ½ · 0.8); x = 6: seat 2 only (1 + ½ · 0.5); x = 8: none.
    expect(consensus.propose(at(0.4))).toEqual([7]);
    expect(consensus.target(at(0.4))).toBeCloseTo(0.6, 12);
  });
});
