// Whether the nominal Nash package survives one robustness sample, decided cheaply (robustness with
// nashOutcomes: false on a linear-additive, enumerable space: `parley analyze`'s nashSurvival).
//
// Each sample's answer is the exact search's (nashBeyond: is some rational outcome's Nash product
// beyond the nominal package's by more than 1e-12?), but most samples are decided by a certificate
// that costs one pass over the options, with nothing allocated:
// - stable: with tangent weights tₚ = 1 / aₚ (aₚ = uₚ − dₚ of the nominal package), the weighted
//   AM–GM inequality bounds every outcome's product by (Σₚ tₚ·aₚ / k)ᵏ · Πₚ aₚ, and Σₚ tₚ·aₚ is a sum
//   over issues. When the nominal package's option is the best of its issue by that sum on every
//   issue, by a margin, every other outcome's product is below the nominal one: stable.
// - unstable: an outcome that differs from the nominal package on one issue (an option better by
//   the tangent sum) whose product, recomputed exactly as the search computes it, is beyond.
// Samples neither certificate decides (and samples in which the nominal package is not rational:
// is a deal possible at all?) go to the exact search, nashBranchAndBound.
//
// What depends only on the scenario (score columns, option offsets, the red lines, the nominal
// package) is prepared once per scenario (survivalPlan); a sample is its weight factors
// (weight · rescaling, per party and issue) and reservation values, written into the plan's arrays.
import type { CompiledRedLine } from "../preferences/compile-red-lines.js";
import type { Rng } from "../random/rng.js";
import type { CompiledParty, CompiledScenario } from "../space/compile-scenario.js";

/** How robustness draws a linear-additive party's weights: uniform in [lo, hi] per issue, rescaled to `nominalSum`. */
export interface WeightSpec {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly nominalSum: number;
  /** Unweighted score per issue and option (a compiled contribution is weight · score). */
  readonly scores: readonly Float64Array[];
}

/**
 * Draw one weight vector (one rng() per issue, in issue order), rescale it to the nominal sum and
 * write each issue's factor (weight · scale) at out[at + i]: the party's contribution of option x
 * on issue i is then out[at + i] · scores[i][x], to the last bit.
 */
export function drawFactors(spec: WeightSpec, rng: Rng, out: Float64Array, at: number): void {
  const n = spec.lo.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const lo = spec.lo[i]!;
    const w = lo + (spec.hi[i]! - lo) * rng();
    out[at + i] = w;
    sum += w;
  }
  const scale = sum > 0 ? spec.nominalSum / sum : 0;
  for (let i = 0; i < n; i++) out[at + i] = out[at + i]! * scale;
}

/** The compiled party with these factors (contributions factor · score) and this reservation value. */
export function partyWithFactors(cp: CompiledParty, spec: WeightSpec, factors: Float64Array, at: number, reservation: number): CompiledParty {
  const n = spec.scores.length;
  const contributions: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const col = spec.scores[i]!;
    const f = factors[at + i]!;
    const out = new Float64Array(col.length);
    for (let x = 0; x < col.length; x++) out[x] = f * col[x]!;
    contributions.push(out);
  }
  return {
    ...cp,
    reservation,
    utility: {
      contributions,
      evaluate(indices: ArrayLike<number>) {
        let s = 0;
        for (let i = 0; i < n; i++) s += contributions[i]![indices[i]!]!;
        return s > 1 ? 1 : s;
      },
    },
  };
}

