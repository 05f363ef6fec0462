import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeScenario,
  compileScenario,
  nearestDistance,
  negotiationReference,
  runMetrics,
  runNegotiation,
  saoProtocol,
  timeBasedNegotiator,
  welfare,
} from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";
import { compiled3 } from "../../test/negotiation-fixtures.js";

describe("run metrics", () => {
  it("nearestDistance is the Euclidean distance to the closest point (null without points)", () => {
    expect(nearestDistance([0, 0], [[3, 4], [1, 1]])).toBeCloseTo(Math.SQRT2, 12);
    expect(nearestDistance([1, 1], [[1, 1]])).toBe(0);
    expect(nearestDistance([1, 1], [])).toBeNull();
    expect(welfare([0.25, 0.5, 1])).toBe(1.75);
  });

  it("the reference follows the seats, in seat order", () => {
    const all = negotiationReference(compiled3);
    const report = analyzeScenario(compiled3);
    expect(all.frontier).toEqual(report.pareto.points.map((p) => p.utilities));
    expect(all.nash).toEqual(report.nash.map((p) => p.utilities));
    const two = negotiationReference(compiled3, ["Q", "P"]);
    expect(two.seats).toEqual(["Q", "P"]);
    for (const p of two.frontier) expect(p).toHaveLength(2);
    expect(() => negotiationReference(compiled3, ["nobody"])).toThrow(/nobody/);
  });

  it("an agreement on the frontier is at distance 0; no agreement is measured from the disagreement point", () => {
    const ref = negotiationReference(compiled3);
    const nash = ref.nash[0]!;
    const onNash = runMetrics({ status: "agreement", agreement: { a: "y", b: "x" }, utilities: nash, rounds: 3, seats: ["P", "Q", "R"] }, ref);
    expect(onNash.paretoDistance).toBe(0);
    expect(onNash.nashDistance).toBe(0);
    expect(onNash.welfare).toBeCloseTo(nash.reduce((a, b) => a + b, 0), 12);
    const none = runMetrics({ status: "timeout", agreement: null, utilities: [0, 0, 0], rounds: 10, seats: ["P", "Q", "R"] }, ref);
    expect(none.agreement).toBe(false);
    expect(none.paretoDistance).toBeCloseTo(Math.min(...ref.frontier.map((p) => Math.hypot(...p))), 12);
    expect(() => runMetrics({ status: "timeout", agreement: null, utilities: [0, 0, 0], rounds: 10, seats: ["Q", "P", "R"] }, ref)).toThrow(/seats/);
  });

  it("distances are ≥ 0, Pareto ≤ Nash distance, and 0 for agreements on the frontier (property)", () => {
    fc.assert(
      fc.property(arbitraryScenario({ minParties: 2, maxParties: 2, reservations: true }), fc.integer({ min: 0, max: 1000 }), (sc, seed) => {
        const c = compileScenario(sc);
        const ref = negotiationReference(c);
        const r = runNegotiation(c, [timeBasedNegotiator(0.5), timeBasedNegotiator(2)], { protocol: (n) => saoProtocol(n, { rounds: 30 }), seed });
        const m = runMetrics(r, ref);
        if (ref.frontier.length === 0) {
          expect(m.paretoDistance).toBeNull();
          return;
        }
        expect(m.paretoDistance!).toBeGreaterThanOrEqual(0);
        expect(m.paretoDistance!).toBeLessThanOrEqual(m.nashDistance! + 1e-12);
        if (ref.frontier.some((p) => p.every((x, i) => x === m.utilities[i]))) expect(m.paretoDistance).toBe(0);
      }),
      { seed: 5, numRuns: 60 },
    );
  });
});
