import type { Constraint } from "../analysis/conflicts.js";
import { evaluateFramework, type FrameworkEvaluation, type Verdict } from "../analysis/evaluate-framework.js";
import type { FrameworkBasis } from "../model/framework.js";
import type { RedLine } from "../model/preferences.js";
import type { Scenario } from "../model/scenario.js";
import { compileScenario, type CompiledScenario } from "../space/compile-scenario.js";
import { amendFramework, type Fix, type Amendment, type AmendmentOptions, type AmendmentBasis } from "./amendments.js";
import { dealCheck, type DealCheckOptions } from "./deal-check.js";
import { readingDeciders, type ReadingDeciders, type ReadingDecidersOptions } from "./deal-readings.js";
import { zoneMargin, type ZoneMargin } from "./zone-margin.js";
import { explainFramework, type VerdictExplanation } from "./explain-verdict.js";
import { findFramework, type SettingChange } from "./settlement.js";
import { declaredFrameworkStance, stanceMatrix, verdictDisagrees, type DeclaredStance, type ModelledStance } from "./stance-matrix.js";

export interface FrameworkReportOptions {
  /** Report on this framework only (default: every framework). */
  readonly framework?: string;
  /** Options of the amendment search; `limit` defaults to 5 here. */
  readonly amendments?: AmendmentOptions;
  readonly deal?: DealCheckOptions;
  /**
   * Which readings decide the deal check: `scenario` is the scenario before any reading (default:
   * the compiled scenario, taken to be under none), `selected` the readings in force. false: not computed.
   */
  readonly readings?: (ReadingDecidersOptions & { readonly scenario?: Scenario }) | false;
}

/** `declared` in the JSON: the declared stance that counts, or null. */
export type DeclaredJson = {
  readonly stance: DeclaredStance["stance"];
  readonly stances: DeclaredStance["stances"];
  readonly date: string;
  readonly statement: string;
  readonly source: DeclaredStance["source"];
  readonly via: DeclaredStance["via"];
  readonly confidence: DeclaredStance["confidence"];
  readonly speaker: string;
} | null;

export interface PointStanceJson {
  readonly value: number | null;
  readonly redLine: boolean;
  readonly declared: DeclaredJson;
  readonly modelled: ModelledStance;
  readonly mismatch: boolean;
  readonly redLines: readonly RedLine[];
}

export interface VerdictJson {
  /** The worst completion's utility (equal to the package's utility when no issue is open). */
  readonly utility: number;
  readonly utilityRange: { readonly min: number; readonly max: number };
  /** verdict === "accept". */
  readonly accepts: boolean;
  readonly verdict: Verdict;
  readonly reservation: number;
  readonly redLinesCrossed: readonly RedLine[];
  /** The party's latest declared stance on the framework as a whole. */
  readonly declared: DeclaredJson;
  /** The declared stance contradicts the verdict: declared accept vs verdict reject, or declared reject vs verdict accept. */
  readonly declaredDisagrees: boolean;
  /** Why: the deciding issues, the binding red lines, the statements behind them (explainVerdict). */
  readonly explanation: VerdictExplanation;
}

export interface AmendmentJson {
  readonly changes: readonly SettingChange[];
  readonly totalGain: number;
  /** Per party: basis utility after − before. */
  readonly gains: Readonly<Record<string, number>>;
  /** Per party: the verdict after the amendment. */
  readonly verdicts: Readonly<Record<string, Verdict>>;
}

export interface FixJson extends AmendmentJson {
  readonly cost: number;
  /** The others' total loss on the best completion of the open issues. */
  readonly costBest: number;
  readonly worsened: readonly string[];
  /** Per party in `worsened`: why its verdict gets worse (docs/framework-analysis.md, "Amendments"). */
  readonly worsenedWhy: Readonly<Record<string, WorsenedWhy>>;
}

