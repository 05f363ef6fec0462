// Page 4: every outcome's utilities for two chosen parties on a canvas, with the Pareto frontier,
// the solution concepts, reservation lines and each framework; for three or more parties, the
// frontier in parallel coordinates. What-if weights re-run the analysis in the worker.
import { useEffect, useMemo } from "react";
import type { Scenario } from "@parley/core";
import { api } from "../../api/client.js";
import type { AnalysisJson, ScenarioDetail } from "../../api/types.js";
import { ErrorNote, Loading } from "../../components/Status.js";
import { OutcomeSpaceChart } from "../../charts/outcome-space/OutcomeSpaceChart.js";
import { OutcomeSpaceLegend } from "../../charts/outcome-space/Legend.js";
import { ParallelCoordinates } from "../../charts/parallel/ParallelCoordinates.js";
import { fmtCount, fmtMs, fmtPercent, fmtUtility } from "../../charts/format.js";
import { analysedParties, type PartyView } from "../../lib/parties.js";
import { weightsKey, withWeights } from "../../lib/what-if.js";
import { outcomeAxesEnsured, outcomeAxisSet, outcomeWeightSet, outcomeWeightsReset } from "../../state/actions/views.js";
import { resourceKey } from "../../state/actions/resources.js";
import { dispatch, useAppState } from "../../state/store.js";
import { useResource } from "../../state/use-resource.js";
import { useOutcomeSpace, useWorkerAnalysis } from "./use-outcome-space.js";

const HIGHLIGHTS = [
  { key: "nash", label: "Nash", color: "#0072B2" },
  { key: "kalaiSmorodinsky", label: "Kalai–Smorodinsky", color: "#009E73" },
  { key: "egalitarian", label: "Egalitarian", color: "#CC79A7" },
  { key: "maxWelfare", label: "Max welfare", color: "#111827" },
] as const;

export function OutcomeSpaceView({ detail }: { detail: ScenarioDetail }) {
  const scenario = detail.scenario;
  const parties = useMemo(() => analysedParties(scenario), [scenario]);
  const view = useAppState((s) => s.outcomeView);
  const ids = parties.map((p) => p.id).join(",");

  useEffect(() => {
    dispatch(outcomeAxesEnsured, { scenarioId: detail.id, parties: ids === "" ? [] : ids.split(",") });
  }, [detail.id, ids]);

  const weights = view.scenarioId === detail.id ? view.weights : null;
  const edited = useMemo(() => (weights ? withWeights(scenario, weights) : scenario), [scenario, weights]);
  const wk = weightsKey(weights);
  const key = `${detail.id}@${detail.version}${wk ? `#${wk}` : ""}`;

  // Stored results come from the server; an edited scenario is analysed in the worker.
  const server = useResource(wk ? null : resourceKey.analysis(detail.id), () => api.analysis(detail.id));
  const local = useWorkerAnalysis(wk ? key : null, edited);
  const analysisState = wk ? local?.result : server;
  const analysis: AnalysisJson | null = analysisState?.status === "ready" ? analysisState.data : null;

  const x = view.scenarioId === detail.id ? view.x : null;
  const y = view.scenarioId === detail.id ? view.y : null;
  const space = useOutcomeSpace(key, edited, x, y, wk ? null : detail.id);
  const columns = space.status === "ready" ? space.data.columns : null;

  if (parties.length < 2)
    return (
      <section className="panel">
        <p className="empty">The outcome space needs two parties with preferences; this scenario has {parties.length}.</p>
      </section>
    );

  const px = parties.find((p) => p.id === x) ?? parties[0]!;
  const py = parties.find((p) => p.id === y) ?? parties[1]!;

  return (
    <div className="outcome-view" data-testid="outcome-view">
      <div className="outcome-layout">
        <section className="panel plot-panel" aria-labelledby="space-title">
          <div className="panel-head">
            <h2 id="space-title">Outcome space</h2>
            <div className="toolbar">
              <AxisSelect axis="x" parties={parties} value={px.id} />
              <AxisSelect axis="y" parties={parties} value={py.id} />
            </div>
          </div>
          {space.status === "error" && <ErrorNote title="Could not compute the outcomes." message={space.error} />}
          {space.status === "loading" && <Loading what="every outcome's utilities" />}
          <OutcomeSpaceChart
            x={{ id: px.id, label: px.label }}
            y={{ id: py.id, label: py.label }}
            columns={columns}
            sampled={space.status === "ready" && space.data.sampled}
            analysis={analysis}
          />
          <OutcomeSpaceLegend multiParty={parties.length > 2} />
        </section>
        <aside className="side-panels">
          <Stats space={space.status === "ready" ? space.data : null} analysis={analysis} analysisState={analysisState} pending={local?.pending ?? false} edited={wk !== ""} />
          <WhatIf scenario={scenario} parties={parties} weights={weights} />
        </aside>
      </div>
      {analysis && analysis.frameworks.length > 0 && <FrameworkTable analysis={analysis} parties={parties} />}
      {analysis && parties.length > 2 && (
        <section className="panel" aria-labelledby="pc-title">
          <h2 id="pc-title">Pareto frontier across all {parties.length} parties</h2>
          <p className="muted small">Each line is one frontier point: its utility to every party. Highlighted: the solution concepts.</p>
          <ParallelCoordinates
            parties={parties.map((p) => ({ id: p.id, label: p.label }))}
            points={reorder(analysis, parties, analysis.pareto.points)}
            reservation={parties.map((p) => analysis.reservation[analysis.parties.indexOf(p.id)] ?? 0)}
            highlights={HIGHLIGHTS.flatMap((h) => {
              const first = analysis[h.key][0];
              return first ? [{ label: h.label, color: h.color, utilities: reorder(analysis, parties, [first.utilities])[0]! }] : [];
            })}
          />
        </section>
      )}
    </div>
  );
}

