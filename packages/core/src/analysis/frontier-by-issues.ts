import type { CompiledScenario } from "../space/compile-scenario.js";
import { outcomeFromIndices } from "../space/compile-scenario.js";
import type { FrontierPoint } from "./analyze-scenario.js";
import { issueSteps, type IssueSteps } from "./merge-frontier.js";

/** What enumeration reports of a linear-additive space, found issue by issue (frontierByIssues). */
export interface FrontierByIssues {
  /** The rational Pareto frontier: every vector, the first outcomes behind it in outcome order, and how many reach it. */
  readonly points: FrontierPoint[];
  /** How many outcomes are rational (every utility at least its reservation value, no red line crossed). */
  readonly rationalCount: number;
}

/** Give up (the caller enumerates) past this many partial outcomes kept after one issue. */
const MAX_GROUPS = 150_000;

/**
 * Enumeration's answer for a linear-additive space of two or three parties, without enumerating:
 * the same frontier vectors to the last bit, the same outcome counts behind each, the same first
 * outcomes (in outcome order) and the same count of rational outcomes; null when it does not apply
 * (one party or more than three, no issue) or when the partial frontiers grow past MAX_GROUPS.
 *
 * The frontier of a sum of independent issues lies in the frontier of the sums of the issues'
 * partial frontiers, so issues are added one at a time (in order, so every partial sum is the one
 * enumeration computes, ((0 + c₀) + c₁) + …, bit for bit) and partial outcomes that can no longer
 * reach the frontier are dropped. Partial outcomes with exactly the same sums (and pending red-line
 * state) are merged into one group that counts them. A group is dropped only when another dominates
 * it with a margin that no rounding of the remaining additions can close and that the cap at 1 cannot
 * erase (its own utility stays below 1 whatever follows), or when it can no longer reach some
 * reservation value: so every outcome tied with a frontier vector survives to the end, where the
 * exact frontier of the (capped) survivors is taken. Options that another option of their issue
 * dominates in the same safe sense are not added at all (undominatedOptions). The rational count is
 * a separate pass that settles a partial outcome's whole subtree as soon as its completions are all
 * rational (count them) or none is (drop it).
 */
export function frontierByIssues(compiled: CompiledScenario, outcomesPerPoint: number): FrontierByIssues | null {
  const parties = compiled.parties;
  const k = parties.length;
  const n = compiled.radices.length;
  if (n === 0 || k < 2 || k > 3) return null;
  const tables = parties.map((p) => p.utility.contributions);
  if (tables.some((t) => t === null)) return null;
  const contributions = tables as readonly (readonly Float64Array[])[];
  let steps: IssueSteps;
  try {
    steps = issueSteps(compiled);
  } catch {
    return null;
  }
  const bounds = remainingBounds(contributions, steps.choices, k, n);
  const d = parties.map((p) => p.reservation);
  const rationalCount = countRational(contributions, steps, bounds, d, k, n);
  if (rationalCount === null) return null;
  if (rationalCount === 0) return { points: [], rationalCount };
  const layers = frontierLayers(contributions, steps, bounds, d, k, n);
  if (layers === null) return null;
  return { points: finalFrontier(compiled, layers, d, k, n, outcomesPerPoint), rationalCount };
}

interface Bounds {
  /** restMax[i·k + p], restMin[i·k + p]: party p's largest and smallest sum over issues i … n − 1 (allowed options). */
  readonly restMax: Float64Array;
  readonly restMin: Float64Array;
  /** nonNegative[i·k + p]: every allowed contribution of issues i … n − 1 to party p is ≥ 0. */
  readonly nonNegative: Uint8Array;
  /** More than any rounding error the additions still to come can make in a partial sum. */
  readonly margin: number;
}

