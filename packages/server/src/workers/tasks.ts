// The heavy work of the server as plain-data tasks: what a worker thread runs (worker.ts), or the
// server's own thread when the pool has no threads. Every task takes serialisable input (a scenario
// version's model, parameters) and answers serialisable output, usually JSON text, so nothing is
// parsed or stringified twice across the thread boundary. Errors come back as data (TaskReply):
// structured cloning keeps an Error's message but not its class or code.
import {
  analysisReportJson,
  analyzeScenario,
  compileScenario,
  createRng,
  frameworkReport,
  isParleyError,
  negotiationReference,
  playTournamentRun,
  ProtocolViolation,
  replayRoom,
  roomSuggestions,
  type AnalysisOptions,
  type CompiledScenario,
  type NegotiationReference,
  type Preferences,
  type RoomEvent,
  type RunSpec,
  type Scenario,
  type SimulationReference,
  type TournamentRunOutcome,
  type TournamentSettings,
} from "@parley/core";
import { parsePartyPreferences, type ParseResult } from "@parley/formats";
import { outcomeScatter } from "../analysis/outcomes.js";
import type { ScenarioUpload } from "../api/contract.js";
import { HttpError, httpError, type ApiIssue } from "../errors.js";
import { planSimulationJob, runSimulationJob, type SimulationJobRequest } from "../jobs/simulation.js";
import { runTournamentRun, type TournamentJobRecord } from "../jobs/tournament.js";
import { loadUpload, type LoadedUpload } from "../scenario-upload.js";
import type { ScenarioSource } from "../store/store.js";

/** The normalised parameters of GET …/analysis (also what its cache key hashes). */
export interface AnalysisParams {
  readonly framework: string | null;
  readonly method: "auto" | "enumerate" | "merge" | "sample" | "solve";
  /** Seconds the solve path may take (the anytime frontier past it). */
  readonly timeLimit: number;
  readonly enumerationLimit: number;
  readonly maxFrontier: number;
  readonly samples: number | null;
  readonly seed: number | null;
}

export type WorkerTask =
  | { readonly kind: "upload"; readonly upload: ScenarioUpload }
  | { readonly kind: "analysis"; readonly source: ScenarioSource; readonly params: AnalysisParams }
  | { readonly kind: "frameworks"; readonly source: ScenarioSource; readonly framework: string | null }
  | { readonly kind: "outcomes"; readonly source: ScenarioSource; readonly parties: readonly string[] | null; readonly limit: number; readonly seed: number }
  | { readonly kind: "reference"; readonly source: ScenarioSource; readonly seats: readonly string[] }
  | {
      readonly kind: "simulation";
      readonly source: ScenarioSource;
      readonly request: SimulationJobRequest;
      readonly maxRounds: number;
      readonly reference: SimulationReference;
    }
  | {
      readonly kind: "tournament-runs";
      /** Per scenario of the plan (RunSpec.scenario indexes it). */
      readonly sources: readonly ScenarioSource[];
      readonly references: readonly (NegotiationReference | null)[];
      readonly settings: TournamentSettings;
      readonly runs: readonly RunSpec[];
    }
  | {
      /** One run of a tournament on the job queue (queue/queue-worker.ts); `key` names the scenario for the cache (plan hash and index). */
      readonly kind: "queued-run";
      readonly key: string;
      readonly scenario: Scenario;
      readonly settings: TournamentSettings;
      readonly run: RunSpec;
    }
  /** Start the thread (and load the core) before anything is timed. */
  | { readonly kind: "warm" }
  /** A room seat's submitted preferences, checked against the room's scenario text (the native format's rules). */
  | { readonly kind: "preferences"; readonly yaml: string; readonly party: string; readonly preferences: unknown }
  /** A room's engine suggestions for its human mediator: the room replayed from its events (private parts included), then core roomSuggestions. */
  | { readonly kind: "room-suggestions"; readonly source: ScenarioSource; readonly events: readonly RoomEvent[]; readonly enumerationLimit: number };

/** What went wrong in a task, as data: `kind` says which error class to rebuild on the other side. */
export interface TaskFailure {
  readonly kind: "parley" | "http" | "protocol" | "other";
  readonly code: string;
  readonly message: string;
  /** An HttpError's issues (an upload's file problems). */
  readonly issues?: readonly ApiIssue[];
}

export type TaskReply<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TaskFailure };

/** What each task kind answers. */
export interface TaskValues {
  upload: LoadedUpload;
  analysis: string;
  frameworks: string;
  outcomes: string;
  reference: string;
  simulation: string;
  "tournament-runs": TournamentJobRecord[];
  "queued-run": QueuedRunOutcome;
  warm: number;
  preferences: ParseResult<Preferences>;
  "room-suggestions": string;
}

/** A queued run's outcome and its wall time in the thread (compiling the scenario, the first time, included). */
export interface QueuedRunOutcome extends TournamentRunOutcome {
  readonly wallMs: number;
}

/** Only what a task needs of a stored version (less to copy to the worker). */
export const sourceOf = (v: ScenarioSource): ScenarioSource => ({ id: v.id, version: v.version, scenario: v.scenario });