/** Why a fix worsens another party's verdict. */
export interface WorsenedWhy {
  readonly from: Verdict;
  readonly to: Verdict;
  /** Red lines crossed after the fix that were not crossed before. */
  readonly redLinesCrossed: readonly RedLine[];
  /** Its basis utility (the amendments' basis: worst completion or midpoint) and best completion, before and after. */
  readonly basis: { readonly before: number; readonly after: number };
  readonly best: { readonly before: number; readonly after: number };
  readonly reservation: number;
}

export interface ConstraintJson {
  readonly kind: "reservation" | "red-line";
  readonly party: string;
  /** The reservation value (reservation constraints). */
  readonly value?: number;
  /** The red line and the issues it names (red-line constraints). */
  readonly redLine?: RedLine;
  readonly issues?: readonly string[];
}

export interface FrameworkReportEntry {
  readonly id: string;
  readonly name: string;
  /** What the text rests on (null: not stated); `undisclosed`: its points are not public, so every issue is open. */
  readonly basis: FrameworkBasis | null;
  readonly open: readonly string[];
  readonly clashes: readonly { readonly issue: string; readonly points: readonly number[] }[];
  readonly points: readonly {
    readonly id: string;
    readonly number: number;
    readonly text: string;
    readonly issues: readonly string[];
    readonly stances: Readonly<Record<string, PointStanceJson>>;
  }[];
  readonly verdicts: Readonly<Record<string, VerdictJson>>;
  readonly amendments: {
    readonly basis: AmendmentBasis;
    /** How many Pareto-improving one- and two-change amendments exist. */
    readonly count: number;
    /** The best of them by total gain. */
    readonly best: readonly AmendmentJson[];
    /** For every party whose verdict is not accept: the cheapest fixes. */
    readonly fixes: Readonly<Record<string, { readonly verdict: Verdict; readonly fixes: readonly FixJson[] }>>;
    readonly truncated: boolean;
  };
}

export interface FrameworkReport {
  readonly scenario: { readonly id: string; readonly name: string };
  readonly parties: readonly string[];
  readonly frameworks: readonly FrameworkReportEntry[];
  readonly dealPossible: boolean;
  readonly conflicts: { readonly sets: readonly (readonly ConstraintJson[])[]; readonly truncated: boolean } | null;
  readonly deal: { readonly method: "enumerate" | "merge"; readonly rationalCount: number | null };
  /** How far the zone is from vanishing: the largest common rise δ of every reservation value that leaves a deal (zoneMargin). */
  readonly zoneMargin: ZoneMargin;
  /** The deal check under the scenario's other readings and their combinations (readingDeciders); null without readings. */
  readonly readingDeciders: ReadingDeciders | null;
}

/**
 * Everything `parley framework` shows, as plain JSON (documented in docs/framework-analysis.md):
 * per framework the stance matrix, the verdicts and the best amendments; then the deal check.
 */
