import type { Verdict } from "../analysis/evaluate-framework.js";
import { ParleyError } from "../errors.js";
import type { Framework } from "../model/framework.js";
import type { RedLine } from "../model/preferences.js";
import { statementClaims, type Confidence, type SourceRef, type Stance, type Statement, type StatementSubject } from "../model/statement.js";
import type { CompiledParty, CompiledScenario } from "../space/compile-scenario.js";
import { issueValueIndex } from "../space/issue-values.js";
import { COMPLETION_LIMIT, forEachCompletion } from "./package-evaluator.js";
import { resolveFramework, settleFramework, type SettledPoint, type Settlement } from "./settlement.js";

/** What the model predicts a party does with a point. */
export type ModelledStance = "accept" | "reject";

/**
 * How directly a statement speaks: about the point itself, about an issue the point sets, or (for
 * the declared stance on a whole framework) about the framework.
 */
export type DeclaredVia = "point" | "issue" | "framework";

/** The declared stance that counts for a party and a point (see docs/framework-analysis.md). */
export interface DeclaredStance {
  /** The stance that counts: the most decisive of `stances` (accept or reject, then conditional, partial, deny, process). */
  readonly stance: Stance;
  /** Every stance the statement takes on this subject (several when it has several claims), in claim order. */
  readonly stances: readonly Stance[];
  readonly date: string;
  /** The statement's id. */
  readonly statement: string;
  readonly source: SourceRef;
  readonly via: DeclaredVia;
  readonly confidence: Confidence;
  readonly speaker: string;
}

export interface PointPartyStance {
  readonly party: string;
  /**
   * The point's value to the party: 0 = its worst options on the issues the point sets, 1 = its
   * best. Null when the party is indifferent among those options (or the point sets nothing).
   */
  readonly value: number | null;
  /** Whether the point crosses one of the party's red lines. */
  readonly redLine: boolean;
  readonly redLines: readonly RedLine[];
  /** `reject` when a red line is crossed or the value is below 0.5; `accept` otherwise. */
  readonly modelled: ModelledStance;
  readonly declared: DeclaredStance | null;
  /** The declared stance contradicts the modelled one (accept vs reject, either way). */
  readonly mismatch: boolean;
}

export interface StanceRow {
  readonly point: { readonly id: string; readonly number: number; readonly text: string };
  /** The issues the point sets. */
  readonly issues: readonly string[];
  /** One per analysed party, in scenario order. */
  readonly stances: readonly PointPartyStance[];
}

export interface StanceMatrix {
  readonly framework: { readonly id: string; readonly name: string };
  readonly parties: readonly string[];
  /** One per point, in number order. */
  readonly rows: readonly StanceRow[];
}

/** One letter per declared stance, as the stance matrices show it: [A]ccept [R]eject [P]artial [C]onditional [D]eny [p]rocess. */
export const STANCE_ABBREVIATIONS: Readonly<Record<Stance, string>> = { accept: "A", reject: "R", partial: "P", conditional: "C", deny: "D", process: "p" };

/** A point's value to a party at or above this is modelled as acceptable. */
export const ACCEPT_THRESHOLD = 0.5;

/**
 * For every point × analysed party: the point's value, whether it crosses a red line, the latest
 * declared stance (from `statements`, by default the scenario's) and whether the two disagree.
 */
export function stanceMatrix(
  compiled: CompiledScenario,
  framework: Framework | string,
  statements: readonly Statement[] = compiled.scenario.statements ?? [],
): StanceMatrix {
  const fw = resolveFramework(compiled, framework);
  const settlement = settleFramework(compiled, fw);
  const rows = settlement.points.map((sp): StanceRow => ({
    point: { id: sp.point.id, number: sp.point.number, text: sp.point.text },
    issues: sp.settings.map((s) => compiled.issues[s.issue]!.id),
    stances: compiled.parties.map((cp): PointPartyStance => {
      const value = pointValue(compiled, settlement, sp, cp);
      const redLines = pointRedLines(settlement, sp, cp);
      const modelled: ModelledStance = redLines.length > 0 || (value !== null && value < ACCEPT_THRESHOLD) ? "reject" : "accept";
      const declared = declaredPointStance(compiled, fw, sp, cp.party.id, statements);
      return { party: cp.party.id, value, redLine: redLines.length > 0, redLines, modelled, declared, mismatch: disagrees(modelled, declared) };
    }),
  }));
  return { framework: { id: fw.id, name: fw.name }, parties: compiled.parties.map((cp) => cp.party.id), rows };
}

