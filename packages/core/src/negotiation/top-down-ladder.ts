import type { UtilityIndex } from "./utility-index.js";

/**
 * One party's outcomes by ascending own utility, ties by outcome number (mixed-radix, last issue
 * fastest): position 0 is the worst, size − 1 the best. What a strategy's ladder reads.
 */
export interface OwnLadder {
  readonly size: number;
  /** Lowest and highest utility (NaN when empty). */
  readonly min: number;
  readonly max: number;
  /** Own utility of the outcome at a position. */
  utilityAt(position: number): number;
  /** The mixed-radix number of the outcome at a position. */
  numberAt(position: number): number;
  /** The first position whose utility is ≥ u (size when none). */
  lowerBound(u: number): number;
}

/** A built index as a ladder. */
export function indexLadder(index: UtilityIndex): OwnLadder {
  const { order, sorted } = index;
  return {
    size: index.size,
    min: index.min,
    max: index.max,
    utilityAt: (k) => sorted[k]!,
    numberAt: (k) => order[k]!,
    lowerBound: (u) => index.lowerBound(u),
  };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Whether topDownLadder takes these contributions: finite, non-negative, some outcome, on this engine. */
export function topDownLadderFits(contributions: readonly Float64Array[], limit: number): boolean {
  if (!LITTLE_ENDIAN || contributions.length === 0) return false;
  let size = 1;
  for (const c of contributions) {
    size *= c.length;
    for (let k = 0; k < c.length; k++) if (!(c[k]! >= 0 && c[k]! < Infinity)) return false;
  }
  return size > 0 && size <= limit && size <= 2 ** 31;
}

/**
 * The ladder of a linear-additive utility u = min(1, Σᵢ contributions[i][kᵢ]) (contributions finite
 * and non-negative: see topDownLadderFits), built from the top down as positions are asked for,
 * instead of evaluating and sorting every outcome first.
 *
 * A negotiator mostly reads the top of its ladder (a time-based agent that agrees at 0.72 on Travel
 * reads 10k of its 188k outcomes), and a one-off run (`parley simulate`) paid more for evaluating and
 * sorting the whole space cold than for negotiating. Here the outcomes worth at least a threshold θ
 * are found by a depth-first walk over the issues, each issue's options by decreasing contribution,
 * that leaves a branch as soon as its best completion falls below θ and skips a branch whose worst
 * completion is already listed; they are sorted and put at the top positions. A position or a
 * utility below θ lowers θ by a growing step and lists the band below.
 *
 * Positions are those of `createUtilityIndex` on the enumerated utilities, to the last bit: a
 * utility is summed in issue order from 0, as `outcomeUtilities` and `evaluate` sum it, and since
 * rounding is monotone, the sums of the greatest (least) options bound every completion exactly;
 * the walk's bounds only decide which branches to visit (with a margin far above rounding error),
 * a band holds exactly the outcomes with θ′ ≤ u < θ, and it is sorted by utility, then outcome
 * number: the engine's native sort of 64-bit integers made of the utility's bits with the lowest
 * ones replaced by the outcome number, then the rare runs equal in the kept bits re-sorted by full
 * utility. Reading the whole ladder costs about what the full index costs.
 */
export function topDownLadder(contributions: readonly Float64Array[]): OwnLadder {
  const n = contributions.length;
  const radices = contributions.map((c) => c.length);
  let size = 1;
  for (const r of radices) size *= r;
  // Least and greatest utility: each issue's least and greatest contribution, summed in issue order.
  const least = contributions.map((c) => c.reduce((m, x) => (x < m ? x : m), Infinity));
  const most = contributions.map((c) => c.reduce((m, x) => (x > m ? x : m), -Infinity));
  const clamp = (s: number) => (s > 1 ? 1 : s);
  const min = clamp(least.reduce((s, x) => s + x, 0));
  const max = clamp(most.reduce((s, x) => s + x, 0));
  // restLeast[d] / restMost[d]: what issues d … n−1 add at least / at most (for the walk's bounds).
  const restLeast = new Float64Array(n + 1);
  const restMost = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    restLeast[i] = restLeast[i + 1]! + least[i]!;
    restMost[i] = restMost[i + 1]! + most[i]!;
  }
  const margin = 1e-9 * (1 + restMost[0]!);
  // Each issue's options by decreasing contribution.
  const byValue = contributions.map((c) => Uint32Array.from(c.keys()).sort((a, b) => c[b]! - c[a]! || a - b));
  const last = n - 1;

  /** order[k], sorted[k]: the outcome number and utility at position k, for k ≥ lo. */
  const order = new Uint32Array(size);
  const sorted = new Float64Array(size);
  /** Positions lo … size − 1 are listed: exactly the outcomes worth at least theta. */
  let lo = size;
  let theta = Infinity;
  let step = (max - min) / 64;

  // A band's outcomes as sort keys: the utility's bits, the lowest `bits` of them replaced by the
  // outcome number (little-endian words [low, high]); utilityOf[number] keeps the utility itself.
  let bits = 1;
  while (2 ** bits < size) bits++;
  const keep = bits >= 32 ? 0 : (0xffffffff << bits) >>> 0;
  const low = ~keep >>> 0;
  // (Working arrays: zero-filled on allocation, so only the pages a band writes take memory; dropped
  // once the whole ladder is listed, leaving what the full index keeps.)
  let keys = new BigUint64Array(size);
  let keyWords = new Uint32Array(keys.buffer);
  let utilityOf = new Float64Array(size);
  const one = new Float64Array(1);
  const oneWords = new Uint32Array(one.buffer);

  let found = 0;
  let from = 0;
  let below = 0;
  const walk = (d: number, partial: number, number: number): void => {
    const table = contributions[d]!;
    const options = byValue[d]!;
    const r = options.length;
    if (d === last) {
      const base = number * r;
      for (let i = 0; i < r; i++) {
        const x = options[i]!;
        let u = partial + table[x]!;
        if (u > 1) u = 1;
        if (u >= below) continue;
        if (u < from) break;
        const outcome = base + x;
        utilityOf[outcome] = u;
        one[0] = u;
        keyWords[2 * found] = ((oneWords[0]! & keep) | outcome) >>> 0;
        keyWords[2 * found + 1] = oneWords[1]!;
        found++;
      }
      return;
    }
    // Bounds loosened by the margin: a branch is left only when no completion can be in the band.
    const most = restMost[d + 1]! + margin;
    const least = restLeast[d + 1]! - margin;
    for (let i = 0; i < r; i++) {
      const x = options[i]!;
      const s = partial + table[x]!;
      if (s + least >= below) continue;
      if (s + most < from) break;
      walk(d + 1, s, number * r + x);
    }
  };

  /** List the next band down: the outcomes worth less than theta and at least the next threshold. */
  const extend = () => {
    const next = theta === Infinity ? max - step : theta - step;
    step *= 1.25;
    // The last band takes everything left (also when the step is lost to rounding: tiny utilities).
    from = next <= min || !(next < theta) ? -Infinity : next;
    below = theta;
    found = 0;
    walk(0, 0, 0);
    const count = found;
    keys.subarray(0, count).sort();
    const start = lo - count;
    for (let k = 0; k < count; k++) {
      const outcome = keyWords[2 * k]! & low;
      order[start + k] = outcome;
      sorted[start + k] = utilityOf[outcome]!;
    }
    // Runs equal in the kept bits are in number order: re-sort one only when its utilities are not.
    for (let s = 0; s < count; ) {
      let e = s + 1;
      let ordered = true;
      while (e < count && keyWords[2 * e + 1] === keyWords[2 * s + 1] && (keyWords[2 * e]! & keep) === (keyWords[2 * s]! & keep)) {
        if (sorted[start + e - 1]! > sorted[start + e]!) ordered = false;
        e++;
      }
      if (!ordered) {
        const run = Array.from(order.subarray(start + s, start + e)).sort((a, b) => utilityOf[a]! - utilityOf[b]! || a - b);
        for (let k = 0; k < run.length; k++) {
          order[start + s + k] = run[k]!;
          sorted[start + s + k] = utilityOf[run[k]!]!;
        }
      }
      s = e;
    }
    lo = start;
    theta = from;
    // The last band lists everything left: anything else is a bug (never loop for ever on one).
    if (from === -Infinity && lo !== 0) throw new Error(`topDownLadder: ${lo} outcomes left unlisted`);
    if (lo === 0) {
      keys = new BigUint64Array(0);
      keyWords = new Uint32Array(0);
      utilityOf = new Float64Array(0);
    }
  };

  return {
    size,
    min,
    max,
    utilityAt(k) {
      while (k < lo && lo > 0) extend();
      return sorted[k]!;
    },
    numberAt(k) {
      while (k < lo && lo > 0) extend();
      return order[k]!;
    },
    lowerBound(u) {
      if (u <= min) return 0;
      if (u > max) return size;
      while (!(u >= theta) && lo > 0) extend();
      let a = lo;
      let b = size;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (sorted[mid]! < u) a = mid + 1;
        else b = mid;
      }
      return a;
    },
  };
}
