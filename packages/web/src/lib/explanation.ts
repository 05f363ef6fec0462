// A verdict's explanation (core explainVerdict, in the framework report as
// verdicts[party].explanation) as the workbench shows it: the reasons in words, the deciding issues,
// the binding red lines, the statements behind them with their confidence, and the M/L mark. Pure.
import { redLineText, type RedLine, type Scenario } from "@parley/core";
import type { VerdictJson } from "../api/types.js";
import { fmtUtility } from "../charts/format.js";

type Explanation = NonNullable<VerdictJson["explanation"]>;

const REASON: Readonly<Record<string, string>> = {
  "red-line-crossed": "the framework crosses a red line",
  "best-below-reservation": "even its best completion is below the reservation value",
  "worst-below-reservation": "its worst completion is below the reservation value (its best is not)",
  "red-line-at-risk": "a completion of the open issues could cross a red line",
  "every-completion-acceptable": "every completion meets the reservation value and crosses no red line",
};

const SUPPORT: Readonly<Record<string, string>> = { H: "H", M: "M", L: "L", assumption: "assumption", none: "no provenance" };

export interface ExplanationModel {
  readonly reasons: readonly string[];
  /** "ranked by contribution in the worst completion". */
  readonly ranking: string;
  readonly issues: readonly {
    readonly issue: string;
    readonly label: string;
    readonly top: boolean;
    readonly option: string;
    readonly contribution: string;
    readonly loss: string;
    readonly weightShare: string;
    /** The support of the ordering: H, M, L, assumption, no provenance. */
    readonly support: string;
  }[];
  readonly redLines: readonly { readonly id: string; readonly status: "crossed" | "at-risk"; readonly text: string; readonly support: string; readonly cites: readonly string[] }[];
  readonly statements: readonly { readonly id: string; readonly date: string; readonly speaker: string; readonly outlet: string; readonly url: string | null; readonly confidence: string }[];
  /** The M/L mark: the verdict rests only on M/L sources or assumptions. */
  readonly weak: boolean;
  readonly weakGrounds: readonly string[];
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? "–" : `${Math.round(x * 100)}%`);

export function explanationModel(e: Explanation, scenario: Scenario): ExplanationModel {
  const issueName = (id: string) => scenario.issues.find((i) => i.id === id)?.name ?? id;
  const completion = e.ranking.completion;
  const top = new Set(e.topIssues);
  return {
    reasons: e.reasons.map((r) => REASON[r] ?? r),
    ranking: `ranked by ${e.ranking.by} in the ${completion} completion${e.method === "marginal" ? " (one issue changed at a time)" : ""}`,
    issues: e.issues.map((i) => {
      const term = i[completion];
      return {
        issue: i.issue,
        label: issueName(i.issue),
        top: top.has(i.issue),
        option: `${String(term.value)}${i.open ? " (open)" : ""}`,
        contribution: fmtUtility(term.contribution),
        loss: fmtUtility(term.loss),
        weightShare: pct(i.weightShare),
        support: SUPPORT[i.orderingGrounds.support] ?? i.orderingGrounds.support,
      };
    }),
    redLines: e.redLines.map((r) => ({
      id: r.id,
      status: r.status,
      text: redLineText(r.redLine as RedLine, scenario.issues),
      support: SUPPORT[r.grounds.support] ?? r.grounds.support,
      cites: r.grounds.cites.map((c) => c.id),
    })),
    statements: Object.values(e.statements)
      .map((s) => ({ id: s.id, date: s.date, speaker: s.speaker, outlet: s.outlet, url: s.url ?? null, confidence: s.confidence }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    weak: e.restsOnWeakSources,
    weakGrounds: e.weakGrounds.map((w) => `${w.kind === "red-line" ? "red line" : "ordering of"} ${w.kind === "red-line" ? w.id : issueName(w.id)} (${SUPPORT[w.support] ?? w.support})`),
  };
}

/** The utility line of a verdict: "0.756 (reservation 0.5)" or "0.42–0.81 (reservation 0.5)". */
export function utilityLine(e: Explanation): string {
  const u = e.utility.min === e.utility.max ? fmtUtility(e.utility.min) : `${fmtUtility(e.utility.min)}–${fmtUtility(e.utility.max)}`;
  return `utility ${u} (reservation ${fmtUtility(e.reservation)})`;
}
