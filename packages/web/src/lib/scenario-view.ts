// The scenario a view analyses: the stored scenario under the readings applied (core
// applyReadings), then cut at the as-of date (core scenarioAsOf), as the CLI's --reading and --as-of
// do; and what the cut sets aside, in words for the banner that says an as-of view is in force. Pure.
import { applyReadings, scenarioAsOf, type AsOfResult, type Scenario } from "@parley/core";
import type { ScenarioView } from "./route.js";

export interface AsOfSummary {
  readonly date: string;
  readonly setAside: AsOfResult["setAside"];
  /** The stored scenario's totals, for "12 of 88 statements". */
  readonly totals: { readonly statements: number; readonly events: number; readonly frameworks: number };
}

export interface ViewedScenario {
  readonly scenario: Scenario;
  /** null: no as-of cut-off. */
  readonly asOf: AsOfSummary | null;
}

/** Whether the view changes the scenario at all (else the server's stored results apply). */
export function isPlainView(view: ScenarioView): boolean {
  return !view.asOf && !(view.readings && view.readings.length > 0);
}

/**
 * The scenario as the view sees it. Throws the core's errors: PARLEY_ERR_UNKNOWN_READING,
 * PARLEY_ERR_BAD_ARGUMENT for readings that cannot be combined or a malformed date.
 */
export function viewScenario(stored: Scenario, view: ScenarioView): ViewedScenario {
  const scenario = view.readings && view.readings.length > 0 ? applyReadings(stored, view.readings) : stored;
  if (!view.asOf) return { scenario, asOf: null };
  const cut = scenarioAsOf(scenario, view.asOf);
  return {
    scenario: cut.scenario,
    asOf: {
      date: cut.date,
      setAside: cut.setAside,
      totals: { statements: scenario.statements?.length ?? 0, events: scenario.events?.length ?? 0, frameworks: scenario.frameworks.length },
    },
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "76 of 88 statements, 40 of 45 events and 3 of 3 frameworks are set aside, …": the banner's second sentence. */
export function setAsideText(summary: AsOfSummary): string {
  const { setAside: a, totals: t } = summary;
  const parts = [
    `${a.statements} of ${plural(t.statements, "statement")}`,
    `${a.events} of ${plural(t.events, "event")}`,
    ...(t.frameworks > 0 ? [`${a.frameworks.length} of ${plural(t.frameworks, "framework")}${a.frameworks.length > 0 ? ` (${a.frameworks.join(", ")})` : ""}`] : []),
  ];
  const later = [
    ...(a.redLines.length > 0 ? [plural(a.redLines.length, "red line")] : []),
    ...(a.orderings.length > 0 ? [plural(a.orderings.length, "option ordering")] : []),
  ];
  const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`);
  return `Hidden: ${list(parts)}${later.length > 0 ? `; also ${list(later)} that only later statements support` : ""}.`;
}

/** A date the as-of control offers: a day on which something dated happened, with what happened. */
export interface DatedChoice {
  readonly date: string;
  /** Event titles, then frameworks dated that day, then "N statements". */
  readonly label: string;
}

/**
 * The scenario's dated days (events, statements, frameworks: the dates `verdictHistory` steps
 * through), in date order, each labelled with what happened on it.
 */
export function datedChoices(scenario: Scenario): DatedChoice[] {
  const byDate = new Map<string, { events: string[]; statements: number }>();
  const at = (date: string) => {
    let e = byDate.get(date);
    if (!e) byDate.set(date, (e = { events: [], statements: 0 }));
    return e;
  };
  for (const e of scenario.events ?? []) at(e.date).events.push(e.title);
  for (const f of scenario.frameworks) if (f.date) at(f.date).events.push(`framework: ${f.name}`);
  for (const s of scenario.statements ?? []) at(s.date).statements++;
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, e]) => ({ date, label: [...e.events, ...(e.statements > 0 ? [plural(e.statements, "statement")] : [])].join("; ") }));
}

/**
 * The choices just before and just after the cut-off `date` (for the step buttons; none: no cut-off).
 * A YYYY-MM or YYYY cut-off is its whole month or year, as in scenarioAsOf.
 */
export function neighbours(choices: readonly DatedChoice[], date: string | undefined): { previous: string | null; next: string | null } {
  if (!date) return { previous: choices.at(-1)?.date ?? null, next: null };
  const span = (c: DatedChoice) => c.date.slice(0, date.length);
  const before = choices.filter((c) => span(c) < date);
  const after = choices.filter((c) => span(c) > date);
  return { previous: before.at(-1)?.date ?? null, next: after[0]?.date ?? null };
}
