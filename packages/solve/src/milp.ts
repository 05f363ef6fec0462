import type { Highs, Model } from "highs";
import { scoreAtLeast, type BoxStructure } from "./structure.js";

/**
 * The mixed-integer program of a box structure, kept in one HiGHS model that is re-solved with new
 * objectives and score bounds:
 * - y[i][c] ∈ {0,1}: issue i takes class c (Σ_c y[i][c] = 1), for issues with two classes or more;
 *   a forbidden class and a dominated one (BoxStructure.dominated: another class of the issue scores
 *   at least as much for every party) are fixed at 0 — every program here maximises scores under
 *   lower bounds on them, so no Pareto vector is lost;
 * - z[t] ∈ {0,1}: the outcome lies in the box of term t (a term bounding two issues or more):
 *   z ≤ Σ_{c inside} y[i][c] per bounded issue when its weight is positive,
 *   z ≥ Σ_i Σ_{c inside} y[i][c] − (k − 1) when negative;
 * - s[p] continuous: party p's capped score, s[p] ≤ constant + Σ w·y + Σ w·z, s[p] ≤ cap (the
 *   smallest score at utility 1). Lower bounds on s[p] state "party p gets at least …".
 */
export class BoxMilp {
  readonly model: Model;
  /** Column of s[p]. */
  readonly scoreCol: readonly number[];
  /** Per issue: first column of its y block (−1 for an issue with one class). */
  readonly yStart: readonly number[];
  /** Per party: the smallest and largest value s[p] can take (its bounds before any constraint). */
  readonly low: readonly number[];
  readonly cap: readonly number[];
  private readonly numCols: number;

