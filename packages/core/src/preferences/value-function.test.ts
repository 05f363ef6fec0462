import { describe, expect, it } from "vitest";
import { compileScenario, issueSize, issueValueIndex, issueValues, utilityOf, valueScore, type Issue, type Scenario } from "@parley/core";

const num: Issue = { kind: "integer", id: "n", min: 10, max: 20 };
const real: Issue = { kind: "real", id: "r", min: 0, max: 1, step: 0.3 };

describe("valueScore", () => {
  it("valueScore(table) reads the listed score, 0 when missing", () => {
    const fn = { kind: "table" as const, scores: { a: 0.25, "12": 0.5 } };
    expect(valueScore(fn, { kind: "categorical", id: "c", options: ["a", "b"] }, "a")).toBe(0.25);
    expect(valueScore(fn, { kind: "categorical", id: "c", options: ["a", "b"] }, "b")).toBe(0);
    expect(valueScore(fn, num, 12)).toBe(0.5);
  });

  it("valueScore(linear) is clamp(offset + slope·(x − min), 0, 1), as GENIUS's integer evaluator", () => {
    const fn = { kind: "linear" as const, slope: 0.15, offset: 0.1 };
    expect(valueScore(fn, num, 10)).toBeCloseTo(0.1, 12);
    expect(valueScore(fn, num, 14)).toBeCloseTo(0.7, 12);
    expect(valueScore(fn, num, 20)).toBe(1); // 1.6 clamped
    expect(valueScore({ kind: "linear", slope: -0.2, offset: 0.5 }, num, 18)).toBe(0); // −1.1 clamped
  });

  it("valueScore(peaked) is triangular: 0 at low and high, 1 at the peak", () => {
    const fn = { kind: "peaked" as const, low: 10, peak: 14, high: 20 };
    expect(valueScore(fn, num, 10)).toBe(0);
    expect(valueScore(fn, num, 12)).toBeCloseTo(0.5, 12);
    expect(valueScore(fn, num, 14)).toBe(1);
    expect(valueScore(fn, num, 17)).toBeCloseTo(0.5, 12);
    expect(valueScore(fn, num, 20)).toBe(0);
  });

  it("valueScore(piecewise) interpolates and is flat outside its points", () => {
    const fn = { kind: "piecewise" as const, points: [[12, 0.2], [16, 1], [18, 0.6]] as [number, number][] };
    expect(valueScore(fn, num, 10)).toBe(0.2);
    expect(valueScore(fn, num, 14)).toBeCloseTo(0.6, 12);
    expect(valueScore(fn, num, 17)).toBeCloseTo(0.8, 12);
    expect(valueScore(fn, num, 20)).toBe(0.6);
  });
});

describe("issue values", () => {
  it("issueValues(real) is the grid min, min+step, …, max with a shorter last step", () => {
    expect(issueValues(real)).toEqual([0, 0.3, 0.6, 0.9, 1]);
    expect(issueSize(real)).toBe(5);
    expect(issueValueIndex(real, 0.6)).toBe(2);
    expect(issueValueIndex(real, 0.9)).toBe(3);
    expect(issueValueIndex(real, 1)).toBe(4);
    expect(issueValueIndex(real, 0.5)).toBe(-1);
    expect(issueValues({ kind: "real", id: "x", min: 0, max: 1, step: 0.1 })).toHaveLength(11);
  });

  it("issueValues(integer) lists every integer; issueValueIndex rejects non-members", () => {
    expect(issueValues(num)).toHaveLength(11);
    expect(issueValueIndex(num, 15)).toBe(5);
    expect(issueValueIndex(num, 15.5)).toBe(-1);
    expect(issueValueIndex(num, "15")).toBe(-1);
  });
});

describe("utilityOf: a hand-computed linear-additive case (capped at 1)", () => {
  const scenario: Scenario = {
    id: "u",
    name: "u",
    issues: [{ kind: "categorical", id: "c", options: ["lo", "hi"] }, num],
    parties: [
      {
        id: "A",
        name: "A",
        role: "party",
        preferences: {
          utility: {
            kind: "linear-additive",
            weights: { c: 0.7, n: 0.6 }, // sums past 1, as GENIUS files may
            values: { c: { kind: "table", scores: { lo: 0.5, hi: 1 } }, n: { kind: "linear", slope: 0.1, offset: 0 } },
          },
        },
      },
    ],
    frameworks: [],
  };
  it("u = min(1, Σ w·score)", () => {
    const c = compileScenario(scenario);
    expect(utilityOf(c, "A", { c: "lo", n: 15 })).toBeCloseTo(0.7 * 0.5 + 0.6 * 0.5, 12); // 0.65
    expect(utilityOf(c, "A", { c: "hi", n: 20 })).toBe(1); // 1.3 capped
  });
});