/** What every sample of one scenario shares, and the arrays a sample is written into. */
export interface SurvivalPlan {
  readonly k: number;
  readonly n: number;
  /** offsets[i]: where issue i's options start in a column of all options (offsets[n]: their number). */
  readonly offsets: Int32Array;
  /** scores[p · offsets[n] + offsets[i] + x]: party p's unweighted score of option x of issue i. */
  readonly scores: Float64Array;
  /** byOption[(offsets[i] + x) · k + p]: the same scores, option by option. */
  readonly byOption: Float64Array;
  /**
   * rivals[rivalStart[i] … rivalStart[i + 1] − 1]: the options of issue i (as offsets[i] + x) that
   * the stability certificate weighs against the nominal package's option: allowed, not the nominal
   * option, not its twin nor any option it dominates (no larger score for any party: the same or
   * smaller utilities, so no larger product), and not dominated by another rival (no larger score for
   * any party, smaller for one) — a dominated option's tangent sum never exceeds its dominator's —
   * nor below a mix of two other rivals (betweenTwo: its tangent sum never exceeds both of theirs).
   * An outcome using a rival left out is still covered by the stability certificate's bound; only
   * the quick instability check skips it (the exact search then decides).
   */
  readonly rivals: Int32Array;
  readonly rivalStart: Int32Array;
  /**
   * The largest tangent weight (tₚ · factor) the certificate's arithmetic takes: below it no tangent
   * sum can overflow (1e300 over the parties' largest score magnitude times their number).
   */
  readonly tfLimit: number;
  /** allowed[offsets[i] + x]: no party forbids option x of issue i. */
  readonly allowed: Uint8Array;
  readonly requires: readonly Extract<CompiledRedLine, { kind: "require" }>[];
  /** requiresAt[i]: the rules checked once issue i is set (the later of their two issues). */
  readonly requiresAt: readonly (readonly Extract<CompiledRedLine, { kind: "require" }>[])[];
  /** The nominal package's option indices; null when there is none or it crosses a red line (never rational). */
  readonly nominal: Int32Array | null;
  /** The sample: factors[p · n + i] (drawFactors) and reservation values d[p]. */
  readonly factors: Float64Array;
  readonly d: Float64Array;
  // Scratch.
  readonly sums: Float64Array;
  readonly t: Float64Array;
  readonly tf: Float64Array;
  readonly outcome: Int32Array;
  // The search's (survivalSearch).
  readonly contributions: Float64Array;
  readonly rest: Float64Array;
  readonly restT: Float64Array;
  readonly prefix: Float64Array;
  readonly order: Int32Array;
  readonly orderKey: Float64Array;
  readonly count: Int32Array;
  readonly position: Int32Array;
}