function remainingBounds(tables: readonly (readonly Float64Array[])[], choices: readonly Int32Array[], k: number, n: number): Bounds {
  const restMax = new Float64Array((n + 1) * k);
  const restMin = new Float64Array((n + 1) * k);
  const nonNegative = new Uint8Array((n + 1) * k).fill(1);
  let magnitude = 1;
  for (let p = 0; p < k; p++) {
    let total = 0;
    for (let i = n - 1; i >= 0; i--) {
      let hi = -Infinity;
      let lo = Infinity;
      let big = 0;
      for (const x of choices[i]!) {
        const c = tables[p]![i]![x]!;
        if (c > hi) hi = c;
        if (c < lo) lo = c;
        if (Math.abs(c) > big) big = Math.abs(c);
      }
      if (choices[i]!.length === 0) hi = lo = 0;
      restMax[i * k + p] = restMax[(i + 1) * k + p]! + hi;
      restMin[i * k + p] = restMin[(i + 1) * k + p]! + lo;
      nonNegative[i * k + p] = nonNegative[(i + 1) * k + p]! && lo >= 0 ? 1 : 0;
      total += big;
    }
    if (total > magnitude) magnitude = total;
  }
  // Each addition rounds by at most half an ulp of a sum no larger than `magnitude`; a difference
  // larger than the margin survives every remaining addition (generously: 8 ulps per issue).
  return { restMax, restMin, nonNegative, margin: 8 * (n + 2) * magnitude * Number.EPSILON };
}

/** Partial outcomes after some issues: groups of equal sums (and pending state), row-major sums. */
interface Groups {
  readonly sums: Float64Array;
  readonly states: Int32Array;
  readonly counts: Float64Array;
  readonly size: number;
}

/**
 * Every partial outcome of `from` extended by each option of issue i its pending rules allow, with
 * equal sums (and states) merged into one group, numbered in order of first appearance.
 *
 * This runs once per command, cold (before V8 has compiled it past its interpreter), so it avoids
 * what is slow there: no comparison sorts with a callback (a hash of the first sum finds equal
 * sums), no iterator loops, no call per option where no rule applies.
 */
function extend(
  tables: readonly (readonly Float64Array[])[],
  steps: IssueSteps,
  from: Groups,
  i: number,
  k: number,
  keep: ((sums: Float64Array, at: number) => boolean) | null,
): { groups: Groups; parent: Int32Array; choice: Int32Array; group: Int32Array } | null {
  const choices = steps.choices[i]!;
  const options = choices.length;
  const ruled = steps.ruled[i]!;
  const t0 = tables[0]![i]!;
  const t1 = tables[1]![i]!;
  const t2 = k === 3 ? tables[2]![i]! : t1;
  const cap = from.size * options;
  const sums = new Float64Array(cap * k);
  const states = new Int32Array(cap);
  const parent = new Int32Array(cap);
  const choice = new Int32Array(cap);
  const fromSums = from.sums;
  let m = 0;
  for (let a = 0; a < from.size; a++) {
    const state = from.states[a]!;
    const s0 = fromSums[a * k]!;
    const s1 = fromSums[a * k + 1]!;
    const s2 = k === 3 ? fromSums[a * k + 2]! : 0;
    for (let j = 0; j < options; j++) {
      const x = choices[j]!;
      const next = ruled ? steps.step(i, state, x) : state;
      if (next < 0) continue;
      sums[m * k] = s0 + t0[x]!;
      sums[m * k + 1] = s1 + t1[x]!;
      if (k === 3) sums[m * k + 2] = s2 + t2[x]!;
      if (keep !== null && !keep(sums, m)) continue;
      states[m] = next;
      parent[m] = a;
      choice[m] = x;
      m++;
    }
  }
  const fromCounts = from.counts;
  // Merge equal sums with equal states. Often no two candidates share even their first sum (a
  // native sort of the first sums tells): each candidate is then a group of its own.
  const firsts = new Float64Array(m);
  for (let c = 0; c < m; c++) firsts[c] = sums[c * k]!;
  firsts.sort();
  let repeated = false;
  for (let c = 1; c < m && !repeated; c++) repeated = firsts[c] === firsts[c - 1];
  if (!repeated) {
    if (m > MAX_GROUPS) return null;
    const counts = new Float64Array(m);
    const group = new Int32Array(m);
    for (let c = 0; c < m; c++) {
      counts[c] = fromCounts[parent[c]!]!;
      group[c] = c;
    }
    return { groups: { sums: sums.subarray(0, m * k), states: states.subarray(0, m), counts, size: m }, parent: parent.subarray(0, m), choice: choice.subarray(0, m), group };
  }
  // Else candidates with the same first sum are chained from a map.
  const group = new Int32Array(m);
  const out = { sums: new Float64Array(m * k), states: new Int32Array(m), counts: new Float64Array(m), size: 0 };
  const sameFirst = new Int32Array(m);
  const lastWithFirst = new Map<number, number>();
  for (let c = 0; c < m; c++) {
    const x0 = sums[c * k]!;
    const x1 = sums[c * k + 1]!;
    const x2 = k === 3 ? sums[c * k + 2]! : 0;
    const state = states[c]!;
    const chain = lastWithFirst.get(x0);
    let g = chain === undefined ? -1 : chain;
    while (g >= 0 && !(out.states[g] === state && out.sums[g * k + 1] === x1 && (k === 2 || out.sums[g * k + 2] === x2))) g = sameFirst[g]!;
    if (g < 0) {
      g = out.size++;
      out.sums[g * k] = x0;
      out.sums[g * k + 1] = x1;
      if (k === 3) out.sums[g * k + 2] = x2;
      out.states[g] = state;
      sameFirst[g] = chain === undefined ? -1 : chain;
      lastWithFirst.set(x0, g);
    }
    out.counts[g] = out.counts[g]! + fromCounts[parent[c]!]!;
    group[c] = g;
  }
  if (out.size > MAX_GROUPS) return null;
  return { groups: out, parent: parent.subarray(0, m), choice: choice.subarray(0, m), group };
}

