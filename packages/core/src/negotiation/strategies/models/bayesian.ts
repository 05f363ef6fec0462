import type { AgentContext } from "../../negotiator.js";
import type { OpponentModel } from "./opponent-model.js";

/** A Bayesian model, with its estimates open for inspection. */
export interface BayesianModel extends OpponentModel {
  /** Expected issue weights (they sum to 1). */
  weights(): number[];
  /** Expected score of every option of issue i, in [0, 1]. */
  valueScores(issue: number): number[];
  /** The posterior over issue i's hypotheses, with their weight level and value shape. */
  hypotheses(issue: number): { readonly level: number; readonly shape: string; readonly probability: number }[];
}

export interface BayesianModelOptions {
  /** Standard deviation of the likelihood (default 0.15). */
  readonly sigma?: number;
  /** Assumed concession: an offer made at time t is worth about 1 − concession · t to its author (default 0.5). */
  readonly concession?: number;
  /** At most this many triangular (single-peaked) shapes per issue (default 8). */
  readonly peaks?: number;
}

/** Relative weight levels an issue may have: low, medium, high importance. */
const LEVELS = [1, 2, 4] as const;

interface Shape {
  readonly name: string;
  readonly scores: Float64Array;
}

/** Uphill, downhill and triangular value functions over an issue's options, in option order. */
function shapesFor(options: number, peaks: number): Shape[] {
  if (options <= 1) return [{ name: "constant", scores: new Float64Array(options).fill(1) }];
  const last = options - 1;
  const make = (name: string, f: (k: number) => number): Shape => ({ name, scores: Float64Array.from({ length: options }, (_, k) => f(k)) });
  const shapes = [make("uphill", (k) => k / last), make("downhill", (k) => 1 - k / last)];
  const interior = options - 2;
  const chosen = new Set<number>();
  if (interior <= peaks) for (let p = 1; p <= interior; p++) chosen.add(p);
  else for (let j = 0; j < peaks; j++) chosen.add(1 + Math.round((j * (interior - 1)) / Math.max(1, peaks - 1)));
  for (const p of chosen) shapes.push(make(`peak@${p}`, (k) => (k <= p ? k / p : (last - k) / (last - p))));
  return shapes;
}

/**
 * A Bayesian opponent model after Hindriks & Tykhonov (2008), in its scalable, per-issue form.
 * For each issue the hypotheses are (weight level ℓ ∈ {1, 2, 4}) × (value shape: uphill, downhill
 * or triangular with a peak, over the option order), with a uniform prior. The opponent is assumed
 * to concede: its offer b at time t is worth about û*(t) = 1 − concession · t to it. After each
 * offer, every hypothesis h of issue i is weighed by the likelihood
 *
 *   P(b | h) ∝ exp(−(u_h(b) − û*(t))² / (2σ²)),
 *   u_h(b) = (ℓ_h · v_h(bᵢ) + Σ_{j≠i} E[ℓ_j v_j(b_j)]) / (ℓ_h + Σ_{j≠i} E[ℓ_j]),
 *
 * (the other issues at their current expectations) and the issue's posterior is renormalised.
 * Estimated utility: Σᵢ E[ℓᵢ vᵢ(xᵢ)] / Σᵢ E[ℓᵢ]. An update costs O(hypotheses per issue × issues);
 * an evaluation O(issues) (per-option expectations are cached until the next update).
 */
export function bayesianModel(options: BayesianModelOptions = {}): (ctx: AgentContext) => BayesianModel {
  const sigma = options.sigma ?? 0.15;
  const concession = options.concession ?? 0.5;
  const peaks = Math.max(0, Math.floor(options.peaks ?? 8));
  const twoSigma2 = 2 * sigma * sigma;
  return (ctx): BayesianModel => {
    const radices = ctx.values.map((v) => v.length);
    const n = radices.length;
    const shapes = radices.map((r) => shapesFor(r, peaks));
    // Hypothesis h of issue i: level LEVELS[h % 3], shape shapes[i][⌊h / 3⌋].
    const counts = shapes.map((s) => s.length * LEVELS.length);
    let probs = counts.map((h) => new Float64Array(h).fill(1 / h));
    let spare = counts.map((h) => new Float64Array(h));
    const expectedLevel = new Float64Array(n).fill((LEVELS[0] + LEVELS[1] + LEVELS[2]) / 3);
    // Cache of E[ℓ v(k)] per issue and option, valid when its stamp equals the version.
    const cache = radices.map((r) => new Float64Array(r));
    const stamp = radices.map((r) => new Int32Array(r).fill(-1));
    let version = 0;
    let observations = 0;
    const a = new Float64Array(n);

    const expectedScore = (i: number, k: number): number => {
      if (stamp[i]![k] === version) return cache[i]![k]!;
      const p = probs[i]!;
      const sh = shapes[i]!;
      let s = 0;
      for (let h = 0; h < p.length; h++) s += p[h]! * LEVELS[h % 3]! * sh[(h / 3) | 0]!.scores[k]!;
      cache[i]![k] = s;
      stamp[i]![k] = version;
      return s;
    };
    const totalLevel = (): number => {
      let s = 0;
      for (let i = 0; i < n; i++) s += expectedLevel[i]!;
      return s;
    };

    return {
      get observations() {
        return observations;
      },
      update(offer, time) {
        const target = Math.max(0, 1 - concession * Math.min(1, Math.max(0, time)));
        let sumA = 0;
        for (let i = 0; i < n; i++) sumA += a[i] = expectedScore(i, offer[i]!);
        const sumB = totalLevel();
        for (let i = 0; i < n; i++) {
          const p = probs[i]!;
          const q = spare[i]!;
          const sh = shapes[i]!;
          const restA = sumA - a[i]!;
          const restB = sumB - expectedLevel[i]!;
          let total = 0;
          for (let h = 0; h < p.length; h++) {
            const level = LEVELS[h % 3]!;
            const u = (level * sh[(h / 3) | 0]!.scores[offer[i]!]! + restA) / (level + restB);
            const d = u - target;
            total += q[h] = p[h]! * Math.exp(-(d * d) / twoSigma2);
          }
          if (total > 0 && Number.isFinite(total)) for (let h = 0; h < q.length; h++) q[h] = q[h]! / total;
          else q.set(p);
        }
        [probs, spare] = [spare, probs];
        for (let i = 0; i < n; i++) {
          const p = probs[i]!;
          let s = 0;
          for (let h = 0; h < p.length; h++) s += p[h]! * LEVELS[h % 3]!;
          expectedLevel[i] = s;
        }
        version++;
        observations++;
      },
      utility(outcome) {
        let s = 0;
        for (let i = 0; i < n; i++) s += expectedScore(i, outcome[i]!);
        const t = totalLevel();
        return t > 0 ? s / t : 0;
      },
      weights() {
        const t = totalLevel();
        return Array.from(expectedLevel, (l) => l / t);
      },
      valueScores: (i) => Array.from({ length: radices[i]! }, (_, k) => expectedScore(i, k) / expectedLevel[i]!),
      hypotheses: (i) =>
        Array.from(probs[i]!, (probability, h) => ({ level: LEVELS[h % 3]!, shape: shapes[i]![(h / 3) | 0]!.name, probability })),
    };
  };
}