/** The plan of a linear-additive scenario whose parties' weights are drawn with `specs` (null: some party is not linear-additive). */
export function survivalPlan(compiled: CompiledScenario, specs: readonly (WeightSpec | null)[], nominal: Int32Array | null): SurvivalPlan | null {
  if (specs.some((s) => s === null)) return null;
  const k = compiled.parties.length;
  const n = compiled.radices.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + compiled.radices[i]!;
  const size = offsets[n]!;
  const scores = new Float64Array(k * size);
  specs.forEach((spec, p) => spec!.scores.forEach((col, i) => scores.set(col, p * size + offsets[i]!)));
  const allowed = new Uint8Array(size).fill(1);
  const requires: Extract<CompiledRedLine, { kind: "require" }>[] = [];
  let nominalCrosses = false;
  for (const cp of compiled.parties)
    for (const line of cp.redLines) {
      if (line.kind === "forbid") {
        line.mask.forEach((m, x) => m && (allowed[offsets[line.issue]! + x] = 0));
        if (nominal && line.mask[nominal[line.issue]!]) nominalCrosses = true;
      } else {
        requires.push(line);
        if (nominal && line.ifMask[nominal[line.ifIssue]!] && !line.thenMask[nominal[line.thenIssue]!]) nominalCrosses = true;
      }
    }
  const requiresAt = compiled.radices.map((_, i) => requires.filter((line) => Math.max(line.ifIssue, line.thenIssue) === i));
  const byOption = new Float64Array(size * k);
  for (let j = 0; j < size; j++) for (let p = 0; p < k; p++) byOption[j * k + p] = scores[p * size + j]!;
  const own = nominal && !nominalCrosses ? nominal : null;
  const rivalStart = new Int32Array(n + 1);
  const rivals: number[] = [];
  // a dominates b: at least b's score for every party, more for one (or equal everywhere and listed first: one of equal rivals is kept).
  const dominates = (a: number, b: number): boolean => {
    let more = false;
    for (let p = 0; p < k; p++) {
      if (byOption[a * k + p]! < byOption[b * k + p]!) return false;
      if (byOption[a * k + p]! > byOption[b * k + p]!) more = true;
    }
    return more || a < b;
  };
  // No party scores option a above option b.
  const noAbove = (a: number, b: number): boolean => {
    for (let p = 0; p < k; p++) if (byOption[a * k + p]! > byOption[b * k + p]!) return false;
    return true;
  };
  // Option j is below a mix of two other rivals a and b: λ·a + (1 − λ)·b ≥ j for every party, for
  // some λ in [0, 1]. Its tangent sum (weights ≥ 0) is then never above both of theirs: the best
  // rival's sum is the same without it (to a rounding far below the certificate's margin).
  const betweenTwo = (j: number, list: readonly number[]): boolean => {
    for (const a of list)
      for (const b of list) {
        if (a === j || b === j || a >= b) continue;
        // λ·(a − b) ≥ j − b for every party: an interval of λ.
        let lo = 0;
        let hi = 1;
        for (let p = 0; p < k && lo <= hi; p++) {
          const slope = byOption[a * k + p]! - byOption[b * k + p]!;
          const need = byOption[j * k + p]! - byOption[b * k + p]!;
          if (slope > 0) lo = Math.max(lo, need / slope);
          else if (slope < 0) hi = Math.min(hi, need / slope);
          else if (need > 0) hi = -1;
        }
        if (lo <= hi) return true;
      }
    return false;
  };
  for (let i = 0; i < n; i++) {
    const nx = own ? offsets[i]! + own[i]! : -1;
    const candidates: number[] = [];
    // Not a rival either: an option the nominal option dominates (no smaller score for any party). An
    // outcome using it is dominated by the one with the nominal option there instead (every factor is
    // ≥ 0), whose product is at least as large: if that one is the nominal package, neither is beyond
    // it; else the certificate's bound covers it.
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) if (allowed[j] && j !== nx && !(nx >= 0 && noAbove(j, nx))) candidates.push(j);
    const undominated = candidates.filter((j) => !candidates.some((o) => o !== j && dominates(o, j)));
    // (Each test weighs every pair: only for issues with few rivals, where it is cheap.)
    for (const j of undominated) if (undominated.length > BETWEEN_TWO_MAX || !betweenTwo(j, undominated)) rivals.push(j);
    rivalStart[i + 1] = rivals.length;
  }
  let scoreMax = 0;
  for (let j = 0; j < scores.length; j++) if (Math.abs(scores[j]!) > scoreMax) scoreMax = Math.abs(scores[j]!);
  return {
    k,
    n,
    offsets,
    scores,
    byOption,
    tfLimit: 1e300 / (k * Math.max(1, scoreMax)),
    rivals: Int32Array.from(rivals),
    rivalStart,
    allowed,
    requires,
    requiresAt,
    nominal: nominal && !nominalCrosses ? nominal : null,
    factors: new Float64Array(k * n),
    d: new Float64Array(k),
    sums: new Float64Array(k),
    t: new Float64Array(k),
    tf: new Float64Array(k),
    outcome: new Int32Array(n),
    contributions: new Float64Array(k * size),
    rest: new Float64Array((n + 1) * k),
    restT: new Float64Array(n + 1),
    prefix: new Float64Array((n + 1) * k),
    order: new Int32Array(size),
    orderKey: new Float64Array(size),
    count: new Int32Array(n),
    position: new Int32Array(n),
  };
}

/** betweenTwo is tried on issues with at most this many rivals (it costs the cube of their number). */
const BETWEEN_TWO_MAX = 32;

const NASH_TOLERANCE = 1e-12;
/** The stability certificate needs the other outcomes' tangent sums below k by this relative margin (rounding is far smaller). */
const CERTIFICATE_MARGIN = 1e-9;

/** How a sample was decided: by a certificate, or not (the caller runs the exact search). */
export const SURVIVAL_STABLE = 0;
export const SURVIVAL_UNSTABLE = 1;
/** The nominal package is rational in the sample; only the search can tell whether some outcome beats it. */
export const SURVIVAL_UNDECIDED = 2;
/** The nominal package is not rational in the sample (or there is none): not stable; whether a deal is possible needs the search. */
export const SURVIVAL_NOT_RATIONAL = 3;
export type SurvivalDecision = typeof SURVIVAL_STABLE | typeof SURVIVAL_UNSTABLE | typeof SURVIVAL_UNDECIDED | typeof SURVIVAL_NOT_RATIONAL;

