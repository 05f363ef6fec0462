import { describe, expect, it } from "vitest";
import { bayesianModel, estimateNash, frequencyModel, type AgentContext, type OpponentModelFactory } from "@parley/core";
import { sessionOf, splitScenario } from "../../../../test/strategy-fixtures.js";

/** A context with only an outcome space: all a model reads. */
const space = (...radices: number[]) => ({ values: radices.map((r) => Array.from({ length: r }, (_, k) => k)) }) as unknown as AgentContext;

describe("frequency model (HardHeaded)", () => {
  it("weights grow for issues the opponent keeps unchanged; value scores follow frequencies", () => {
    const model = frequencyModel({ learningRate: 0.2 })(space(3, 3));
    model.update([0, 0], 0);
    expect(model.weights()).toEqual([0.5, 0.5]);
    model.update([0, 1], 0.1);
    // ε = 0.2 / 2 = 0.1: issue 0 unchanged → (0.5 + 0.1, 0.5) / 1.1
    expect(model.weights()[0]).toBeCloseTo(0.6 / 1.1, 12);
    expect(model.weights()[1]).toBeCloseTo(0.5 / 1.1, 12);
    model.update([0, 2], 0.2);
    // (0.6/1.1 + 0.1, 0.5/1.1) / 1.1
    const w0 = (0.6 / 1.1 + 0.1) / 1.1;
    const w1 = 0.5 / 1.1 / 1.1;
    expect(model.weights()[0]).toBeCloseTo(w0, 12);
    expect(model.weights()[1]).toBeCloseTo(w1, 12);
    expect(w0 + w1).toBeCloseTo(1, 12);
    expect(model.valueScores(0)).toEqual([1, 0, 0]); // counts 3, 0, 0
    expect(model.valueScores(1)).toEqual([1, 1, 1]); // counts 1, 1, 1
    expect(model.utility([0, 2])).toBeCloseTo(1, 12);
    expect(model.utility([1, 2])).toBeCloseTo(w1, 12);
    expect(model.observations).toBe(3);
  });
});

describe("Bayesian model (Hindriks & Tykhonov 2008, per issue)", () => {
  it("learns that a fixed issue matters and which end of it the opponent likes", () => {
    const model = bayesianModel()(space(5, 5));
    // The opponent always asks for option 4 of issue 0 and moves freely on issue 1.
    for (let k = 0; k < 20; k++) model.update([4, k % 5], k / 40);
    const [w0, w1] = model.weights();
    expect(w0! + w1!).toBeCloseTo(1, 12);
    expect(w0).toBeGreaterThan(w1!);
    const scores = model.valueScores(0);
    expect(scores.indexOf(Math.max(...scores))).toBe(4);
    expect(model.utility([4, 0])).toBeGreaterThan(model.utility([0, 0]));
    const posterior = model.hypotheses(0);
    expect(posterior.reduce((s, h) => s + h.probability, 0)).toBeCloseTo(1, 9);
    const map = posterior.reduce((a, b) => (b.probability > a.probability ? b : a));
    expect(map.shape).toBe("uphill");
  });

  it("is deterministic and keeps utilities in [0, 1]", () => {
    const a = bayesianModel()(space(4, 7, 2));
    const b = bayesianModel()(space(4, 7, 2));
    for (let k = 0; k < 30; k++) {
      const offer = [k % 4, (k * 3) % 7, k % 2];
      a.update(offer, k / 30);
      b.update(offer, k / 30);
    }
    for (const o of [[0, 0, 0], [3, 6, 1], [1, 2, 0]]) {
      expect(a.utility(o)).toBe(b.utility(o));
      expect(a.utility(o)).toBeGreaterThanOrEqual(0);
      expect(a.utility(o)).toBeLessThanOrEqual(1);
    }
  });
});

describe("estimateNash", () => {
  it("with a perfect model of the opponent finds the Nash point of a split", () => {
    // P: x/10, Q: 1 − x/10 → the Nash product x/10 · (1 − x/10) peaks at x = 5.
    const oracle: OpponentModelFactory = () => ({ observations: 1, update: () => {}, utility: (o) => 1 - o[0]! / 10 });
    const writer = sessionOf(splitScenario(10), 0, oracle);
    expect(estimateNash(writer.session)).toBeNull();
    writer.receive([0], 1, 0, 0, 0);
    const nash = estimateNash(writer.session)!;
    expect(nash.utility).toBeCloseTo(0.5, 12);
    expect(nash.product).toBeCloseTo(0.25, 12);
  });
});
