// How the verdicts and "is a deal possible" changed as the talks went on: the scenario as of each
// dated event (scenarioAsOf), evaluated, with what changed since the previous date.
import { evaluateFramework, type Verdict } from "../analysis/evaluate-framework.js";
import { dealCheck } from "../framework/deal-check.js";
import type { Scenario } from "../model/scenario.js";
import { compileScenario } from "../space/compile-scenario.js";
import { scenarioAsOf } from "./as-of.js";

export interface HistoryStep {
  readonly date: string;
  /** The events of that date (titles), and the frameworks dated then. */
  readonly events: readonly string[];
  readonly dealPossible: boolean;
  /** Framework id → party id → verdict, for the frameworks known on that date. */
  readonly verdicts: Readonly<Record<string, Readonly<Record<string, Verdict>>>>;
  /** What differs from the previous step (empty for the first). */
  readonly changes: readonly string[];
}

/**
 * One step per date on which something happened (an event, a statement or a framework), in date
 * order: the verdicts of every framework known then, whether any deal was possible, and what
 * changed since the step before.
 */
export function verdictHistory(scenario: Scenario): HistoryStep[] {
  const dates = new Set<string>();
  for (const e of scenario.events ?? []) dates.add(e.date);
  for (const s of scenario.statements ?? []) dates.add(s.date);
  for (const f of scenario.frameworks) if (f.date) dates.add(f.date);
  const steps: HistoryStep[] = [];
  let previous: HistoryStep | undefined;
  // Verdicts and the deal check depend only on the preferences and frameworks known: evaluate each
  // distinct state once (most dates add statements that change neither).
  const evaluated = new Map<string, { verdicts: Record<string, Record<string, Verdict>>; dealPossible: boolean }>();
  for (const date of [...dates].sort()) {
    const cut = scenarioAsOf(scenario, date);
    const key = JSON.stringify([cut.setAside.frameworks, cut.setAside.redLines, cut.setAside.orderings]);
    let state = evaluated.get(key);
    if (!state) {
      const known = cut.scenario;
      const compiled = compileScenario(known);
      const byFramework: Record<string, Record<string, Verdict>> = {};
      for (const f of known.frameworks) byFramework[f.id] = Object.fromEntries(evaluateFramework(compiled, f).parties.map((p) => [p.party, p.verdict]));
      state = { verdicts: byFramework, dealPossible: compiled.parties.length > 0 && dealCheck(compiled, { conflicts: false }).possible };
      evaluated.set(key, state);
    }
    const { verdicts, dealPossible } = state;
    const changes: string[] = [];
    if (previous) {
      if (previous.dealPossible !== dealPossible) changes.push(dealPossible ? "a deal becomes possible" : "no deal is possible any more");
      for (const [f, byParty] of Object.entries(verdicts)) {
        const before = previous.verdicts[f];
        if (!before) {
          changes.push(`framework ${f} appears`);
          continue;
        }
        for (const [party, v] of Object.entries(byParty)) if (before[party] !== v) changes.push(`${f}: ${party} ${before[party] ?? "—"} → ${v}`);
      }
    }
    const events = [
      ...(scenario.events ?? []).filter((e) => e.date === date).map((e) => e.title),
      ...scenario.frameworks.filter((f) => f.date === date).map((f) => `framework: ${f.name}`),
    ];
    const step: HistoryStep = { date, events, dealPossible, verdicts, changes };
    steps.push(step);
    previous = step;
  }
  return steps;
}