/**
 * The sample in plan.factors and plan.d: Stable or Unstable when a certificate decides it (a deal is
 * then possible: the nominal package is rational), else Undecided or NotRational, and `nominalProduct`
 * gives the threshold for the search. Never allocates.
 */
export function decideSurvival(plan: SurvivalPlan): SurvivalDecision {
  const prod = nominalProduct(plan);
  if (prod === null) return SURVIVAL_NOT_RATIONAL;
  if (!tangentWeights(plan)) return SURVIVAL_UNDECIDED;
  const { k, n, offsets, byOption, rivals, rivalStart, factors, d, t, tf, tfLimit } = plan;
  const nominal = plan.nominal!;
  let tD = 0;
  let tMax = 1;
  for (let p = 0; p < k; p++) {
    tD += t[p]! * d[p]!;
    if (t[p]! > tMax) tMax = t[p]!;
  }
  // Per issue: the nominal option's tangent sum and the best rival's. A rival ahead of the nominal
  // option rules the certificate out; the outcome that differs from the nominal package by it alone
  // is tried at once.
  let total = 0;
  let minGap = Infinity;
  // tangentSum written out for two and three parties, with the weights kept in locals (fewer heap
  // numbers where this runs, in the interpreter); the same operations in the same order.
  const small = k === 2 || k === 3;
  const t0 = t[0]!;
  const t1 = t[1]!;
  const t2 = k === 3 ? t[2]! : 0;
  for (let i = 0; i < n; i++) {
    let tf0: number;
    let tf1: number;
    let tf2 = 0;
    let own: number;
    const ownAt = (offsets[i]! + nominal[i]!) * k;
    // Weights so large that a sum could overflow (into ∞, or NaN against a score of 0) decide nothing.
    if (small) {
      tf0 = t0 * factors[i]!;
      tf1 = t1 * factors[n + i]!;
      if (k === 3) tf2 = t2 * factors[2 * n + i]!;
      if (!(tf0 <= tfLimit && tf1 <= tfLimit && tf2 <= tfLimit)) return SURVIVAL_UNDECIDED;
      own =
        k === 3
          ? tf0 * byOption[ownAt]! + tf1 * byOption[ownAt + 1]! + tf2 * byOption[ownAt + 2]!
          : tf0 * byOption[ownAt]! + tf1 * byOption[ownAt + 1]!;
    } else {
      for (let p = 0; p < k; p++) {
        tf[p] = t[p]! * factors[p * n + i]!;
        if (!(tf[p]! <= tfLimit)) return SURVIVAL_UNDECIDED;
      }
      own = tangentSum(byOption, ownAt, tf, k);
      tf0 = tf1 = 0;
    }
    let other = -Infinity;
    for (let r = rivalStart[i]!; r < rivalStart[i + 1]!; r++) {
      const j = rivals[r]!;
      const at = j * k;
      const w =
        k === 2
          ? tf0 * byOption[at]! + tf1 * byOption[at + 1]!
          : k === 3
            ? tf0 * byOption[at]! + tf1 * byOption[at + 1]! + tf2 * byOption[at + 2]!
            : tangentSum(byOption, at, tf, k);
      if (w > other) other = w;
      if (w > own && deviationBeyond(plan, i, j - offsets[i]!, prod)) return SURVIVAL_UNSTABLE;
    }
    total += own > other ? own : other;
    const gap = own - other;
    if (gap < minGap) minGap = gap > 0 ? gap : 0;
  }
  // No other allowed outcome than the nominal package and its twins, or every other one's tangent sum is below k by the margin: stable.
  if (rivalStart[n] === 0) return SURVIVAL_STABLE;
  if (!(Number.isFinite(total) && Number.isFinite(minGap) && Number.isFinite(tD))) return SURVIVAL_UNDECIDED;
  const errorMargin = 1e-12 * (n + 2) * k * tMax;
  if (total - minGap - tD <= k * (1 - CERTIFICATE_MARGIN) - errorMargin) return SURVIVAL_STABLE;
  return SURVIVAL_UNDECIDED;
}

