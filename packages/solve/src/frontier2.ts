import type { BoxMilp } from "./milp.js";
import { partyScore, scoreAtLeast, scoreUtility, type BoxStructure } from "./structure.js";

/** A frontier point found by the solver: both parties' capped integer scores and the outcome's classes. */
export interface SolvedPoint {
  readonly scores: readonly [number, number];
  readonly classes: Int32Array;
}

export interface Frontier2Result {
  /** Proven Pareto-optimal points (in score space), by the first party's score ascending. */
  readonly points: SolvedPoint[];
  /** True when every Pareto-optimal score vector was found (no open region left). */
  readonly complete: boolean;
  /**
   * A proven bound on the additive ε-indicator: every rational outcome's utility vector is dominated
   * by some found point's vector raised by `gap` for every party. 0 when complete.
   */
  readonly gap: number;
  /** The number of mixed-integer programs solved. */
  readonly solves: number;
  /** True when no outcome is rational (every one crosses a red line or a reservation value). */
  readonly infeasible: boolean;
}

export interface Frontier2Options {
  /** Seconds; Infinity (default) for the exact frontier. */
  readonly timeLimit?: number;
  /** The clock in milliseconds (a parameter, so tests can drive it). */
  readonly now?: () => number;
}

/**
 * A region that may still hold Pareto points: first-party scores in (left.a, aMax], second-party
 * scores in (right.b, left.b).
 */
interface Box {
  readonly left: SolvedPoint;
  readonly right: SolvedPoint;
  readonly aMax: number;
}

/**
 * The exact two-party Pareto frontier of the rational outcomes by the ε-constraint method: from the
 * point that is best for the second party, repeatedly "maximise the second party's score with the
 * first's above the last point's, then the first's with the second's held" — each pair of programs
 * gives the next Pareto point, and an infeasible program proves none is left. Under a time limit the
 * open regions are split in the middle instead (largest first), so the frontier fills in evenly and
 * the gap left is stated.
 */
export function frontier2(milp: BoxMilp, structure: BoxStructure, options: Frontier2Options = {}): Frontier2Result {
  const [pa, pb] = structure.parties as [BoxStructure["parties"][0], BoxStructure["parties"][0]];
  const now = options.now ?? Date.now;
  const timeLimit = options.timeLimit ?? Infinity;
  const deadline = timeLimit === Infinity ? Infinity : now() + timeLimit * 1000;
  const remaining = () => (deadline === Infinity ? Infinity : (deadline - now()) / 1000);
  const anytime = timeLimit !== Infinity;
  let solves = 0;
  const floor = [scoreAtLeast(pa, pa.reservation), scoreAtLeast(pb, pb.reservation)];
  const empty = { points: [], complete: true, gap: 0, solves, infeasible: true };
  if (floor[0] === Infinity || floor[1] === Infinity) return empty;

  const capped = (classes: Int32Array): [number, number] => [
    Math.min(partyScore(pa, classes), milp.cap[0]!),
    Math.min(partyScore(pb, classes), milp.cap[1]!),
  ];
  /** Lexicographic maximum: `primary` first, then the other party with primary's score held. */
  const lex = (primary: 0 | 1, atLeast: number[], cut: number[] = atLeast, atMost: number[] = [...milp.cap]): SolvedPoint | "none" | "timeout" => {
    const w = primary === 0 ? [1, 0] : [0, 1];
    if (remaining() <= 0) return "timeout";
    solves++;
    const first = milp.maximise(w, cut, remaining(), atMost);
    if (first.status === "infeasible") return "none";
    if (first.status === "limited" || !first.classes) return "timeout";
    const held = capped(first.classes)[primary];
    const second = [...atLeast];
    second[primary] = Math.max(second[primary]!, held);
    if (remaining() <= 0) return "timeout";
    solves++;
    const other = milp.maximise([w[1]!, w[0]!], second, remaining(), atMost);
    if (other.status !== "optimal" || !other.classes) return other.status === "infeasible" ? "none" : "timeout";
    return { scores: capped(other.classes), classes: other.classes };
  };

  const top = lex(1, floor);
  if (top === "none") return empty;
  if (top === "timeout") return { points: [], complete: false, gap: Infinity, solves, infeasible: false };
  const points: SolvedPoint[] = [top];
  const bottom = lex(0, floor);
  if (bottom === "timeout")
    return { points, complete: false, gap: Math.max(scoreUtility(pa, milp.cap[0]!) - scoreUtility(pa, top.scores[0]), 0), solves, infeasible: false };
  if (bottom === "none") throw new Error("the solver found no outcome that it had found before");
  const boxes: Box[] = [];
  if (bottom.scores[0] > top.scores[0]) {
    points.push(bottom);
    if (bottom.scores[0] - top.scores[0] > 1 && top.scores[1] - bottom.scores[1] > 1)
      boxes.push({ left: top, right: bottom, aMax: bottom.scores[0] - 1 });
  }
  const boxGap = (b: Box) =>
    Math.min(
      scoreUtility(pa, b.aMax) - scoreUtility(pa, b.left.scores[0]),
      scoreUtility(pb, b.left.scores[1] - 1) - scoreUtility(pb, b.right.scores[1]),
    );
  let timedOut = false;
  while (boxes.length > 0) {
    // Largest gap first (anytime), else left to right (the plain sweep).
    let k = 0;
    if (anytime) for (let j = 1; j < boxes.length; j++) if (boxGap(boxes[j]!) > boxGap(boxes[k]!)) k = j;
    const box = boxes[k]!;
    const aLo = box.left.scores[0] + 1;
    const m = anytime ? aLo + Math.floor((box.aMax - aLo) / 2) : aLo;
    // Inside the box: a point with a ≥ m and b ≥ left.b would dominate the left point, one with
    // b > right.b and a > aMax would dominate the right point or lie where nothing is left: so
    // b ≤ left.b − 1 and a ≤ aMax bound both programs (they only tighten the relaxations).
    const found = lex(
      1,
      [Math.max(floor[0]!, m), floor[1]!],
      [Math.max(floor[0]!, m), Math.max(floor[1]!, box.right.scores[1] + 1)],
      [box.aMax, box.left.scores[1] - 1],
    );
    if (found === "timeout") {
      timedOut = true;
      break;
    }
    boxes.splice(k, 1);
    if (found === "none") {
      // Nothing with a ≥ m above the right point: only (left.a, m) may still hold points.
      if (m > aLo) boxes.push({ left: box.left, right: box.right, aMax: m - 1 });
      continue;
    }
    points.push(found);
    if (m > aLo && box.left.scores[1] - found.scores[1] > 1) boxes.push({ left: box.left, right: found, aMax: m - 1 });
    if (box.aMax > found.scores[0] && found.scores[1] - box.right.scores[1] > 1) boxes.push({ left: found, right: box.right, aMax: box.aMax });
  }
  points.sort((x, y) => x.scores[0] - y.scores[0]);
  const gap = boxes.reduce((g, b) => Math.max(g, boxGap(b)), 0);
  return { points, complete: !timedOut && boxes.length === 0, gap: timedOut || boxes.length ? gap : 0, solves, infeasible: false };
}
