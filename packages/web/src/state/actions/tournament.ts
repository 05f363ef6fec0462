// A tournament job: started → running (progress) → done (leaderboard and runs), or failed.
import type { TournamentJson } from "../../api/types.js";
import { initialReplay, initialTournament } from "../app-state.js";
import type { Action } from "../action.js";

export const tournamentStarting: Action<void> = (state) => ({
  ...state,
  tournament: { ...initialTournament, status: "starting" },
});

export const tournamentAccepted: Action<{ id: string }> = (state, { id }) => ({
  ...state,
  tournament: { ...state.tournament, status: "running", id },
});

/** Opened by URL (#/tournaments/ID): follow that job. */
export const tournamentOpened: Action<{ id: string }> = (state, { id }) =>
  state.tournament.id === id ? state : { ...state, tournament: { ...initialTournament, status: "running", id } };

export const tournamentUpdated: Action<{ id: string; job: TournamentJson }> = (state, { id, job }) => {
  const t = state.tournament;
  if (t.id !== id) return state;
  const progress = job.progress ?? t.progress;
  const config = job.config ?? t.config;
  if (job.status === "done") {
    if (t.status === "done") return state;
    return { ...state, tournament: { ...t, status: "done", config, progress, results: job.results ?? t.results, error: null } };
  }
  if (job.status === "failed" || job.status === "cancelled" || job.status === "interrupted") {
    const error = job.error?.message ?? `the tournament ${job.status}`;
    return { ...state, tournament: { ...t, status: "failed", config, progress, error } };
  }
  if (progress.done === t.progress.done && progress.total === t.progress.total && t.config !== null) return state;
  return { ...state, tournament: { ...t, status: "running", config, progress } };
};

/** Progress from the event stream (ahead of the next poll). */
export const tournamentProgressed: Action<{ id: string; done: number; total: number }> = (state, { id, done, total }) => {
  const t = state.tournament;
  if (t.id !== id || t.status !== "running" || (done <= t.progress.done && total === t.progress.total)) return state;
  return { ...state, tournament: { ...t, progress: { done, total } } };
};

export const tournamentFailed: Action<{ error: string }> = (state, { error }) => ({
  ...state,
  tournament: { ...state.tournament, status: "failed", error },
});

/** Drill into one run (index into results.runs), or back to the table (null). */
export const tournamentRunSelected: Action<{ run: number | null; length: number }> = (state, { run, length }) => ({
  ...state,
  tournament: { ...state.tournament, selectedRun: run },
  replay: { ...initialReplay, speed: state.replay.speed, length, step: length },
});
