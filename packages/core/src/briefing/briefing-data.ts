// What a briefing says, as plain data: the framework report (stance matrices, verdicts, deal check),
// the outcome-space plot, the timeline and the statements cited. The HTML is drawn from this by
// briefingHtml; both are pure, so the CLI and the browser produce the same bytes.
import { findFramework } from "../framework/settlement.js";
import { frameworkReport, type FrameworkReport } from "../framework/report.js";
import type { Framework } from "../model/framework.js";
import type { Issue } from "../model/issue.js";
import type { Reading } from "../model/reading.js";
import type { Scenario } from "../model/scenario.js";
import type { Statement } from "../model/statement.js";
import { applyReadings, findReadings } from "../readings/apply.js";
import { compileScenario } from "../space/compile-scenario.js";
import { scenarioAsOf, type AsOfResult } from "../timeline/as-of.js";
import { timeline, type TimelineEntry } from "../timeline/timeline.js";
import { outcomePlot, type OutcomePlot, type OutcomePlotOptions } from "./outcome-plot.js";

export interface BriefingOptions {
  /** The generated-by line. The date is a parameter so that the same inputs give the same bytes. */
  readonly generated: { readonly version: string; readonly date: string };
  /** Brief on this framework only (default: every framework). */
  readonly framework?: string;
  /** The scenario as known on this date (YYYY-MM-DD, YYYY-MM or YYYY): see scenarioAsOf. */
  readonly asOf?: string;
  /** The named readings to put in force (Scenario.readings ids): see applyReadings. */
  readonly readings?: readonly string[];
  /** The outcome-space plot: which pair of parties, and how the space is drawn. */
  readonly plot?: OutcomePlotOptions;
}

export interface BriefingReading {
  readonly id: string;
  readonly label: string | null;
  readonly description: string | null;
}

export interface Briefing {
  readonly scenario: { readonly id: string; readonly name: string; readonly description: string | null };
  readonly generated: BriefingOptions["generated"];
  /** The as-of date and what it set aside, or null. */
  readonly asOf: ({ readonly date: string } & AsOfResult["setAside"]) | null;
  /** The named readings in force (none: the scenario as written). */
  readonly readings: readonly BriefingReading[];
  /** Every reading the scenario defines (those the summary tries). */
  readonly allReadings: readonly BriefingReading[];
  readonly parties: readonly { readonly id: string; readonly name: string; readonly analysed: boolean }[];
  readonly issues: readonly Issue[];
  /** The frameworks briefed on (their dates, authors, bases and caveats), in the report's order. */
  readonly frameworks: readonly Framework[];
  readonly report: FrameworkReport;
  readonly plot: OutcomePlot | null;
  readonly timeline: readonly TimelineEntry[];
  /** The statements the briefing cites (declared stances, the grounds of the explanations), in date order. */
  readonly sources: readonly Statement[];
}

const readingOf = (r: Reading): BriefingReading => ({ id: r.id, label: r.label ?? null, description: r.description ?? null });

/** Everything a briefing shows, computed from a scenario (see docs/framework-analysis.md, "A briefing to hand on"). */
export function briefingData(input: Scenario, options: BriefingOptions): Briefing {
  // The readings first: the red lines they add carry their provenance, which the as-of date then judges.
  const read = applyReadings(input, options.readings ?? []);
  const cut = options.asOf !== undefined ? scenarioAsOf(read, options.asOf) : null;
  const scenario = cut ? cut.scenario : read;
  const compiled = compileScenario(scenario);
  const frameworks = options.framework !== undefined ? [findFramework(compiled, options.framework)] : scenario.frameworks;
  const asOf = options.asOf;
  const report = frameworkReport(compiled, {
    ...(options.framework !== undefined ? { framework: options.framework } : {}),
    amendments: { limit: 3, fixLimit: 3 },
    readings: {
      scenario: input,
      selected: options.readings ?? [],
      ...(asOf !== undefined ? { prepare: (s: Scenario) => scenarioAsOf(s, asOf).scenario } : {}),
    },
  });
  const analysed = new Set(compiled.parties.map((cp) => cp.party.id));
  const cited = new Set<string>();
  for (const fw of report.frameworks) {
    for (const v of Object.values(fw.verdicts)) {
      if (v.declared) cited.add(v.declared.statement);
      for (const id of Object.keys(v.explanation.statements)) cited.add(id);
    }
    for (const p of fw.points) for (const s of Object.values(p.stances)) if (s.declared) cited.add(s.declared.statement);
  }
  const sources = (scenario.statements ?? [])
    .filter((s) => cited.has(s.id))
    .map((s, k) => ({ s, k }))
    .sort((a, b) => (a.s.date < b.s.date ? -1 : a.s.date > b.s.date ? 1 : a.k - b.k))
    .map(({ s }) => s);
  return {
    scenario: { id: scenario.id, name: scenario.name, description: scenario.description ?? null },
    generated: options.generated,
    asOf: cut ? { date: cut.date, ...cut.setAside } : null,
    readings: findReadings(input, options.readings ?? []).map(readingOf),
    allReadings: (input.readings ?? []).map(readingOf),
    parties: scenario.parties.map((p) => ({ id: p.id, name: p.name, analysed: analysed.has(p.id) })),
    issues: scenario.issues,
    frameworks,
    report,
    plot: outcomePlot(compiled, frameworks, options.plot),
    timeline: timeline(scenario),
    sources,
  };
}
