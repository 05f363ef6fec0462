// The store: every read and write of the server's data, over one kysely schema (SQLite or PostgreSQL).
import type { Scenario } from "@parley/core";
import type { Kysely, Selectable } from "kysely";
import { connect, migrateToLatest, type Connection, type Dialect } from "./connect.js";
import type { Database, ScenarioVersionTable, SimulationTable, TournamentTable } from "./database.js";

export type ScenarioFormat = "yaml" | "json" | "genius";
export type JobStatus = "queued" | "running" | "done" | "failed" | "cancelled" | "interrupted";
/** The statuses a job ends in (it may be re-run from any of them but done). */
export type EndStatus = "failed" | "cancelled" | "interrupted";
export const activeStatuses = ["queued", "running"] as const;

/** A page of a job list: newest first. */
export interface JobPage<T> {
  readonly items: T[];
  /** Jobs matching the filter, on every page. */
  readonly total: number;
}

export interface JobListQuery {
  readonly status?: JobStatus | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** A simulation in a list: without its result (the trace is large). */
export type SimulationSummary = Omit<SimulationRecord, "result">;
/** A tournament in a list: without its results. */
export type TournamentSummary = Omit<TournamentRecord, "results">;

/** What a failed job records. */
export interface JobError {
  readonly code: string;
  readonly message: string;
}

export interface ScenarioSummary {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly parties: string[];
  readonly issues: number;
  readonly frameworks: number;
  readonly builtin: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ScenarioVersionInfo {
  readonly version: number;
  readonly name: string;
  readonly format: ScenarioFormat;
  readonly createdAt: string;
}

/** A scenario version, as much of it as a computation needs (what is sent to a worker thread). */
export interface ScenarioSource {
  readonly id: string;
  readonly version: number;
  readonly scenario: Scenario;
}

export interface ScenarioVersion extends ScenarioVersionInfo, ScenarioSource {
  readonly yaml: string;
}

/** A scenario to store as a new version. */
export interface NewScenarioVersion {
  readonly scenario: Scenario;
  /** The native YAML text (as uploaded for YAML, else written from the model). */
  readonly yaml: string;
  readonly format: ScenarioFormat;
}

/** Identifies one cached analysis result. */
export interface CacheKey {
  readonly scenarioId: string;
  readonly version: number;
  readonly kind: string;
  readonly paramsHash: string;
}

export interface SimulationRecord {
  readonly id: string;
  readonly scenarioId: string;
  readonly version: number;
  readonly status: JobStatus;
  readonly request: unknown;
  readonly result: unknown;
  readonly error: JobError | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface TournamentRecord {
  readonly id: string;
  readonly status: JobStatus;
  readonly config: unknown;
  readonly progress: { readonly done: number; readonly total: number };
  readonly results: unknown;
  readonly error: JobError | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface StoreOptions {
  /** The clock for timestamps, in ms since the epoch (default Date.now). */
  readonly now?: () => number;
}

/** A scenario id safe in URLs: lower-case letters, digits, `.`, `_` and `-`, at most 64 characters. */
export function scenarioSlug(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 64)
    .replace(/[-.]+$/g, "");
  return slug === "" ? "scenario" : slug;
}

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _, ...rest } = value;
  return rest;
}

export class Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly location: string;
  private readonly clock: () => number;
  private closed = false;

  constructor(connection: Connection, options: StoreOptions = {}) {
    this.db = connection.db;
    this.dialect = connection.dialect;
    this.location = connection.location;
    this.clock = options.now ?? Date.now;
  }

  /** Open (SQLite file, `:memory:` or a postgres:// URL) and bring the schema up to date. */
  static async open(location: string, options: StoreOptions = {}): Promise<Store> {
    const connection = connect(location);
    try {
      await migrateToLatest(connection.db, connection.dialect);
    } catch (error) {
      await connection.db.destroy();
      throw error;
    }
    return new Store(connection, options);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.destroy();
  }

  private stamp(): string {
    return new Date(this.clock()).toISOString();
  }

  // ── scenarios ────────────────────────────────────────────────────────────

