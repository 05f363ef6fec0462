import type { Verdict } from "../analysis/evaluate-framework.js";
import type { Framework } from "../model/framework.js";
import type { RedLine } from "../model/preferences.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import { createPackageEvaluator, type PackagePartyState } from "./package-evaluator.js";
import { resolveFramework, settleFramework, type SettingChange } from "./settlement.js";

/**
 * Which single number stands for a party's utility of a package with open issues: the worst
 * completion (`worst`, the default: what the party is guaranteed) or the midpoint of the worst and
 * best completions (`midpoint`).
 */
export type AmendmentBasis = "worst" | "midpoint";

export interface AmendmentOptions {
  readonly basis?: AmendmentBasis;
  /** Also consider adding a setting for an open issue. Default true. */
  readonly addSettings?: boolean;
  /** 1: single changes only; 2 (default): single changes and pairs of changes on different issues. */
  readonly maxChanges?: 1 | 2;
  /** How many Pareto-improving amendments to list. Default 10. */
  readonly limit?: number;
  /** How many fixes to list per party. Default 3. */
  readonly fixLimit?: number;
  /**
   * Skip the pairs when there would be more than this many. Default 1,000,000; with a non-additive
   * party, also when pairs × open completions would pass 2·10⁷.
   */
  readonly maxPairs?: number;
}

/** Utility differences within this are treated as zero. */
export const GAIN_TOLERANCE = 1e-9;

export interface PartyChange {
  readonly party: string;
  /** The basis utility before and after the change, and after − before. */
  readonly before: number;
  readonly after: number;
  readonly gain: number;
  readonly verdictBefore: Verdict;
  readonly verdict: Verdict;
  /** The best completion of the open issues before and after (equal to the basis when nothing is open). */
  readonly best: { readonly before: number; readonly after: number };
  /** Red lines crossed after the change. */
  readonly redLinesCrossed: readonly RedLine[];
}

export interface Amendment {
  readonly changes: readonly SettingChange[];
  /** One per analysed party, in scenario order. */
  readonly parties: readonly PartyChange[];
  /** Σ gains over all parties. */
  readonly totalGain: number;
}

export interface Fix extends Amendment {
  /** Σ over the other parties of their losses, max(0, before − after). */
  readonly cost: number;
  /**
   * The same on the best completion of the open issues. A fix can cost nothing on the worst
   * completion yet lower another party's best one, which can turn its verdict (depends → reject).
   */
  readonly costBest: number;
  /** Other parties whose verdict gets worse (accept → depends/reject, depends → reject). */
  readonly worsened: readonly string[];
}

export interface PartyFixes {
  readonly party: string;
  /** The party's verdict on the framework as it stands (never `accept`). */
  readonly verdict: Verdict;
  /** The cheapest one- or two-change amendments after which the party's verdict is `accept`; empty when none. */
  readonly fixes: readonly Fix[];
}

export interface AmendmentReport {
  readonly framework: { readonly id: string; readonly name: string };
  readonly basis: AmendmentBasis;
  /** The Pareto-improving amendments with the largest total gain, best first. */
  readonly improvements: readonly Amendment[];
  /** How many Pareto-improving amendments there are in all. */
  readonly improvementCount: number;
  /** For every party whose verdict is not `accept`. */
  readonly fixes: readonly PartyFixes[];
  /** How many single changes and pairs were evaluated. */
  readonly candidates: { readonly single: number; readonly pairs: number };
  /** True when the pairs were skipped (more than maxPairs). */
  readonly truncated: boolean;
}

interface Single {
  readonly issue: number;
  readonly value: number;
  readonly change: SettingChange;
}

interface Candidate {
  readonly seq: number;
  readonly singles: readonly number[];
  readonly states: readonly PackagePartyState[];
  readonly key: number;
  /** Fixes: how many other parties' verdicts get worse (the tie-breaker among equal costs). */
  readonly worsened: number;
  /** Fixes: the cost on the best completion (reported, not ranked on). */
  readonly keyBest: number;
}

const VERDICT_RANK: Record<Verdict, number> = { reject: 0, depends: 1, accept: 2 };

/** With a non-additive party, pairs × open completions may not exceed this. */
const NON_ADDITIVE_BUDGET = 20_000_000;

