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
  /** allowed[offsets[i] + x]: no party forbids option x of issue i. */
  readonly allowed: Uint8Array;
  readonly requires: readonly Extract<CompiledRedLine, { kind: "require" }>[];
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
  readonly candidates: Int32Array;
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
  return {
    k,
    n,
    offsets,
    scores,
    allowed,
    requires,
    nominal: nominal && !nominalCrosses ? nominal : null,
    factors: new Float64Array(k * n),
    d: new Float64Array(k),
    sums: new Float64Array(k),
    t: new Float64Array(k),
    tf: new Float64Array(k),
    outcome: new Int32Array(n),
    candidates: new Int32Array(2 * size),
  };
}

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
  const { k, n, offsets, scores, allowed, factors, d, sums, t, tf, candidates } = plan;
  const nominal = plan.nominal!;
  const size = offsets[n]!;
  // Tangent weights (plan.sums holds the nominal package's unclamped utility sums).
  let tD = 0;
  let tMax = 1;
  for (let p = 0; p < k; p++) {
    const a = (sums[p]! > 1 ? 1 : sums[p]!) - d[p]!;
    if (!(a > 0)) return SURVIVAL_UNDECIDED;
    t[p] = 1 / a;
    tD += t[p]! * d[p]!;
    if (t[p]! > tMax) tMax = t[p]!;
  }
  // Per issue: the nominal option's tangent sum, the best other allowed option's; candidates: options above the nominal one.
  let total = 0;
  let minGap = Infinity;
  let found = 0;
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) tf[p] = t[p]! * factors[p * n + i]!;
    const start = offsets[i]!;
    const nx = nominal[i]!;
    let own = 0;
    for (let p = 0; p < k; p++) own += tf[p]! * scores[p * size + start + nx]!;
    let other = -Infinity;
    const r = offsets[i + 1]! - start;
    for (let x = 0; x < r; x++) {
      if (x === nx || !allowed[start + x]) continue;
      let w = 0;
      for (let p = 0; p < k; p++) w += tf[p]! * scores[p * size + start + x]!;
      if (w > other) other = w;
      if (w > own) {
        candidates[2 * found] = i;
        candidates[2 * found + 1] = x;
        found++;
      }
    }
    total += own > other ? own : other;
    const gap = own - other;
    if (gap < minGap) minGap = gap > 0 ? gap : 0;
  }
  // No other allowed outcome at all, or every other one's tangent sum is below k by the margin: stable.
  if (minGap === Infinity) return SURVIVAL_STABLE;
  const errorMargin = 1e-12 * (n + 2) * k * tMax;
  if (total - minGap - tD <= k * (1 - CERTIFICATE_MARGIN) - errorMargin) return SURVIVAL_STABLE;
  // One issue changed: the product recomputed as the search computes it (issue order), beyond the nominal one's.
  for (let c = 0; c < found; c++) if (deviationBeyond(plan, candidates[2 * c]!, candidates[2 * c + 1]!, prod)) return SURVIVAL_UNSTABLE;
  return SURVIVAL_UNDECIDED;
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

/** Whether the nominal package with issue i set to option x is rational, crosses no red line, and has a product beyond `threshold`. */
function deviationBeyond(plan: SurvivalPlan, i: number, x: number, threshold: number): boolean {
  const { k, n, offsets, scores, factors, d, outcome, requires } = plan;
  const size = offsets[n]!;
  outcome.set(plan.nominal!);
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
