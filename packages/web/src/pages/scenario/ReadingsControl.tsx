// The readings panel: the scenario's named alternative readings, each with what it rests on (cited
// statements with their confidence, the assumption) and what it changes, and a toggle to apply it.
// The readings applied live in the URL (?readings=a,b); the analyses of the tab are recomputed on
// the scenario under them, in the worker.
import { useMemo } from "react";
import type { Scenario } from "@parley/core";
import { fmtDate } from "../../charts/format.js";
import { withReadings, type ScenarioTab, type ScenarioView } from "../../lib/route.js";
import { readingModels, toggleReading, type ReadingModel } from "../../lib/readings.js";
import { viewScenario } from "../../lib/scenario-view.js";
import { errorMessage } from "../../state/use-resource.js";
import { showView } from "./AsOfControl.js";

const CONFIDENCE = { H: "high", M: "medium", L: "low" } as const;

export function ReadingsControl({ id, scenario, tab, view }: { id: string; scenario: Scenario; tab: ScenarioTab; view: ScenarioView }) {
  const applied = useMemo(() => view.readings ?? [], [view.readings]);
  const models = useMemo(() => readingModels(scenario, applied), [scenario, applied]);
  // The readings are checked here too (cheap): an unknown id from a shared link is named, not ignored.
  const problem = useMemo(() => {
    if (applied.length === 0) return null;
    try {
      viewScenario(scenario, { readings: applied });
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }, [scenario, applied]);
  if (models.length === 0 && !problem) return null;
  const set = (readings: readonly string[]) => showView(id, tab, withReadings(view, readings));
  const on = models.filter((m) => m.applied).length;

  return (
    <section className={`panel readings${on > 0 ? " in-force" : ""}`} aria-labelledby="readings-title" data-testid="readings">
      <div className="panel-head">
        <h2 id="readings-title">Readings</h2>
        <span className="muted small" data-testid="readings-count">
          {on === 0 ? `the nominal model: none of ${models.length} applied` : `${on} of ${models.length} applied`}
        </span>
        {applied.length > 0 && (
          <button type="button" className="link" onClick={() => set([])} data-testid="readings-clear">
            Back to the nominal model
          </button>
        )}
      </div>
      <p className="muted small">
        A reading is a named alternative interpretation of what the sources leave open (a red line read more broadly, another reservation value). Applying one recomputes
        this tab on the scenario under it.
      </p>
      {problem && (
        <div className="status error" role="alert" data-testid="readings-error">
          <strong>The readings in the link cannot be applied.</strong> {problem}
        </div>
      )}
      <ul className="reading-list">
        {models.map((m) => (
          <ReadingItem key={m.id} model={m} onToggle={() => set(toggleReading(scenario, applied, m.id))} />
        ))}
      </ul>
    </section>
  );
}

function ReadingItem({ model: m, onToggle }: { model: ReadingModel; onToggle: () => void }) {
  const blocked = m.blockedBy !== null;
  return (
    <li className={`reading${m.applied ? " applied" : ""}`} data-testid={`reading-${m.id}`}>
      <label className="reading-toggle">
        <input type="checkbox" checked={m.applied} disabled={blocked} onChange={onToggle} data-testid="reading-toggle" aria-describedby={`reading-${m.id}-changes`} />{" "}
        <strong>{m.label}</strong>
      </label>
      <div className="small muted" id={`reading-${m.id}-changes`}>
        changes {m.changes.join(", ") || "nothing"}
        {m.blockedBy && (
          <span className="reading-blocked">
            {" "}
            · cannot be applied with “{m.blockedBy.label}”: both change {m.blockedBy.both.join(", ")}
          </span>
        )}
      </div>
      <details className="reading-details">
        <summary>What it rests on ({m.cites.length > 0 ? `${m.cites.length} statement${m.cites.length === 1 ? "" : "s"}` : "an assumption"})</summary>
        {m.description && <p className="small">{m.description}</p>}
        {m.cites.length > 0 && (
          <ul className="reading-cites small" data-testid="reading-cites">
            {m.cites.map((c) =>
              c.statement ? (
                <li key={c.id}>
                  {fmtDate(c.statement.date)} · {c.statement.speaker}: “{c.statement.paraphrase}” —{" "}
                  {c.statement.url ? (
                    <a href={c.statement.url} target="_blank" rel="noreferrer noopener">
                      {c.statement.outlet}
                    </a>
                  ) : (
                    c.statement.outlet
                  )}{" "}
                  <span className={`confidence confidence-${c.statement.confidence}`} title={`confidence ${CONFIDENCE[c.statement.confidence]}`}>
                    {c.statement.confidence}
                  </span>
                </li>
              ) : (
                <li key={c.id}>
                  <code>{c.id}</code> (no statement with this id)
                </li>
              ),
            )}
          </ul>
        )}
        {m.assumption && (
          <p className="small">
            <strong>Assumption:</strong> {m.assumption}
          </p>
        )}
      </details>
    </li>
  );
}
