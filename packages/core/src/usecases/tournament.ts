// Use case: check and plan a tournament, play one of its runs, and record it. The CLI (worker
// threads, a resume journal) and the server (jobs) both call this, so a run gives the same record
// — the same status, metrics and error codes — wherever it is played.
import { isParleyError, ParleyError, type ParleyErrorCode } from "../errors.js";
import { nearestDistance, welfare, type NegotiationReference } from "../negotiation/metrics.js";
import { createProtocol, protocolRegistry } from "../negotiation/protocols/registry.js";
import { runNegotiation, type AgentErrorCode } from "../negotiation/run-negotiation.js";
import { negotiatorFromSpec } from "../negotiation/strategies/agent-spec.js";
import type { RunStatus } from "../negotiation/types.js";
import type { Value } from "../model/issue.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import { didYouMean } from "../text/suggest.js";
import { canonicalJson, hashText } from "../tournament/plan-hash.js";
import { planTournament, type RunSpec, type TournamentPlan } from "../tournament/plan.js";
import { scoreTournament, type TournamentScores } from "../tournament/score.js";
import { resolveSeats } from "./simulation.js";

/** The protocols a tournament can use (bilateral or multilateral alternating offers). */
export const tournamentProtocols = ["sao", "stacked"] as const;
export type TournamentProtocol = (typeof tournamentProtocols)[number];

/**
 * Why a run ended in error. `AGENT_*` come from the runner (an agent threw, answered garbage, or
 * exceeded its time budget); `RUN_TIMEOUT` and `RUN_FAILED` from whoever plays the run (past the
 * tournament's time limit; any other failure, e.g. a worker that died). Each is in docs/errors.md.
 */
export type RunErrorCode = AgentErrorCode | "RUN_TIMEOUT" | "RUN_FAILED";
export const runErrorCodes = ["AGENT_THREW", "AGENT_INVALID", "AGENT_TIMEOUT", "RUN_TIMEOUT", "RUN_FAILED"] as const satisfies readonly RunErrorCode[];

export interface TournamentScenarioEntry {
  /** How results name it (a path, or `id@version`). */
  readonly id: string;
  readonly compiled: CompiledScenario;
  /** Party ids in seat order; default as in `resolveSeats`. */
  readonly seats?: readonly string[] | undefined;
}

export interface TournamentRequest {
  readonly competitors: readonly string[];
  readonly scenarios: readonly TournamentScenarioEntry[];
  readonly protocol: TournamentProtocol;
  readonly rounds: number;
  readonly repetitions: number;
  readonly rotate: boolean;
  readonly selfPlay: boolean;
  readonly seed: number;
}

export interface TournamentLimits {
  readonly maxRounds?: number;
  /** The most runs a plan may have. */
  readonly maxRuns?: number;
}

