import { describe, expect, it } from "vitest";
import type { AnalysisJson } from "../../api/types.js";
import { buildOutcomeSpaceModel, dotSize, frontier2d, hitTest, plotLayout, rasterizeOutcomes, toPixel } from "./model.js";

/** Brute force: rational points no rational point dominates, distinct, by x. */
function frontierReference(xs: number[], ys: number[], rational: number[]): [number, number][] {
  const pts = xs.map((x, j) => [x, ys[j]!] as [number, number]).filter((_, j) => rational[j]);
  const keep = pts.filter(([x, y]) => !pts.some(([a, b]) => a >= x && b >= y && (a > x || b > y)));
  const distinct = [...new Map(keep.map((p) => [`${p[0]},${p[1]}`, p])).values()];
  return distinct.sort((p, q) => p[0] - q[0]);
}

const analysis: AnalysisJson = {
  scenario: { id: "s", name: "S" },
  method: "enumerate",
  exact: true,
  opposition: null,
  conflicts: null,
  notes: [],
  parties: ["a", "b", "c"],
  issues: ["i"],
  outcomes: 4,
  reservation: [0.2, 0.3, 0],
  ideal: [1, 1, 1],
  rational: { count: 2, fraction: 0.5 },
  pareto: { count: 2, points: [[0.5, 0.8, 0.1], [0.9, 0.4, 0.2]], outcomes: [{}, {}], outcomeCounts: [1, 1] },
  nash: [{ utilities: [0.5, 0.8, 0.1], outcome: {} }],
  kalaiSmorodinsky: [{ utilities: [0.5, 0.8, 0.1], outcome: {} }],
  egalitarian: [{ utilities: [0.9, 0.4, 0.2], outcome: {} }],
  maxWelfare: [],
  frameworks: [
    {
      framework: { id: "f", name: "Draft" },
      settled: {},
      open: ["i"],
      clashes: [],
      parties: [
        { party: "a", utility: { min: 0.1, max: 0.6 }, reservation: 0.2, redLinesCrossed: [], verdict: "depends" },
        { party: "b", utility: { min: 0.3, max: 0.3 }, reservation: 0.3, redLinesCrossed: [], verdict: "accept" },
      ],
    },
  ],
};

describe("frontier2d", () => {
  it("frontier2d agrees with brute force on random points with ties", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 20; trial++) {
      const n = 200;
      const xs = Array.from({ length: n }, () => Math.round(rnd() * 20) / 20);
      const ys = Array.from({ length: n }, () => Math.round(rnd() * 20) / 20);
      const rational = Array.from({ length: n }, () => (rnd() < 0.7 ? 1 : 0));
      expect(frontier2d({ xs, ys, rational })).toEqual(frontierReference(xs, ys, rational));
    }
  });
});

describe("buildOutcomeSpaceModel", () => {
  it("buildOutcomeSpaceModel projects the solutions, reservation values and frameworks onto the chosen parties", () => {
    const m = buildOutcomeSpaceModel({ width: 500, height: 500, x: { id: "b", label: "B" }, y: { id: "a", label: "A" }, columns: null, analysis });
    expect(m.reservation).toEqual({ x: 0.3, y: 0.2 });
    expect(m.markers.find((k) => k.id === "nash-0")).toMatchObject({ x: 0.8, y: 0.5, shape: "star" });
    expect(m.frameworks).toEqual([{ id: "f", label: "Draft", x: [0.3, 0.3], y: [0.1, 0.6] }]);
    // Three parties: the full frontier is projected; no two-party frontier without the outcomes.
    expect(m.projectedFrontier).toEqual([[0.8, 0.5], [0.4, 0.9]]);
    expect(m.frontier).toEqual([]);
  });

  it("buildOutcomeSpaceModel honours the overlay switches", () => {
    const m = buildOutcomeSpaceModel({
      width: 500,
      height: 500,
      x: { id: "a", label: "A" },
      y: { id: "b", label: "B" },
      columns: { xs: [0.1, 0.5], ys: [0.9, 0.2], rational: [1, 1] },
      analysis,
      show: { solutions: false, frameworks: false, reservation: false },
    });
    expect(m.markers).toEqual([]);
    expect(m.frameworks).toEqual([]);
    expect(m.reservation).toEqual({ x: null, y: null });
    expect(m.frontier).toEqual([[0.1, 0.9], [0.5, 0.2]]);
  });
});

describe("rasterizeOutcomes", () => {
  it("rasterizeOutcomes colours the pixel of each outcome, rational ones blue, on top", () => {
    const plot = plotLayout(200, 200);
    const columns = { xs: [0, 1, 0.5], ys: [0, 1, 0.5], rational: [0, 1, 0] };
    const r = rasterizeOutcomes(columns, plot, 200, 200, 1);
    expect(r.width).toBe(200);
    expect(r.data.length).toBe(200 * 200 * 4);
    const rgba = (ux: number, uy: number) => {
      const [px, py] = toPixel(plot, ux, uy);
      const i = (Math.min(199, Math.floor(py)) * 200 + Math.min(199, Math.floor(px))) * 4;
      return [...r.data.slice(i, i + 4)];
    };
    expect(rgba(1, 1).slice(0, 3)).toEqual([38, 104, 170]);
    expect(rgba(0.5, 0.5).slice(0, 3)).toEqual([140, 148, 158]);
    expect(rgba(0.25, 0.75)[3]).toBe(0);
  });

  it("dotSize shrinks as the outcomes grow", () => {
    expect(dotSize(27)).toBeGreaterThan(dotSize(43_092));
    expect(dotSize(1e6)).toBe(1);
  });
});

describe("hitTest", () => {
  it("hitTest names every marker at the spot under the pointer", () => {
    const m = buildOutcomeSpaceModel({ width: 500, height: 500, x: { id: "a", label: "A" }, y: { id: "b", label: "B" }, columns: null, analysis });
    const [px, py] = toPixel(m.plot, 0.5, 0.8);
    expect(hitTest(m, px + 2, py - 1)?.label).toBe("Nash = Kalai–Smorodinsky");
    expect(hitTest(m, 0, 0)).toBeNull();
  });
});
