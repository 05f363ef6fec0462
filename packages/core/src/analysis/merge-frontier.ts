import { ParleyError } from "../errors.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import { paretoFrontier } from "./pareto-frontier.js";
import { analysisDefaults, type ProgressCallback } from "./outcome-utilities.js";

export interface MergeFrontierOptions {
  /** Give up (PARLEY_ERR_FRONTIER_TOO_LARGE) when an intermediate frontier grows past this. Default 200,000. */
  readonly maxFrontier?: number;
  readonly onProgress?: ProgressCallback;
}

/** One point of the rational Pareto frontier with one outcome (option indices) that reaches it. */
export interface MergedPoint {
  readonly utilities: number[];
  readonly outcome: Int32Array;
}

export interface MergeFrontierResult {
  readonly points: MergedPoint[];
  /** The largest intermediate frontier met on the way. */
  readonly peakFrontier: number;
}

/**
 * The exact rational Pareto frontier of a linear-additive scenario, without enumerating outcomes.
 *
 * Issues are combined one at a time, keeping only non-dominated partial sums: adding the same
 * vector to two partial sums preserves dominance, so a dominated partial sum can never complete
 * into a frontier point. Options a red line forbids are removed first; cross-issue rules travel as
 * state bits from their first issue to their second (partial sums are pruned only against sums with
 * the same pending state). Issues are added in order, so every utility is bit-for-bit the one
 * enumeration computes. The cap
 * u = min(1, Σ) is monotone, so the capped frontier is the non-dominated part of the capped
 * uncapped frontier; and since anything dominating a rational point is rational too (once red
 * lines are out of the space), the rational frontier is the frontier's rational part.
 */
export function mergeFrontier(compiled: CompiledScenario, options: MergeFrontierOptions = {}): MergeFrontierResult {
  const maxFrontier = options.maxFrontier ?? analysisDefaults.maxFrontier;
  const parties = compiled.parties;
  const k = parties.length;
  const n = compiled.radices.length;
  const tables = parties.map((p, pi) => {
    const t = p.utility.contributions;
    if (!t)
      throw new ParleyError(
        "PARLEY_ERR_NOT_ADDITIVE",
        `party "${parties[pi]!.party.id}" has a non-linear utility; the merge frontier needs linear-additive preferences`,
      );
    return t;
  });

  const { choices, step } = issueSteps(compiled);

  // Layered merge, one issue at a time, with back-pointers.
  let front: Float64Array[] = tables.map(() => new Float64Array(1)); // the zero vector
  let states = new Int32Array(1);
  const backParent: Int32Array[] = [];
  const backChoice: Int32Array[] = [];
  let peak = 1;
  for (let i = 0; i < n; i++) {
    const m = front[0]!.length;
    const cols = tables.map(() => [] as number[]);
    const candState: number[] = [];
    const candParent: number[] = [];
    const candChoice: number[] = [];
    for (let a = 0; a < m; a++) {
      const state = states[a]!;
      for (const x of choices[i]!) {
        const next = step(i, state, x);
        if (next < 0) continue;
        for (let p = 0; p < k; p++) cols[p]!.push(front[p]![a]! + tables[p]![i]![x]!);
        candState.push(next);
        candParent.push(a);
        candChoice.push(x);
      }
    }
    // Prune within each pending state.
    const byState = new Map<number, number[]>();
    candState.forEach((st, c) => {
      const list = byState.get(st);
      if (list) list.push(c);
      else byState.set(st, [c]);
    });
    const colArrays = cols.map((c) => Float64Array.from(c));
    const kept: number[] = [];
    for (const members of byState.values())
      for (const g of paretoFrontier(colArrays, Int32Array.from(members))) kept.push(g.members[0]!);
    kept.sort((a, b) => a - b);
    if (kept.length > maxFrontier)
      throw new ParleyError(
        "PARLEY_ERR_FRONTIER_TOO_LARGE",
        `the Pareto frontier grew past ${maxFrontier} points after ${i + 1} of ${n} issues; analyse by enumeration or sampling instead, or raise the limit`,
      );
    front = colArrays.map((col) => Float64Array.from(kept, (c) => col[c]!));
    states = Int32Array.from(kept, (c) => candState[c]!);
    backParent.push(Int32Array.from(kept, (c) => candParent[c]!));
    backChoice.push(Int32Array.from(kept, (c) => candChoice[c]!));
    if (kept.length > peak) peak = kept.length;
    options.onProgress?.(i + 1, n);
    if (kept.length === 0) return { points: [], peakFrontier: peak };
  }

  // Cap at 1, re-filter, keep the rational part.
  const capped = front.map((col) => col.map((x) => (x > 1 ? 1 : x)));
  const groups = paretoFrontier(capped);
  const points: MergedPoint[] = [];
  for (const g of groups) {
    const j0 = g.members[0]!;
    const utilities = capped.map((col) => col[j0]!);
    if (utilities.some((u, p) => u < parties[p]!.reservation)) continue;
    const outcome = new Int32Array(n);
    let j = j0;
    for (let i = n - 1; i >= 0; i--) {
      outcome[i] = backChoice[i]![j]!;
      j = backParent[i]![j]!;
    }
    points.push({ utilities, outcome });
  }
  return { points, peakFrontier: peak };
}