const root = (k: number): Groups => ({ sums: new Float64Array(k), states: new Int32Array(1), counts: Float64Array.of(1), size: 1 });

/**
 * The number of rational outcomes. A partial outcome after issues < i is settled when every party's
 * sum is sure to end at or above its reservation value whatever the remaining options (count its
 * completions) or some party's is sure to end below (drop it); the rest are extended.
 */
function countRational(
  tables: readonly (readonly Float64Array[])[],
  steps: IssueSteps,
  bounds: Bounds,
  d: readonly number[],
  k: number,
  n: number,
): number | null {
  if (d.some((x) => x > 1)) return 0;
  const { restMax, restMin, nonNegative, margin } = bounds;
  // Completions of issues i … n − 1 from a pending state (memoised).
  const memo = Array.from({ length: n + 1 }, () => new Map<number, number>());
  const completions = (i: number, state: number): number => {
    if (i === n) return 1;
    const known = memo[i]!.get(state);
    if (known !== undefined) return known;
    let total = 0;
    for (const x of steps.choices[i]!) {
      const next = steps.step(i, state, x);
      if (next >= 0) total += completions(i + 1, next);
    }
    memo[i]!.set(state, total);
    return total;
  };
  let count = 0;
  // Settles the partial outcome at `at` (sums of issues < i): 1 all completions rational, −1 none, 0 not yet known.
  const settle = (sums: Float64Array, at: number, i: number): number => {
    let all = true;
    for (let p = 0; p < k; p++) {
      const s = sums[at * k + p]!;
      if (s + restMax[i * k + p]! + margin < d[p]!) return -1;
      if (!((s >= d[p]! && nonNegative[i * k + p]) || s + restMin[i * k + p]! - margin >= d[p]!)) all = false;
    }
    return all ? 1 : 0;
  };
  let groups = root(k);
  const first = settle(groups.sums, 0, 0);
  if (first !== 0) return first > 0 ? completions(0, 0) : 0;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    const next = extend(tables, steps, groups, i, k, (sums, at) => {
      if (last) {
        // The exact test, as enumeration makes it (the capped utility against the reservation value).
        for (let p = 0; p < k; p++) if (Math.min(1, sums[at * k + p]!) < d[p]!) return false;
        return true;
      }
      return settle(sums, at, i + 1) >= 0;
    });
    if (next === null) return null;
    groups = next.groups;
    if (last) {
      for (let g = 0; g < groups.size; g++) count += groups.counts[g]!;
      break;
    }
    // Count the settled groups' completions and keep the rest.
    const open: number[] = [];
    for (let g = 0; g < groups.size; g++) {
      if (settle(groups.sums, g, i + 1) > 0) count += groups.counts[g]! * completions(i + 1, groups.states[g]!);
      else open.push(g);
    }
    groups = pick(groups, open, k);
    if (groups.size === 0) break;
  }
  return count;
}

