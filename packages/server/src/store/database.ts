// The ONE database schema, for SQLite and PostgreSQL alike (kysely). Migrations: ./migrations.ts.
//
// Portable on purpose: text and integer columns only (timestamps are ISO-8601 text, JSON is text,
// booleans are 0/1), text primary keys (no autoincrement), so the same queries run on both dialects.

/** A scenario: the stable identity behind its versions. Soft-deleted (deleted_at), so ids are never reused. */
export interface ScenarioTable {
  id: string;
  /** The name of the current version. */
  name: string;
  /** The current (latest) version, 1-based. */
  version: number;
  /** 1 for the scenarios loaded at start (the built-in one and the examples). */
  builtin: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One version of a scenario: every update is a new row; rows never change. */
export interface ScenarioVersionTable {
  scenario_id: string;
  version: number;
  name: string;
  /** How it was uploaded: "yaml", "json" or "genius". */
  format: string;
  /** The native YAML text: as uploaded for "yaml", written by stringifyScenario otherwise. */
  yaml: string;
  /** The core model (Scenario) as JSON. */
  model: string;
  /** JSON array of party ids, for the list. */
  parties: string;
  issue_count: number;
  framework_count: number;
  created_at: string;
}

/** Cached analysis results: (scenario, version, kind, params hash) → JSON. Versions are immutable, so entries never go stale. */
export interface AnalysisTable {
  scenario_id: string;
  version: number;
  /** "analysis", "frameworks", "reference", … */
  kind: string;
  params_hash: string;
  /** The normalised parameters as JSON (what the hash is of). */
  params: string;
  result: string;
  created_at: string;
}

/** A simulation job and its result (with the full trace). */
export interface SimulationTable {
  id: string;
  scenario_id: string;
  version: number;
  /** "queued" | "running" | "done" | "failed" | "cancelled" | "interrupted". */
  status: string;
  /** The request as JSON. */
  request: string;
  result: string | null;
  /** `{ code, message }` as JSON when status is "failed". */
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** A tournament job: config, progress, results. */
export interface TournamentTable {
  id: string;
  status: string;
  config: string;
  done: number;
  total: number;
  results: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** One finished run of a tournament (stored as it finishes, so an interrupted tournament resumes). */
export interface TournamentRunTable {
  tournament_id: string;
  /** The run's index in the plan. */
  idx: number;
  /** The run's record as JSON. */
  record: string;
}

/** A tournament on the PostgreSQL job queue (pg-boss), keyed by its plan hash. */
export interface QueuedTournamentTable {
  plan: string;
  /** What enqueued it: the config file, or the server's tournament id. */
  label: string;
  /** Runs in the plan. */
  total: number;
  /** Everything a worker needs to play any run (QueuedTournament) as JSON. */
  definition: string;
  created_at: string;
}

/** One finished run of a queued tournament: written in the transaction that completes its job, so exactly once. */
export interface QueuedRunTable {
  plan: string;
  idx: number;
  /** How the run ended (RunStatus: "agreement", "timeout", "ended", "rejected" or "error"). */
  status: string;
  /** The error code of a run that ended in error (RUN_FAILED: it failed every attempt). */
  error_code: string | null;
  /** The run's record as JSON. */
  record: string;
  /** Which worker recorded it (host and process id). */
  worker: string;
  /** 1 for the first attempt, more after retries. */
  attempt: number;
  finished_at: string;
}

export interface Database {
  scenarios: ScenarioTable;
  scenario_versions: ScenarioVersionTable;
  analyses: AnalysisTable;
  simulations: SimulationTable;
  tournaments: TournamentTable;
  tournament_runs: TournamentRunTable;
  queued_tournaments: QueuedTournamentTable;
  queued_runs: QueuedRunTable;
}
