import type { BoxMilp } from "./milp.js";
import { partyScore, scoreAtLeast, scoreUtility, type BoxStructure } from "./structure.js";

/** A frontier point found by the solver: every party's capped integer score and the outcome's classes. */
export interface SolvedPointK {
  readonly scores: readonly number[];
  readonly classes: Int32Array;
}

export interface FrontierKResult {
  /** Proven Pareto-optimal points (in score space), in the order found. */
  readonly points: SolvedPointK[];
  /** True when no region that may hold another Pareto point is left open. */
  readonly complete: boolean;
  /**
   * A proven additive ε-indicator bound (in utility): every rational outcome's utility vector,
   * lowered by `gap` for every party, is dominated by some listed point. 0 when complete; Infinity
   * when no point was found in time.
   */
  readonly gap: number;
  readonly solves: number;
  /** True when no outcome is rational. */
  readonly infeasible: boolean;
  /** Search regions still open when the time ran out. */
  readonly openRegions: number;
}

export interface FrontierKOptions {
  /** Seconds; Infinity (default) for the exact frontier. */
  readonly timeLimit?: number;
  /** The clock in milliseconds (a parameter, so tests can drive it). */
  readonly now?: () => number;
}

/** Region "every party i scores more than lower[i]". */
type Region = readonly number[];

const dominatesOrEqual = (x: readonly number[], y: readonly number[]) => x.every((v, i) => v >= y[i]!);

/**
 * The exact Pareto frontier of any number of parties by search regions (the ε-constraint method
 * generalised to k objectives). The part of the rational scores not yet covered is a union of
 * regions { s : s_i > l_i for every party i }. One program per region maximises a positive weighted
 * sum of the scores inside it: infeasible proves the region empty; otherwise its optimum z is
 * Pareto-optimal (anything dominating it lies in the same region and scores a larger sum), and every
 * region containing z is replaced by the k regions { s_j > z_j } within it — which cover exactly
 * what z does not dominate. Regions contained in another are dropped. Scores are integers, so
 * "more than" is "at least one more": when no region is left, the frontier is complete.
 *
 * Under a time limit the regions are taken first in, first out, and what is left open is bounded:
 * a vector in an open region scores at most every party's cap, so it lies within
 * min over found z of max_i (u_i(cap_i) − u_i(z_i)) of a found point (the gap; a plain but proven
 * bound).
 */
export function frontierK(milp: BoxMilp, structure: BoxStructure, options: FrontierKOptions = {}): FrontierKResult {
  const parties = structure.parties;
  const k = parties.length;
  const now = options.now ?? Date.now;
  const timeLimit = options.timeLimit ?? Infinity;
  const deadline = timeLimit === Infinity ? Infinity : now() + timeLimit * 1000;
  const remaining = () => (deadline === Infinity ? Infinity : (deadline - now()) / 1000);
  const floor = parties.map((p) => scoreAtLeast(p, p.reservation));
  if (floor.some((f) => f === Infinity)) return { points: [], complete: true, gap: 0, solves: 0, infeasible: true, openRegions: 0 };
  // Each party's score counted in units of its own range, so no party's scale swamps the others'.
  const weights = parties.map((_, i) => 1 / Math.max(1, milp.cap[i]! - floor[i]!));
  const capped = (classes: Int32Array) => parties.map((p, i) => Math.min(partyScore(p, classes), milp.cap[i]!));

  let regions: Region[] = [floor.map((f) => f - 1)];
  const points: SolvedPointK[] = [];
  let solves = 0;
  let timedOut = false;
  while (regions.length > 0) {
    if (remaining() <= 0) {
      timedOut = true;
      break;
    }
    const region = regions[0]!;
    solves++;
    const found = milp.maximise(
      weights,
      region.map((l) => l + 1),
      remaining(),
    );
    if (found.status === "limited") {
      timedOut = true;
      break;
    }
    if (found.status === "infeasible" || !found.classes) {
      regions.shift();
      continue;
    }
    const z = capped(found.classes);
    // The program's s ≤ score relaxation cannot report more than the outcome scores: z is in the region.
    if (!region.every((l, i) => z[i]! > l)) throw new Error("the solver's outcome lies outside the region it was asked for");
    points.push({ scores: z, classes: found.classes });
    const next: Region[] = [];
    for (const l of regions) {
      if (!l.every((x, i) => z[i]! > x)) {
        next.push(l);
        continue;
      }
      for (let j = 0; j < k; j++) if (z[j]! < milp.cap[j]!) next.push(l.map((x, i) => (i === j ? z[j]! : x)));
    }
    // Drop a region inside another (l ≥ l' everywhere): the larger one's program covers it.
    regions = next.filter((l, a) => !next.some((m, b) => b !== a && dominatesOrEqual(l, m) && (!dominatesOrEqual(m, l) || b < a)));
  }
  const complete = !timedOut;
  let gap = 0;
  if (!complete)
    gap = points.length === 0 ? Infinity : Math.min(...points.map((p) => Math.max(0, ...parties.map((q, i) => scoreUtility(q, milp.cap[i]!) - scoreUtility(q, p.scores[i]!)))));
  return { points, complete, gap, solves, infeasible: complete && points.length === 0, openRegions: complete ? 0 : regions.length };
}
