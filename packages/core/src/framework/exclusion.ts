import { analyzeScenario, type AnalysisOptions, type SolutionPoint } from "../analysis/analyze-scenario.js";
import type { Framework } from "../model/framework.js";
import type { Value } from "../model/issue.js";
import type { RedLine } from "../model/preferences.js";
import type { Scenario } from "../model/scenario.js";
import { crossesRedLine, type CompiledRedLine } from "../preferences/compile-red-lines.js";
import { valueScore } from "../preferences/value-function.js";
import { compiledParty, compileScenario, outcomeIndices, type CompiledParty, type CompiledScenario } from "../space/compile-scenario.js";
import { resolveFramework, settleFramework } from "./settlement.js";

/**
 * A hook for other ways of reaching the included parties' agreement (e.g. a simulated shuttle
 * protocol): given the restricted scenario (the excluded party removed, the framework's settled
 * issues fixed by red lines), return the agreed outcome(s).
 */
export type AgreementFinder = (restricted: CompiledScenario) => readonly Readonly<Record<string, Value>>[];

export interface ExclusionOptions {
  /** Negotiate only the completions of this framework (its settled issues stay as it sets them). Default: the whole space. */
  readonly framework?: Framework | string;
  /** Options for the analysis of the included parties (method, limits). Default: the merge frontier when every included party is linear-additive, else `auto`. */
  readonly analysis?: Omit<AnalysisOptions, "framework">;
  /** Also evaluate the outcomes this finder returns (reported as `simulated`). */
  readonly agreement?: AgreementFinder;
}

export interface ExcludedView {
  /** The excluded party's utility of the agreement, its reservation value and the red lines the agreement crosses. */
  readonly utility: number;
  readonly reservation: number;
  readonly redLinesCrossed: readonly RedLine[];
  /** utility ≥ reservation and no red line crossed. */
  readonly ratifies: boolean;
}

export interface ExclusionPoint {
  /** The included parties' utilities, in `included` order. */
  readonly utilities: readonly number[];
  readonly outcome: Readonly<Record<string, Value>>;
  readonly excluded: ExcludedView;
}

export interface ExclusionResult {
  readonly party: string;
  /** The analysed parties that stay at the table, in scenario order (the mediator included when it has preferences). */
  readonly included: readonly string[];
  readonly framework: { readonly id: string; readonly name: string } | null;
  /** Whether some outcome (of the space, or of the framework's completions) is rational for the included parties. */
  readonly dealPossible: boolean;
  /** The Nash and Kalai–Smorodinsky packages of the included parties (every tied point). */
  readonly nash: readonly ExclusionPoint[];
  readonly kalaiSmorodinsky: readonly ExclusionPoint[];
  /** The outcomes of `options.agreement`, when given. */
  readonly simulated: readonly ExclusionPoint[] | null;
  /**
   * The issues X controls (Issue.controlledBy): the others cannot settle them without X, so each
   * stays at the value X ranks first (`value`), whatever a framework sets; `value` is null when X
   * has no ordering of the issue (it is then negotiated as usual, and a note says so).
   */
  readonly controlled: readonly { readonly issue: string; readonly value: Value | null }[];
  /** Whether X ratifies every Nash (resp. KS) package; null when there is none. */
  readonly ratifiesNash: boolean | null;
  readonly ratifiesKalaiSmorodinsky: boolean | null;
  readonly notes: readonly string[];
}

/**
 * The agreement the other parties (and the mediator, when it has preferences) would reach without
 * party X: Nash and Kalai–Smorodinsky over the included parties, restricted to outcomes that respect
 * their red lines and reservation values — and, with a framework, to its completions — and whether X
 * would ratify it (its utility ≥ its reservation value and none of its red lines crossed).
 */