/**
 * One- and two-change amendments of a framework (see docs/framework-analysis.md):
 *
 * - a **change** rewrites the value the framework sets for one issue (in the point whose setting
 *   counts, and in any other point that sets the same value), or adds a setting for an open issue;
 * - an amendment is **Pareto-improving** when no party ends up with a lower basis utility, a red
 *   line it did not cross before or a worse verdict (accept > depends > reject), and some party
 *   gains utility, stops crossing a red line or gets a better verdict;
 * - for a party whose verdict is not `accept`, a **fix** is an amendment after which its verdict is
 *   `accept`; fixes are ranked by the total loss they impose on the other parties (equal costs: the
 *   fewest other parties whose verdict gets worse, then the fewest changes).
 *
 * A pair is skipped when one of its two changes alone leaves every party exactly where the pair
 * does (the other change is then idle).
 */
export function amendFramework(
  compiled: CompiledScenario,
  framework: Framework | string,
  options: AmendmentOptions = {},
): AmendmentReport {
  const fw = resolveFramework(compiled, framework);
  const basis = options.basis ?? "worst";
  const limit = options.limit ?? 10;
  const fixLimit = options.fixLimit ?? 3;
  const maxPairs = options.maxPairs ?? 1_000_000;
  const settlement = settleFramework(compiled, fw);
  const evaluate = createPackageEvaluator(compiled);
  const parties = compiled.parties;
  const score = (s: PackagePartyState) => (basis === "worst" ? s.min : (s.min + s.max) / 2);

  const fixed = Int32Array.from(settlement.fixed);
  const base = evaluate(fixed);
  const baseScore = base.map(score);

  const singles: Single[] = [];
  compiled.issues.forEach((issue, i) => {
    const k = settlement.fixed[i]!;
    const values = compiled.values[i]!;
    if (k >= 0) {
      const point = settlement.points[settlement.setBy[i]!]!.point.number;
      // Earlier points that say the same thing are rewritten too (points that clash are left alone).
      const points = settlement.points.filter((sp) => sp.settings.some((x) => x.issue === i && x.value === k)).map((sp) => sp.point.number);
      for (let v = 0; v < values.length; v++)
        if (v !== k) singles.push({ issue: i, value: v, change: { issue: issue.id, point, points, from: values[k]!, to: values[v]! } });
    } else if (options.addSettings ?? true)
      for (let v = 0; v < values.length; v++)
        singles.push({ issue: i, value: v, change: { issue: issue.id, point: null, points: [], from: null, to: values[v]! } });
  });

  const improvements = new TopK<Candidate>(limit, (a, b) => b.key - a.key || a.singles.length - b.singles.length || a.seq - b.seq);
  let improvementCount = 0;
  const needFix = parties.map((_, p) => base[p]!.verdict !== "accept");
  const byCost = (a: Candidate, b: Candidate) =>
    (Math.abs(a.key - b.key) > GAIN_TOLERANCE ? a.key - b.key : 0) ||
    a.worsened - b.worsened ||
    a.singles.length - b.singles.length ||
    a.seq - b.seq;
  const fixes = parties.map(() => new TopK<Candidate>(fixLimit, byCost));
  let seq = 0;

  const consider = (chosen: readonly number[], states: PackagePartyState[]) => {
    const s = seq++;
    let worse = false;
    let better = false;
    let total = 0;
    states.forEach((st, p) => {
      const gain = score(st) - baseScore[p]!;
      total += gain;
      const before = base[p]!.crossed;
      const added = st.crossed.some((c) => !before.includes(c));
      const verdictMove = VERDICT_RANK[st.verdict] - VERDICT_RANK[base[p]!.verdict];
      if (gain < -GAIN_TOLERANCE || added || verdictMove < 0) worse = true;
      else if (gain > GAIN_TOLERANCE || st.crossed.length < before.length || verdictMove > 0) better = true;
    });
    if (!worse && better) {
      improvementCount++;
      improvements.add({ seq: s, singles: chosen, states, key: total, worsened: 0, keyBest: 0 });
    }
    states.forEach((st, x) => {
      if (!needFix[x] || st.verdict !== "accept") return;
      let cost = 0;
      let costBest = 0;
      let worsened = 0;
      states.forEach((o, p) => {
        if (p === x) return;
        cost += Math.max(0, baseScore[p]! - score(o));
        costBest += Math.max(0, base[p]!.max - o.max);
        if (VERDICT_RANK[o.verdict] < VERDICT_RANK[base[p]!.verdict]) worsened++;
      });
      fixes[x]!.add({ seq: s, singles: chosen, states, key: cost, worsened, keyBest: costBest });
    });
  };

  const singleStates: PackagePartyState[][] = [];
  for (let a = 0; a < singles.length; a++) {
    const sa = singles[a]!;
    fixed[sa.issue] = sa.value;
    const states = evaluate(fixed);
    fixed[sa.issue] = settlement.fixed[sa.issue]!;
    singleStates.push(states);
    consider([a], states);
  }

  let pairs = 0;
  const pairCount = countPairs(singles);
  // A non-additive party enumerates the open completions of every package: bound that work too.
  const completions = settlement.fixed.reduce((a, k, i) => (k < 0 ? a * compiled.radices[i]! : a), 1);
  const pairLimit = parties.some((p) => p.utility.contributions === null)
    ? Math.min(maxPairs, Math.floor(NON_ADDITIVE_BUDGET / completions))
    : maxPairs;
  const truncated = (options.maxChanges ?? 2) === 2 && pairCount > pairLimit;
  if ((options.maxChanges ?? 2) === 2 && !truncated) {
    for (let a = 0; a < singles.length; a++) {
      const sa = singles[a]!;
      fixed[sa.issue] = sa.value;
      for (let b = a + 1; b < singles.length; b++) {
        const sb = singles[b]!;
        if (sb.issue === sa.issue) continue;
        fixed[sb.issue] = sb.value;
        const states = evaluate(fixed);
        fixed[sb.issue] = settlement.fixed[sb.issue]!;
        pairs++;
        if (sameStates(states, singleStates[a]!) || sameStates(states, singleStates[b]!)) continue;
        consider([a, b], states);
      }
      fixed[sa.issue] = settlement.fixed[sa.issue]!;
    }
  }

  const describe = (c: Candidate): Amendment => {
    const partyChanges = c.states.map((st, p): PartyChange => {
      const cp = parties[p]!;
      const after = score(st);
      return {
        party: cp.party.id,
        before: baseScore[p]!,
        after,
        gain: after - baseScore[p]!,
        verdictBefore: base[p]!.verdict,
        verdict: st.verdict,
        best: { before: base[p]!.max, after: st.max },
        redLinesCrossed: st.crossed.map((r) => cp.redLines[r]!.source),
      };
    });
    return {
      changes: c.singles.map((j) => singles[j]!.change),
      parties: partyChanges,
      totalGain: partyChanges.reduce((t, pc) => t + pc.gain, 0),
    };
  };

  return {
    framework: { id: fw.id, name: fw.name },
    basis,
    improvements: improvements.items().map(describe),
    improvementCount,
    fixes: parties.flatMap((cp, x): PartyFixes[] =>
      needFix[x]
        ? [
            {
              party: cp.party.id,
              verdict: base[x]!.verdict,
              fixes: fixes[x]!.items().map((c): Fix => ({
                ...describe(c),
                cost: c.key,
                costBest: c.keyBest,
                worsened: c.states.flatMap((st, p) =>
                  p !== x && VERDICT_RANK[st.verdict] < VERDICT_RANK[base[p]!.verdict] ? [parties[p]!.party.id] : [],
                ),
              })),
            },
          ]
        : [],
    ),
    candidates: { single: singles.length, pairs },
    truncated,
  };
}