/** Whether a declared stance contradicts a modelled one: only a clear accept or reject counts. */
export function disagrees(modelled: ModelledStance, declared: DeclaredStance | null): boolean {
  if (!declared) return false;
  if (declared.stance === "accept") return modelled === "reject";
  if (declared.stance === "reject") return modelled === "accept";
  return false;
}

/**
 * Whether a declared stance on a whole framework contradicts its verdict: declared accept vs
 * verdict reject, or declared reject vs verdict accept. A `depends` verdict contradicts neither,
 * and partial, conditional, deny and process stances contradict no verdict (see
 * docs/framework-analysis.md).
 */
export function verdictDisagrees(verdict: Verdict, declared: DeclaredStance | null): boolean {
  return verdict !== "depends" && disagrees(verdict, declared);
}

/**
 * The value of a point to a party, in [0, 1].
 *
 * Linear-additive: (Σ c(v) − Σ min c) / (Σ max c − Σ min c) over the issues S the point sets, with
 * c = weight · score the issue's contribution (uncapped): the weight-averaged normalised score.
 * Other utilities: the same ratio for u itself, varying the issues in S over all their options
 * with every other issue at the framework's values and the open issues at the party's best
 * completion of the framework.
 */
export function pointValue(compiled: CompiledScenario, settlement: Settlement, sp: SettledPoint, cp: CompiledParty): number | null {
  if (sp.settings.length === 0) return null;
  const t = cp.utility.contributions;
  if (t) {
    let num = 0;
    let den = 0;
    for (const s of sp.settings) {
      const col = t[s.issue]!;
      const lo = Math.min(...col);
      const hi = Math.max(...col);
      num += col[s.value]! - lo;
      den += hi - lo;
    }
    return den > 0 ? clamp01(num / den) : null;
  }
  // Reference completion: the framework, this point's own values, the open issues at the party's best.
  const base = Int32Array.from(settlement.fixed);
  for (const s of sp.settings) base[s.issue] = s.value;
  let best = -Infinity;
  let reference = Int32Array.from(base, (k) => Math.max(k, 0));
  forEachCompletion(compiled, base, (idx) => {
    const u = cp.utility.evaluate(idx);
    if (u > best) {
      best = u;
      reference = Int32Array.from(idx);
    }
  });
  const varied = [...new Set(sp.settings.map((s) => s.issue))];
  const total = varied.reduce((a, i) => a * compiled.radices[i]!, 1);
  if (total > COMPLETION_LIMIT)
    throw new ParleyError("PARLEY_ERR_SPACE_TOO_LARGE", `point ${sp.point.number} sets issues with ${total} combinations (limit ${COMPLETION_LIMIT})`);
  const at = cp.utility.evaluate(reference);
  let lo = Infinity;
  let hi = -Infinity;
  const idx = Int32Array.from(reference);
  for (const i of varied) idx[i] = 0;
  for (let c = 0; c < total; c++) {
    const u = cp.utility.evaluate(idx);
    if (u < lo) lo = u;
    if (u > hi) hi = u;
    for (let m = varied.length - 1; m >= 0; m--) {
      const i = varied[m]!;
      if (++idx[i]! < compiled.radices[i]!) break;
      idx[i] = 0;
    }
  }
  return hi > lo ? clamp01((at - lo) / (hi - lo)) : null;
}

/**
 * The party's red lines the point crosses: a `forbid` on a value the point sets, or a `require`
 * rule on an issue the point sets whose other issue the framework also sets, violated (this
 * point's values first, the framework's effective values for the rest).
 */