export function excludeParty(input: Scenario | CompiledScenario, partyId: string, options: ExclusionOptions = {}): ExclusionResult {
  const compiled = "radices" in input ? input : compileScenario(input);
  const excluded = compiledParty(compiled, partyId);
  const fw = options.framework !== undefined ? resolveFramework(compiled, options.framework) : null;
  const included = compiled.parties.filter((cp) => cp !== excluded);

  // The issues X controls stay where X wants them; the framework's settled issues become fixed too.
  // Each fixed issue is a forbid on every other value, held by the first included party.
  const controlled = controlledIssues(compiled, excluded);
  const fixed: { k: number; by: string }[] = compiled.issues.map(() => ({ k: -1, by: "" }));
  if (fw) settleFramework(compiled, fw).fixed.forEach((k, i) => (fixed[i] = { k, by: "framework" }));
  for (const c of controlled) if (c.index >= 0) fixed[c.issue] = { k: c.index, by: "controlled" };
  const extra: CompiledRedLine[] = [];
  fixed.forEach(({ k, by }, i) => {
    if (k < 0) return;
    const mask = new Uint8Array(compiled.radices[i]!).fill(1);
    mask[k] = 0;
    const issue = compiled.issues[i]!.id;
    const source: RedLine = { kind: "forbid", id: `${by}:${issue}`, issue, values: compiled.values[i]!.filter((_, x) => x !== k) };
    extra.push({ kind: "forbid", source, issue: i, mask });
  });
  const restricted: CompiledScenario = {
    ...compiled,
    scenario: { ...compiled.scenario, frameworks: [] },
    parties: included.map((cp, i) => (i === 0 && extra.length > 0 ? { ...cp, redLines: [...cp.redLines, ...extra] } : cp)),
  };
  // Linear-additive preferences go through the merge frontier: no enumeration of the whole space
  // (the framework's forbids shrink it at once) and no conflict search when nothing is rational.
  const additive = restricted.parties.every((cp) => cp.utility.contributions !== null);
  const report = analyzeScenario(restricted, { ...(additive ? { method: "merge" as const } : {}), ...options.analysis });

  const view = (outcome: Readonly<Record<string, Value>>): ExcludedView => {
    const idx = outcomeIndices(compiled, outcome);
    const utility = excluded.utility.evaluate(idx);
    const redLinesCrossed = excluded.redLines.filter((line) => crossesRedLine(line, idx)).map((line) => line.source);
    return { utility, reservation: excluded.reservation, redLinesCrossed, ratifies: utility >= excluded.reservation && redLinesCrossed.length === 0 };
  };
  const point = (s: SolutionPoint): ExclusionPoint => ({ utilities: s.utilities, outcome: s.outcome, excluded: view(s.outcome) });
  const nash = report.nash.map(point);
  const ks = report.kalaiSmorodinsky.map(point);
  const simulated = options.agreement
    ? options.agreement(restricted).map((outcome): ExclusionPoint => {
        const idx = outcomeIndices(compiled, outcome);
        return { utilities: included.map((cp) => cp.utility.evaluate(idx)), outcome: { ...outcome }, excluded: view(outcome) };
      })
    : null;
  const all = (points: readonly ExclusionPoint[]) => (points.length === 0 ? null : points.every((p) => p.excluded.ratifies));
  return {
    party: partyId,
    included: included.map((cp) => cp.party.id),
    framework: fw ? { id: fw.id, name: fw.name } : null,
    dealPossible: report.pareto.count > 0,
    nash,
    kalaiSmorodinsky: ks,
    simulated,
    controlled: controlled.map((c) => ({ issue: compiled.issues[c.issue]!.id, value: c.index < 0 ? null : compiled.values[c.issue]![c.index]! })),
    ratifiesNash: all(nash),
    ratifiesKalaiSmorodinsky: all(ks),
    notes: [...controlled.map((c) => controlNote(compiled, excluded, c)), ...report.notes],
  };
}

/** The issues `x` controls, each with the index of the value it ranks first (-1 when it has no ordering of it). */
function controlledIssues(compiled: CompiledScenario, x: CompiledParty): { issue: number; index: number }[] {
  const u = x.party.preferences?.utility;
  return compiled.issues.flatMap((issue, i) => {
    if (!issue.controlledBy?.includes(x.party.id)) return [];
    const fn = u?.kind === "linear-additive" ? u.values[issue.id] : undefined;
    if (!fn) return [{ issue: i, index: -1 }];
    const scores = compiled.values[i]!.map((v) => valueScore(fn, issue, v));
    return [{ issue: i, index: scores.indexOf(Math.max(...scores)) }];
  });
}

function controlNote(compiled: CompiledScenario, x: CompiledParty, c: { issue: number; index: number }): string {
  const issue = compiled.issues[c.issue]!.id;
  const who = x.party.id;
  return c.index < 0
    ? `${issue} is controlled by ${who}, which has no ordering of it: it is negotiated as if the others could settle it without ${who}`
    : `${issue} is controlled by ${who}: without ${who} the others cannot settle it, so it stays at ${String(compiled.values[c.issue]![c.index])} (the value ${who} ranks first)`;
}
