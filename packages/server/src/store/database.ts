// The ONE database schema, for SQLite and PostgreSQL alike (kysely). Migrations: ./migrations.ts.
//
// Portable on purpose: text and integer columns only (timestamps are ISO-8601 text, JSON is text,
// booleans are 0/1; the one bigint is the audit heads' ms timestamp, read back with Number), text
// primary keys (no autoincrement), so the same queries run on both dialects.

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

/** A live room (docs/rooms.md): its spec and where its event log stands. The state is the fold of its events. */
export interface RoomTable {
  id: string;
  scenario_id: string;
  version: number;
  /** The RoomSpec as JSON (also in the room-created event). */
  spec: string;
  /** The core RoomStatus after the last event. */
  status: string;
  /** The seq of the last event (events are 1..last_seq, contiguous). */
  last_seq: number;
  created_at: string;
  updated_at: string;
}

/** One event of a room (core RoomEvent): the public part, and the private part with its salt, never shown to other roles. */
export interface RoomEventTable {
  room_id: string;
  seq: number;
  type: string;
  /** RoomActor as JSON. */
  actor: string;
  /** The public part as JSON. */
  public: string;
  /** `{ audience, body }` as JSON, or null. */
  private: string | null;
  /** Hex commitment to the private body (in the audit log), or null. */
  commitment: string | null;
  /** Hex salt of the commitment (kept server-side; a seat gets its own through …/openings), or null. */
  salt: string | null;
  at: string;
}

/** Invites and sessions, stored by the SHA-256 of the token (the token itself is never stored). */
export interface RoomTokenTable {
  token_hash: string;
  room_id: string;
  /** "convener" | "seat" | "mediator" | "observer". */
  role: string;
  /** The seat's party (role seat), else null. */
  party: string | null;
  /** "invite" (one-time, exchanged for a session) | "session". */
  kind: string;
  expires_at: string;
  /** When an invite was exchanged; null while unused (always null for sessions). */
  used_at: string | null;
  created_at: string;
}

/** The audit log of a room: entry `idx` (0-based; entry i is the event of seq i + 1) as RFC 8785 canonical JSON. */
export interface AuditEntryTable {
  room_id: string;
  idx: number;
  entry: string;
  leaf_hash: string;
}

/** The signed tree heads of a room's audit log. */
export interface AuditHeadTable {
  room_id: string;
  tree_size: number;
  root: string;
  /** ms since 1970, UTC. */
  timestamp: number;
  signature: string;
}

/** The server's Ed25519 signing key (created at first start; id "default"). Keys as hex. */
export interface ServerKeyTable {
  id: string;
  public_key: string;
  private_key: string;
  created_at: string;
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
  rooms: RoomTable;
  room_events: RoomEventTable;
  room_tokens: RoomTokenTable;
  audit_entries: AuditEntryTable;
  audit_heads: AuditHeadTable;
  server_keys: ServerKeyTable;
}
