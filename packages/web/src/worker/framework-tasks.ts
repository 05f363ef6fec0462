// The framework analyses the workbench runs in the browser for a view of the scenario the server has
// no stored result for (an as-of date, readings applied): the framework report (stance matrices,
// verdicts, amendments, the deal check) and the verdict history. Pure and synchronous, like tasks.ts.
import { frameworkReport, scenarioAsOf, verdictHistory, type HistoryStep, type Scenario } from "@parley/core";
import type { FrameworksJson } from "../api/types.js";
import type { ScenarioView } from "../lib/route.js";
import { viewScenario, type AsOfSummary } from "../lib/scenario-view.js";

export interface ViewRequest {
  /** The stored scenario; the view is applied here. */
  readonly scenario: Scenario;
  readonly view: ScenarioView;
}

export interface FrameworksResult {
  /** The `parley framework --json` object of the viewed scenario. */
  readonly report: FrameworksJson;
  /** The viewed scenario (its statements are the ones the stance matrix may cite). */
  readonly scenario: Scenario;
  readonly asOf: AsOfSummary | null;
  readonly ms: number;
}

export interface HistoryResult {
  readonly steps: readonly HistoryStep[];
  readonly ms: number;
}

/** The framework report of the scenario as the view sees it. */
export function frameworksOfView(request: ViewRequest): FrameworksResult {
  const t0 = performance.now();
  const viewed = viewScenario(request.scenario, request.view);
  const { asOf, readings = [] } = request.view;
  // Which readings decide: the other readings combined on top of those in force, each cut at the as-of date.
  const report = frameworkReport(viewed.scenario, {
    readings: { scenario: request.scenario, selected: readings, ...(asOf ? { prepare: (s: Scenario) => scenarioAsOf(s, asOf).scenario } : {}) },
  });
  return { report, scenario: viewed.scenario, asOf: viewed.asOf, ms: performance.now() - t0 };
}

/**
 * The verdicts and the deal check as of each dated day (core verdictHistory). The as-of date is not
 * applied: the history is every date's as-of view.
 */
export function historyOfView(request: ViewRequest): HistoryResult {
  const t0 = performance.now();
  const steps = verdictHistory(viewScenario(request.scenario, request.view.readings ? { readings: request.view.readings } : {}).scenario);
  return { steps, ms: performance.now() - t0 };
}
