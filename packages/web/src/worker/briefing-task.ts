// The briefing the workbench downloads: core renderBriefing on the stored scenario with the page's
// view (as-of date, readings) and framework, the same HTML `parley report` writes. Pure and
// synchronous; the worker runs it (it enumerates the outcome space for the plot).
import { PARLEY_VERSION, renderBriefing, type Scenario } from "@parley/core";
import type { ScenarioView } from "../lib/route.js";

export interface BriefingRequest {
  readonly scenario: Scenario;
  readonly view: ScenarioView;
  /** Brief on this framework only; absent: every framework. */
  readonly framework?: string;
  /** The generated-on date (YYYY-MM-DD). */
  readonly date: string;
}

export function briefingOfView(request: BriefingRequest): string {
  const { view } = request;
  return renderBriefing(request.scenario, {
    generated: { version: PARLEY_VERSION, date: request.date },
    ...(view.asOf ? { asOf: view.asOf } : {}),
    ...(view.readings && view.readings.length > 0 ? { readings: view.readings } : {}),
    ...(request.framework ? { framework: request.framework } : {}),
  });
}

/** The download's file name: the scenario id and the view, in characters every file system takes. */
export function briefingFileName(scenarioId: string, view: ScenarioView, framework?: string): string {
  const parts = [scenarioId, "briefing", ...(framework ? [framework] : []), ...(view.asOf ? [`as-of-${view.asOf}`] : [])];
  return `${parts.join("-").replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 120)}.html`;
}
