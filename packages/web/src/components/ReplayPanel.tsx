// Replaying one negotiation run step by step: player controls, the offers on the outcome-space
// plot, utility over time, and the events so far. Shared by simulations and tournament runs.
import { useEffect, useMemo, useState } from "react";
import type { Scenario } from "@parley/core";
import { api } from "../api/client.js";
import type { RunResultJson } from "../api/types.js";
import { OutcomeSpaceChart } from "../charts/outcome-space/OutcomeSpaceChart.js";
import { OutcomeSpaceLegend } from "../charts/outcome-space/Legend.js";
import { UtilityOverTime } from "../charts/utility-time/UtilityOverTime.js";
import { buildUtilityTimeModel } from "../charts/utility-time/model.js";
import { partyColor } from "../charts/colors.js";
import { fmtOutcome, fmtUtility } from "../charts/format.js";
import { describeEvent, offerTrail } from "../lib/trace.js";
import { partyLabel, partyViews } from "../lib/parties.js";
import { replaySeek, replaySpeedSet, replayStep, replayTicked, replayToggled } from "../state/actions/replay.js";
import { resourceKey } from "../state/actions/resources.js";
import { dispatch, useAppState } from "../state/store.js";
import { useResource } from "../state/use-resource.js";
import { useOutcomeSpace } from "../pages/scenario/use-outcome-space.js";

export interface ReplayPanelProps {
  readonly scenarioId: string;
  readonly version: number;
  readonly scenario: Scenario;
  readonly result: RunResultJson;
  readonly metrics?: { readonly paretoDistance: number | null; readonly nashDistance: number | null } | null;
}

/** Advance the replay while it plays. */
function usePlayer(): void {
  const playing = useAppState((s) => s.replay.playing);
  const speed = useAppState((s) => s.replay.speed);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => dispatch(replayTicked, undefined), 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed]);
}

