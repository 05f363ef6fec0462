import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createUtilityIndex, sortIndices } from "@parley/core";

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

  it("createUtilityIndex finds the first outcome at or above a utility and decodes outcome numbers", () => {
    const index = createUtilityIndex(Float64Array.from([0.5, 0.1, 0.9, 0.5]), [2, 2]);
    expect(Array.from(index.order)).toEqual([1, 0, 3, 2]);
    expect(index.lowerBound(0.5)).toBe(1);
    expect(index.lowerBound(0.95)).toBe(4);
    expect(index.outcomeAt(2)).toEqual([1, 0]);
    expect([index.min, index.max]).toEqual([0.1, 0.9]);
  });
});
