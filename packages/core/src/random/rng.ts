/** A source of uniform random numbers in [0, 1). Every function that samples takes one. */
export type Rng = () => number;

/**
 * A seeded generator (sfc32, seeded through splitmix32): the same seed gives the same sequence on
 * every platform. Seeds are any 32-bit integers (other numbers are truncated).
 */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  // The state is kept as signed 32-bit integers (`| 0`: the same bits as sfc32's unsigned words), which
  // V8 holds unboxed; unsigned words above 2³¹ would be a heap number per step in code not yet optimised.
  let a = split() | 0;
  let b = split() | 0;
  let c = split() | 0;
  let d = split() | 0;
  const next: Rng = () => {
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A seed for the i-th sub-run derived from a parent seed, independent of run order. */
export function deriveSeed(seed: number, index: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x2c1b3c6d);
  z = Math.imul(z ^ (z >>> 12), 0x297a2d39);
  return (z ^ (z >>> 15)) >>> 0;
}