function pick(groups: Groups, keep: readonly number[], k: number): Groups {
  const size = keep.length;
  const sums = new Float64Array(size * k);
  const states = new Int32Array(size);
  const counts = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    const g = keep[j]!;
    for (let p = 0; p < k; p++) sums[j * k + p] = groups.sums[g * k + p]!;
    states[j] = groups.states[g]!;
    counts[j] = groups.counts[g]!;
  }
  return { sums, states, counts, size };
}

/** One issue's step of the frontier: the edges (parent group, option) into each group kept. */
interface Layer {
  readonly edgeParent: Int32Array;
  readonly edgeChoice: Int32Array;
  readonly edgeChild: Int32Array;
  /** Per group kept, one edge into it (the only one when the group counts one partial outcome). */
  readonly firstEdge: Int32Array;
}

function frontierLayers(
  tables: readonly (readonly Float64Array[])[],
  steps: IssueSteps,
  bounds: Bounds,
  d: readonly number[],
  k: number,
  n: number,
): { layers: Layer[]; last: Groups } | null {
  const { restMax, margin } = bounds;
  // Only the options no other option of their issue dominates safely can lead to the frontier.
  const frontierSteps: IssueSteps = { ...steps, choices: undominatedOptions(tables, steps, bounds, k, n) };
  // lowest[i·k + p]: party p's smallest partial sum after issues 0 … i (rounding is monotone), less the margin.
  const lowest = new Float64Array(n * k);
  for (let p = 0; p < k; p++) {
    let low = 0;
    for (let i = 0; i < n; i++) {
      let lo = Infinity;
      for (const x of frontierSteps.choices[i]!) if (tables[p]![i]![x]! < lo) lo = tables[p]![i]![x]!;
      low += lo === Infinity ? 0 : lo;
      lowest[i * k + p] = low - margin;
    }
  }
  let groups = root(k);
  const layers: Layer[] = [];
  for (let i = 0; i < n; i++) {
    // Drop partial outcomes that can no longer reach some reservation value — a pruning only (the
    // final frontier keeps the rational vectors alone), skipped when no partial outcome can fail it.
    let reachable = true;
    for (let p = 0; p < k; p++) if (lowest[i * k + p]! + restMax[(i + 1) * k + p]! < d[p]! + margin) reachable = false;
    const next = extend(tables, frontierSteps, groups, i, k, reachable ? null : (sums, at) => {
      for (let p = 0; p < k; p++) if (sums[at * k + p]! + restMax[(i + 1) * k + p]! + margin < d[p]!) return false;
      return true;
    });
    if (next === null) return null;
    const kept = undominated(next.groups, bounds, i + 1, k);
    const index = new Int32Array(next.groups.size).fill(-1);
    for (let j = 0; j < kept.length; j++) index[kept[j]!] = j;
    const candidates = next.group.length;
    let edgeCount = 0;
    for (let c = 0; c < candidates; c++) if (index[next.group[c]!]! >= 0) edgeCount++;
    const edgeParent = new Int32Array(edgeCount);
    const edgeChoice = new Int32Array(edgeCount);
    const edgeChild = new Int32Array(edgeCount);
    const firstEdge = new Int32Array(kept.length).fill(-1);
    for (let c = 0, e = 0; c < candidates; c++) {
      const child = index[next.group[c]!]!;
      if (child < 0) continue;
      edgeParent[e] = next.parent[c]!;
      edgeChoice[e] = next.choice[c]!;
      edgeChild[e] = child;
      if (firstEdge[child]! < 0) firstEdge[child] = e;
      e++;
    }
    layers.push({ edgeParent, edgeChoice, edgeChild, firstEdge });
    groups = pick(next.groups, kept, k);
  }
  return { layers, last: groups };
}