  async listScenarios(): Promise<ScenarioSummary[]> {
    const rows = await this.db
      .selectFrom("scenarios as s")
      .innerJoin("scenario_versions as v", (j) => j.onRef("v.scenario_id", "=", "s.id").onRef("v.version", "=", "s.version"))
      .select(["s.id", "s.name", "s.version", "s.builtin", "s.created_at", "s.updated_at", "v.parties", "v.issue_count", "v.framework_count"])
      .where("s.deleted_at", "is", null)
      .orderBy("s.name")
      .orderBy("s.id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      version: Number(r.version),
      parties: JSON.parse(r.parties) as string[],
      issues: Number(r.issue_count),
      frameworks: Number(r.framework_count),
      builtin: Number(r.builtin) === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /** The current version number of a scenario that is not deleted, or undefined. */
  async currentVersion(id: string): Promise<number | undefined> {
    const row = await this.db.selectFrom("scenarios").select("version").where("id", "=", id).where("deleted_at", "is", null).executeTakeFirst();
    return row ? Number(row.version) : undefined;
  }

  /** A version of a scenario that is not deleted (the current one by default), or undefined. */
  async getVersion(id: string, version?: number): Promise<ScenarioVersion | undefined> {
    const current = await this.currentVersion(id);
    if (current === undefined) return undefined;
    const row = await this.db
      .selectFrom("scenario_versions")
      .selectAll()
      .where("scenario_id", "=", id)
      .where("version", "=", version ?? current)
      .executeTakeFirst();
    return row ? versionFromRow(row) : undefined;
  }

  /** One version of a scenario, deleted or not (callers check the scenario first), or undefined. */
  async readVersion(id: string, version: number): Promise<ScenarioVersion | undefined> {
    const row = await this.db.selectFrom("scenario_versions").selectAll().where("scenario_id", "=", id).where("version", "=", version).executeTakeFirst();
    return row ? versionFromRow(row) : undefined;
  }

  /** Every version of a scenario that is not deleted, oldest first; undefined when there is no such scenario. */
  async listVersions(id: string): Promise<ScenarioVersionInfo[] | undefined> {
    if ((await this.currentVersion(id)) === undefined) return undefined;
    const rows = await this.db
      .selectFrom("scenario_versions")
      .select(["version", "name", "format", "created_at"])
      .where("scenario_id", "=", id)
      .orderBy("version")
      .execute();
    return rows.map((r) => ({ version: Number(r.version), name: r.name, format: r.format as ScenarioFormat, createdAt: r.created_at }));
  }

  /** Whether an id was ever used (deleted scenarios keep theirs, so a link never changes meaning). */
  async idTaken(id: string): Promise<boolean> {
    return (await this.db.selectFrom("scenarios").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
  }

  /**
   * Store a new scenario as version 1, under `preferredId` made URL-safe, or with `-2`, `-3`, …
   * appended when that id is taken (also by a deleted scenario).
   */
  async createScenario(preferredId: string, input: NewScenarioVersion, options: { builtin?: boolean } = {}): Promise<{ id: string; version: number }> {
    const base = scenarioSlug(preferredId);
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base.slice(0, 60)}-${n}`;
      if (await this.idTaken(id)) continue;
      // Taken meanwhile by another process: try the next id.
      if (await this.insertScenario(id, input, options.builtin ?? false)) return { id, version: 1 };
    }
  }

  /** Store a new scenario under exactly `id` (already URL-safe) unless the id was ever used. True when stored. */
  async createScenarioIfAbsent(id: string, input: NewScenarioVersion, options: { builtin?: boolean } = {}): Promise<boolean> {
    if (await this.idTaken(id)) return false;
    return this.insertScenario(id, input, options.builtin ?? false);
  }

  private async insertScenario(id: string, input: NewScenarioVersion, builtin: boolean): Promise<boolean> {
    const now = this.stamp();
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto("scenarios")
        .values({ id, name: input.scenario.name, version: 1, builtin: builtin ? 1 : 0, created_at: now, updated_at: now, deleted_at: null })
        .onConflict((oc) => oc.column("id").doNothing())
        .returning("id")
        .execute();
      if (rows.length === 0) return false;
      await trx.insertInto("scenario_versions").values(versionRow(id, 1, input, now)).execute();
      return true;
    });
  }

  /** Store a new version of a scenario that is not deleted; undefined when there is none. */
  async addVersion(id: string, input: NewScenarioVersion): Promise<{ id: string; version: number } | undefined> {
    const now = this.stamp();
    return this.db.transaction().execute(async (trx) => {
      // The update takes the row lock (PostgreSQL) before the new version number is read.
      const updated = await trx
        .updateTable("scenarios")
        .set((eb) => ({ version: eb("version", "+", 1), name: input.scenario.name, updated_at: now }))
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .returning("version")
        .executeTakeFirst();
      if (!updated) return undefined;
      const version = Number(updated.version);
      await trx.insertInto("scenario_versions").values(versionRow(id, version, input, now)).execute();
      return { id, version };
    });
  }

  /** Soft-delete: the scenario disappears from the API, its id stays taken. False when there is none. */
  async deleteScenario(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable("scenarios")
      .set({ deleted_at: this.stamp() })
      .where("id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  // ── analysis cache ───────────────────────────────────────────────────────

  async getCached(key: CacheKey): Promise<string | undefined> {
    const row = await this.db
      .selectFrom("analyses")
      .select("result")
      .where("scenario_id", "=", key.scenarioId)
      .where("version", "=", key.version)
      .where("kind", "=", key.kind)
      .where("params_hash", "=", key.paramsHash)
      .executeTakeFirst();
    return row?.result;
  }

  /** Keep a result; a concurrent insert of the same key wins (both are equal). */
  async putCached(key: CacheKey, params: string, result: string): Promise<void> {
    await this.db
      .insertInto("analyses")
      .values({ scenario_id: key.scenarioId, version: key.version, kind: key.kind, params_hash: key.paramsHash, params, result, created_at: this.stamp() })
      .onConflict((oc) => oc.columns(["scenario_id", "version", "kind", "params_hash"]).doNothing())
      .execute();
  }

  /** How many results are cached (for one scenario and/or kind). */
  async countCached(filter: { scenarioId?: string; kind?: string } = {}): Promise<number> {
    let q = this.db.selectFrom("analyses").select((eb) => eb.fn.countAll().as("n"));
    if (filter.scenarioId !== undefined) q = q.where("scenario_id", "=", filter.scenarioId);
    if (filter.kind !== undefined) q = q.where("kind", "=", filter.kind);
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n); // a string on PostgreSQL
  }

  // ── simulations ──────────────────────────────────────────────────────────

  async insertSimulation(sim: { id: string; scenarioId: string; version: number; request: unknown }): Promise<void> {
    await this.db
      .insertInto("simulations")
      .values({
        id: sim.id,
        scenario_id: sim.scenarioId,
        version: sim.version,
        status: "queued",
        request: JSON.stringify(sim.request),
        result: null,
        error: null,
        created_at: this.stamp(),
        started_at: null,
        finished_at: null,
      })
      .execute();
  }

  async startSimulation(id: string): Promise<void> {
    await this.db.updateTable("simulations").set({ status: "running", started_at: this.stamp() }).where("id", "=", id).execute();
  }

  /** The job is done: its result, as JSON text. */
  async finishSimulation(id: string, resultJson: string): Promise<void> {
    await this.db
      .updateTable("simulations")
      .set({ status: "done", result: resultJson, finished_at: this.stamp() })
      .where("id", "=", id)
      .execute();
  }

  /** End a job that did not finish: failed, cancelled or interrupted, with why. */
  async failSimulation(id: string, error: JobError, status: EndStatus = "failed"): Promise<void> {
    await this.db
      .updateTable("simulations")
      .set({ status, error: JSON.stringify(error), finished_at: this.stamp() })
      .where("id", "=", id)
      .execute();
  }

  /** Queue a job that ended without finishing again (status failed, cancelled or interrupted). False otherwise. */
  async requeueSimulation(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable("simulations")
      .set({ status: "queued", result: null, error: null, started_at: null, finished_at: null })
      .where("id", "=", id)
      .where("status", "in", ["failed", "cancelled", "interrupted"])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async listSimulations(query: JobListQuery): Promise<JobPage<SimulationSummary>> {
    const columns = ["id", "scenario_id", "version", "status", "request", "error", "created_at", "started_at", "finished_at"] as const;
    const { rows, total } = await this.jobPage<Omit<Selectable<SimulationTable>, "result">>("simulations", columns, query);
    return { items: rows.map((row) => withoutKey(simulationFromRow({ ...row, result: null }), "result")), total };
  }

  /** A page of a job table, newest first, and how many rows match. */
  private async jobPage<Row>(table: "simulations" | "tournaments", columns: readonly string[], query: JobListQuery): Promise<{ rows: Row[]; total: number }> {
    // Both tables share the columns used here; kysely cannot type a query over either.
    const db = this.db as unknown as Kysely<{ jobs: { id: string; status: string; created_at: string } }>;
    let q = db.selectFrom(table as unknown as "jobs");
    if (query.status !== undefined) q = q.where("status", "=", query.status);
    const rows = await q
      .select(columns as unknown as "id"[])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    const count = await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    return { rows: rows as unknown as Row[], total: Number(count.n) };
  }

  async getSimulation(id: string): Promise<SimulationRecord | undefined> {
    const row = await this.db.selectFrom("simulations").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? simulationFromRow(row) : undefined;
  }

  // ── tournaments ──────────────────────────────────────────────────────────

  async insertTournament(t: { id: string; config: unknown; total: number }): Promise<void> {
    await this.db
      .insertInto("tournaments")
      .values({
        id: t.id,
        status: "queued",
        config: JSON.stringify(t.config),
        done: 0,
        total: t.total,
        results: null,
        error: null,
        created_at: this.stamp(),
        started_at: null,
        finished_at: null,
      })
      .execute();
  }

  async startTournament(id: string): Promise<void> {
    await this.db.updateTable("tournaments").set({ status: "running", started_at: this.stamp() }).where("id", "=", id).execute();
  }

  async finishTournament(id: string, done: number, results: unknown): Promise<void> {
    await this.db
      .updateTable("tournaments")
      .set({ status: "done", done, results: JSON.stringify(results), finished_at: this.stamp() })
      .where("id", "=", id)
      .execute();
  }

  async failTournament(id: string, error: JobError, status: EndStatus = "failed"): Promise<void> {
    await this.db
      .updateTable("tournaments")
      .set({ status, error: JSON.stringify(error), finished_at: this.stamp() })
      .where("id", "=", id)
      .execute();
  }

  /** Store finished runs of a tournament (a run stored before is kept) and its progress. */
  async addTournamentRuns(id: string, runs: readonly { readonly index: number }[], done: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (runs.length > 0)
        await trx
          .insertInto("tournament_runs")
          .values(runs.map((r) => ({ tournament_id: id, idx: r.index, record: JSON.stringify(r) })))
          .onConflict((oc) => oc.columns(["tournament_id", "idx"]).doNothing())
          .execute();
      await trx.updateTable("tournaments").set({ done }).where("id", "=", id).execute();
    });
  }

  /** The stored runs of a tournament, in plan order. */
  async tournamentRuns(id: string): Promise<unknown[]> {
    const rows = await this.db.selectFrom("tournament_runs").select("record").where("tournament_id", "=", id).orderBy("idx").execute();
    return rows.map((r) => JSON.parse(r.record) as unknown);
  }

  /**
   * Queue a tournament that ended without finishing again (failed, cancelled or interrupted); its
   * stored runs stay, so it resumes. False otherwise.
   */
  async requeueTournament(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable("tournaments")
      .set({ status: "queued", results: null, error: null, started_at: null, finished_at: null })
      .where("id", "=", id)
      .where("status", "in", ["failed", "cancelled", "interrupted"])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async listTournaments(query: JobListQuery): Promise<JobPage<TournamentSummary>> {
    const columns = ["id", "status", "config", "done", "total", "error", "created_at", "started_at", "finished_at"] as const;
    const { rows, total } = await this.jobPage<Omit<Selectable<TournamentTable>, "results">>("tournaments", columns, query);
    return { items: rows.map((row) => withoutKey(tournamentFromRow({ ...row, results: null }), "results")), total };
  }

  async getTournament(id: string): Promise<TournamentRecord | undefined> {
    const row = await this.db.selectFrom("tournaments").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? tournamentFromRow(row) : undefined;
  }

  /**
   * Jobs left queued or running by a process that stopped (a crash, kill -9): marked interrupted
   * with `error`, so that nothing stays "running" forever; POST …/rerun resumes them. Call at start,
   * before new jobs are accepted. Returns how many were marked.
   */
  async markInterruptedJobs(error: JobError): Promise<number> {
    const finished_at = this.stamp();
    const text = JSON.stringify(error);
    let n = 0;
    for (const table of ["simulations", "tournaments"] as const) {
      const r = await this.db
        .updateTable(table)
        .set({ status: "interrupted", error: text, finished_at })
        .where("status", "in", [...activeStatuses])
        .executeTakeFirst();
      n += Number(r.numUpdatedRows);
    }
    return n;
  }
}

function versionRow(id: string, version: number, input: NewScenarioVersion, now: string): ScenarioVersionTable {
  const s = input.scenario;
  return {
    scenario_id: id,
    version,
    name: s.name,
    format: input.format,
    yaml: input.yaml,
    model: JSON.stringify(s),
    parties: JSON.stringify(s.parties.map((p) => p.id)),
    issue_count: s.issues.length,
    framework_count: s.frameworks.length,
    created_at: now,
  };
}

function versionFromRow(row: Selectable<ScenarioVersionTable>): ScenarioVersion {
  return {
    id: row.scenario_id,
    version: Number(row.version),
    name: row.name,
    format: row.format as ScenarioFormat,
    yaml: row.yaml,
    scenario: JSON.parse(row.model) as Scenario,
    createdAt: row.created_at,
  };
}

function simulationFromRow(row: Selectable<SimulationTable>): SimulationRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    version: Number(row.version),
    status: row.status as JobStatus,
    request: parseJson(row.request),
    result: parseJson(row.result),
    error: parseJson(row.error) as JobError | null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function tournamentFromRow(row: Selectable<TournamentTable>): TournamentRecord {
  return {
    id: row.id,
    status: row.status as JobStatus,
    config: parseJson(row.config),
    progress: { done: Number(row.done), total: Number(row.total) },
    results: parseJson(row.results),
    error: parseJson(row.error) as JobError | null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
