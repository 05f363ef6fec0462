// Tournaments in-process: a request checked and planned up front (planTournament), then its runs
// one after another on the main thread, yielding to the event loop between runs, with progress.
import { setImmediate as nextTurn } from "node:timers/promises";
import {
  canonicalJson,
  compileScenario,
  createProtocol,
  hashText,
  nearestDistance,
  negotiatorFromSpec,
  planTournament,
  runNegotiation,
  scoreTournament,
  welfare,
  type CompiledScenario,
  type NegotiationReference,
  type RunSpec,
  type TournamentPlan,
  type Value,
} from "@parley/core";
import { httpError, HttpError } from "../errors.js";
import type { ScenarioVersion } from "../store/store.js";
import { resolveSeats } from "./simulation.js";

/** A tournament request after validation (zod defaults applied). */
export interface TournamentRequest {
  readonly competitors: readonly string[];
  readonly scenarios: readonly { readonly id: string; readonly version?: number | undefined; readonly seats?: readonly string[] | undefined }[];
  readonly protocol: "sao" | "stacked";
  readonly rounds: number;
  readonly repetitions: number;
  readonly rotate: boolean;
  readonly selfPlay: boolean;
  readonly seed: number;
}

export interface TournamentPlanned {
  readonly plan: TournamentPlan;
  /** Per scenario of the plan. */
  readonly sources: readonly ScenarioVersion[];
  readonly compiled: readonly CompiledScenario[];
  /** The request with every default filled in (versions and seats included): what is stored as the config. */
  readonly config: TournamentRequest & { readonly scenarios: readonly { id: string; version: number; seats: string[] }[] };
}

