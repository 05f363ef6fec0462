// Tournament jobs: the core's tournament use case (planTournamentOrThrow, playTournamentRun,
// tournamentRunRecord, scoreRecords) on stored scenario versions. A request is checked and planned
// up front; each run is played on its own (on a worker thread: workers/tasks.ts), stored as it
// finishes, and all are scored together at the end.
import {
  compileScenario,
  planTournamentOrThrow,
  playTournamentRun,
  scoreRecords,
  tournamentRunRecord,
  type CompiledScenario,
  type NegotiationReference,
  type RunSpec,
  type TournamentPlan,
  type TournamentRequest,
  type TournamentRunRecord,
  type TournamentSettings,
} from "@parley/core";
import type { ScenarioSource } from "../store/store.js";

/** A tournament request after validation (zod defaults applied). */
export interface TournamentJobRequest extends Omit<TournamentRequest, "scenarios"> {
  readonly scenarios: readonly { readonly id: string; readonly version?: number | undefined; readonly seats?: readonly string[] | undefined }[];
}

/** The request with every default filled in (versions and seats included): what is stored as the config. */
export type TournamentConfig = TournamentJobRequest & { readonly scenarios: readonly { id: string; version: number; seats: string[] }[] };

export interface TournamentPlanned {
  readonly plan: TournamentPlan;
  /** Per scenario of the plan. */
  readonly sources: readonly ScenarioSource[];
  readonly compiled: readonly CompiledScenario[];
  readonly config: TournamentConfig;
}

/** One finished run: the core's record, with the scenario id and version apart. */
export interface TournamentJobRecord extends TournamentRunRecord {
  readonly version: number;
}

export interface TournamentLimits {
  readonly rounds: number;
  readonly tournamentRuns: number;
}

/**
 * Check a request and plan it. `sources[i]` is the stored version of `request.scenarios[i]`.
 * Throws ParleyError (the first problem; the error handler maps its code to a status).
 */
export function planTournamentJob(request: TournamentJobRequest, sources: readonly ScenarioSource[], limits: TournamentLimits): TournamentPlanned {
  const competitors = request.competitors.map((c) => c.trim());
  const compiled = sources.map((s) => compileScenario(s.scenario));
  const plan = planTournamentOrThrow(
    {
      ...request,
      competitors,
      scenarios: request.scenarios.map((s, i) => ({ id: `${s.id}@${sources[i]!.version}`, compiled: compiled[i]!, seats: s.seats })),
    },
    { maxRounds: limits.rounds, maxRuns: limits.tournamentRuns },
  );
  const scenarios = request.scenarios.map((s, i) => ({ id: s.id, version: sources[i]!.version, seats: [...plan.input.scenarios[i]!.seats] }));
  return { plan, sources, compiled, config: { ...request, competitors, scenarios } };
}

/** Play one planned run and record it (never throws: a failing run is recorded with its error). */
export function runTournamentRun(
  source: ScenarioSource,
  compiled: CompiledScenario,
  settings: TournamentSettings,
  run: RunSpec,
  reference: NegotiationReference | null,
): TournamentJobRecord {
  return { ...tournamentRunRecord(run, playTournamentRun(compiled, run, settings), reference), scenario: source.id, version: source.version };
}

/** The results of a finished tournament: its plan hash, the leaderboard, and every run in plan order. */
export function tournamentResults(plan: TournamentPlan, records: readonly TournamentJobRecord[]) {
  const runs = [...records].sort((a, b) => a.index - b.index);
  return { plan: plan.hash, scores: scoreRecords(runs), runs };
}

export type TournamentResults = ReturnType<typeof tournamentResults>;
