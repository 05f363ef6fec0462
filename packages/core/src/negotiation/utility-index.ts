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
 * Indices 0..n−1 sorted by ascending key, stable. Keys ≥ 0 (utilities) are sorted by the engine's
 * native sort of 64-bit integers: each key's IEEE-754 bits (monotone for non-negative doubles) with
 * their lowest b bits replaced by the index (n ≤ 2^b), so one BigUint64Array.sort orders by key and
 * then by index; a linear pass then re-sorts exactly the rare runs whose keys differ only in the
 * bits given up. Native code from the first call: no warm-up, unlike a JavaScript radix sort, which
 * is what a command-line run (one negotiation, cold) pays. Below 32k keys a comparison sort is used.
 */
export function sortIndices(keys: Float64Array): Uint32Array {
  const n = keys.length;
  let nonNegative = true;
  for (let j = 0; j < n; j++) if (!(keys[j]! >= 0) || Object.is(keys[j], -0)) nonNegative = false;
  if (!nonNegative || n < 1 << 15 || !LITTLE_ENDIAN) {
    const idx = new Uint32Array(n);
    for (let j = 0; j < n; j++) idx[j] = j;
    return idx.sort((a, b) => keys[a]! - keys[b]! || a - b);
  }
  let b = 15;
  while (b < 32 && 2 ** b < n) b++;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, n * 2); // little-endian: [lo, hi]
  const packed = new BigUint64Array(n);
  const pw = new Uint32Array(packed.buffer);
  const keep = b >= 32 ? 0 : (0xffffffff << b) >>> 0; // the low word's bits kept from the key
  for (let j = 0; j < n; j++) {
    pw[2 * j] = ((words[2 * j]! & keep) | j) >>> 0;
    pw[2 * j + 1] = words[2 * j + 1]!;
  }
  packed.sort();
  const idx = new Uint32Array(n);
  const low = ~keep >>> 0;
  for (let j = 0; j < n; j++) idx[j] = pw[2 * j]! & low;
  // Runs equal in the kept bits are in index order: re-sort one only when its full keys are not.
  for (let s = 0; s < n; ) {
    let e = s + 1;
    let ordered = true;
    while (e < n && pw[2 * e + 1] === pw[2 * s + 1] && (pw[2 * e]! & keep) === (pw[2 * s]! & keep)) {
      if (keys[idx[e - 1]!]! > keys[idx[e]!]!) ordered = false;
      e++;
    }
    if (!ordered) idx.subarray(s, e).sort((x, y) => keys[x]! - keys[y]! || x - y);
    s = e;
  }
  return idx;
}
