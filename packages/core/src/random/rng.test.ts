import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng, deriveSeed } from "./rng.js";

/** sfc32 seeded through splitmix32, written plainly on unsigned words: the sequence createRng must give. */
function plainSfc32(seed: number): () => number {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = (): number => {
    const t = (a + b + d) % 2 ** 32;
    d = (d + 1) % 2 ** 32;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + ((c << 3) >>> 0)) % 2 ** 32;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) % 2 ** 32;
    return t / 2 ** 32;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const runs = Number(process.env["PARLEY_FC_RUNS"] ?? 100);

describe("createRng", () => {
  it("gives sfc32's sequence for every 32-bit seed (state kept as signed words)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), (seed) => {
        const rng = createRng(seed);
        const plain = plainSfc32(seed);
        const got = Float64Array.from({ length: 2000 }, () => rng());
        const want = Float64Array.from({ length: 2000 }, () => plain());
        expect(got).toEqual(want);
      }),
      { numRuns: runs },
    );
  });

  it("draws in [0, 1), the same for the same seed", () => {
    const a = createRng(12345);
    const b = createRng(12345);
    for (let i = 0; i < 10_000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it("derives sub-run seeds as unsigned 32-bit integers, independent of order", () => {
    expect(deriveSeed(7, 3)).toBe(deriveSeed(7, 3));
    expect(deriveSeed(7, 3)).not.toBe(deriveSeed(7, 4));
    expect(Number.isInteger(deriveSeed(7, 3)) && deriveSeed(7, 3) >= 0 && deriveSeed(7, 3) < 2 ** 32).toBe(true);
  });
});