/** One problem of a tournament request, at a path of the request (`["scenarios", 2, "seats"]`). */
export interface TournamentProblem {
  readonly code: ParleyErrorCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type TournamentCheck =
  | {
      readonly ok: true;
      readonly plan: TournamentPlan;
      /** Per scenario of the request: its seats. */
      readonly seats: readonly (readonly string[])[];
    }
  | { readonly ok: false; readonly problems: readonly TournamentProblem[] };

/**
 * Check a tournament request (every problem, each at its path) and plan it. The plan hash covers
 * the competitors, each scenario's id, seats and content, the protocol, rounds and seed.
 */
export function checkTournament(request: TournamentRequest, limits: TournamentLimits = {}): TournamentCheck {
  const problems: TournamentProblem[] = [];
  const problem = (code: ParleyErrorCode, path: readonly (string | number)[], message: string) => problems.push({ code, path, message });
  if (!(tournamentProtocols as readonly string[]).includes(request.protocol))
    problem(
      "PARLEY_ERR_UNKNOWN_PROTOCOL",
      ["protocol"],
      `a tournament's protocol is ${tournamentProtocols.join(" or ")}, not "${request.protocol}".${didYouMean(request.protocol, tournamentProtocols)}`,
    );
  if (!Number.isSafeInteger(request.rounds) || request.rounds <= 0) problem("PARLEY_ERR_BAD_ARGUMENT", ["rounds"], "rounds must be a positive whole number");
  else if (limits.maxRounds !== undefined && request.rounds > limits.maxRounds)
    problem("PARLEY_ERR_LIMIT", ["rounds"], `rounds ${request.rounds} is more than the limit of ${limits.maxRounds}`);
  if (request.competitors.length === 0) problem("PARLEY_ERR_BAD_ARGUMENT", ["competitors"], "give at least one competitor");
  request.competitors.forEach((spec, i) => {
    try {
      negotiatorFromSpec(spec);
    } catch (error) {
      if (!isParleyError(error)) throw error;
      problem(error.code, ["competitors", i], error.message);
    }
    if (request.competitors.indexOf(spec) !== i)
      problem("PARLEY_ERR_BAD_ARGUMENT", ["competitors", i], `"${spec}" is listed twice; list each competitor once (selfPlay seats one competitor in several seats)`);
  });
  const entry = protocolRegistry[request.protocol] ?? protocolRegistry.stacked;
  const seats = request.scenarios.map((s, i) => {
    let resolved: string[];
    try {
      resolved = resolveSeats(s.compiled, s.seats);
    } catch (error) {
      if (!isParleyError(error)) throw error;
      problem(error.code, s.seats ? ["scenarios", i, "seats"] : ["scenarios", i], error.message);
      return [];
    }
    if (resolved.length < Math.max(2, entry.minSeats) || resolved.length > entry.maxSeats)
      problem(
        "PARLEY_ERR_BAD_ARGUMENT",
        ["scenarios", i],
        `${s.id} has ${resolved.length} seat${resolved.length === 1 ? "" : "s"} (${resolved.join(", ")}), but the ${request.protocol} protocol needs ` +
          (request.protocol === "sao" ? "exactly 2: use the stacked protocol, or list two seats" : "at least 2"),
      );
    return resolved;
  });
  if (request.scenarios.length === 0) problem("PARLEY_ERR_BAD_ARGUMENT", ["scenarios"], "give at least one scenario");
  if (problems.length > 0) return { ok: false, problems };

  // Estimate before planning, so that a huge request does not build a huge plan.
  const c = request.competitors.length;
  const estimate = seats.reduce((n, s) => n + Math.pow(c, s.length) * request.repetitions, 0);
  if (limits.maxRuns !== undefined && estimate > limits.maxRuns * 1000)
    return { ok: false, problems: [{ code: "PARLEY_ERR_LIMIT", path: [], message: `the tournament would have about ${estimate.toExponential(2)} runs, more than the limit of ${limits.maxRuns}` }] };
  const plan = planTournament({
    competitors: request.competitors,
    scenarios: request.scenarios.map((s, i) => ({ id: s.id, seats: seats[i]!, fingerprint: hashText(canonicalJson(s.compiled.scenario)) })),
    repetitions: request.repetitions,
    rotate: request.rotate,
    selfPlay: request.selfPlay,
    seed: request.seed,
    settings: { protocol: request.protocol, rounds: request.rounds },
  });
  if (limits.maxRuns !== undefined && plan.runs.length > limits.maxRuns)
    return { ok: false, problems: [{ code: "PARLEY_ERR_LIMIT", path: [], message: `the tournament has ${plan.runs.length} runs, more than the limit of ${limits.maxRuns}` }] };
  if (plan.runs.length === 0)
    return {
      ok: false,
      problems: [
        {
          code: "PARLEY_ERR_BAD_ARGUMENT",
          path: ["competitors"],
          message: `no runs to play: ${c} competitor${c === 1 ? "" : "s"} cannot fill the seats without selfPlay; give more competitors or allow selfPlay`,
        },
      ],
    };
  return { ok: true, plan, seats };
}

/** The plan of a request, or a ParleyError carrying the first problem (and how many more). */
export function planTournamentOrThrow(request: TournamentRequest, limits: TournamentLimits = {}): TournamentPlan {
  const checked = checkTournament(request, limits);
  if (checked.ok) return checked.plan;
  const [first, ...rest] = checked.problems;
  const where = first!.path.length ? `${first!.path.join(".")}: ` : "";
  throw new ParleyError(first!.code, `${where}${first!.message}${rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})` : ""}`);
}

/** How one run of a tournament ended (before it is measured against the scenario's reference). */
export interface TournamentRunOutcome {
  readonly index: number;
  readonly status: RunStatus;
  readonly agreement: Readonly<Record<string, Value>> | null;
  readonly utilities: readonly number[];
  readonly rounds: number;
  readonly errorSeat?: number;
  readonly error?: { readonly code: RunErrorCode | string; readonly message: string };
}

export interface TournamentSettings {
  readonly protocol: TournamentProtocol;
  readonly rounds: number;
}

/** A run that did not play out (stopped, or its player failed): the seats keep their reservation values. */
export function failedRun(compiled: CompiledScenario, run: RunSpec, code: RunErrorCode, message: string): TournamentRunOutcome {
  return {
    index: run.index,
    status: "error",
    agreement: null,
    utilities: run.seats.map((id) => compiled.parties.find((p) => p.party.id === id)?.reservation ?? 0),
    rounds: 0,
    error: { code, message },
  };
}

/** Play one planned run. Agent faults end it with status "error" and their code; it never throws. */
export function playTournamentRun(compiled: CompiledScenario, run: RunSpec, settings: TournamentSettings): TournamentRunOutcome {
  try {
    const factories = run.competitors.map((spec) => negotiatorFromSpec(spec));
    const result = runNegotiation(compiled, factories, {
      seats: run.seats,
      protocol: createProtocol(settings.protocol, { rounds: settings.rounds, seed: run.seed }),
      seed: run.seed,
      trace: "final",
    });
    const last = result.trace.at(-1);
    return {
      index: run.index,
      status: result.status,
      agreement: result.agreement,
      utilities: result.utilities,
      rounds: result.rounds,
      ...(result.errorSeat !== undefined ? { errorSeat: result.errorSeat } : {}),
      ...(result.status === "error" && last?.code ? { error: { code: last.code, message: last.message ?? "" } } : {}),
    };
  } catch (error) {
    return failedRun(compiled, run, "RUN_FAILED", error instanceof Error ? error.message : String(error));
  }
}

/** One finished run, measured: what a tournament's results list (the CLI and the server add a few fields). */
export interface TournamentRunRecord extends TournamentRunOutcome {
  readonly scenario: string;
  readonly seats: readonly string[];
  readonly competitors: readonly string[];
  readonly repetition: number;
  readonly seed: number;
  readonly paretoDistance: number | null;
  readonly nashDistance: number | null;
  readonly welfare: number;
}

/** A run's record: its outcome, where it was played, and its distances to the reference (null without one). */
export function tournamentRunRecord(run: RunSpec, outcome: TournamentRunOutcome, reference: NegotiationReference | null): TournamentRunRecord {
  return {
    index: run.index,
    scenario: run.scenarioId,
    seats: run.seats,
    competitors: run.competitors,
    repetition: run.repetition,
    seed: run.seed,
    status: outcome.status,
    agreement: outcome.agreement,
    utilities: outcome.utilities,
    rounds: outcome.rounds,
    paretoDistance: reference ? nearestDistance(outcome.utilities, reference.frontier) : null,
    nashDistance: reference ? nearestDistance(outcome.utilities, reference.nash) : null,
    welfare: welfare(outcome.utilities),
    ...(outcome.errorSeat !== undefined ? { errorSeat: outcome.errorSeat } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
  };
}

/** The leaderboard of a tournament's records. */
export function scoreRecords(records: readonly TournamentRunRecord[]): TournamentScores {
  return scoreTournament(
    records.map((r) => ({
      index: r.index,
      competitors: r.competitors,
      utilities: r.utilities,
      agreement: r.agreement !== null,
      status: r.status,
      paretoDistance: r.paretoDistance,
      nashDistance: r.nashDistance,
      ...(r.errorSeat !== undefined ? { errorSeat: r.errorSeat } : {}),
    })),
  );
}
