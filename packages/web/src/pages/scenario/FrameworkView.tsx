// Page 3: a framework's stance matrix (points × parties), package verdicts, the deal check,
// suggested amendments, and two frameworks side by side.
import { useEffect, useMemo, useState } from "react";
import { compareFrameworks, compileScenario, type RedLine, type Scenario } from "@parley/core";
import { api } from "../../api/client.js";
import type { ConstraintJson, FrameworkEntryJson, FrameworksJson, ScenarioDetail, SettingChange } from "../../api/types.js";
import { WithResource } from "../../components/Status.js";
import { StanceLegend, StanceMatrix } from "../../charts/stance-matrix/StanceMatrix.js";
import { buildStanceMatrix } from "../../charts/stance-matrix/model.js";
import { fmtCount, fmtDate, fmtUtility } from "../../charts/format.js";
import { redLineText } from "../../lib/describe.js";
import type { ScenarioView } from "../../lib/route.js";
import { isPlainView } from "../../lib/scenario-view.js";
import { analysisWorker } from "../../worker/analysis-client.js";
import { DealDetails } from "./DealDetails.js";
import { VerdictExplanations } from "./VerdictExplanations.js";
import { recordMetric } from "../../lib/metrics.js";
import { partyLabel, partyViews } from "../../lib/parties.js";
import { resourceKey } from "../../state/actions/resources.js";
import { useResource } from "../../state/use-resource.js";

export function FrameworkView({ detail, view = {} }: { detail: ScenarioDetail; view?: ScenarioView }) {
  const plain = isPlainView(view);
  // The stored scenario's report comes from the server (cached there); a view of it is computed in the worker.
  const report = useResource(plain ? resourceKey.frameworks(detail.id) : null, () => api.frameworks(detail.id));
  const viewed = useResource(plain ? null : resourceKey.frameworksView(detail.id, detail.version, view), () =>
    analysisWorker().frameworks({ scenario: detail.scenario, view }),
  );
  if (detail.scenario.frameworks.length === 0)
    return (
      <section className="panel">
        <p className="empty">This scenario has no frameworks: a framework is a mediator&apos;s draft made of numbered points that settle issues.</p>
      </section>
    );
  if (!plain)
    return (
      <WithResource resource={viewed} what="the framework analysis of this view in the browser" verb="Computing">
        {(r) => <Frameworks scenario={r.scenario} report={r.report} />}
      </WithResource>
    );
  return (
    <WithResource resource={report} what="the framework analysis">
      {(r) => <Frameworks scenario={detail.scenario} report={r} />}
    </WithResource>
  );
}

function Frameworks({ scenario, report }: { scenario: Scenario; report: FrameworksJson }) {
  const [selected, setSelected] = useState(report.frameworks[0]?.id ?? "");
  const [compareWith, setCompareWith] = useState("");
  const parties = useMemo(() => partyViews(scenario).map((p) => ({ id: p.id, label: p.label })), [scenario]);
  const entry = report.frameworks.find((f) => f.id === selected) ?? report.frameworks[0];
  const model = useMemo(() => (entry ? buildStanceMatrix(entry, parties, scenario.statements ?? []) : null), [entry, parties, scenario]);

  useEffect(() => {
    if (model) recordMetric("stanceMatrixReady", performance.now());
  }, [model]);

  if (!entry || !model)
    return (
      <div className="framework-view" data-testid="framework-view">
        <DealCheck report={report} scenario={scenario} />
        <DealDetails report={report} scenario={scenario} />
        <section className="panel">
          <p className="empty" data-testid="no-frameworks">No framework is known yet in this view.</p>
        </section>
      </div>
    );
  const fw = scenario.frameworks.find((f) => f.id === entry.id);
  const other = report.frameworks.find((f) => f.id === compareWith && f.id !== entry.id);

  return (
    <div className="framework-view" data-testid="framework-view">
      <DealCheck report={report} scenario={scenario} />
      <DealDetails report={report} scenario={scenario} />
      <div className="toolbar">
        <label>
          Framework{" "}
          <select value={entry.id} onChange={(e) => setSelected(e.target.value)} data-testid="framework-select">
            {report.frameworks.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name ?? f.id}
              </option>
            ))}
          </select>
        </label>
        {report.frameworks.length > 1 && (
          <label>
            Compare with{" "}
            <select value={compareWith} onChange={(e) => setCompareWith(e.target.value)} data-testid="compare-select">
              <option value="">—</option>
              {report.frameworks
                .filter((f) => f.id !== entry.id)
                .map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name ?? f.id}
                  </option>
                ))}
            </select>
          </label>
        )}
      </div>

      {other ? (
        <Comparison scenario={scenario} a={entry} b={other} parties={parties} />
      ) : (
        <div className="framework-layout">
          <section className="panel matrix-panel" aria-labelledby="matrix-title">
            <h2 id="matrix-title">{model.name}</h2>
            {fw && (
              <p className="muted small framework-meta">
                {[fw.version && `version ${fw.version}`, fw.date && fmtDate(fw.date), fw.author, fw.basis && `basis: ${fw.basis}`, fw.confidence && `confidence ${fw.confidence}`]
                  .filter(Boolean)
                  .join(" · ")}
                {fw.notes && <span className="block">{fw.notes}</span>}
                {fw.caveats && <span className="block caveat">{fw.caveats}</span>}
              </p>
            )}
            <StanceMatrix model={model} />
            <StanceLegend />
            <VerdictExplanations entry={entry} scenario={scenario} />
            {entry.clashes && entry.clashes.length > 0 && (
              <p className="status warning">
                Points clash on {entry.clashes.map((c) => `${c.issue} (points ${c.points.join(", ")})`).join("; ")}: the later point counts.
              </p>
            )}
          </section>
          <Amendments entry={entry} scenario={scenario} />
        </div>
      )}
    </div>
  );
}

