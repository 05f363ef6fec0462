import { evaluateFramework, type Verdict } from "../analysis/evaluate-framework.js";
import type { Framework } from "../model/framework.js";
import type { Value } from "../model/issue.js";
import type { RedLine } from "../model/preferences.js";
import type { Statement } from "../model/statement.js";
import { compiledParty, type CompiledParty, type CompiledScenario } from "../space/compile-scenario.js";
import { byDate, isWeakSupport, resolveGrounds, statementRef, type Grounds, type StatementRef, type Support } from "./grounds.js";
import { crossesFixed, forEachCompletion, openRisk } from "./package-evaluator.js";
import { resolveFramework, settleFramework } from "./settlement.js";

/** One issue in one completion of the framework. */
export interface IssueTerm {
  /** The option the completion has on the issue. */
  readonly value: Value;
  /**
   * `additive`: weight · score of the option, what the issue adds to the utility (the terms sum to
   * the utility before the cap at 1). `marginal`: u − u with this issue alone at its worst option.
   */
  readonly contribution: number;
  /**
   * What the party gives up on this issue: u with this issue alone at the party's best option on
   * it, minus u (`additive`: the best option's contribution minus this one's). Never negative.
   */
  readonly loss: number;
  /** The party's best option on the issue (the first, when several tie). */
  readonly bestValue: Value;
}

export interface IssueExplanation {
  readonly issue: string;
  /** Whether the framework leaves the issue open (the worst and best completions may differ on it). */
  readonly open: boolean;
  /** `additive`: the weight as written and its share of the party's weights. Null otherwise. */
  readonly weight: number | null;
  readonly weightShare: number | null;
  /** The worst and the best completion of the open issues (equal terms for a settled issue). */
  readonly worst: IssueTerm;
  readonly best: IssueTerm;
  readonly weightGrounds: Grounds;
  /** What the party's ordering of the issue's options (its value function) rests on. */
  readonly orderingGrounds: Grounds;
}

/** A red line that binds: the framework crosses it, or a completion of the open issues could. */
export interface RedLineExplanation {
  readonly redLine: RedLine;
  /** Its id, or `#n` (1-based position among the party's red lines). */
  readonly id: string;
  readonly status: "crossed" | "at-risk";
  readonly issues: readonly string[];
  readonly grounds: Grounds;
}

/** Why the verdict is what it is; several may hold. */
export type VerdictReason =
  | "red-line-crossed"
  | "best-below-reservation"
  | "worst-below-reservation"
  | "red-line-at-risk"
  | "every-completion-acceptable";

/** A load-bearing modelling choice that rests only on M or L statements or on an assumption. */
export interface WeakGround {
  readonly kind: "red-line" | "ordering";
  /** The red line's id (or `#n`), or the issue id of the ordering. */
  readonly id: string;
  readonly support: Support;
}

export interface VerdictExplanation {
  readonly framework: string;
  readonly party: string;
  readonly verdict: Verdict;
  readonly utility: { readonly min: number; readonly max: number };
  readonly reservation: number;
  /**
   * `additive` (linear-additive utilities): contributions that sum to the utility; `marginal`
   * (other utilities): one issue changed at a time, which does not sum to the utility.
   */
  readonly method: "additive" | "marginal";
  /** `additive`: Σ contributions in the worst and best completion (the utility is min(1, total)). */
  readonly total: { readonly worst: number; readonly best: number } | null;
  /** `additive`: Σ of the best contribution on every issue, the utility of the party's ideal package before the cap. */
  readonly ideal: number | null;
  /** The completion whose terms rank the issues, and by which term (see docs/framework-analysis.md). */
  readonly ranking: { readonly completion: "worst" | "best"; readonly by: "contribution" | "loss" };
  /** Every issue, the most decisive first. */
  readonly issues: readonly IssueExplanation[];
  /**
   * The top issues: the first TOP_ISSUES with a positive ranking term, and any tied with the
   * last of them. A utility reason (below or above the reservation) rests on their orderings.
   */
  readonly topIssues: readonly string[];
  /** The red lines that bind, crossed first. */
  readonly redLines: readonly RedLineExplanation[];
  readonly reasons: readonly VerdictReason[];
  /** The ids of the party's statements about this framework (or its points), oldest first. */
  readonly declared: readonly string[];
  /** Every statement the explanation names (cited or declared), by id. */
  readonly statements: Readonly<Record<string, StatementRef>>;
  /** The verdict rests on M/L sources or assumptions: every reason it has stands on a weak ground. */
  readonly restsOnWeakSources: boolean;
  /** The weak grounds among the reasons' grounds (also when other reasons keep the verdict sourced). */
  readonly weakGrounds: readonly WeakGround[];
}

/** How many of the top-ranked issues a utility reason rests on. */
export const TOP_ISSUES = 3;

