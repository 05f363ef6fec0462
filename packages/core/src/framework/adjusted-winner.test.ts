import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustedWinner, type AdjustedWinnerResult } from "./index.js";

describe("adjustedWinner", () => {
  it("adjustedWinner gives items to the higher bidder, then splits the lowest-ratio item to equalise", () => {
    // x → A, y (tie) → A, z → B: A 80, B 50. A hands over y (ratio 1) first; half of it equalises at 65.
    const r = adjustedWinner(["x", "y", "z"], [50, 30, 20], [20, 30, 50]);
    expect(r.initialWinner).toBe("A");
    expect(r.transferred).toEqual(["y"]);
    expect(r.split).toBe("y");
    expect(r.items.map((i) => [i.item, i.shareA])).toEqual([
      ["x", 1],
      ["y", 0.5],
      ["z", 0],
    ]);
    expect(r.totalA).toBe(65);
    expect(r.totalB).toBe(65);
  });

  it("adjustedWinner moves whole items while the richer party stays ahead, from B as well", () => {
    // A wins x only (60 vs 10); B wins y, z, w: B 90 vs A 60. B's items by b/a: w (20/10 = 2), y (30/20), z (40/10).
    // Smallest first: y (1.5): B 90 − 30 = 60 ≥ A 60 + 20 = 80? no → split y: q = 30/50 = 0.6 to A.
    const r = adjustedWinner(["x", "y", "z", "w"], [60, 20, 10, 10], [10, 30, 40, 20]);
    expect(r.initialWinner).toBe("B");
    expect(r.split).toBe("y");
    expect(r.items.find((i) => i.item === "y")!.shareA).toBeCloseTo(0.6, 12);
    expect(r.totalA).toBeCloseTo(72, 12);
    expect(r.totalB).toBeCloseTo(72, 12);
  });

  it("adjustedWinner makes no transfer when the first allocation is already equitable", () => {
    const r = adjustedWinner(["x", "y"], [60, 40], [40, 60]);
    expect(r).toMatchObject({ initialWinner: null, transferred: [], split: null, totalA: 60, totalB: 60 });
  });

  it("adjustedWinner checks its arguments", () => {
    const bad = expect.objectContaining({ code: "PARLEY_ERR_BAD_ARGUMENT" });
    expect(() => adjustedWinner(["x"], [100], [50])).toThrow(bad);
    expect(() => adjustedWinner(["x", "y"], [100], [50, 50])).toThrow(bad);
    expect(() => adjustedWinner(["x", "y"], [110, -10], [50, 50])).toThrow(bad);
  });
});

/** Points that sum to 100 for each party, with ties and zeros common. */
const instance = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc
    .tuple(fc.array(fc.nat(6), { minLength: n, maxLength: n }), fc.array(fc.nat(6), { minLength: n, maxLength: n }))
    .filter(([a, b]) => a.some((x) => x > 0) && b.some((x) => x > 0))
    .map(([a, b]) => {
      const norm = (v: number[]) => {
        const s = v.reduce((x, y) => x + y, 0);
        return v.map((x) => (100 * x) / s);
      };
      return { items: a.map((_, g) => `g${g}`), a: norm(a), b: norm(b) };
    }),
);

const value = (r: AdjustedWinnerResult, party: "A" | "B", share: "A" | "B") =>
  r.items.reduce((s, i) => s + (party === "A" ? i.pointsA : i.pointsB) * (share === "A" ? i.shareA : i.shareB), 0);

describe("adjustedWinner (properties)", () => {
  it("adjustedWinner is equitable, envy-free and splits at most one item", () => {
    fc.assert(
      fc.property(instance, ({ items, a, b }) => {
        const r = adjustedWinner(items, a, b);
        expect(Math.abs(r.totalA - r.totalB)).toBeLessThanOrEqual(1e-9);
        expect(value(r, "A", "A")).toBeGreaterThanOrEqual(value(r, "A", "B") - 1e-9);
        expect(value(r, "B", "B")).toBeGreaterThanOrEqual(value(r, "B", "A") - 1e-9);
        expect(r.items.filter((i) => i.shareA > 0 && i.shareA < 1).length).toBeLessThanOrEqual(1);
        for (const i of r.items) expect(i.shareA + i.shareB).toBe(1);
      }),
      { numRuns: 1000 },
    );
  });

  it("adjustedWinner is efficient: no allocation, whole or fractional, makes one better off and the other no worse", () => {
    fc.assert(
      fc.property(instance, ({ items, a, b }) => {
        const r = adjustedWinner(items, a, b);
        const n = items.length;
        // Whole-item allocations (brute force): none dominates.
        for (let mask = 0; mask < 1 << n; mask++) {
          let va = 0;
          let vb = 0;
          for (let g = 0; g < n; g++) if (mask & (1 << g)) va += a[g]!;
          else vb += b[g]!;
          const dominates = va >= r.totalA - 1e-9 && vb >= r.totalB - 1e-9 && (va > r.totalA + 1e-9 || vb > r.totalB + 1e-9);
          expect(dominates).toBe(false);
        }
        // Fractional allocations: the most A can get while B keeps at least totalB (an LP solved greedily —
        // B keeps the items that cost A least per point of B's) is no more than totalA.
        const order = [...Array(n).keys()].filter((g) => b[g]! > 0).sort((g, h) => a[g]! * b[h]! - a[h]! * b[g]!);
        let need = r.totalB;
        let lossA = 0;
        for (const g of order) {
          if (need <= 0) break;
          const take = Math.min(1, need / b[g]!);
          need -= take * b[g]!;
          lossA += take * a[g]!;
        }
        expect(100 - lossA).toBeLessThanOrEqual(r.totalA + 1e-9);
      }),
      { numRuns: 500 },
    );
  });
});
