// The history: how the verdicts and "is a deal possible" changed from one dated day to the next
// (core verdictHistory, run in the worker). One row per day, one column per framework and party,
// changed cells highlighted and the changes listed; a day's date opens the frameworks as of it.
import { useMemo, useState } from "react";
import type { ScenarioDetail } from "../../api/types.js";
import { WithResource } from "../../components/Status.js";
import { fmtDate, fmtMs } from "../../charts/format.js";
import { buildHistory, VERDICT_WORD, visibleRows, type HistoryModel } from "../../lib/history.js";
import { withAsOf, type ScenarioView } from "../../lib/route.js";
import { resourceKey } from "../../state/actions/resources.js";
import { useResource } from "../../state/use-resource.js";
import { analysisWorker } from "../../worker/analysis-client.js";
import type { HistoryResult } from "../../worker/framework-tasks.js";
import { showView } from "./AsOfControl.js";

const VERDICT_MARK = { accept: "✓", reject: "✗", depends: "~" } as const;

export function HistoryView({ detail, view }: { detail: ScenarioDetail; view: ScenarioView }) {
  const readings = view.readings ?? [];
  const history = useResource(resourceKey.history(detail.id, detail.version, readings), () =>
    analysisWorker().history({ scenario: detail.scenario, view: readings.length > 0 ? { readings } : {} }),
  );
  return (
    <WithResource resource={history} what="the verdict history in the browser" verb="Computing">
      {(h) => <History detail={detail} view={view} result={h} />}
    </WithResource>
  );
}

function History({ detail, view, result }: { detail: ScenarioDetail; view: ScenarioView; result: HistoryResult }) {
  const model = useMemo(() => buildHistory(result.steps, detail.scenario), [result, detail.scenario]);
  const [onlyChanges, setOnlyChanges] = useState(true);
  if (model.rows.length === 0)
    return (
      <section className="panel">
        <p className="empty">This scenario has no dated statements, events or frameworks: there is no history to show.</p>
      </section>
    );
  const rows = visibleRows(model, onlyChanges);
  return (
    <section className="panel history" aria-labelledby="history-title" data-testid="history-view">
      <div className="panel-head">
        <h2 id="history-title">Verdicts over time</h2>
        <div className="toolbar">
          <label>
            <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} data-testid="history-only-changes" /> only days when
            something changed ({model.changedCount} of {model.rows.length})
          </label>
          <span className="muted small">computed in {fmtMs(result.ms)} in the browser</span>
        </div>
      </div>
      <p className="muted small">
        Each row is the scenario as known at the end of that day (the as-of view): every framework&apos;s package verdict per party (✓ accepts, ✗ rejects, ~ depends on
        how open issues are settled; blank: not yet drafted) and whether any deal was possible. A highlighted cell changed since the row before. Choose a date to see
        the frameworks as of that day.
      </p>
      <div className="history-scroll">
        <HistoryTable model={model} rows={rows} id={detail.id} view={view} />
      </div>
    </section>
  );
}

/** Whether column k starts a framework's group (a rule is drawn left of it). */
const groupStart = (model: HistoryModel, k: number) => k === 0 || model.columns[k - 1]!.framework !== model.columns[k]!.framework;

function HistoryTable({ model, rows, id, view }: { model: HistoryModel; rows: HistoryModel["rows"]; id: string; view: ScenarioView }) {
  return (
    <table className="data-table history-table" data-testid="history-table">
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            Date
          </th>
          <th scope="col" rowSpan={2}>
            Deal possible
          </th>
          {model.groups.map((g) => (
            <th scope="colgroup" colSpan={g.span} key={g.framework} className="history-group">
              {g.name}
            </th>
          ))}
          <th scope="col" rowSpan={2}>
            What happened · what changed
          </th>
        </tr>
        <tr>
          {model.columns.map((c, k) => (
            <th scope="col" key={`${c.framework}/${c.party}`} className={`history-party${groupStart(model, k) ? " history-first" : ""}`} title={`${c.frameworkName}: ${c.partyLabel}`}>
              {c.shortLabel}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.date} className={r.date === view.asOf ? "selected" : undefined} data-testid={`history-row-${r.date}`} data-changes={r.changes.length}>
            <th scope="row">
              <button
                type="button"
                className="link history-date"
                onClick={() => showView(id, "frameworks", withAsOf(view, r.date))}
                aria-label={`Show the frameworks as of ${fmtDate(r.date)}`}
                data-testid="history-date"
              >
                {fmtDate(r.date)}
              </button>
            </th>
            <td className={`history-deal${r.dealChanged ? " changed" : ""}`} data-deal={r.dealPossible ? "possible" : "impossible"}>
              {r.dealPossible ? "yes" : "no"}
            </td>
            {r.cells.map((c, k) => {
              const col = model.columns[k]!;
              return (
                <td
                  key={`${col.framework}/${col.party}`}
                  className={`history-cell${c.verdict ? ` verdict-${c.verdict}` : ""}${c.changed ? " changed" : ""}${groupStart(model, k) ? " history-first" : ""}`}
                  data-testid={`history-cell-${col.framework}-${col.party}`}
                  data-framework={col.framework}
                  data-party={col.party}
                  data-verdict={c.verdict ?? ""}
                  title={c.verdict ? `${col.frameworkName}: ${col.partyLabel} ${VERDICT_WORD[c.verdict]}${c.changed ? " (changed)" : ""}` : `${col.frameworkName}: not yet drafted`}
                >
                  {c.verdict ? (
                    <>
                      <span aria-hidden="true">{VERDICT_MARK[c.verdict]}</span>
                      <span className="visually-hidden">{VERDICT_WORD[c.verdict]}</span>
                    </>
                  ) : (
                    ""
                  )}
                </td>
              );
            })}
            <td className="history-notes">
              {r.events.length > 0 && <div className="small">{r.events.join(" · ")}</div>}
              {r.changes.length > 0 && (
                <ul className="history-changes" data-testid="history-changes">
                  {r.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