const EPS = 1e-12;

/**
 * Why `party` gets its verdict on `framework` (docs/framework-analysis.md, "Explanations"): the
 * issues ranked by contribution or loss in the worst and best completion, the binding red lines,
 * the statements behind them and the framework, and whether the verdict rests on M/L sources.
 */
export function explainVerdict(
  compiled: CompiledScenario,
  framework: Framework | string,
  party: string,
  statements: readonly Statement[] = compiled.scenario.statements ?? [],
): VerdictExplanation {
  const fw = resolveFramework(compiled, framework);
  const cp = compiledParty(compiled, party);
  const ev = evaluateFramework(compiled, fw).parties.find((pe) => pe.party === party)!;
  const { fixed } = settleFramework(compiled, fw);
  const byId = new Map(statements.map((s) => [s.id, s] as const));
  const prefs = cp.party.preferences!;
  const terms = issueTerms(compiled, cp, fixed);

  const reasons: VerdictReason[] = [];
  if (ev.redLinesCrossed.length > 0) reasons.push("red-line-crossed");
  if (ev.utility.max < ev.reservation) reasons.push("best-below-reservation");
  else if (ev.utility.min < ev.reservation) reasons.push("worst-below-reservation");

  const redLines = cp.redLines.flatMap((line, n): RedLineExplanation[] => {
    const status = crossesFixed(line, fixed) ? "crossed" : openRisk(line, fixed) ? "at-risk" : null;
    if (!status) return [];
    const r = line.source;
    const issues = r.kind === "forbid" ? [r.issue] : [...new Set([r.if.issue, r.then.issue])];
    return [{ redLine: r, id: r.id ?? `#${n + 1}`, status, issues, grounds: resolveGrounds(r.provenance, byId) }];
  });
  redLines.sort((a, b) => (a.status === b.status ? 0 : a.status === "crossed" ? -1 : 1));
  if (ev.verdict !== "reject" && redLines.some((r) => r.status === "at-risk")) reasons.push("red-line-at-risk");
  if (ev.verdict === "accept") reasons.push("every-completion-acceptable");

  // accept: what carries the worst completion; best below reservation: what the best one gives up;
  // otherwise what the worst completion gives up.
  const ranking =
    ev.verdict === "accept"
      ? ({ completion: "worst", by: "contribution" } as const)
      : reasons.includes("best-below-reservation")
        ? ({ completion: "best", by: "loss" } as const)
        : ({ completion: "worst", by: "loss" } as const);
  const weights = prefs.utility.kind === "linear-additive" ? prefs.utility.weights : null;
  const weightSum = weights ? Object.values(weights).reduce((a, w) => a + Math.abs(w), 0) : 0;
  const issues = compiled.issues
    .map((issue, i): IssueExplanation => {
      const weight = weights ? (weights[issue.id] ?? 0) : null;
      return {
        issue: issue.id,
        open: fixed[i]! < 0,
        weight,
        weightShare: weight === null ? null : weightSum > 0 ? weight / weightSum : 0,
        worst: terms.worst[i]!,
        best: terms.best[i]!,
        weightGrounds: resolveGrounds(prefs.provenance?.weights?.[issue.id], byId),
        orderingGrounds: resolveGrounds(prefs.provenance?.values?.[issue.id], byId),
      };
    })
    .map((x, i) => ({ x, i, key: x[ranking.completion][ranking.by] }))
    .sort((a, b) => b.key - a.key || a.i - b.i)
    .map((e) => e.x);

  // Each reason is an alternative ground for the verdict; the verdict is marked when every one is weak.
  const keyOf = (x: IssueExplanation) => x[ranking.completion][ranking.by];
  const ranked = issues.filter((x) => keyOf(x) > EPS);
  const cut = ranked.length > TOP_ISSUES ? keyOf(ranked[TOP_ISSUES - 1]!) - EPS : -Infinity;
  const topIssues = ranked.filter((x, n) => n < TOP_ISSUES || keyOf(x) >= cut);
  const utilityGrounds = topIssues.map((x): WeakGround => ({ kind: "ordering", id: x.issue, support: x.orderingGrounds.support }));
  const lineGround = (r: RedLineExplanation): WeakGround => ({ kind: "red-line", id: r.id, support: r.grounds.support });
  const alternatives: WeakGround[][] = [];
  for (const reason of reasons) {
    if (reason === "red-line-crossed") for (const r of redLines) if (r.status === "crossed") alternatives.push([lineGround(r)]);
    if (reason === "red-line-at-risk") for (const r of redLines) if (r.status === "at-risk") alternatives.push([lineGround(r)]);
    if (reason === "best-below-reservation" || reason === "worst-below-reservation" || reason === "every-completion-acceptable")
      alternatives.push(utilityGrounds);
  }
  const weakOf = (g: WeakGround) => isWeakSupport(g.support);
  const weakGrounds: WeakGround[] = [];
  for (const g of alternatives.flat()) if (weakOf(g) && !weakGrounds.some((w) => w.kind === g.kind && w.id === g.id)) weakGrounds.push(g);

  const declared = statements.filter((s) => s.party === party && s.about.some((subject) => subject.framework === fw.id)).sort(byDate);
  const named = new Set([
    ...declared.map((s) => s.id),
    ...issues.flatMap((x) => [...x.weightGrounds.cites, ...x.orderingGrounds.cites].map((c) => c.id)),
    ...redLines.flatMap((r) => r.grounds.cites.map((c) => c.id)),
  ]);

  return {
    framework: fw.id,
    party,
    verdict: ev.verdict,
    utility: ev.utility,
    reservation: ev.reservation,
    method: terms.total ? "additive" : "marginal",
    total: terms.total,
    ideal: terms.ideal,
    ranking,
    issues,
    topIssues: topIssues.map((x) => x.issue),
    redLines,
    reasons,
    declared: declared.map((s) => s.id),
    statements: Object.fromEntries([...named].map((id) => [id, statementRef(byId.get(id)!)])),
    restsOnWeakSources: alternatives.length > 0 && alternatives.every((grounds) => grounds.some(weakOf)),
    weakGrounds,
  };
}