/**
 * Per issue, the allowed options that no other allowed option of the issue dominates safely: at
 * least as large a contribution for every party, and larger for some party p by more than the margin
 * while no outcome with the dominated option can reach the cap at 1 for p. Swapping the dominated
 * option for its dominator then gives, after rounding (monotone: the partial sums before and the
 * additions after are the same) and capping, an outcome at least as good for everyone and strictly
 * better for p: no outcome with a dominated option is on the frontier, nor tied with a frontier
 * vector, so the frontier, its counts and its first outcomes are the same without them. Issues where
 * a cross-issue rule opens or closes keep every option (the swap could cross the rule), and so do
 * issues of more than UNDOMINATED_OPTIONS_MAX options (the pairs would cost more than they save).
 */
/** undominatedOptions leaves issues of more options as they are (it compares every pair). */
const UNDOMINATED_OPTIONS_MAX = 256;

function undominatedOptions(tables: readonly (readonly Float64Array[])[], steps: IssueSteps, bounds: Bounds, k: number, n: number): Int32Array[] {
  const { restMax, margin } = bounds;
  const out: Int32Array[] = [];
  const top = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const choices = steps.choices[i]!;
    const options = choices.length;
    if (steps.ruled[i] || options < 2 || options > UNDOMINATED_OPTIONS_MAX) {
      out.push(choices);
      continue;
    }
    // top[p]: 1 − 2·margin less party p's largest sum over the other issues. An option whose
    // contribution to p is below it keeps every outcome with it below the cap at 1 for p.
    for (let p = 0; p < k; p++) {
      let hi = -Infinity;
      for (let j = 0; j < options; j++) if (tables[p]![i]![choices[j]!]! > hi) hi = tables[p]![i]![choices[j]!]!;
      top[p] = 1 - 2 * margin - (restMax[p]! - hi);
    }
    const kept = new Int32Array(options);
    let m = 0;
    for (let b = 0; b < options; b++) {
      const xb = choices[b]!;
      let dominated = false;
      for (let a = 0; a < options && !dominated; a++) {
        if (a === b) continue;
        const xa = choices[a]!;
        let strict = false;
        let below = false;
        for (let p = 0; p < k; p++) {
          const ca = tables[p]![i]![xa]!;
          const cb = tables[p]![i]![xb]!;
          if (ca < cb) {
            below = true;
            break;
          }
          if (ca > cb + margin && cb < top[p]!) strict = true;
        }
        dominated = strict && !below;
      }
      if (!dominated) kept[m++] = xb;
    }
    out.push(kept.subarray(0, m));
  }
  return out;
}

/**
 * The groups (after `done` issues) that no other group with the same pending state dominates safely:
 * at least as large for every party, and larger for some party p by more than the margin while the
 * group's own sum for p cannot reach the cap at 1 — so that every completion of the dominated group
 * stays strictly dominated after rounding and capping. Sweeps in decreasing order of the first sum.
 */
function undominated(groups: Groups, bounds: Bounds, done: number, k: number): number[] {
  const { restMax, margin } = bounds;
  const v = groups.sums;
  const capSafe = (g: number, p: number) => v[g * k + p]! + restMax[done * k + p]! < 1 - margin;
  const byState = new Map<number, number[]>();
  for (let g = 0; g < groups.size; g++) {
    const list = byState.get(groups.states[g]!);
    if (list) list.push(g);
    else byState.set(groups.states[g]!, [g]);
  }
  const kept: number[] = [];
  for (const unsorted of byState.values()) {
    const list = byDecreasingSums(unsorted, v, k);
    // `all`: the groups with a first sum ≥ the current one's; `far`: those with a first sum larger by more than the margin.
    const all = new Staircase(list.length);
    const far = new Staircase(list.length);
    let q = 0;
    for (let s = 0; s < list.length; ) {
      const x0 = v[list[s]! * k]!;
      let e = s;
      while (e < list.length && v[list[e]! * k] === x0) e++;
      for (let j = s; j < e; j++) all.insert(v[list[j]! * k + 1]!, k === 3 ? v[list[j]! * k + 2]! : 0);
      while (q < list.length && v[list[q]! * k]! > x0 + margin) {
        far.insert(v[list[q]! * k + 1]!, k === 3 ? v[list[q]! * k + 2]! : 0);
        q++;
      }
      for (let j = s; j < e; j++) {
        const g = list[j]!;
        const x1 = v[g * k + 1]!;
        const x2 = k === 3 ? v[g * k + 2]! : 0;
        const dominated =
          (capSafe(g, 0) && far.best(x1, false) >= x2) ||
          (capSafe(g, 1) && all.best(x1 + margin, true) >= x2) ||
          (k === 3 && capSafe(g, 2) && all.best(x1, false) > x2 + margin);
        if (!dominated) kept.push(g);
      }
      s = e;
    }
  }
  return kept.sort((a, b) => a - b);
}