  constructor(
    readonly highs: Highs,
    readonly structure: BoxStructure,
  ) {
    const st = structure;
    const cols: { cost: number; lo: number; hi: number; int: boolean }[] = [];
    const rows: { lo: number; hi: number; idx: number[]; val: number[] }[] = [];
    const yStart = st.representative.map((reps, i) => {
      if (reps.length < 2) return -1;
      const start = cols.length;
      for (let c = 0; c < reps.length; c++) cols.push({ cost: 0, lo: 0, hi: st.forbidden[i]![c] || st.dominated[i]![c] ? 0 : 1, int: true });
      rows.push({ lo: 1, hi: 1, idx: Array.from(reps, (_, c) => start + c), val: Array.from(reps, () => 1) });
      return start;
    });
    // An issue with one class is fixed: a forbidden single class makes every outcome cross a red line.
    const blocked = st.representative.some((reps, i) => reps.length === 1 && st.forbidden[i]![0]);
    const inside = (issue: number, classes: Uint8Array) => {
      const idx: number[] = [];
      classes.forEach((x, c) => x && idx.push(yStart[issue]! + c));
      return idx;
    };
    const low: number[] = [];
    const cap: number[] = [];
    const scoreCol = st.parties.map((p) => {
      const idx: number[] = [];
      const val: number[] = [];
      for (const t of p.terms) {
        if (t.conds.length === 1) {
          for (const j of inside(t.conds[0]!.issue, t.conds[0]!.classes)) {
            idx.push(j);
            val.push(-t.weight);
          }
          continue;
        }
        const z = cols.length;
        cols.push({ cost: 0, lo: 0, hi: 1, int: true });
        if (t.weight > 0)
          for (const c of t.conds) {
            const ys = inside(c.issue, c.classes);
            rows.push({ lo: -Infinity, hi: 0, idx: [z, ...ys], val: [1, ...ys.map(() => -1)] });
          }
        else {
          const ys = t.conds.flatMap((c) => inside(c.issue, c.classes));
          rows.push({ lo: -Infinity, hi: t.conds.length - 1, idx: [z, ...ys], val: [-1, ...ys.map(() => 1)] });
        }
        idx.push(z);
        val.push(-t.weight);
      }
      const s = cols.length;
      const top = Math.min(p.maxScore, scoreAtLeast(p, 1));
      low.push(p.minScore);
      cap.push(top);
      cols.push({ cost: 0, lo: p.minScore, hi: top, int: false });
      // Merge duplicate columns (a class inside several single-issue terms).
      const merged = new Map<number, number>();
      idx.forEach((j, k) => merged.set(j, (merged.get(j) ?? 0) + val[k]!));
      rows.push({ lo: -Infinity, hi: p.constant, idx: [s, ...merged.keys()], val: [1, ...merged.values()] });
      return s;
    });
    for (const r of st.rules) {
      // "if A then B": Σ_{A} y[if] ≤ Σ_{B} y[then] (same issue: classes in A but not B are out).
      if (r.ifIssue === r.thenIssue) {
        r.ifClasses.forEach((x, c) => {
          if (x && !r.thenClasses[c] && yStart[r.ifIssue]! >= 0) cols[yStart[r.ifIssue]! + c]!.hi = 0;
        });
        continue;
      }
      const a = yStart[r.ifIssue]! >= 0 ? inside(r.ifIssue, r.ifClasses) : [];
      const b = yStart[r.thenIssue]! >= 0 ? inside(r.thenIssue, r.thenClasses) : [];
      const aFixed = yStart[r.ifIssue]! < 0 ? r.ifClasses[0]! : 0;
      const bFixed = yStart[r.thenIssue]! < 0 ? r.thenClasses[0]! : 0;
      rows.push({ lo: -Infinity, hi: bFixed - aFixed, idx: [...a, ...b], val: [...a.map(() => 1), ...b.map(() => -1)] });
    }
    if (blocked) rows.push({ lo: 1, hi: 1, idx: [], val: [] });

    const starts = [0];
    const index: number[] = [];
    const value: number[] = [];
    for (const r of rows) {
      index.push(...r.idx);
      value.push(...r.val);
      starts.push(index.length);
    }
    const inf = highs.infinity;
    const fin = (x: number) => (x === Infinity ? inf : x === -Infinity ? -inf : x);
    this.model = highs.createModel({
      numCols: cols.length,
      numRows: rows.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: cols.map((c) => c.cost),
      colLower: cols.map((c) => c.lo),
      colUpper: cols.map((c) => c.hi),
      rowLower: rows.map((r) => fin(r.lo)),
      rowUpper: rows.map((r) => fin(r.hi)),
      matrix: { format: "csr", numRows: rows.length, numCols: cols.length, starts, indices: index, values: value },
      integrality: cols.map((c) => (c.int ? highs.constants.variableType.integer : highs.constants.variableType.continuous)),
    });
    this.model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 });
    this.numCols = cols.length;
    this.scoreCol = scoreCol;
    this.yStart = yStart;
    this.low = low;
    this.cap = cap;
  }

  /**
   * Maximise Σ_p weights[p] · s[p] subject to atLeast[p] ≤ s[p] ≤ atMost[p] (an upper bound the
   * caller knows the optimum respects: it only tightens the relaxation). Returns the class of each issue and
   * the solver's proven upper bound on the objective, or null when infeasible; `limited` when the time
   * limit stopped it (then `classes` may be null and `bound` is the best proven bound).
   */
  maximise(
    weights: readonly number[],
    atLeast: readonly number[],
    timeLimit: number,
    atMost: readonly number[] = this.cap,
  ): { status: "optimal" | "infeasible" | "limited"; classes: Int32Array | null; objective: number; bound: number } {
    const m = this.model;
    const cost = new Float64Array(this.numCols);
    let infeasible = false;
    this.scoreCol.forEach((col, p) => {
      cost[col] = weights[p]!;
      const lo = Math.max(this.low[p]!, atLeast[p]!);
      const hi = Math.min(this.cap[p]!, atMost[p]!);
      if (lo > hi) infeasible = true;
      else m.changeColBounds(col, lo, hi);
    });
    if (infeasible) return { status: "infeasible", classes: null, objective: -Infinity, bound: -Infinity };
    m.changeColsCost({ kind: "range", from: 0, to: this.numCols - 1 }, cost);
    m.options.set("time_limit", timeLimit === Infinity ? 1e9 : Math.max(0.001, timeLimit));
    const run = m.run();
    const status = run.modelStatus;
    const c = this.highs.constants.modelStatus;
    if (status === c.infeasible) return { status: "infeasible", classes: null, objective: -Infinity, bound: -Infinity };
    const bound = Number(m.info.get("mip_dual_bound"));
    const hasSolution = Number(m.info.get("primal_solution_status")) === 2;
    const classes = hasSolution ? this.classesOf(m.getSolution().colValue) : null;
    const objective = hasSolution ? m.getObjectiveValue() : -Infinity;
    if (status === c.optimal) return { status: "optimal", classes, objective, bound };
    if (status === c.timeLimit || status === c.interrupted) return { status: "limited", classes, objective, bound };
    throw new Error(`HiGHS stopped with model status ${status}`);
  }

  private classesOf(x: Float64Array): Int32Array {
    return Int32Array.from(this.yStart, (start, i) => {
      if (start < 0) return 0;
      let best = 0;
      for (let c = 1; c < this.structure.representative[i]!.length; c++) if (x[start + c]! > x[start + best]!) best = c;
      return best;
    });
  }

  dispose(): void {
    this.model.dispose();
  }
}
