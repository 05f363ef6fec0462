/**
 * Bargaining solution concepts over a set of utility vectors (normally the rational Pareto
 * frontier). Each returns the indices of every vector within `tolerance` (default 1e-12) of the
 * optimum, so ties are never hidden.
 */
export interface SolutionOptions {
  /** Absolute tolerance for ties. Default 1e-12. */
  readonly tolerance?: number;
}

const TOL = 1e-12;

/** The indices of every score within `tolerance` of the best (the largest for "max", the smallest for "min"). */
function argBest(scores: readonly number[], goal: "max" | "min", tolerance: number): number[] {
  if (scores.length === 0) return [];
  const maximise = goal === "max";
  let best = maximise ? -Infinity : Infinity;
  for (const s of scores) if (maximise ? s > best : s < best) best = s;
  const out: number[] = [];
  scores.forEach((s, j) => {
    if (Math.abs(s - best) <= tolerance) out.push(j);
  });
  return out;
}

/** Nash bargaining: maximise Πᵢ(uᵢ − dᵢ). */
export function nashPoints(points: readonly (readonly number[])[], d: readonly number[], options: SolutionOptions = {}): number[] {
  const scores = points.map((u) => u.reduce((prod, ui, i) => prod * (ui - d[i]!), 1));
  return argBest(scores, "max", options.tolerance ?? TOL);
}

/** Egalitarian: maximise minᵢ(uᵢ − dᵢ). */
export function egalitarianPoints(points: readonly (readonly number[])[], d: readonly number[], options: SolutionOptions = {}): number[] {
  const scores = points.map((u) => Math.min(...u.map((ui, i) => ui - d[i]!)));
  return argBest(scores, "max", options.tolerance ?? TOL);
}

/** Maximum welfare: maximise Σᵢ uᵢ. */
export function maxWelfarePoints(points: readonly (readonly number[])[], options: SolutionOptions = {}): number[] {
  const scores = points.map((u) => u.reduce((s, x) => s + x, 0));
  return argBest(scores, "max", options.tolerance ?? TOL);
}

/** The ideal point: each party's best utility among the points. */
export function idealPoint(points: readonly (readonly number[])[], parties: number): number[] {
  const ideal = new Array<number>(parties).fill(-Infinity);
  for (const u of points) for (let i = 0; i < parties; i++) if (u[i]! > ideal[i]!) ideal[i] = u[i]!;
  return ideal;
}

/**
 * Kalai–Smorodinsky, discrete form: with Iᵢ the ideal point and aᵢ = (uᵢ − dᵢ)/(Iᵢ − dᵢ)
 * (aᵢ = 1 when Iᵢ = dᵢ), the points minimising maxᵢ aᵢ − minᵢ aᵢ.
 */
export function kalaiSmorodinskyPoints(
  points: readonly (readonly number[])[],
  d: readonly number[],
  ideal: readonly number[],
  options: SolutionOptions = {},
): number[] {
  const scores = points.map((u) => {
    let lo = Infinity;
    let hi = -Infinity;
    u.forEach((ui, i) => {
      const span = ideal[i]! - d[i]!;
      const a = span > 0 ? (ui - d[i]!) / span : 1;
      if (a < lo) lo = a;
      if (a > hi) hi = a;
    });
    return hi - lo;
  });
  return argBest(scores, "min", options.tolerance ?? TOL);
}

/**
 * Opposition level: the distance from the ideal point to the nearest point, divided by the distance
 * from the ideal point to the disagreement point (0 = someone's best is everyone's best; 1 = the best
 * any agreement offers is no better than walking away). 0 when ideal = disagreement.
 */
export function oppositionLevel(points: readonly (readonly number[])[], d: readonly number[], ideal: readonly number[]): number {
  if (points.length === 0) return 1;
  const norm = Math.hypot(...ideal.map((x, i) => x - d[i]!));
  if (norm === 0) return 0;
  let best = Infinity;
  for (const u of points) {
    const dist = Math.hypot(...u.map((x, i) => ideal[i]! - x));
    if (dist < best) best = dist;
  }
  return best / norm;
}