/** Σₚ tf[p] · scores[at + p] (two and three parties written out: this runs per rival and sample, mostly in the interpreter). */
function tangentSum(scores: Float64Array, at: number, tf: Float64Array, k: number): number {
  if (k === 2) return tf[0]! * scores[at]! + tf[1]! * scores[at + 1]!;
  if (k === 3) return tf[0]! * scores[at]! + tf[1]! * scores[at + 1]! + tf[2]! * scores[at + 2]!;
  let w = 0;
  for (let p = 0; p < k; p++) w += tf[p]! * scores[at + p]!;
  return w;
}

/**
 * The nominal package's Nash product in the sample, as robustness's rationalProduct computes it
 * (null when it is not rational); leaves each party's unclamped utility sum in plan.sums.
 */
export function nominalProduct(plan: SurvivalPlan): number | null {
  const nominal = plan.nominal;
  if (!nominal) return null;
  const { k, n, offsets, scores, factors, d, sums } = plan;
  const size = offsets[n]!;
  let prod = 1;
  for (let p = 0; p < k; p++) {
    let u = 0;
    for (let i = 0; i < n; i++) u += factors[p * n + i]! * scores[p * size + offsets[i]! + nominal[i]!]!;
    sums[p] = u;
    if (u > 1) u = 1;
    if (u < d[p]!) return null;
    prod *= u - d[p]!;
  }
  return prod;
}

/**
 * Whether the nominal package with issue i set to option x is rational, crosses no red line, and has
 * a product beyond `threshold`: first estimated from the nominal package's sums (plan.sums), then,
 * when the estimate beats the threshold, recomputed exactly as the search computes it (issue order).
 */
function deviationBeyond(plan: SurvivalPlan, i: number, x: number, threshold: number): boolean {
  const { k, n, offsets, scores, factors, d, sums, outcome, requires } = plan;
  const size = offsets[n]!;
  const nominal = plan.nominal!;
  let estimate = 1;
  for (let p = 0; p < k; p++) {
    const f = factors[p * n + i]!;
    let u = sums[p]! - f * scores[p * size + offsets[i]! + nominal[i]!]! + f * scores[p * size + offsets[i]! + x]!;
    if (u > 1) u = 1;
    if (u < d[p]!) return false;
    estimate *= u - d[p]!;
  }
  if (!(estimate > threshold)) return false;
  outcome.set(nominal);
  outcome[i] = x;
  for (const line of requires) if (line.ifMask[outcome[line.ifIssue]!] && !line.thenMask[outcome[line.thenIssue]!]) return false;
  let prod = 1;
  for (let p = 0; p < k; p++) {
    let u = 0;
    for (let j = 0; j < n; j++) u += factors[p * n + j]! * scores[p * size + offsets[j]! + outcome[j]!]!;
    if (u > 1) u = 1;
    if (u < d[p]!) return false;
    prod *= u - d[p]!;
  }
  return !(threshold >= prod - NASH_TOLERANCE);
}

/**
 * The exact search for the sample in the plan: whether some rational outcome (crossing no red line)
 * has a Nash product q beyond `threshold`, !(threshold ≥ q − 1e-12); with −Infinity, whether any
 * outcome is rational. nashBeyond's answer, on the plan's arrays: a depth-first branch and bound over
 * the issues in order, each issue's options most promising first, cut when a party cannot reach its
 * reservation value, when the product of every party's best cannot reach the threshold, or when the
 * weighted AM–GM bound (tangent weights at the nominal package when it is rational, as decideSurvival
 * leaves them in plan.t) cannot; it stops at the first outcome beyond. Never allocates.
 */