export function frameworkReport(input: Scenario | CompiledScenario, options: FrameworkReportOptions = {}): FrameworkReport {
  const compiled = "radices" in input ? input : compileScenario(input);
  const scenario = compiled.scenario;
  const frameworks = options.framework !== undefined ? [findFramework(compiled, options.framework)] : scenario.frameworks;
  const statements = scenario.statements ?? [];
  const byParty = <T>(f: (p: number, id: string) => T): Record<string, T> =>
    Object.fromEntries(compiled.parties.map((cp, p) => [cp.party.id, f(p, cp.party.id)]));
  const amendmentJson = (a: Amendment): AmendmentJson => ({
    changes: a.changes,
    totalGain: a.totalGain,
    gains: Object.fromEntries(a.parties.map((pc) => [pc.party, pc.gain])),
    verdicts: Object.fromEntries(a.parties.map((pc) => [pc.party, pc.verdict])),
  });

  const entries = frameworks.map((fw): FrameworkReportEntry => {
    const matrix = stanceMatrix(compiled, fw, statements);
    const ev = evaluateFramework(compiled, fw);
    const am = amendFramework(compiled, fw, { limit: 5, ...options.amendments });
    const explanations = explainFramework(compiled, fw, statements);
    return {
      id: fw.id,
      name: fw.name,
      basis: fw.basis ?? null,
      open: ev.open,
      clashes: ev.clashes,
      points: matrix.rows.map((row) => ({
        id: row.point.id,
        number: row.point.number,
        text: row.point.text,
        issues: row.issues,
        stances: byParty((p) => {
          const s = row.stances[p]!;
          return { value: s.value, redLine: s.redLine, declared: s.declared, modelled: s.modelled, mismatch: s.mismatch, redLines: s.redLines };
        }),
      })),
      verdicts: byParty((p, id) => {
        const pe = ev.parties[p]!;
        const declared = declaredFrameworkStance(fw, id, statements);
        return {
          utility: pe.utility.min,
          utilityRange: pe.utility,
          accepts: pe.verdict === "accept",
          verdict: pe.verdict,
          reservation: pe.reservation,
          redLinesCrossed: pe.redLinesCrossed,
          declared,
          declaredDisagrees: verdictDisagrees(pe.verdict, declared),
          explanation: explanations[id]!,
        };
      }),
      amendments: {
        basis: am.basis,
        count: am.improvementCount,
        best: am.improvements.map(amendmentJson),
        fixes: Object.fromEntries(
          am.fixes.map((pf) => [
            pf.party,
            { verdict: pf.verdict, fixes: pf.fixes.map((f): FixJson => ({ ...amendmentJson(f), cost: f.cost, costBest: f.costBest, worsened: f.worsened, worsenedWhy: worsenedWhy(f, ev) })) },
          ]),
        ),
        truncated: am.truncated,
      },
    };
  });

  const deal = dealCheck(compiled, options.deal ?? {});
  const dealLimits = {
    ...(options.deal?.enumerationLimit !== undefined ? { enumerationLimit: options.deal.enumerationLimit } : {}),
    ...(options.deal?.maxFrontier !== undefined ? { maxFrontier: options.deal.maxFrontier } : {}),
  };
  const readings = options.readings === false ? null : readingDeciders(options.readings?.scenario ?? scenario, { deal: dealLimits, ...options.readings });
  return {
    scenario: { id: scenario.id, name: scenario.name },
    parties: compiled.parties.map((cp) => cp.party.id),
    frameworks: entries,
    dealPossible: deal.possible,
    conflicts: deal.conflicts ? { sets: deal.conflicts.sets.map((set) => set.map(constraintJson)), truncated: deal.conflicts.truncated } : null,
    deal: { method: deal.method, rationalCount: deal.rationalCount },
    zoneMargin: zoneMargin(compiled, dealLimits),
    readingDeciders: readings,
  };
}

/** A conflict constraint as JSON, naming the issues a red line is about. */
export function constraintJson(c: Constraint): ConstraintJson {
  if (c.kind === "reservation") return { kind: c.kind, party: c.party, value: c.value };
  const r = c.redLine;
  return { kind: c.kind, party: c.party, redLine: r, issues: r.kind === "forbid" ? [r.issue] : [...new Set([r.if.issue, r.then.issue])] };
}

/** Why each party in `fix.worsened` ends up with a worse verdict. */
function worsenedWhy(fix: Fix, ev: FrameworkEvaluation): Record<string, WorsenedWhy> {
  return Object.fromEntries(
    fix.worsened.map((party) => {
      const pc = fix.parties.find((x) => x.party === party)!;
      const before = ev.parties.find((x) => x.party === party)!;
      return [
        party,
        {
          from: pc.verdictBefore,
          to: pc.verdict,
          redLinesCrossed: pc.redLinesCrossed.filter((r) => !before.redLinesCrossed.includes(r)),
          basis: { before: pc.before, after: pc.after },
          best: pc.best,
          reservation: before.reservation,
        },
      ];
    }),
  );
}
