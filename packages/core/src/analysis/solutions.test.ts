import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeScenario,
  compileScenario,
  egalitarianPoints,
  kalaiSmorodinskyPoints,
  maxWelfarePoints,
  nashPoints,
  outcomeUtilities,
  type Scenario,
} from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";

describe("solution concepts: hand-computed cases", () => {
  // Frontier of a 2-party split-the-pie with d = (0.1, 0.3).
  const points = [
    [1, 0],
    [0.8, 0.2],
    [0.6, 0.5],
    [0.4, 0.7],
    [0.1, 0.9],
  ];
  const d = [0.1, 0.3];

  it("nashPoints(points, d) maximises the product of gains", () => {
    // products: (0.9)(−0.3) = −0.27, 0.7·(−0.1) = −0.07, 0.5·0.2 = 0.10, 0.3·0.4 = 0.12, 0·0.6 = 0
    expect(nashPoints(points, d)).toEqual([3]);
  });

  it("egalitarianPoints(points, d) maximises the smallest gain", () => {
    // min gains: −0.3, −0.1, 0.2, 0.3, 0
    expect(egalitarianPoints(points, d)).toEqual([3]);
  });

  it("maxWelfarePoints(points) lists every tie", () => {
    // sums: 1, 1, 1.1, 1.1, 1.0
    expect(maxWelfarePoints(points)).toEqual([2, 3]);
  });

  it("kalaiSmorodinskyPoints(points, d, ideal) minimises the spread of relative gains", () => {
    // I = (1, 0.9); a = ((u1−0.1)/0.9, (u2−0.3)/0.6)
    // [0.6,0.5]: (0.5556, 0.3333) spread 0.2222; [0.4,0.7]: (0.3333, 0.6667) spread 0.3333
    expect(kalaiSmorodinskyPoints(points, d, [1, 0.9])).toEqual([2]);
  });

  it("nashPoints with exact ties returns all of them", () => {
    expect(nashPoints([[0.5, 0.5], [0.25, 1], [1, 0.25]], [0, 0])).toEqual([0, 1, 2]);
  });
});

describe("analyzeScenario: a hand-computed 2×2 scenario", () => {
  const scenario: Scenario = {
    id: "tiny",
    name: "Tiny",
    issues: [
      { kind: "categorical", id: "a", options: ["x", "y"] },
      { kind: "categorical", id: "b", options: ["x", "y"] },
    ],
    parties: [
      {
        id: "P",
        name: "P",
        role: "party",
        preferences: {
          utility: { kind: "linear-additive", weights: { a: 0.6, b: 0.4 }, values: { a: { kind: "table", scores: { x: 1, y: 0 } }, b: { kind: "table", scores: { x: 1, y: 0 } } } },
          reservation: 0.3,
        },
      },
      {
        id: "Q",
        name: "Q",
        role: "party",
        preferences: {
          utility: { kind: "linear-additive", weights: { a: 0.3, b: 0.7 }, values: { a: { kind: "table", scores: { x: 0, y: 1 } }, b: { kind: "table", scores: { x: 0, y: 1 } } } },
        },
      },
      { id: "M", name: "Mediator", role: "mediator" },
    ],
    frameworks: [],
  };
  // Outcomes (a,b): xx → (1, 0), xy → (0.6, 0.7), yx → (0.4, 0.3), yy → (0, 1). P needs ≥ 0.3.
  const report = analyzeScenario(scenario);

  it("counts rational outcomes and finds the frontier", () => {
    expect(report.parties).toEqual(["P", "Q"]);
    expect(report.outcomes).toBe(4);
    expect(report.rational).toEqual({ count: 3, fraction: 0.75 });
    expect(report.pareto.points.map((p) => p.utilities)).toEqual([
      [1, 0],
      [0.6, 0.7],
    ]);
  });

  it("picks Nash, KS, egalitarian and welfare points", () => {
    // gains over d = (0.3, 0): (0.7, 0) → 0 and (0.3, 0.7) → 0.21
    expect(report.nash.map((s) => s.outcome)).toEqual([{ a: "x", b: "y" }]);
    expect(report.maxWelfare.map((s) => s.utilities)).toEqual([[0.6, 0.7]]);
    expect(report.egalitarian.map((s) => s.utilities)).toEqual([[0.6, 0.7]]);
    // I = (1, 0.7): a = (0.4286, 1) spread 0.571 vs (1, 0) spread 1
    expect(report.kalaiSmorodinsky.map((s) => s.utilities)).toEqual([[0.6, 0.7]]);
    expect(report.ideal).toEqual([1, 0.7]);
  });
});

describe("analyzeScenario against brute force", () => {
  it("solution points are optimal over all rational outcomes, not just the frontier", () => {
    fc.assert(
      fc.property(arbitraryScenario({ reservations: true, redLines: true, maxOutcomes: 5000 }), (scenario) => {
        const compiled = compileScenario(scenario);
        const report = analyzeScenario(compiled);
        const all = outcomeUtilities(compiled);
        const d = report.reservation;
        const vectors: number[][] = [];
        for (let j = 0; j < all.size; j++) if (all.rational[j]) vectors.push(all.utilities.map((c) => c[j]!));
        expect(report.rational.count).toBe(vectors.length);
        if (vectors.length === 0) {
          expect(report.nash).toEqual([]);
          return;
        }
        const nash = Math.max(...vectors.map((u) => u.reduce((p, x, i) => p * (x - d[i]!), 1)));
        const egal = Math.max(...vectors.map((u) => Math.min(...u.map((x, i) => x - d[i]!))));
        const welfare = Math.max(...vectors.map((u) => u.reduce((a, b) => a + b, 0)));
        const ideal = d.map((_, i) => Math.max(...vectors.map((u) => u[i]!)));
        for (const s of report.nash) expect(s.utilities.reduce((p, x, i) => p * (x - d[i]!), 1)).toBeGreaterThanOrEqual(nash - 1e-12);
        for (const s of report.egalitarian) expect(Math.min(...s.utilities.map((x, i) => x - d[i]!))).toBeGreaterThanOrEqual(egal - 1e-12);
        for (const s of report.maxWelfare) expect(s.utilities.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(welfare - 1e-12);
        expect(report.ideal).toEqual(ideal);
        // Ties are listed: at least one point attains each optimum exactly.
        expect(report.nash.length).toBeGreaterThan(0);
        // Every reported outcome is rational and reaches its vector.
        for (const s of [...report.nash, ...report.kalaiSmorodinsky, ...report.egalitarian, ...report.maxWelfare]) {
          const u = compiled.parties.map((cp) => cp.utility.evaluate(compiled.issues.map((issue, i) => compiled.values[i]!.indexOf(s.outcome[issue.id]!))));
          expect(u).toEqual(s.utilities);
          u.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(d[i]!));
        }
      }),
      { seed: 1234, numRuns: 150 },
    );
  });
});