export function survivalSearch(plan: SurvivalPlan, threshold: number): boolean {
  const { k, n, offsets, scores, allowed, requiresAt, factors, d, t, contributions, rest, restT, prefix, order, orderKey, count, position, outcome } = plan;
  const size = offsets[n]!;
  // The sample's contributions (factor · score: the bits robustness's compiled sample would hold) and each party's best over the remaining issues.
  for (let p = 0; p < k; p++)
    for (let i = 0; i < n; i++) {
      const f = factors[p * n + i]!;
      for (let j = offsets[i]!; j < offsets[i + 1]!; j++) contributions[p * size + j] = f * scores[p * size + j]!;
    }
  for (let p = 0; p < k; p++) rest[n * k + p] = 0;
  for (let i = n - 1; i >= 0; i--)
    for (let p = 0; p < k; p++) {
      let best = -Infinity;
      for (let j = offsets[i]!; j < offsets[i + 1]!; j++) if (allowed[j] && contributions[p * size + j]! > best) best = contributions[p * size + j]!;
      rest[i * k + p] = rest[(i + 1) * k + p]! + best;
    }
  // The AM–GM weights: decideSurvival's tangent weights when the nominal package's gains are all positive, else 1 / each party's best gain.
  const tangent = threshold > 0 && nominalProduct(plan) === threshold && tangentWeights(plan);
  let tProduct = 1;
  let tD = 0;
  for (let p = 0; p < k; p++) {
    if (!tangent) {
      const gain = rest[p]! - d[p]!;
      t[p] = gain > 1e-9 ? 1 / gain : 1e9;
    }
    tProduct *= t[p]!;
    tD += t[p]! * d[p]!;
  }
  // Each issue's allowed options by Σₚ tₚ·contribution, largest first (insertion sort), and the best such sum over the remaining issues.
  restT[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const start = offsets[i]!;
    let m = 0;
    for (let j = start; j < offsets[i + 1]!; j++) {
      if (!allowed[j]) continue;
      let key = 0;
      for (let p = 0; p < k; p++) key += t[p]! * contributions[p * size + j]!;
      let at = start + m;
      for (; at > start && orderKey[at - 1]! < key; at--) {
        order[at] = order[at - 1]!;
        orderKey[at] = orderKey[at - 1]!;
      }
      order[at] = j - start;
      orderKey[at] = key;
      m++;
    }
    count[i] = m;
    restT[i] = restT[i + 1]! + (m > 0 ? orderKey[start]! : -Infinity);
  }
  for (let p = 0; p < k; p++) prefix[p] = 0;
  let i = 0;
  position[0] = -1;
  while (i >= 0) {
    const at = ++position[i]!;
    if (at >= count[i]!) {
      i--;
      continue;
    }
    const start = offsets[i]!;
    const x = order[start + at]!;
    outcome[i] = x;
    let ok = true;
    for (const line of requiresAt[i]!) if (line.ifMask[outcome[line.ifIssue]!] && !line.thenMask[outcome[line.thenIssue]!]) ok = false;
    if (!ok) continue;
    let bound = 1;
    let weighted = restT[i + 1]!;
    for (let p = 0; p < k && ok; p++) {
      const s = prefix[i * k + p]! + contributions[p * size + start + x]!;
      prefix[(i + 1) * k + p] = s;
      weighted += t[p]! * s;
      let top = s + rest[(i + 1) * k + p]!;
      if (top > 1) top = 1;
      // Small margins keep rounding in the optimistic sums from cutting an outcome that is beyond.
      if (top < d[p]! - NASH_TOLERANCE) ok = false;
      bound *= Math.max(0, top - d[p]!) + NASH_TOLERANCE;
    }
    if (!ok || bound < threshold) continue;
    if (threshold > 0) {
      const m = weighted - tD;
      const amgm = m <= 0 ? 0 : Math.pow(m / k, k) / tProduct;
      if (amgm * (1 + 1e-9) + NASH_TOLERANCE < threshold) continue;
    }
    if (i + 1 < n) {
      i++;
      position[i] = -1;
      continue;
    }
    let prod = 1;
    for (let p = 0; p < k && ok; p++) {
      let u = prefix[n * k + p]!;
      if (u > 1) u = 1;
      if (u < d[p]!) ok = false;
      prod *= u - d[p]!;
    }
    if (ok && !(threshold >= prod - NASH_TOLERANCE)) return true;
  }
  return false;
}

/** Tangent weights tₚ = 1 / aₚ at the nominal package into plan.t (nominalProduct has left its sums in plan.sums); false when some aₚ is not positive. */
function tangentWeights(plan: SurvivalPlan): boolean {
  const { k, sums, d, t } = plan;
  for (let p = 0; p < k; p++) {
    const a = (sums[p]! > 1 ? 1 : sums[p]!) - d[p]!;
    // A gain so small that its inverse overflows (a subnormal utility) gives no usable weight.
    if (!(a > 0 && 1 / a < Infinity)) return false;
    t[p] = 1 / a;
  }
  return true;
}
