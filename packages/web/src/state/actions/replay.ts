// Replaying a trace step by step: `step` events are visible (0 = none, length = all).
import type { ReplayState } from "../app-state.js";
import type { Action } from "../action.js";

const clamp = (r: ReplayState, step: number): number => Math.max(0, Math.min(r.length, Math.round(step)));

const withReplay = (state: Parameters<Action<unknown>>[0], replay: ReplayState) =>
  replay.step === state.replay.step && replay.playing === state.replay.playing && replay.length === state.replay.length && replay.speed === state.replay.speed
    ? state
    : { ...state, replay };

/** A new trace to replay: show it all, paused. */
export const replayLoaded: Action<{ length: number }> = (state, { length }) =>
  withReplay(state, { ...state.replay, length, step: length, playing: false });

export const replaySeek: Action<{ step: number }> = (state, { step }) =>
  withReplay(state, { ...state.replay, step: clamp(state.replay, step), playing: false });

export const replayStep: Action<{ delta: number }> = (state, { delta }) =>
  withReplay(state, { ...state.replay, step: clamp(state.replay, state.replay.step + delta), playing: false });

/** Play (from the start when at the end) or pause. */
export const replayToggled: Action<void> = (state) => {
  const r = state.replay;
  if (r.playing) return withReplay(state, { ...r, playing: false });
  if (r.length === 0) return state;
  return withReplay(state, { ...r, playing: true, step: r.step >= r.length ? 0 : r.step });
};

/** One tick of the player: advance one event, stopping at the end. */
export const replayTicked: Action<void> = (state) => {
  const r = state.replay;
  if (!r.playing) return state;
  const step = Math.min(r.length, r.step + 1);
  return withReplay(state, { ...r, step, playing: step < r.length });
};

export const replaySpeedSet: Action<{ speed: number }> = (state, { speed }) =>
  withReplay(state, { ...state.replay, speed: Math.max(1, Math.min(120, speed)) });