/** One finished run (the CLI's results have the same fields). */
export interface TournamentRunRecord {
  readonly index: number;
  readonly scenario: string;
  readonly version: number;
  readonly seats: readonly string[];
  readonly competitors: readonly string[];
  readonly repetition: number;
  readonly seed: number;
  readonly status: string;
  readonly agreement: Readonly<Record<string, Value>> | null;
  readonly utilities: readonly number[];
  readonly rounds: number;
  readonly paretoDistance: number | null;
  readonly nashDistance: number | null;
  readonly welfare: number;
  readonly errorSeat?: number;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface TournamentLimits {
  readonly rounds: number;
  readonly tournamentRuns: number;
}

/**
 * Check a request and plan it. `sources[i]` is the stored version of `request.scenarios[i]`.
 * Throws HttpError (400, 422 for too many runs) or ParleyError (unknown agent, bad parameter).
 */
export function planTournamentJob(request: TournamentRequest, sources: readonly ScenarioVersion[], limits: TournamentLimits): TournamentPlanned {
  if (request.rounds > limits.rounds) throw httpError("PARLEY_HTTP_BAD_REQUEST", `rounds ${request.rounds} is more than the server's limit of ${limits.rounds}`);
  const names = request.competitors.map((c) => c.trim());
  const dup = names.find((c, i) => names.indexOf(c) !== i);
  if (dup !== undefined) throw httpError("PARLEY_HTTP_BAD_REQUEST", `competitor "${dup}" is listed twice; give each competitor once (selfPlay seats one competitor several times)`);
  for (const spec of names) negotiatorFromSpec(spec); // unknown names and bad parameters → ParleyError (400)
  const compiled = sources.map((s) => compileScenario(s.scenario));
  const scenarios = request.scenarios.map((s, i) => {
    const seats = resolveSeats(compiled[i]!, s.seats);
    if (request.protocol === "sao" && seats.length !== 2)
      throw httpError(
        "PARLEY_HTTP_BAD_REQUEST",
        `scenarios[${i}] (${s.id}) has ${seats.length} seats (${seats.join(", ")}) but the sao protocol is bilateral: choose two seats, or use stacked`,
      );
    if (seats.length < 2) throw httpError("PARLEY_HTTP_BAD_REQUEST", `scenarios[${i}] (${s.id}) has ${seats.length} seat; a tournament needs at least two`);
    return { id: s.id, version: sources[i]!.version, seats };
  });
  const config = { ...request, competitors: names, scenarios };
  // Estimate before planning, so that a huge request does not build a huge plan.
  const estimate = scenarios.reduce((n, s) => n + Math.pow(names.length, s.seats.length) * request.repetitions, 0);
  if (estimate > limits.tournamentRuns * 1000) throw new HttpError("PARLEY_HTTP_TOO_MANY_RUNS", [`about ${estimate.toExponential(2)}`, limits.tournamentRuns]);
  const plan = planTournament({
    competitors: names,
    scenarios: scenarios.map((s, i) => ({ id: `${s.id}@${s.version}`, seats: s.seats, fingerprint: hashText(canonicalJson(sources[i]!.scenario)) })),
    repetitions: request.repetitions,
    rotate: request.rotate,
    selfPlay: request.selfPlay,
    seed: request.seed,
    settings: { protocol: request.protocol, rounds: request.rounds },
  });
  if (plan.runs.length > limits.tournamentRuns) throw new HttpError("PARLEY_HTTP_TOO_MANY_RUNS", [plan.runs.length, limits.tournamentRuns]);
  if (plan.runs.length === 0)
    throw httpError("PARLEY_HTTP_BAD_REQUEST", "the tournament has no runs: give more competitors than seats, or allow selfPlay");
  return { plan, sources, compiled, config };
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

function runOne(job: TournamentPlanned, run: RunSpec, reference: NegotiationReference | null): TournamentRunRecord {
  const compiled = job.compiled[run.scenario]!;
  const source = job.sources[run.scenario]!;
  const base = {
    index: run.index,
    scenario: source.id,
    version: source.version,
    seats: run.seats,
    competitors: run.competitors,
    repetition: run.repetition,
    seed: run.seed,
  };
  try {
    const factories = run.competitors.map((spec) => negotiatorFromSpec(spec));
    const result = runNegotiation(compiled, factories, {
      seats: run.seats,
      protocol: createProtocol(job.config.protocol, { rounds: job.config.rounds, seed: run.seed }),
      seed: run.seed,
      trace: "final",
    });
    const last = result.trace.at(-1);
    return {
      ...base,
      status: result.status,
      agreement: result.agreement,
      utilities: result.utilities,
      rounds: result.rounds,
      paretoDistance: reference ? nearestDistance(result.utilities, reference.frontier) : null,
      nashDistance: reference ? nearestDistance(result.utilities, reference.nash) : null,
      welfare: welfare(result.utilities),
      ...(result.errorSeat !== undefined ? { errorSeat: result.errorSeat } : {}),
      ...(result.status === "error" && last?.code ? { error: { code: last.code, message: last.message ?? "" } } : {}),
    };
  } catch (error) {
    const utilities = run.seats.map((id) => compiled.parties.find((p) => p.party.id === id)?.reservation ?? 0);
    return {
      ...base,
      status: "error",
      agreement: null,
      utilities,
      rounds: 0,
      paretoDistance: reference ? nearestDistance(utilities, reference.frontier) : null,
      nashDistance: reference ? nearestDistance(utilities, reference.nash) : null,
      welfare: welfare(utilities),
      error: { code: "RUN_FAILED", message: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** Run every run of the plan in order; the results and the leaderboard. */
export async function runTournamentJob(job: TournamentPlanned, options: TournamentRunOptions) {
  const { plan } = job;
  const total = plan.runs.length;
  const sliceMs = options.sliceMs ?? 20;
  const records: TournamentRunRecord[] = [];
  let sliceStart = performance.now();
  for (const run of plan.runs) {
    if (options.signal?.aborted) throw new HttpError("PARLEY_HTTP_JOB_INTERRUPTED");
    records.push(runOne(job, run, options.references[run.scenario] ?? null));
    await options.onRun?.(records.length, total);
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  const scores = scoreTournament(records.map((r) => ({ ...r, agreement: r.agreement !== null })));
  return { plan: plan.hash, scores, runs: records };
}

export type TournamentResults = Awaited<ReturnType<typeof runTournamentJob>>;
