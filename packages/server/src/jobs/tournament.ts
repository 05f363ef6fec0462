// Tournament jobs in-process: the core's tournament use case (checkTournament, playTournamentRun,
// tournamentRunRecord) on stored scenario versions, its runs one after another on the main thread,
// yielding to the event loop between runs, with progress.
import { setImmediate as nextTurn } from "node:timers/promises";
import {
  compileScenario,
  planTournamentOrThrow,
  playTournamentRun,
  scoreRecords,
  tournamentRunRecord,
  type CompiledScenario,
  type NegotiationReference,
  type TournamentPlan,
  type TournamentRequest,
  type TournamentRunRecord,
} from "@parley/core";
import { HttpError } from "../errors.js";
import type { ScenarioVersion } from "../store/store.js";

/** A tournament request after validation (zod defaults applied). */
export interface TournamentJobRequest extends Omit<TournamentRequest, "scenarios"> {
  readonly scenarios: readonly { readonly id: string; readonly version?: number | undefined; readonly seats?: readonly string[] | undefined }[];
}

export interface TournamentPlanned {
  readonly plan: TournamentPlan;
  /** Per scenario of the plan. */
  readonly sources: readonly ScenarioVersion[];
  readonly compiled: readonly CompiledScenario[];
  /** The request with every default filled in (versions and seats included): what is stored as the config. */
  readonly config: TournamentJobRequest & { readonly scenarios: readonly { id: string; version: number; seats: string[] }[] };
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
export function planTournamentJob(request: TournamentJobRequest, sources: readonly ScenarioVersion[], limits: TournamentLimits): TournamentPlanned {
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

export interface TournamentRunOptions {
  /** Per scenario of the plan: its frontier and Nash points for the seats, or null when not computable. */
  readonly references: readonly (NegotiationReference | null)[];
  /** Called after each run (throttle on the caller's side). */
  readonly onRun?: (done: number, total: number) => void | Promise<void>;
  /** Aborted: stop before the next run and throw. */
  readonly signal?: AbortSignal;
  /** Yield to the event loop after this many ms of running (default 20). */
  readonly sliceMs?: number;
}

/** Run every run of the plan in order; the results and the leaderboard. */
export async function runTournamentJob(job: TournamentPlanned, options: TournamentRunOptions) {
  const { plan } = job;
  const total = plan.runs.length;
  const sliceMs = options.sliceMs ?? 20;
  const settings = { protocol: job.config.protocol, rounds: job.config.rounds };
  const records: TournamentJobRecord[] = [];
  let sliceStart = performance.now();
  for (const run of plan.runs) {
    if (options.signal?.aborted) throw new HttpError("PARLEY_HTTP_JOB_INTERRUPTED");
    const outcome = playTournamentRun(job.compiled[run.scenario]!, run, settings);
    const source = job.sources[run.scenario]!;
    records.push({ ...tournamentRunRecord(run, outcome, options.references[run.scenario] ?? null), scenario: source.id, version: source.version });
    await options.onRun?.(records.length, total);
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return { plan: plan.hash, scores: scoreRecords(records), runs: records };
}

export type TournamentResults = Awaited<ReturnType<typeof runTournamentJob>>;
