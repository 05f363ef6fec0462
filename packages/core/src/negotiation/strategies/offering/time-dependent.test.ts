import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aspirationLevel, aspirationOffering, timeDependentOffering, timeDependentTarget } from "@parley/core";
import { at, sessionOf, splitScenario } from "../../../../test/strategy-fixtures.js";

describe("timeDependentTarget (Faratin et al. 1998)", () => {
  // target(t) = 1 − t^(1/e) between 0 and 1: e = 0.2 → 1 − t⁵, e = 1 → 1 − t, e = 2 → 1 − √t.
  it.each([
    [0.2, 0, 1],
    [0.2, 0.5, 0.96875],
    [0.2, 1, 0],
    [1, 0, 1],
    [1, 0.5, 0.5],
    [1, 1, 0],
    [2, 0, 1],
    [2, 0.5, 0.2928932188134524],
    [2, 1, 0],
  ])("e = %d, t = %d → %d", (e, t, expected) => {
    expect(timeDependentTarget(t, e, 0, 1)).toBeCloseTo(expected, 12);
  });

  it("scales between min and max; k is the concession at t = 0", () => {
    expect(timeDependentTarget(0, 1, 0.2, 0.8)).toBeCloseTo(0.8, 12);
    expect(timeDependentTarget(0.5, 1, 0.2, 0.8)).toBeCloseTo(0.5, 12);
    // F(0) = k = 0.1 → 0.8 − 0.06; F(0.5) = 0.1 + 0.9 · 0.5 = 0.55 → 0.2 + 0.6 · 0.45.
    expect(timeDependentTarget(0, 1, 0.2, 0.8, 0.1)).toBeCloseTo(0.74, 12);
    expect(timeDependentTarget(0.5, 1, 0.2, 0.8, 0.1)).toBeCloseTo(0.47, 12);
  });

  it("e = 0 (Hardliner) does not concede before the deadline", () => {
    expect(timeDependentTarget(0, 0, 0, 1)).toBe(1);
    expect(timeDependentTarget(0.999, 0, 0, 1)).toBe(1);
    expect(timeDependentTarget(1, 0, 0, 1)).toBe(0);
  });

  it("never increases with time, stays in [min, max], and concedes less the smaller e", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 20, noNaN: true }), (a, b, e) => {
        const [t0, t1] = a <= b ? [a, b] : [b, a];
        const u0 = timeDependentTarget(t0, e, 0.3, 0.9);
        const u1 = timeDependentTarget(t1, e, 0.3, 0.9);
        expect(u1).toBeLessThanOrEqual(u0 + 1e-12);
        expect(u1).toBeGreaterThanOrEqual(0.3 - 1e-12);
        expect(u0).toBeLessThanOrEqual(0.9 + 1e-12);
        expect(timeDependentTarget(t0, e / 2, 0.3, 0.9)).toBeGreaterThanOrEqual(u0 - 1e-12);
      }),
    );
  });
});

describe("aspirationLevel (NegMAS)", () => {
  it("poly: a(t) = 1 − t^x", () => {
    expect(aspirationLevel(0.5, 4)).toBeCloseTo(0.9375, 12);
    expect(aspirationLevel(0.5, 1)).toBeCloseTo(0.5, 12);
    expect(aspirationLevel(0.5, 0.25)).toBeCloseTo(1 - Math.pow(0.5, 0.25), 12);
    expect(aspirationLevel(0.99, Infinity)).toBe(1);
    expect(aspirationLevel(0, 4)).toBe(1);
    expect(aspirationLevel(1, 4)).toBe(0);
    expect(aspirationLevel(0.5, 1, "poly", 0.8)).toBeCloseTo(0.4, 12);
  });
  it("poly with x is Faratin's curve with e = 1/x", () => {
    for (const t of [0.1, 0.5, 0.9]) expect(aspirationLevel(t, 4)).toBeCloseTo(timeDependentTarget(t, 0.25, 0, 1), 12);
  });
  it("exp: a(t) = (e^((1−t)^x) − 1)/(e − 1)", () => {
    expect(aspirationLevel(0, 1, "exp")).toBeCloseTo(1, 12);
    expect(aspirationLevel(0.5, 1, "exp")).toBeCloseTo((Math.exp(0.5) - 1) / (Math.E - 1), 12);
    expect(aspirationLevel(1, 1, "exp")).toBe(0);
  });
});

describe("time-dependent offers", () => {
  // P's ladder: x/10; reservation 0.25 → floor 0.25, best 1.
  const { session } = sessionOf(splitScenario(10, [0.25, 0]));
  it("offer the least outcome at or above the target, between the floor and the best", () => {
    const linear = timeDependentOffering({ e: 1 })(session);
    expect(linear.target(at(0))).toBeCloseTo(1, 12);
    expect(linear.propose(at(0))).toEqual([10]);
    expect(linear.target(at(0.5))).toBeCloseTo(0.625, 12);
    expect(linear.propose(at(0.5))).toEqual([7]);
    expect(linear.propose(at(1))).toEqual([3]); // target 0.25: x = 3 is the least worth ≥ 0.25
  });
  it("aspiration scales a(t) between the floor and the best", () => {
    const asp = aspirationOffering({ x: 1 })(session);
    expect(asp.target(at(0.5))).toBeCloseTo(0.625, 12);
    expect(asp.propose(at(0.5))).toEqual([7]);
  });
});
