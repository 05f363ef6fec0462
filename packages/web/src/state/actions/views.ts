// View settings: the outcome-space axes and what-if weights, and the timeline filters.
import type { OutcomeViewState, TimelineFilterState } from "../app-state.js";
import type { Action } from "../action.js";

/** Axes for a scenario's parties: keep valid choices, else the first two parties. */
export const outcomeAxesEnsured: Action<{ scenarioId: string; parties: readonly string[] }> = (state, { scenarioId, parties }) => {
  const v = state.outcomeView;
  const same = v.scenarioId === scenarioId;
  const x = same && v.x !== null && parties.includes(v.x) ? v.x : (parties[0] ?? null);
  let y = same && v.y !== null && parties.includes(v.y) ? v.y : (parties[1] ?? parties[0] ?? null);
  if (y === x && parties.length > 1) y = parties.find((p) => p !== x) ?? y;
  const weights = same ? v.weights : null;
  if (same && x === v.x && y === v.y) return state;
  return { ...state, outcomeView: { scenarioId, x, y, weights } };
};

export const outcomeAxisSet: Action<{ axis: "x" | "y"; party: string }> = (state, { axis, party }) => {
  const v = state.outcomeView;
  if (v[axis] === party) return state;
  // Choosing the other axis's party swaps the two.
  const other = axis === "x" ? "y" : "x";
  const next: OutcomeViewState = v[other] === party ? { ...v, [axis]: party, [other]: v[axis] } : { ...v, [axis]: party };
  return { ...state, outcomeView: next };
};

/** Set one what-if weight (relative, ≥ 0); `base` is the party's current weights. */
export const outcomeWeightSet: Action<{ party: string; issue: string; weight: number; base: Readonly<Record<string, number>> }> = (
  state,
  { party, issue, weight, base },
) => {
  const v = state.outcomeView;
  const current = v.weights?.[party] ?? base;
  const w = Math.max(0, Number.isFinite(weight) ? weight : 0);
  if (current[issue] === w) return state;
  return { ...state, outcomeView: { ...v, weights: { ...(v.weights ?? {}), [party]: { ...current, [issue]: w } } } };
};

export const outcomeWeightsReset: Action<void> = (state) =>
  state.outcomeView.weights === null ? state : { ...state, outcomeView: { ...state.outcomeView, weights: null } };

export const timelineFilterSet: Action<Partial<TimelineFilterState>> = (state, patch) => {
  const f = { ...state.timelineFilter, ...patch };
  if (f.party === state.timelineFilter.party && f.issue === state.timelineFilter.issue && f.point === state.timelineFilter.point) return state;
  return { ...state, timelineFilter: f };
};