/**
 * The groups in decreasing order of their sums (first sum, then second, then third; the group number
 * last). The first sums are sorted as numbers (the engine's own sort, no callback: this runs cold,
 * where a callback per comparison is what costs); only groups with equal first sums, rare, are
 * compared one by one.
 */
function byDecreasingSums(list: readonly number[], v: Float64Array, k: number): number[] {
  const compare = (a: number, b: number): number => {
    for (let p = 0; p < k; p++) if (v[a * k + p] !== v[b * k + p]) return v[b * k + p]! - v[a * k + p]!;
    return a - b;
  };
  const size = list.length;
  if (size < 16) return [...list].sort(compare);
  const firsts = new Float64Array(size);
  const withFirst = new Map<number, number[]>();
  for (let j = 0; j < size; j++) {
    const g = list[j]!;
    const x0 = v[g * k]!;
    firsts[j] = x0;
    const same = withFirst.get(x0);
    if (same === undefined) withFirst.set(x0, [g]);
    else same.push(g);
  }
  firsts.sort();
  const out: number[] = [];
  for (let j = size - 1; j >= 0; j--) {
    const x0 = firsts[j]!;
    if (j < size - 1 && firsts[j + 1] === x0) continue;
    const same = withFirst.get(x0)!;
    if (same.length > 1) same.sort(compare);
    for (let t = 0; t < same.length; t++) out.push(same[t]!);
  }
  return out;
}

/** The maximal points of a set of pairs (a, b): a ascending, b strictly descending (at most `capacity` of them). */
class Staircase {
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private size = 0;

  constructor(capacity: number) {
    this.a = new Float64Array(capacity);
    this.b = new Float64Array(capacity);
  }