function countPairs(singles: readonly Single[]): number {
  const perIssue = new Map<number, number>();
  for (const s of singles) perIssue.set(s.issue, (perIssue.get(s.issue) ?? 0) + 1);
  let same = 0;
  for (const c of perIssue.values()) same += (c * (c - 1)) / 2;
  return (singles.length * (singles.length - 1)) / 2 - same;
}

function sameStates(a: readonly PackagePartyState[], b: readonly PackagePartyState[]): boolean {
  return a.every((x, p) => {
    const y = b[p]!;
    return (
      Math.abs(x.min - y.min) <= GAIN_TOLERANCE &&
      Math.abs(x.max - y.max) <= GAIN_TOLERANCE &&
      x.verdict === y.verdict &&
      x.crossed.length === y.crossed.length &&
      x.crossed.every((c, i) => c === y.crossed[i])
    );
  });
}

/** The best `k` items under `compare` (negative: a first), kept sorted; ties keep insertion order. */
class TopK<T> {
  private readonly list: T[] = [];
  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}
  add(item: T): void {
    if (this.k <= 0) return;
    if (this.list.length >= this.k && this.compare(item, this.list[this.list.length - 1]!) >= 0) return;
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(this.list[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.list.splice(lo, 0, item);
    if (this.list.length > this.k) this.list.pop();
  }
  items(): T[] {
    return [...this.list];
  }
}