// Scenario versions never change, so a worker keeps the compiled form of the last few it met
// (compiling and building utility indices is most of a short run's cost).
// A queued tournament has many scenarios (one per ANAC domain), played in plan order: the cache
// for them holds more.
const compiledCache = new Map<string, CompiledScenario>();
const queuedCache = new Map<string, CompiledScenario>();
function cachedCompile(cache: Map<string, CompiledScenario>, size: number, key: string, scenario: Scenario): CompiledScenario {
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileScenario(scenario);
    cache.set(key, compiled);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
  }
  return compiled;
}
const compiledOf = (source: ScenarioSource): CompiledScenario => cachedCompile(compiledCache, 16, `${source.id}\u0000${source.version}`, source.scenario);

function analysisOptions(params: AnalysisParams & { readonly method: Exclude<AnalysisParams["method"], "solve"> }): AnalysisOptions {
  return {
    method: params.method,
    enumerationLimit: params.enumerationLimit,
    maxFrontier: params.maxFrontier,
    ...(params.samples !== null ? { sampleSize: params.samples } : {}),
    ...(params.seed !== null ? { rng: createRng(params.seed) } : {}),
    ...(params.framework !== null ? { framework: params.framework } : {}),
  };
}

/**
 * The analyze --json object. A space the core cannot analyse (non-linear, too large to enumerate)
 * goes to the solver under `auto`, as in the CLI; @parley/solve loads only then.
 */
async function analysis(source: ScenarioSource, params: AnalysisParams): Promise<string> {
  const solve = async () => {
    const { analyzeBySolver } = await import("@parley/solve");
    const report = await analyzeBySolver(compiledOf(source), {
      timeLimit: params.timeLimit,
      ...(params.framework !== null ? { framework: params.framework } : {}),
    });
    return JSON.stringify({ ...analysisReportJson(report), solver: report.solver });
  };
  if (params.method === "solve") return solve();
  try {
    return JSON.stringify(analysisReportJson(analyzeScenario(source.scenario, analysisOptions({ ...params, method: params.method }))));
  } catch (error) {
    if (params.method === "auto" && isParleyError(error) && error.code === "PARLEY_ERR_SPACE_TOO_LARGE") return solve();
    throw error;
  }
}

/** Seconds the solver may take for a simulation's reference frontier (as in the CLI's simulate). */
const REFERENCE_TIME_LIMIT = 20;

/** The seats' frontier and Nash points; two seats on a space the core cannot analyse take the solver's. */
async function referenceOf(compiled: CompiledScenario, seats: readonly string[]): Promise<NegotiationReference> {
  try {
    return negotiationReference(compiled, seats);
  } catch (error) {
    if (!(seats.length === 2 && isParleyError(error) && error.code === "PARLEY_ERR_SPACE_TOO_LARGE")) throw error;
    const { solverReference } = await import("@parley/solve");
    return solverReference(compiled, seats, { timeLimit: REFERENCE_TIME_LIMIT });
  }
}

async function compute(task: WorkerTask): Promise<unknown> {
  switch (task.kind) {
    case "upload":
      return loadUpload(task.upload);
    case "analysis":
      return analysis(task.source, task.params);
    case "frameworks":
      return JSON.stringify(frameworkReport(task.source.scenario, task.framework !== null ? { framework: task.framework } : {}));
    case "outcomes": {
      const compiled = compiledOf(task.source);
      const parties = task.parties ?? compiled.parties.map((p) => p.party.id);
      if (parties.length === 0) throw httpError("PARLEY_HTTP_BAD_REQUEST", "parties: name at least one party with preferences (this scenario has none)");
      return JSON.stringify(outcomeScatter(compiled, parties, task.limit, task.seed));
    }
    case "reference":
      return JSON.stringify(await referenceOf(compiledOf(task.source), task.seats));
    case "simulation": {
      const plan = planSimulationJob(task.source, task.request, task.maxRounds, compiledOf(task.source));
      return JSON.stringify(runSimulationJob(task.source, plan, task.reference));
    }
    case "tournament-runs":
      return task.runs.map((run) =>
        runTournamentRun(task.sources[run.scenario]!, compiledOf(task.sources[run.scenario]!), task.settings, run, task.references[run.scenario] ?? null),
      );
    case "queued-run": {
      const t0 = performance.now();
      const outcome = playTournamentRun(cachedCompile(queuedCache, 64, task.key, task.scenario), task.run, task.settings);
      return { ...outcome, wallMs: performance.now() - t0 } satisfies QueuedRunOutcome;
    }
    case "warm":
      return 0;
    case "preferences":
      return parsePartyPreferences(task.yaml, task.party, task.preferences);
    case "room-suggestions":
      return JSON.stringify(roomSuggestions(replayRoom(compiledOf(task.source), task.events), { enumerationLimit: task.enumerationLimit }));
  }
}

/** The error as data (see TaskFailure). */
export function taskFailure(error: unknown): TaskFailure {
  if (isParleyError(error)) return { kind: "parley", code: error.code, message: error.message };
  if (error instanceof HttpError) return { kind: "http", code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
  if (error instanceof ProtocolViolation) return { kind: "protocol", code: "PARLEY_HTTP_BAD_REQUEST", message: error.message };
  return { kind: "other", code: "", message: error instanceof Error ? error.message : String(error) };
}

/** Run one task; never throws (a failure is a reply too). */
export async function runTask(task: WorkerTask): Promise<TaskReply> {
  try {
    return { ok: true, value: await compute(task) };
  } catch (error) {
    return { ok: false, error: taskFailure(error) };
  }
}
