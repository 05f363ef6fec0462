// The history view as data: core verdictHistory's steps as a table, one row per dated day, the deal
// check and every framework's verdicts by party, each cell marked when it differs from the day
// before, and what changed in words. Pure.
import type { HistoryStep, Scenario } from "@parley/core";
import type { Verdict } from "../api/types.js";
import { partyLabel } from "./parties.js";

export const VERDICT_WORD: Readonly<Record<Verdict, string>> = { accept: "accepts", reject: "rejects", depends: "depends" };

export interface HistoryColumn {
  readonly framework: string;
  readonly frameworkName: string;
  readonly party: string;
  readonly partyLabel: string;
  /** The label without a parenthesised aside ("Europe (E3 and EU)" → "Europe"), for the narrow header. */
  readonly shortLabel: string;
}

export interface HistoryCell {
  /** null: the framework is not known yet on that day. */
  readonly verdict: Verdict | null;
  /** Differs from the day before (a framework's first day is not a change of verdict). */
  readonly changed: boolean;
}

export interface HistoryRow {
  readonly date: string;
  readonly events: readonly string[];
  readonly dealPossible: boolean;
  readonly dealChanged: boolean;
  /** One per column, in the columns' order. */
  readonly cells: readonly HistoryCell[];
  /** What changed since the day before, in words ("US 28-point draft: Russia rejects → accepts"). */
  readonly changes: readonly string[];
}

export interface HistoryModel {
  /** Framework groups in the scenario's order, each with its parties (the columns they span). */
  readonly groups: readonly { readonly framework: string; readonly name: string; readonly span: number }[];
  readonly columns: readonly HistoryColumn[];
  readonly rows: readonly HistoryRow[];
  /** Rows with a change (the first row counts: it is where the story starts). */
  readonly changedCount: number;
}

/** The table of a verdict history; `scenario` names the frameworks and parties. */
export function buildHistory(steps: readonly HistoryStep[], scenario: Scenario): HistoryModel {
  const frameworkIds = new Set(steps.flatMap((s) => Object.keys(s.verdicts)));
  const partiesOf = (f: string) => {
    const ids = new Set(steps.flatMap((s) => Object.keys(s.verdicts[f] ?? {})));
    // The scenario's party order.
    return scenario.parties.map((p) => p.id).filter((id) => ids.has(id));
  };
  const frameworks = [...frameworkIds].sort((a, b) => order(scenario, a) - order(scenario, b));
  const nameOf = (f: string) => scenario.frameworks.find((x) => x.id === f)?.name ?? f;
  const columns: HistoryColumn[] = frameworks.flatMap((f) =>
    partiesOf(f).map((party) => {
      const label = partyLabel(scenario, party);
      return { framework: f, frameworkName: nameOf(f), party, partyLabel: label, shortLabel: label.replace(/\s*\(.*\)\s*$/, "") || label };
    }),
  );
  const groups = frameworks.map((f) => ({ framework: f, name: nameOf(f), span: columns.filter((c) => c.framework === f).length })).filter((g) => g.span > 0);

  const rows = steps.map((step, k): HistoryRow => {
    const before = k > 0 ? steps[k - 1] : undefined;
    const changes: string[] = [];
    const dealChanged = before !== undefined && before.dealPossible !== step.dealPossible;
    if (dealChanged) changes.push(step.dealPossible ? "A deal becomes possible" : "No deal is possible any more");
    if (before) for (const f of frameworks) if (step.verdicts[f] && !before.verdicts[f]) changes.push(`${nameOf(f)} appears`);
    const cells = columns.map((c): HistoryCell => {
      const verdict = step.verdicts[c.framework]?.[c.party] ?? null;
      const previous = before?.verdicts[c.framework]?.[c.party];
      const changed = verdict !== null && previous !== undefined && previous !== verdict;
      if (changed) changes.push(`${c.frameworkName}: ${c.partyLabel} ${VERDICT_WORD[previous]} → ${VERDICT_WORD[verdict]}`);
      return { verdict, changed };
    });
    return { date: step.date, events: step.events, dealPossible: step.dealPossible, dealChanged, cells, changes };
  });
  return { groups, columns, rows, changedCount: rows.filter((r, k) => k === 0 || r.changes.length > 0).length };
}

function order(scenario: Scenario, framework: string): number {
  const k = scenario.frameworks.findIndex((f) => f.id === framework);
  return k < 0 ? Number.MAX_SAFE_INTEGER : k;
}

/** The rows shown: every day, or only the first and those where something changed. */
export function visibleRows(model: HistoryModel, onlyChanges: boolean): HistoryRow[] {
  return model.rows.filter((r, k) => !onlyChanges || k === 0 || r.changes.length > 0);
}
