import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng, createUtilityIndex, sortIndices } from "@parley/core";

describe("sortIndices", () => {
  it("sortIndices(keys) is a stable ascending order (radix path and fallback alike)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }).map((x) => x / 20), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 3000 }),
        (values) => {
          const keys = Float64Array.from(values);
          const order = sortIndices(keys);
          const expected = values.map((_, j) => j).sort((a, b) => values[a]! - values[b]! || a - b);
          expect(Array.from(order)).toEqual(expected);
        },
      ),
      { seed: 8, numRuns: 150 },
    );
  });

  it("sortIndices(keys) past 2^15 keys (the packed native sort): stable ascending, keys differing in their lowest bits included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1 << 15, max: 70_000 }), fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom(3, 50, 0), (n, seed, levels) => {
        // Few levels (long runs of ties), or keys a few units in the last place apart (runs the packing cannot tell apart).
        const rng = createRng(seed);
        const keys = Float64Array.from({ length: n }, () => {
          const base = levels > 0 ? Math.floor(rng() * levels) / levels : 0.5;
          const ulps = Math.floor(rng() * 8);
          let x = base;
          for (let i = 0; i < ulps; i++) x = x + x * Number.EPSILON;
          return x;
        });
        const order = sortIndices(keys);
        const expected = Array.from({ length: n }, (_, j) => j).sort((a, b) => keys[a]! - keys[b]! || a - b);
        expect(Array.from(order)).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });

  it("createUtilityIndex finds the first outcome at or above a utility and decodes outcome numbers", () => {
    const index = createUtilityIndex(Float64Array.from([0.5, 0.1, 0.9, 0.5]), [2, 2]);
    expect(Array.from(index.order)).toEqual([1, 0, 3, 2]);
    expect(index.lowerBound(0.5)).toBe(1);
    expect(index.lowerBound(0.95)).toBe(4);
    expect(index.outcomeAt(2)).toEqual([1, 0]);
    expect([index.min, index.max]).toEqual([0.1, 0.9]);
  });
});
