// The as-of control: analyse the scenario as an analyst could have known it on a date. Choices are
// the scenario's dated days (with what happened), a free date, and steps to the previous or next
// dated day; the date lives in the URL (?asof=…), so a view can be shared. When a cut-off is in
// force a banner says so and what it hides.
import { useMemo } from "react";
import type { Scenario } from "@parley/core";
import { fmtDate } from "../../charts/format.js";
import { routeHash, withAsOf, type ScenarioTab, type ScenarioView } from "../../lib/route.js";
import { datedChoices, neighbours, setAsideText, viewScenario } from "../../lib/scenario-view.js";
import { errorMessage } from "../../state/use-resource.js";

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_LABEL = 70;

const short = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

/** Go to the scenario's tab with the view changed (the hash change updates the store's route). */
export function showView(id: string, tab: ScenarioTab, view: ScenarioView): void {
  location.hash = routeHash({ page: "scenario", id, tab, ...view });
}

export function AsOfControl({ id, scenario, tab, view }: { id: string; scenario: Scenario; tab: ScenarioTab; view: ScenarioView }) {
  const choices = useMemo(() => datedChoices(scenario), [scenario]);
  const { previous, next } = neighbours(choices, view.asOf);
  // The banner's figures: scenarioAsOf is cheap (no enumeration), so it runs here; the analyses run in the worker.
  const cut = useMemo(() => {
    if (!view.asOf) return null;
    try {
      return { ok: true as const, summary: viewScenario(scenario, { asOf: view.asOf }).asOf! };
    } catch (error) {
      return { ok: false as const, message: errorMessage(error) };
    }
  }, [scenario, view.asOf]);
  const set = (asOf: string | null) => showView(id, tab, withAsOf(view, asOf));
  const known = view.asOf === undefined || choices.some((c) => c.date === view.asOf);

  if (choices.length === 0) return null;
  return (
    <section className={`panel as-of${view.asOf ? " in-force" : ""}`} aria-label="As-of date" data-testid="as-of">
      <div className="toolbar as-of-controls">
        <label>
          As of{" "}
          <select value={view.asOf ?? ""} onChange={(e) => set(e.target.value || null)} data-testid="as-of-select">
            <option value="">now (every statement and event)</option>
            {!known && <option value={view.asOf}>{fmtDate(view.asOf!)} (entered)</option>}
            {choices.map((c) => (
              <option key={c.date} value={c.date}>
                {fmtDate(c.date)} — {short(c.label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          or on{" "}
          <input
            type="date"
            value={view.asOf && FULL_DATE.test(view.asOf) ? view.asOf : ""}
            min={choices[0]?.date}
            onChange={(e) => {
              if (FULL_DATE.test(e.target.value)) set(e.target.value);
            }}
            data-testid="as-of-date"
          />
        </label>
        <button type="button" className="button secondary small" disabled={!previous} onClick={() => set(previous)} data-testid="as-of-previous" aria-label={previous ? `Earlier: as of ${fmtDate(previous)}` : "Earlier: no earlier dated day"}>
          ← earlier
        </button>
        <button
          type="button"
          className="button secondary small"
          disabled={!view.asOf}
          onClick={() => set(next)}
          data-testid="as-of-next"
          aria-label={view.asOf ? (next ? `Later: as of ${fmtDate(next)}` : "Later: now") : "Later: already now"}
        >
          later →
        </button>
        {view.asOf && (
          <button type="button" className="link" onClick={() => set(null)} data-testid="as-of-clear">
            Back to now
          </button>
        )}
      </div>
      {cut && (
        <div className={`status ${cut.ok ? "as-of-banner" : "error"}`} role={cut.ok ? "status" : "alert"} data-testid="as-of-banner">
          {cut.ok ? (
            <>
              <strong>As-of view: the scenario as known at the end of {fmtDate(cut.summary.date)}.</strong> {setAsideText(cut.summary)}
            </>
          ) : (
            <>
              <strong>The as-of date cannot be used.</strong> {cut.message}
            </>
          )}
        </div>
      )}
    </section>
  );
}