function constraintText(c: ConstraintJson, scenario: Scenario): string {
  const who = partyLabel(scenario, c.party);
  if (c.kind === "reservation") return `${who} needs at least ${fmtUtility(c.value ?? 0)}`;
  // The reply's red line is the core's RedLine as JSON (zod's optional fields also admit undefined).
  return c.redLine ? `${who}: ${redLineText(c.redLine as RedLine, scenario.issues)}` : `${who}: a red line`;
}

function DealCheck({ report, scenario }: { report: FrameworksJson; scenario: Scenario }) {
  if (report.dealPossible)
    return (
      <div className="deal-check ok" data-testid="deal-check" data-deal="possible">
        <strong>A deal is possible.</strong>{" "}
        {report.deal?.rationalCount != null
          ? `${fmtCount(report.deal.rationalCount)} outcomes meet every party's reservation value and red lines.`
          : "Some outcome meets every party's reservation value and red lines."}
      </div>
    );
  return (
    <div className="deal-check none" data-testid="deal-check" data-deal="impossible">
      <strong>No deal is possible</strong> as the parties stand: no outcome meets every reservation value and red line.
      {report.conflicts && report.conflicts.sets.length > 0 && (
        <>
          {" "}
          The smallest sets of demands that cannot all be met:
          <ol className="conflicts">
            {report.conflicts.sets.map((set, k) => (
              <li key={k}>{set.map((c) => constraintText(c, scenario)).join(" + ")}</li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function changesText(changes: readonly SettingChange[], scenario: Scenario): string {
  return changes
    .map((c) => {
      const label = scenario.issues.find((i) => i.id === c.issue)?.name ?? c.issue;
      return c.from !== undefined && c.from !== null ? `${label}: ${String(c.from)} → ${String(c.to)}` : `${label} := ${String(c.to)}`;
    })
    .join("; ");
}

function Amendments({ entry, scenario }: { entry: FrameworkEntryJson; scenario: Scenario }) {
  const am = entry.amendments;
  return (
    <section className="panel amendments" aria-labelledby="amend-title" data-testid="amendments">
      <h2 id="amend-title">Amendments</h2>
      {!am ? (
        <p className="muted small">The server did not report amendments.</p>
      ) : (
        <>
          <p className="muted small">
            {am.count === 0
              ? "No one- or two-change amendment makes every party better off."
              : `${fmtCount(am.count)} one- or two-change amendments make no party worse off and someone better off${am.truncated ? " (search cut short)" : ""}. The best:`}
          </p>
          {am.best.length > 0 && (
            <ol className="amendment-list">
              {am.best.map((a, k) => (
                <li key={k}>
                  <div className="change">{changesText(a.changes, scenario)}</div>
                  <div className="small muted">
                    total gain +{fmtUtility(a.totalGain)} ·{" "}
                    {Object.entries(a.gains)
                      .map(([p, g]) => `${partyLabel(scenario, p)} ${g >= 0 ? "+" : ""}${fmtUtility(g)}`)
                      .join(", ")}
                  </div>
                </li>
              ))}
            </ol>
          )}
          {Object.entries(am.fixes).length > 0 && (
            <>
              <h3>Bringing a party on board</h3>
              {Object.entries(am.fixes).map(([party, f]) => (
                <div key={party} className="fix-block">
                  <p className="small">
                    <strong>{partyLabel(scenario, party)}</strong> ({f.verdict}):
                  </p>
                  {f.fixes.length === 0 ? (
                    <p className="small muted">no one- or two-change fix found.</p>
                  ) : (
                    <ul className="amendment-list">
                      {f.fixes.slice(0, 3).map((fx, k) => (
                        <li key={k}>
                          <div className="change">{changesText(fx.changes, scenario)}</div>
                          <div className="small muted">
                            cost {fmtUtility(fx.cost)}
                            {fx.worsened.length > 0 ? ` · worse for ${fx.worsened.map((p) => partyLabel(scenario, p)).join(", ")}` : ""}
                          </div>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The core's change kinds, as the table's row classes and tags. */
const DIFF = {
  same: { row: "same", tag: null },
  open: { row: "open", tag: null },
  different: { row: "changed", tag: "changed" },
  set: { row: "added", tag: "newly set" },
  unset: { row: "removed", tag: "left open" },
} as const;

const issueLabel = (scenario: Scenario, id: string) => scenario.issues.find((i) => i.id === id)?.name ?? id;

const utilityRange = (u: { min: number; max: number }) => (u.min === u.max ? fmtUtility(u.min) : `${fmtUtility(u.min)}–${fmtUtility(u.max)}`);

function Comparison({ scenario, a, b, parties }: { scenario: Scenario; a: FrameworkEntryJson; b: FrameworkEntryJson; parties: { id: string; label: string }[] }) {
  // The core's comparison (the same as `parley compare`), on the scenario compiled here: cheap, no enumeration.
  const diff = useMemo(() => {
    try {
      return compareFrameworks(compileScenario(scenario), a.id, b.id);
    } catch {
      return null;
    }
  }, [scenario, a.id, b.id]);
  const statements = scenario.statements ?? [];
  return (
    <div className="comparison" data-testid="framework-comparison">
      {diff && (
        <section className="panel">
          <h2>What changes</h2>
          <table className="data-table compare-table">
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col">{a.name ?? a.id}</th>
                <th scope="col">{b.name ?? b.id}</th>
              </tr>
            </thead>
            <tbody>
              {diff.issues.map((d) => (
                <tr key={d.issue} className={`diff-${DIFF[d.change].row}`}>
                  <th scope="row">{issueLabel(scenario, d.issue)}</th>
                  <td>{d.a === null ? <span className="muted">open</span> : String(d.a)}</td>
                  <td>
                    {d.b === null ? <span className="muted">open</span> : String(d.b)}
                    {DIFF[d.change].tag && <span className="diff-tag">{DIFF[d.change].tag}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {diff.parties.map((v) => (
                <tr key={v.party}>
                  <th scope="row">{partyLabel(scenario, v.party)}</th>
                  <td className={`verdict-text verdict-${v.a.verdict}`}>
                    {v.a.verdict} ({utilityRange(v.a.utility)})
                  </td>
                  <td className={`verdict-text verdict-${v.b.verdict}`}>
                    {v.b.verdict} ({utilityRange(v.b.utility)}){v.verdictChange && <span className="diff-tag">changed</span>}
                  </td>
                </tr>
              ))}
            </tfoot>
          </table>
        </section>
      )}
      <div className="side-by-side">
        {[a, b].map((e) => (
          <section key={e.id} className="panel">
            <h2>{e.name ?? e.id}</h2>
            <StanceMatrix model={buildStanceMatrix(e, parties, statements)} compact />
          </section>
        ))}
      </div>
      <StanceLegend />
    </div>
  );
}
