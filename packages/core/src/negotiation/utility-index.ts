import { ParleyError } from "../errors.js";
import type { Outcome } from "./types.js";

/**
 * One party's utilities of every outcome, sorted ascending, so that "an outcome worth about u to
 * me" is a binary search. Outcomes are identified by their mixed-radix number (last issue fastest).
 */
export interface UtilityIndex {
  readonly size: number;
  /** Outcome numbers sorted by ascending own utility (ties by outcome number). */
  readonly order: Uint32Array;
  /** `sorted[k]` = utility of outcome `order[k]`. */
  readonly sorted: Float64Array;
  readonly min: number;
  readonly max: number;
  /** The position in `order` of the first outcome whose utility is ≥ u (size when none). */
  lowerBound(u: number): number;
  /** The outcome with the given number. */
  outcomeAt(number: number): Outcome;
}

/** Build an index from utilities[j] (outcome j in mixed-radix order). */
export function createUtilityIndex(utilities: Float64Array, radices: readonly number[]): UtilityIndex {
  const size = utilities.length;
  if (size > 0xffffffff) throw new ParleyError("PARLEY_ERR_SPACE_TOO_LARGE", "too many outcomes to index");
  const order = sortIndices(utilities);
  const sorted = new Float64Array(size);
  for (let k = 0; k < size; k++) sorted[k] = utilities[order[k]!]!;
  return {
    size,
    order,
    sorted,
    min: size ? sorted[0]! : Number.NaN,
    max: size ? sorted[size - 1]! : Number.NaN,
    lowerBound(u) {
      let lo = 0;
      let hi = size;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
    outcomeAt(number) {
      const n = radices.length;
      const out = new Array<number>(n);
      let rest = number;
      for (let i = n - 1; i >= 0; i--) {
        const r = radices[i]!;
        out[i] = rest % r;
        rest = Math.floor(rest / r);
      }
      return out;
    },
  };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Indices 0..n−1 sorted by ascending key, stable. Keys ≥ 0 (utilities) take an LSD radix sort on
 * their IEEE-754 bits (monotone for non-negative doubles): four 16-bit passes, O(n); below 32k
 * keys a comparison sort is faster (the passes cost 4 × 65,536 bucket steps whatever n is).
 */
export function sortIndices(keys: Float64Array): Uint32Array {
  const n = keys.length;
  let idx = new Uint32Array(n);
  for (let j = 0; j < n; j++) idx[j] = j;
  let nonNegative = true;
  for (let j = 0; j < n; j++) if (!(keys[j]! >= 0) || Object.is(keys[j], -0)) nonNegative = false;
  if (!nonNegative || n < 1 << 15 || !LITTLE_ENDIAN) {
    return idx.sort((a, b) => keys[a]! - keys[b]! || a - b);
  }
  // Sort (index, lo word, hi word) triples, so every pass reads its digits sequentially.
  const words = new Uint32Array(keys.buffer, keys.byteOffset, n * 2); // little-endian: [lo, hi]
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let j = 0; j < n; j++) {
    lo[j] = words[2 * j]!;
    hi[j] = words[2 * j + 1]!;
  }
  let idx2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const digits = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let j = 0; j < n; j++) count[(digits[j]! >>> shift) & 0xffff]!++;
    if (count.includes(n)) continue; // every key has the same digit here: nothing to reorder
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = count[b]!;
      count[b] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const to = count[(digits[j]! >>> shift) & 0xffff]!++;
      idx2[to] = idx[j]!;
      lo2[to] = lo[j]!;
      hi2[to] = hi[j]!;
    }
    [idx, idx2] = [idx2, idx];
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
  }
  return idx;
}