export function pointRedLines(settlement: Settlement, sp: SettledPoint, cp: CompiledParty): RedLine[] {
  const own = new Map(sp.settings.map((s) => [s.issue, s.value] as const));
  const valueOf = (i: number) => own.get(i) ?? settlement.fixed[i]!;
  return cp.redLines
    .filter((line) => {
      if (line.kind === "forbid") {
        const v = own.get(line.issue);
        return v !== undefined && line.mask[v] === 1;
      }
      if (!own.has(line.ifIssue) && !own.has(line.thenIssue)) return false;
      const a = valueOf(line.ifIssue);
      const b = valueOf(line.thenIssue);
      return a >= 0 && b >= 0 && line.ifMask[a] === 1 && line.thenMask[b] !== 1;
    })
    .map((line) => line.source);
}

const DIRECTNESS: Record<DeclaredVia, number> = { point: 3, issue: 2, framework: 1 };

/** Which of a statement's stances on one subject counts: a clear accept or reject first, then conditional, partial, deny, process. */
const DECISIVENESS: Record<Stance, number> = { accept: 5, reject: 5, conditional: 4, partial: 3, deny: 2, process: 1 };

/**
 * The declared stance that counts for `party` on a point: among the party's statements with a
 * claim whose subjects match the point, the most direct ones (the point itself, then an issue the
 * point sets with the point's value among the values named) and, among those, the latest (by
 * date; for equal dates the later in the list). A subject naming an issue without values says
 * nothing about a particular option, so it does not count for a point; nor do statements about the
 * whole framework (see declaredFrameworkStance).
 */
export function declaredPointStance(
  compiled: CompiledScenario,
  framework: Framework,
  sp: SettledPoint,
  party: string,
  statements: readonly Statement[],
): DeclaredStance | null {
  return pickDeclared(statements, party, (s) => {
    if (s.framework !== undefined && s.framework !== framework.id) return null;
    if (s.point !== undefined) return s.framework === framework.id && (s.point === sp.point.id || s.point === String(sp.point.number)) ? "point" : null;
    if (s.issue !== undefined && s.values && s.values.length > 0) {
      const setting = sp.settings.find((x) => compiled.issues[x.issue]!.id === s.issue);
      if (!setting) return null;
      const issue = compiled.issues[setting.issue]!;
      return s.values.some((v) => issueValueIndex(issue, v) === setting.value) ? "issue" : null;
    }
    return null;
  });
}

/** The latest declared stance of `party` about the framework as a whole (subjects naming the framework and nothing narrower). */
export function declaredFrameworkStance(framework: Framework, party: string, statements: readonly Statement[]): DeclaredStance | null {
  return pickDeclared(statements, party, (s) =>
    s.framework === framework.id && s.point === undefined && s.issue === undefined ? "framework" : null,
  );
}

function pickDeclared(
  statements: readonly Statement[],
  party: string,
  match: (subject: StatementSubject) => DeclaredVia | null,
): DeclaredStance | null {
  let best: DeclaredStance | null = null;
  for (const st of statements) {
    if (st.party !== party) continue;
    // The most direct match over every claim, and the stances of the claims that reach it.
    let via: DeclaredVia | null = null;
    let stances: Stance[] = [];
    for (const claim of statementClaims(st)) {
      let claimVia: DeclaredVia | null = null;
      for (const subject of claim.about) {
        const m = match(subject);
        if (m && (claimVia === null || DIRECTNESS[m] > DIRECTNESS[claimVia])) claimVia = m;
      }
      if (!claimVia) continue;
      if (via === null || DIRECTNESS[claimVia] > DIRECTNESS[via]) [via, stances] = [claimVia, [claim.stance]];
      else if (DIRECTNESS[claimVia] === DIRECTNESS[via] && !stances.includes(claim.stance)) stances.push(claim.stance);
    }
    if (!via) continue;
    if (best && (DIRECTNESS[via] < DIRECTNESS[best.via] || (DIRECTNESS[via] === DIRECTNESS[best.via] && st.date < best.date))) continue;
    const stance = stances.reduce((a, b) => (DECISIVENESS[b] > DECISIVENESS[a] ? b : a));
    best = {
      stance,
      stances,
      date: st.date,
      statement: st.id,
      source: st.source,
      via,
      confidence: st.confidence,
      speaker: st.speaker,
    };
  }
  return best;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