export function ReplayPanel({ scenarioId, version, scenario, result, metrics }: ReplayPanelProps) {
  usePlayer();
  const replay = useAppState((s) => s.replay);
  const seats = result.seats;
  const [xSeat, setXSeat] = useState(0);
  const [ySeat, setYSeat] = useState(Math.min(1, seats.length - 1));
  const step = Math.min(replay.step, result.trace.length);

  const analysis = useResource(resourceKey.analysis(scenarioId), () => api.analysis(scenarioId));
  const xParty = seats[xSeat] ?? seats[0]!;
  const yParty = seats[ySeat] ?? seats[1] ?? seats[0]!;
  const space = useOutcomeSpace(`${scenarioId}@${version}`, scenario, xParty, yParty, scenarioId);

  // Each seat in its party's colour, as on every other page.
  const colors = useMemo(() => {
    const byParty = new Map(partyViews(scenario).map((p) => [p.id, p.color]));
    return seats.map((s, k) => byParty.get(s) ?? partyColor(k));
  }, [scenario, seats]);
  const trail = useMemo(() => offerTrail(result.trace, step, xSeat, ySeat, seats, colors), [result.trace, step, xSeat, ySeat, seats, colors]);
  const timeModel = useMemo(() => buildUtilityTimeModel(result.trace, seats, step, colors), [result.trace, seats, step, colors]);
  const current = step > 0 ? result.trace[step - 1] : undefined;
  const recent = result.trace.slice(Math.max(0, step - 8), step);
  const hide = useMemo(() => ({ frameworks: false }), []);

  return (
    <div className="replay" data-testid="replay">
      <section className="panel run-summary" data-testid="run-summary">
        <div className="summary-grid">
          <div>
            <span className="muted small">Outcome</span>
            <div className={`run-status status-${result.status}`} data-testid="run-status">
              {result.status}
            </div>
          </div>
          <div>
            <span className="muted small">Rounds</span>
            <div className="big">{result.rounds ?? Math.max(0, ...result.trace.map((e) => e.round + 1))}</div>
          </div>
          {seats.map((s, k) => (
            <div key={s}>
              <span className="muted small">
                <span className="party-dot" style={{ background: colors[k] }} aria-hidden="true" /> {partyLabel(scenario, s)}
                {result.agents?.[k] ? ` (${result.agents[k]})` : ""}
              </span>
              <div className="big">{fmtUtility(result.utilities[k])}</div>
            </div>
          ))}
          {metrics && (
            <div>
              <span className="muted small">Distance to Pareto / Nash</span>
              <div className="big">
                {fmtUtility(metrics.paretoDistance)} / {fmtUtility(metrics.nashDistance)}
              </div>
            </div>
          )}
        </div>
        {result.agreement && (
          <p className="small">
            <strong>Agreement:</strong> {fmtOutcome(result.agreement)}
          </p>
        )}
      </section>

      <section className="panel player" aria-label="Replay controls">
        <div className="player-controls">
          <button type="button" className="icon-button" onClick={() => dispatch(replaySeek, { step: 0 })} aria-label="Back to the start" title="Back to the start" data-testid="replay-start">
            <Icon name="start" />
          </button>
          <button type="button" className="icon-button" onClick={() => dispatch(replayStep, { delta: -1 })} aria-label="Step back" title="Step back" data-testid="replay-step-back">
            <Icon name="back" />
          </button>
          <button
            type="button"
            className="icon-button primary"
            onClick={() => dispatch(replayToggled, undefined)}
            aria-label={replay.playing ? "Pause" : "Play"}
            title={replay.playing ? "Pause" : "Play"}
            data-testid="replay-play"
          >
            <Icon name={replay.playing ? "pause" : "play"} />
          </button>
          <button type="button" className="icon-button" onClick={() => dispatch(replayStep, { delta: 1 })} aria-label="Step forward" title="Step forward" data-testid="replay-step-forward">
            <Icon name="forward" />
          </button>
          <button type="button" className="icon-button" onClick={() => dispatch(replaySeek, { step: result.trace.length })} aria-label="To the end" title="To the end" data-testid="replay-end">
            <Icon name="end" />
          </button>
          <input
            type="range"
            min={0}
            max={result.trace.length}
            value={step}
            onChange={(e) => dispatch(replaySeek, { step: Number(e.target.value) })}
            aria-label="Replay position"
            data-testid="replay-slider"
            className="replay-slider"
          />
          <span className="replay-position" data-testid="replay-position">
            {step} / {result.trace.length}
          </span>
          <label className="small">
            Speed{" "}
            <select value={replay.speed} onChange={(e) => dispatch(replaySpeedSet, { speed: Number(e.target.value) })}>
              {[2, 8, 30, 100].map((s) => (
                <option key={s} value={s}>
                  {s}/s
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="current-event" data-testid="current-event">
          {current ? describeEvent(current, seats) : "Before the first move"}
          {current?.outcome && <span className="muted small"> — {fmtOutcome(current.outcome)}</span>}
        </p>
      </section>

      <div className="replay-charts">
        <section className="panel" aria-labelledby="replay-space-title">
          <div className="panel-head">
            <h2 id="replay-space-title">Offers in the outcome space</h2>
            {seats.length > 2 && (
              <div className="toolbar">
                <SeatSelect label="Horizontal" seats={seats} scenario={scenario} value={xSeat} onChange={setXSeat} />
                <SeatSelect label="Vertical" seats={seats} scenario={scenario} value={ySeat} onChange={setYSeat} />
              </div>
            )}
          </div>
          <OutcomeSpaceChart
            testId="replay-outcome-space"
            x={{ id: xParty, label: partyLabel(scenario, xParty) }}
            y={{ id: yParty, label: partyLabel(scenario, yParty) }}
            columns={space.status === "ready" ? space.data.columns : null}
            sampled={space.status === "ready" && space.data.sampled}
            analysis={analysis?.status === "ready" ? analysis.data : null}
            trail={trail}
            show={hide}
            maxSize={460}
          />
          <OutcomeSpaceLegend multiParty={false} trail={seats.map((s, k) => ({ label: `offers by ${partyLabel(scenario, s)}`, color: colors[k]! }))} />
        </section>
        <section className="panel" aria-labelledby="replay-time-title">
          <h2 id="replay-time-title">Utility over time</h2>
          <UtilityOverTime model={timeModel} />
          <h3>Latest events</h3>
          <ol className="event-list" data-testid="event-list" start={Math.max(1, step - 7)}>
            {recent.map((e) => (
              <li key={e.seq} className={e === current ? "current" : undefined}>
                {describeEvent(e, seats)}
                {e.utilities && <span className="muted small"> · {e.utilities.map(fmtUtility).join(" / ")}</span>}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}

function SeatSelect({ label, seats, scenario, value, onChange }: { label: string; seats: readonly string[]; scenario: Scenario; value: number; onChange: (seat: number) => void }) {
  return (
    <label>
      {label}{" "}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {seats.map((s, k) => (
          <option key={s} value={k}>
            {partyLabel(scenario, s)}
          </option>
        ))}
      </select>
    </label>
  );
}

const ICONS = {
  start: "M3 2h2v12H3zM14 2v12L6 8z",
  back: "M12 2v12L4 8z",
  play: "M4 2v12l10-6z",
  pause: "M3 2h4v12H3zM9 2h4v12H9z",
  forward: "M4 2v12l8-6z",
  end: "M11 2h2v12h-2zM2 2v12l8-6z",
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={ICONS[name]} fill="currentColor" />
    </svg>
  );
}