/** Utility vectors in the order of `parties` (the analysis may list them differently). */
function reorder(analysis: AnalysisJson, parties: readonly PartyView[], points: readonly (readonly number[])[]): number[][] {
  const at = parties.map((p) => analysis.parties.indexOf(p.id));
  return points.map((u) => at.map((k) => (k >= 0 ? u[k]! : 0)));
}

function AxisSelect({ axis, parties, value }: { axis: "x" | "y"; parties: readonly PartyView[]; value: string }) {
  return (
    <label>
      {axis === "x" ? "Horizontal" : "Vertical"}{" "}
      <select value={value} onChange={(e) => dispatch(outcomeAxisSet, { axis, party: e.target.value })} data-testid={`axis-${axis}`}>
        {parties.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Stats({
  space,
  analysis,
  analysisState,
  pending,
  edited,
}: {
  space: import("./use-outcome-space.js").SpaceData | null;
  analysis: AnalysisJson | null;
  analysisState: { status: string; error?: string } | undefined;
  pending: boolean;
  edited: boolean;
}) {
  const draw = typeof window !== "undefined" ? window.__parleyMetrics?.outcomeDraw : undefined;
  return (
    <section className="panel stats" aria-labelledby="stats-title" data-testid="outcome-stats">
      <h2 id="stats-title">Figures {edited && <span className="tag">what-if</span>}</h2>
      <dl>
        <dt>Outcomes</dt>
        <dd>{space ? fmtCount(space.size) : "…"}</dd>
        {space?.sampled && (
          <>
            <dt>Drawn</dt>
            <dd>{fmtCount(space.count)} (uniform sample)</dd>
          </>
        )}
        <dt>Rational</dt>
        <dd>
          {analysis?.rational.count != null
            ? `${fmtCount(analysis.rational.count)} (${fmtPercent(analysis.rational.fraction, 1)})`
            : space
              ? `${fmtCount(space.rationalCount)}${space.sampled ? " in the sample" : ""}`
              : "…"}
        </dd>
        <dt>Pareto frontier</dt>
        <dd>{analysis ? `${fmtCount(analysis.pareto.count)} points` : "…"}</dd>
        <dt>Nash point</dt>
        <dd>{analysis?.nash[0] ? analysis.nash[0].utilities.map(fmtUtility).join(" / ") : "–"}</dd>
        <dt>Opposition</dt>
        <dd>{analysis ? fmtUtility(analysis.opposition ?? null) : "…"}</dd>
        <dt>Computed</dt>
        <dd className="small">
          outcomes in the {space?.source ?? "…"}
          {space ? ` (${fmtMs(space.ms)})` : ""}; analysis {edited ? "in the worker" : "by the server"}
          {draw ? `; drawn in ${fmtMs(draw.ms)}` : ""}
        </dd>
      </dl>
      {pending && <p className="status loading small">Re-analysing…</p>}
      {analysisState?.status === "error" && <ErrorNote title="Analysis failed." message={analysisState.error ?? ""} />}
      {analysis?.notes && analysis.notes.length > 0 && <p className="muted small">{analysis.notes.join(" ")}</p>}
    </section>
  );
}

function WhatIf({ scenario, parties, weights }: { scenario: Scenario; parties: readonly PartyView[]; weights: Readonly<Record<string, Readonly<Record<string, number>>>> | null }) {
  const editable = parties.filter((p) => p.party.preferences?.utility.kind === "linear-additive");
  if (editable.length === 0) return null;
  return (
    <section className="panel what-if" aria-labelledby="whatif-title" data-testid="what-if">
      <div className="panel-head">
        <h2 id="whatif-title">What-if weights</h2>
        {weights && (
          <button type="button" className="button small secondary" onClick={() => dispatch(outcomeWeightsReset, undefined)} data-testid="weights-reset">
            Reset
          </button>
        )}
      </div>
      <p className="muted small">Move a weight: the outcomes and the analysis are recomputed in a Web Worker.</p>
      {editable.map((p) => {
        const u = p.party.preferences!.utility;
        if (u.kind !== "linear-additive") return null;
        const base = Object.fromEntries(scenario.issues.map((i) => [i.id, u.weights[i.id] ?? 0]));
        const current = weights?.[p.id] ?? base;
        const total = Object.values(current).reduce((s, v) => s + v, 0);
        return (
          <details key={p.id} className="weights" open={p.index === 0}>
            <summary>
              <span className="party-dot" style={{ background: p.color }} aria-hidden="true" /> {p.label}
              {weights?.[p.id] && <span className="tag">edited</span>}
            </summary>
            {scenario.issues.map((i) => (
              <label key={i.id} className="slider-row">
                <span className="slider-label">{i.name ?? i.id}</span>
                <input
                  type="range"
                  min={0}
                  max={1}
                  step={0.01}
                  value={current[i.id] ?? 0}
                  onChange={(e) => dispatch(outcomeWeightSet, { party: p.id, issue: i.id, weight: Number(e.target.value), base })}
                  data-testid={`weight-${p.id}-${i.id}`}
                />
                <span className="num small">{fmtPercent(total > 0 ? (current[i.id] ?? 0) / total : 0)}</span>
              </label>
            ))}
          </details>
        );
      })}
    </section>
  );
}

function FrameworkTable({ analysis, parties }: { analysis: AnalysisJson; parties: readonly PartyView[] }) {
  return (
    <section className="panel" aria-labelledby="fw-title">
      <h2 id="fw-title">Frameworks in the outcome space</h2>
      <p className="muted small">Each framework fixes some issues; its utility to a party runs from its worst to its best completion of the open issues.</p>
      <table className="data-table" data-testid="framework-utilities">
        <thead>
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Open issues</th>
            {parties.map((p) => (
              <th scope="col" key={p.id}>
                {p.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {analysis.frameworks.map((f) => (
            <tr key={f.framework.id}>
              <th scope="row">{f.framework.name}</th>
              <td className="small">{f.open.length ? f.open.join(", ") : "none"}</td>
              {parties.map((p) => {
                const e = f.parties.find((q) => q.party === p.id);
                if (!e) return <td key={p.id}>–</td>;
                const range = e.utility.min === e.utility.max ? fmtUtility(e.utility.min) : `${fmtUtility(e.utility.min)}–${fmtUtility(e.utility.max)}`;
                return (
                  <td key={p.id} className={`verdict-text verdict-${e.verdict}`}>
                    {range} <span className="small">({e.verdict})</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