/** Per issue, the options no `forbid` red line removes, and how cross-issue rules travel as state (issueSteps). */
export interface IssueSteps {
  /** Per issue, the options every party's `forbid` red lines (and a rule within one issue) leave, ascending. */
  readonly choices: readonly Int32Array[];
  /**
   * The pending state after option x of issue i is added to a partial outcome in `state` (0 before
   * the first issue and after the last), or −1 when that crosses a cross-issue rule.
   */
  readonly step: (i: number, state: number, x: number) => number;
  /** Per issue, whether a cross-issue rule opens or closes there (else `step(i, state, x)` is `state`). */
  readonly ruled: readonly boolean[];
}

/**
 * The red lines of a linear-additive analysis over the issues in order: options a red line forbids
 * are removed; cross-issue rules become state carried from the first of their two issues to the
 * second, a bit per rule saying "the premise holds" (if-issue first) or "the conclusion holds"
 * (then-issue first). Partial outcomes with different pending states cannot be compared.
 */
export function issueSteps(compiled: CompiledScenario): IssueSteps {
  const parties = compiled.parties;
  const allowed = compiled.radices.map((r) => new Uint8Array(r).fill(1));
  for (const p of parties)
    for (const r of p.redLines) if (r.kind === "forbid") r.mask.forEach((m, x) => m && (allowed[r.issue]![x] = 0));
  const rules = parties.flatMap((p) => p.redLines.flatMap((r) => (r.kind === "require" ? [r] : [])));
  if (rules.length > 30)
    throw new ParleyError("PARLEY_ERR_FRONTIER_TOO_LARGE", `${rules.length} cross-issue red lines: the merge frontier handles at most 30`);
  for (const r of rules)
    if (r.ifIssue === r.thenIssue) r.ifMask.forEach((m, x) => m && !r.thenMask[x] && (allowed[r.ifIssue]![x] = 0));
  const pairRules = rules.map((r, bit) => ({ r, bit })).filter(({ r }) => r.ifIssue !== r.thenIssue);
  const opening = compiled.radices.map((_, i) => pairRules.filter(({ r }) => Math.min(r.ifIssue, r.thenIssue) === i));
  const closing = compiled.radices.map((_, i) => pairRules.filter(({ r }) => Math.max(r.ifIssue, r.thenIssue) === i));
  const choices = allowed.map((ok) => Int32Array.from(Array.from(ok).flatMap((a, x) => (a ? [x] : []))));
  const step = (i: number, state: number, x: number): number => {
    let next = state;
    for (const { r, bit } of closing[i]!) {
      const flag = (state >>> bit) & 1;
      if (r.ifIssue === i ? r.ifMask[x] === 1 && flag === 0 : flag === 1 && r.thenMask[x] !== 1) return -1;
      next &= ~(1 << bit);
    }
    for (const { r, bit } of opening[i]!) if (r.ifIssue === i ? r.ifMask[x] === 1 : r.thenMask[x] === 1) next |= 1 << bit;
    return next;
  };
  return { choices, step, ruled: compiled.radices.map((_, i) => opening[i]!.length > 0 || closing[i]!.length > 0) };
}