/** Every analysed party's explanation of its verdict on the framework, by party id. */
export function explainFramework(
  compiled: CompiledScenario,
  framework: Framework | string,
  statements: readonly Statement[] = compiled.scenario.statements ?? [],
): Record<string, VerdictExplanation> {
  const fw = resolveFramework(compiled, framework);
  return Object.fromEntries(compiled.parties.map((cp) => [cp.party.id, explainVerdict(compiled, fw, cp.party.id, statements)]));
}

interface Terms {
  readonly worst: readonly IssueTerm[];
  readonly best: readonly IssueTerm[];
  readonly total: { readonly worst: number; readonly best: number } | null;
  readonly ideal: number | null;
}

/** The per-issue terms of the worst and best completion of the open issues (fixed: option index, −1 open). */
function issueTerms(compiled: CompiledScenario, cp: CompiledParty, fixed: Int32Array): Terms {
  const t = cp.utility.contributions;
  const values = compiled.values;
  if (t) {
    const argBy = (col: Float64Array, better: (a: number, b: number) => boolean) => {
      let k = 0;
      for (let j = 1; j < col.length; j++) if (better(col[j]!, col[k]!)) k = j;
      return k;
    };
    const top = t.map((col) => argBy(col, (a, b) => a > b));
    const term = (i: number, k: number): IssueTerm => ({
      value: values[i]![k]!,
      contribution: t[i]![k]!,
      loss: t[i]![top[i]!]! - t[i]![k]!,
      bestValue: values[i]![top[i]!]!,
    });
    const worstIdx = t.map((col, i) => (fixed[i]! >= 0 ? fixed[i]! : argBy(col, (a, b) => a < b)));
    const bestIdx = t.map((_, i) => (fixed[i]! >= 0 ? fixed[i]! : top[i]!));
    // Summed in issue order, as evaluateFramework sums, so that min(1, total) is its utility to the bit.
    const sum = (idx: readonly number[]) => idx.reduce((s, k, i) => s + t[i]![k]!, 0);
    return {
      worst: worstIdx.map((k, i) => term(i, k)),
      best: bestIdx.map((k, i) => term(i, k)),
      total: { worst: sum(worstIdx), best: sum(bestIdx) },
      ideal: sum(top),
    };
  }
  // Non-additive: the worst and best completions by enumeration, then one issue varied at a time.
  let lo = Infinity;
  let hi = -Infinity;
  let worst = Int32Array.from(fixed);
  let best = Int32Array.from(fixed);
  forEachCompletion(compiled, fixed, (idx) => {
    const u = cp.utility.evaluate(idx);
    if (u < lo) [lo, worst] = [u, Int32Array.from(idx)];
    if (u > hi) [hi, best] = [u, Int32Array.from(idx)];
  });
  const marginal = (at: Int32Array): IssueTerm[] => {
    const u = cp.utility.evaluate(at);
    const idx = Int32Array.from(at);
    return compiled.issues.map((_, i) => {
      let min = Infinity;
      let max = -Infinity;
      let top = 0;
      for (let k = 0; k < compiled.radices[i]!; k++) {
        idx[i] = k;
        const v = cp.utility.evaluate(idx);
        if (v < min) min = v;
        if (v > max) [max, top] = [v, k];
      }
      idx[i] = at[i]!;
      return { value: values[i]![at[i]!]!, contribution: u - min, loss: max - u, bestValue: values[i]![top]! };
    });
  };
  return { worst: marginal(worst), best: marginal(best), total: null, ideal: null };
}
