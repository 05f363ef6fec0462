import { ParleyError } from "../errors.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import { paretoFrontier } from "./pareto-frontier.js";
import type { ProgressCallback } from "./outcome-utilities.js";

export interface MergeFrontierOptions {
  /** Give up (PARLEY_ERR_FRONTIER_TOO_LARGE) when an intermediate frontier grows past this. Default 200,000. */
  readonly maxFrontier?: number;
  /** Issues tied by cross-issue red lines are merged into one; give up when such a block has more combinations. Default 1,000,000. */
  readonly maxBlock?: number;
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
 * into a frontier point. Options a red line forbids are removed first; issues linked by cross-issue
 * rules are merged into one block whose allowed combinations are enumerated. The cap
 * u = min(1, Σ) is monotone, so the capped frontier is the non-dominated part of the capped
 * uncapped frontier; and since anything dominating a rational point is rational too (once red
 * lines are out of the space), the rational frontier is the frontier's rational part.
 */
export function mergeFrontier(compiled: CompiledScenario, options: MergeFrontierOptions = {}): MergeFrontierResult {
  const maxFrontier = options.maxFrontier ?? 200_000;
  const maxBlock = options.maxBlock ?? 1_000_000;
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

  // Allowed options per issue after every party's `forbid` red lines.
  const allowed = compiled.radices.map((r) => new Uint8Array(r).fill(1));
  const rules = parties.flatMap((p) => p.redLines.filter((r) => r.kind === "require"));
  for (const p of parties)
    for (const r of p.redLines) if (r.kind === "forbid") r.mask.forEach((m, x) => m && (allowed[r.issue]![x] = 0));

  // Blocks: issues connected by cross-issue rules (union-find).
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const r of rules) if (r.kind === "require") parent[find(r.ifIssue)] = find(r.thenIssue);
  const blocks = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const b = blocks.get(root);
    if (b) b.push(i);
    else blocks.set(root, [i]);
  }

  // Each block's choices: the option index per member issue and the contribution per party.
  interface Block {
    readonly issues: number[];
    readonly choices: Int32Array[];
    readonly vectors: Float64Array[]; // vectors[p][c]
  }
  const blockList: Block[] = [...blocks.values()]
    .sort((a, b) => a[0]! - b[0]!)
    .map((issues) => {
      const radix = issues.map((i) => compiled.radices[i]!);
      const total = radix.reduce((a, b) => a * b, 1);
      if (total > maxBlock)
        throw new ParleyError(
          "PARLEY_ERR_FRONTIER_TOO_LARGE",
          `cross-issue red lines tie issues ${issues.map((i) => `"${compiled.issues[i]!.id}"`).join(", ")} into a block of ${total} combinations (limit ${maxBlock})`,
        );
      const blockRules = rules.filter((r) => r.kind === "require" && issues.includes(r.ifIssue));
      const choices: Int32Array[] = [];
      const full = new Int32Array(n);
      const cur = new Int32Array(issues.length);
      for (let c = 0; c < total; c++) {
        let ok = true;
        for (let m = 0; m < issues.length; m++) {
          full[issues[m]!] = cur[m]!;
          if (!allowed[issues[m]!]![cur[m]!]) ok = false;
        }
        if (ok)
          for (const r of blockRules)
            if (r.kind === "require" && r.ifMask[full[r.ifIssue]!] && !r.thenMask[full[r.thenIssue]!]) ok = false;
        if (ok) choices.push(Int32Array.from(cur));
        for (let m = issues.length - 1; m >= 0; m--) {
          if (++cur[m]! < radix[m]!) break;
          cur[m] = 0;
        }
      }
      const vectors = tables.map((t) =>
        Float64Array.from(choices, (ch) => {
          let s = 0;
          issues.forEach((i, m) => (s += t[i]![ch[m]!]!));
          return s;
        }),
      );
      return { issues, choices, vectors };
    });

  if (blockList.some((b) => b.choices.length === 0)) return { points: [], peakFrontier: 0 };

  // Layered merge. Layer L holds the frontier after L blocks, with back-pointers.
  let front: Float64Array[] = tables.map(() => new Float64Array(1)); // the zero vector
  const backParent: Int32Array[] = [];
  const backChoice: Int32Array[] = [];
  let peak = 1;
  blockList.forEach((block, bIndex) => {
    const m = front[0]!.length;
    const r = block.choices.length;
    const size = m * r;
    const cols = tables.map(() => new Float64Array(size));
    for (let p = 0; p < k; p++) {
      const f = front[p]!;
      const v = block.vectors[p]!;
      const col = cols[p]!;
      for (let a = 0; a < m; a++) {
        const base = f[a]!;
        for (let c = 0; c < r; c++) col[a * r + c] = base + v[c]!;
      }
    }
    const groups = paretoFrontier(cols);
    if (groups.length > maxFrontier)
      throw new ParleyError(
        "PARLEY_ERR_FRONTIER_TOO_LARGE",
        `the Pareto frontier grew past ${maxFrontier} points after ${bIndex + 1} of ${blockList.length} issue blocks; analyse by enumeration or sampling instead, or raise the limit`,
      );
    const next = tables.map(() => new Float64Array(groups.length));
    const par = new Int32Array(groups.length);
    const cho = new Int32Array(groups.length);
    groups.forEach((g, j) => {
      const rep = g.members[0]!;
      for (let p = 0; p < k; p++) next[p]![j] = cols[p]![rep]!;
      par[j] = Math.floor(rep / r);
      cho[j] = rep % r;
    });
    front = next;
    backParent.push(par);
    backChoice.push(cho);
    if (groups.length > peak) peak = groups.length;
    options.onProgress?.(bIndex + 1, blockList.length);
  });

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
    for (let L = blockList.length - 1; L >= 0; L--) {
      const block = blockList[L]!;
      const choice = block.choices[backChoice[L]![j]!]!;
      block.issues.forEach((i, mm) => (outcome[i] = choice[mm]!));
      j = backParent[L]![j]!;
    }
    points.push({ utilities, outcome });
  }
  return { points, peakFrontier: peak };
}