  /** The first position whose a is ≥ x (> x when strict). */
  private find(x: number, strict: boolean): number {
    const a = this.a;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? a[mid]! > x : a[mid]! >= x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The largest b over the pairs with a ≥ x (a > x when strict); −∞ when none. */
  best(x: number, strict: boolean): number {
    const at = this.find(x, strict);
    return at < this.size ? this.b[at]! : -Infinity;
  }

  insert(x: number, y: number): void {
    const { a, b } = this;
    const at = this.find(x, false);
    if (at < this.size && b[at]! >= y) return;
    const hi = at < this.size && a[at] === x ? at + 1 : at;
    let lo = at;
    while (lo > 0 && b[lo - 1]! <= y) lo--;
    // Replace positions lo … hi − 1 (the pairs the new one dominates) by (x, y).
    const shift = 1 - (hi - lo);
    if (shift !== 0) {
      a.copyWithin(hi + shift, hi, this.size);
      b.copyWithin(hi + shift, hi, this.size);
      this.size += shift;
    }
    a[lo] = x;
    b[lo] = y;
  }
}

/** The exact frontier of the capped survivors, with each vector's count and first outcomes. */
function finalFrontier(
  compiled: CompiledScenario,
  found: { layers: Layer[]; last: Groups },
  d: readonly number[],
  k: number,
  n: number,
  outcomesPerPoint: number,
): FrontierPoint[] {
  const { layers, last } = found;
  // Capped vectors; equal ones (from different sums or states) merged.
  const capped = new Float64Array(last.size * k);
  for (let j = 0; j < capped.length; j++) capped[j] = Math.min(1, last.sums[j]!);
  const rationalGroups: number[] = [];
  for (let g = 0; g < last.size; g++) {
    let rational = true;
    for (let p = 0; p < k && rational; p++) rational = capped[g * k + p]! >= d[p]!;
    if (rational) rationalGroups.push(g);
  }
  const order = byDecreasingSums(rationalGroups, capped, k);
  const vectors: { members: number[]; count: number }[] = [];
  for (let o = 0; o < order.length; o++) {
    const g = order[o]!;
    const prev = o > 0 ? order[o - 1]! : -1;
    let same = prev >= 0;
    for (let p = 0; same && p < k; p++) same = capped[prev * k + p] === capped[g * k + p];
    if (!same) vectors.push({ members: [], count: 0 });
    const top = vectors[vectors.length - 1]!;
    top.members.push(g);
    top.count += last.counts[g]!;
  }
  // The vectors come in decreasing order of (u₀, u₁, u₂), all different: one is dominated exactly
  // when an earlier one is at least as large for the other parties (it is for the first).
  const frontier = new Staircase(vectors.length);
  const points: FrontierPoint[] = [];
  for (let x = 0; x < vectors.length; x++) {
    const vector = vectors[x]!;
    const at = vector.members[0]! * k;
    const y = capped[at + 1]!;
    const z = k === 3 ? capped[at + 2]! : 0;
    if (frontier.best(y, false) >= z) continue;
    frontier.insert(y, z);
    const outcomes = vector.count === 1 ? [backtrack(layers, vector.members[0]!, n)] : firstOutcomes(layers, vector.members, n, outcomesPerPoint);
    const utilities: number[] = [];
    for (let p = 0; p < k; p++) utilities.push(capped[at + p]!);
    points.push({ utilities, outcomes: outcomes.map((o) => outcomeFromIndices(compiled, o)), outcomeCount: vector.count });
  }
  return points;
}

/** The one outcome behind a group that counts one. */
function backtrack(layers: readonly Layer[], group: number, n: number): Int32Array {
  const outcome = new Int32Array(n);
  let g = group;
  for (let i = n - 1; i >= 0; i--) {
    const e = layers[i]!.firstEdge[g]!;
    outcome[i] = layers[i]!.edgeChoice[e]!;
    g = layers[i]!.edgeParent[e]!;
  }
  return outcome;
}

/** The first `limit` outcomes (in outcome order: the first issue's option most significant) behind the last-layer groups given. */
function firstOutcomes(layers: readonly Layer[], groups: readonly number[], n: number, limit: number): Int32Array[] {
  // reach[i][g]: group g after issue i leads to one of `groups`.
  const reach: Uint8Array[] = layers.map((l) => new Uint8Array(l.firstEdge.length));
  for (const g of groups) reach[n - 1]![g] = 1;
  for (let i = n - 1; i > 0; i--) {
    const l = layers[i]!;
    for (let e = 0; e < l.edgeChild.length; e++) if (reach[i]![l.edgeChild[e]!]) reach[i - 1]![l.edgeParent[e]!] = 1;
  }
  // Edges come ordered by parent, then option: a depth-first walk in that order lists outcomes in order.
  const starts = layers.map((l, i) => {
    const parents = i === 0 ? 1 : layers[i - 1]!.firstEdge.length;
    const start = new Int32Array(parents + 1);
    for (let e = 0; e < l.edgeParent.length; e++) start[l.edgeParent[e]! + 1]!++;
    for (let a = 0; a < parents; a++) start[a + 1] = start[a + 1]! + start[a]!;
    return start;
  });
  const out: Int32Array[] = [];
  const prefix = new Int32Array(n);
  const walk = (i: number, a: number): void => {
    if (i === n) {
      out.push(prefix.slice());
      return;
    }
    const l = layers[i]!;
    for (let e = starts[i]![a]!; e < starts[i]![a + 1]! && out.length < limit; e++) {
      if (!reach[i]![l.edgeChild[e]!]) continue;
      prefix[i] = l.edgeChoice[e]!;
      walk(i + 1, l.edgeChild[e]!);
    }
  };
  walk(0, 0);
  return out;
}
