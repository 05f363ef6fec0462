// Tournaments on a PostgreSQL job queue (pg-boss): one job per run, keyed by the plan hash and the
// run index, pulled by any number of workers on any number of machines (queue-worker.ts). A run's
// record is written in the transaction that completes its job, so each run has exactly one result.
// The tables are the store's (database.ts: queued_tournaments, queued_runs); pg-boss keeps its jobs
// in its own schema ("pgboss"). docs/distributed-tournaments.md says how to run it.
import { createHash } from "node:crypto";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import PgBoss from "pg-boss";
import type { Scenario, TournamentPlan, TournamentRunRecord, TournamentSettings } from "@parley/core";
import { isPostgresUrl, migrateToLatest, redactUrl } from "../store/connect.js";
import type { Database } from "../store/database.js";

/** The pg-boss queue of runs, and its dead-letter queue (runs that failed every attempt). */
export const RUN_QUEUE = "parley-tournament-runs";
export const FAILED_QUEUE = "parley-tournament-runs-failed";

/** Attempts after the first before a run is recorded as failed (RUN_FAILED). */
export const RUN_RETRIES = 2;

/** Everything a worker needs to play any run of a tournament: stored once, jobs name it by plan hash. */
export interface QueuedTournament {
  readonly hash: string;
  /** The plan's input: a worker re-plans it (planTournament) and checks the hash. */
  readonly input: TournamentPlan["input"];
  /** Per scenario of the plan, its model. */
  readonly scenarios: readonly Scenario[];
  readonly settings: TournamentSettings;
  /** A run still going after this long is stopped and recorded as error RUN_TIMEOUT. */
  readonly timeLimitMs: number;
}

/** What a job carries: the tournament and the run. */
export interface RunJob {
  readonly plan: string;
  readonly index: number;
}

/** One finished run of a queued tournament: the core's record with the plan hash and the wall time (the CLI's journal line). */
export interface QueuedRunRecord extends TournamentRunRecord {
  readonly plan: string;
  readonly wallMs: number;
}

export interface QueuedTournamentStatus {
  readonly plan: string;
  readonly label: string;
  readonly total: number;
  /** Runs with a result (errors and failures included). */
  readonly done: number;
  /** Runs that ended in error (an agent fault, the time limit, or RUN_FAILED). */
  readonly errors: number;
  /** Runs recorded as RUN_FAILED: they failed every attempt (e.g. their worker died each time). */
  readonly failed: number;
  /** Runs being played now, and runs waiting to be retried after a failed attempt. */
  readonly active: number;
  readonly retrying: number;
  /** Every run has its result. */
  readonly complete: boolean;
  readonly createdAt: string;
}

export interface QueueOptions {
  /** Connections in this process's pool (default 4). */
  readonly connections?: number;
  /** How often this process checks for runs whose worker died (pg-boss maintenance; default 5 s). */
  readonly maintenanceIntervalSeconds?: number;
}

/**
 * How long a worker may hold a run before the run is given to another worker: one and a half time
 * limits (the worker itself stops a run at the time limit) and 5 s, in whole seconds.
 */
export function leaseSeconds(timeLimitMs: number): number {
  return Math.ceil((1.5 * timeLimitMs) / 1000) + 5;
}

/** The job id of a run: the plan hash's first 20 hex digits and the index, so a plan's jobs sort in run order. */
export function runJobId(plan: string, index: number): string {
  const h = /^[0-9a-f]{20}/.test(plan) ? plan.slice(0, 20) : createHash("sha256").update(plan).digest("hex").slice(0, 20);
  const i = index.toString(16).padStart(12, "0");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${i}`;
}

/** A tournament job queue on PostgreSQL: the store's tables for tournaments and results, pg-boss for the jobs. */
export class TournamentQueue {
  private constructor(
    readonly db: Kysely<Database>,
    readonly boss: PgBoss,
    private readonly pool: pg.Pool,
    /** The URL without its password, for messages. */
    readonly location: string,
    /** pg-boss's schema: "pgboss", or "<schema>_pgboss" when the URL's search_path selects another schema than public. */
    readonly bossSchema: string,
  ) {}

  /**
   * Connect, create or upgrade the tables (the store's migrations and pg-boss's schema) and the
   * queues. Throws an Error whose message says what failed (no database, refused, …).
   */
  static async open(url: string, options: QueueOptions = {}): Promise<TournamentQueue> {
    if (!isPostgresUrl(url)) throw new Error(`the queue is a PostgreSQL database: give a postgres:// URL, not "${url}"`);
    const pool = new pg.Pool({ connectionString: url, max: Math.max(2, options.connections ?? 4) });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    let bossSchema = "pgboss";
    try {
      const { rows } = await pool.query<{ schema: string | null }>("select current_schema() as schema");
      const current = rows[0]?.schema;
      if (current && current !== "public") bossSchema = `${current}_pgboss`;
    } catch (error) {
      await db.destroy().catch(() => {});
      throw new Error(`cannot open the queue at ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: bossSchema,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 5,
      // Finished jobs are archived after a day; the results live in queued_runs for good.
      archiveCompletedAfterSeconds: 24 * 3600,
    });
    let bossError: Error | undefined;
    boss.on("error", (error) => (bossError = error));
    try {
      await migrateToLatest(db, "postgres");
      await boss.start();
      await boss.createQueue(FAILED_QUEUE, { name: FAILED_QUEUE, retryLimit: RUN_RETRIES });
      await boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, retryLimit: RUN_RETRIES, deadLetter: FAILED_QUEUE });
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      await db.destroy().catch(() => {});
      const message = error instanceof Error ? error.message : String(bossError ?? error);
      throw new Error(`cannot open the queue at ${redactUrl(url)}: ${message}`, { cause: error });
    }
    return new TournamentQueue(db, boss, pool, redactUrl(url), bossSchema);
  }

  /**
   * Store a tournament and queue one job per run that has no result yet. Idempotent: the tournament
   * is keyed by its plan hash and each job by (plan hash, run index), so enqueueing twice adds nothing.
   */
  async enqueue(tournament: QueuedTournament, label: string, total: number, now = new Date()): Promise<{ total: number; added: number; done: number }> {
    await this.db
      .insertInto("queued_tournaments")
      .values({ plan: tournament.hash, label, total, definition: JSON.stringify(tournament), created_at: now.toISOString() })
      .onConflict((oc) => oc.column("plan").doNothing())
      .execute();
    const doneRows = await this.db.selectFrom("queued_runs").select("idx").where("plan", "=", tournament.hash).execute();
    const done = new Set(doneRows.map((r) => r.idx));
    const before = await this.jobCount(tournament.hash);
    const expireInSeconds = leaseSeconds(tournament.timeLimitMs);
    const todo: PgBoss.JobInsert<RunJob>[] = [];
    for (let index = 0; index < total; index++)
      if (!done.has(index))
        todo.push({ id: runJobId(tournament.hash, index), name: RUN_QUEUE, data: { plan: tournament.hash, index }, expireInSeconds, retryLimit: RUN_RETRIES });
    for (let i = 0; i < todo.length; i += 2000) {
      const chunk = todo.slice(i, i + 2000);
      await this.boss.insert(chunk);
      // Jobs of a cancelled tournament (the server's DELETE) come back.
      await this.boss.resume(RUN_QUEUE, chunk.map((j) => j.id!));
    }
    const after = await this.jobCount(tournament.hash);
    return { total, added: after - before, done: done.size };
  }

  /** Jobs of a plan in pg-boss's table (any state). */
  private async jobCount(plan: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.bossSchema}.job WHERE name = $1 AND data->>'plan' = $2 AND state < 'completed'`, [RUN_QUEUE, plan]);
    return Number(rows[0]?.n ?? 0);
  }

  /** A stored tournament (undefined when no tournament has that plan hash). */
  async definition(plan: string): Promise<QueuedTournament | undefined> {
    const row = await this.db.selectFrom("queued_tournaments").select("definition").where("plan", "=", plan).executeTakeFirst();
    return row ? (JSON.parse(row.definition) as QueuedTournament) : undefined;
  }

  /** Progress of every queued tournament, oldest first (or of the one with this plan hash, or of those whose hash starts with it). */
  async status(planPrefix?: string): Promise<QueuedTournamentStatus[]> {
    let query = this.db.selectFrom("queued_tournaments").select(["plan", "label", "total", "created_at"]).orderBy("created_at").orderBy("plan");
    if (planPrefix !== undefined) query = query.where("plan", "like", `${planPrefix.replace(/[%_\\]/g, "\\$&")}%`);
    const tournaments = await query.execute();
    if (tournaments.length === 0) return [];
    const plans = tournaments.map((t) => t.plan);
    const runs = await this.db
      .selectFrom("queued_runs")
      .select((eb) => [
        "plan",
        eb.fn.countAll<string>().as("done"),
        eb.fn.count<string>(sql`case when status = 'error' then 1 end`).as("errors"),
        eb.fn.count<string>(sql`case when error_code = 'RUN_FAILED' then 1 end`).as("failed"),
      ])
      .where("plan", "in", plans)
      .groupBy("plan")
      .execute();
    const { rows: jobs } = await this.pool.query<{ plan: string; state: string; n: string }>(
      `SELECT data->>'plan' AS plan, state, count(*) AS n FROM ${this.bossSchema}.job WHERE name = $1 AND state IN ('active', 'retry') AND data->>'plan' = ANY($2) GROUP BY 1, 2`,
      [RUN_QUEUE, plans],
    );
    return tournaments.map((t) => {
      const r = runs.find((x) => x.plan === t.plan);
      const jobsOf = (state: string) => Number(jobs.find((j) => j.plan === t.plan && j.state === state)?.n ?? 0);
      const done = Number(r?.done ?? 0);
      return {
        plan: t.plan,
        label: t.label,
        total: t.total,
        done,
        errors: Number(r?.errors ?? 0),
        failed: Number(r?.failed ?? 0),
        active: jobsOf("active"),
        retrying: jobsOf("retry"),
        complete: done >= t.total,
        createdAt: t.created_at,
      };
    });
  }

  /**
   * Record a finished run and complete its job in one transaction. False (and nothing written) when
   * the job is no longer this worker's: its lease ran out and another worker has it, or it finished.
   * A run that already has a result keeps it (the first result counts).
   */
  async recordRun(queue: string, jobId: string, record: QueuedRunRecord, meta: { worker: string; attempt: number; finishedAt: Date }): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const db: PgBoss.Db = { executeSql: (text, values) => client.query(text, values) };
      // pg-boss answers how many jobs it completed (its typings say void).
      const completed = (await this.boss.complete(queue, jobId, {}, { db })) as unknown as { affected: number };
      if (completed.affected !== 1) {
        await client.query("ROLLBACK");
        return false;
      }
      await client.query(
        `INSERT INTO queued_runs (plan, idx, status, error_code, record, worker, attempt, finished_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (plan, idx) DO NOTHING`,
        [record.plan, record.index, record.status, record.error?.code ?? null, JSON.stringify(record), meta.worker, meta.attempt, meta.finishedAt.toISOString()],
      );
      await client.query("COMMIT");
      return true;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** The recorded runs of a plan that are not in `known`, in plan order. */
  async newRecords(plan: string, known: ReadonlySet<number>): Promise<QueuedRunRecord[]> {
    const all = await this.db.selectFrom("queued_runs").select("idx").where("plan", "=", plan).execute();
    const missing = all.map((r) => r.idx).filter((i) => !known.has(i));
    const out: QueuedRunRecord[] = [];
    for (let i = 0; i < missing.length; i += 1000) {
      const rows = await this.db.selectFrom("queued_runs").select("record").where("plan", "=", plan).where("idx", "in", missing.slice(i, i + 1000)).orderBy("idx").execute();
      for (const r of rows) out.push(JSON.parse(r.record) as QueuedRunRecord);
    }
    return out;
  }

  /** Cancel the jobs of a plan's runs that have no result yet (a worker playing one records nothing). */
  async cancel(plan: string, total: number): Promise<void> {
    const done = new Set((await this.db.selectFrom("queued_runs").select("idx").where("plan", "=", plan).execute()).map((r) => r.idx));
    const ids: string[] = [];
    for (let index = 0; index < total; index++) if (!done.has(index)) ids.push(runJobId(plan, index));
    for (let i = 0; i < ids.length; i += 2000) await this.boss.cancel(RUN_QUEUE, ids.slice(i, i + 2000));
  }

  /** The recorded runs of a plan, in plan order. */
  async records(plan: string): Promise<QueuedRunRecord[]> {
    const rows = await this.db.selectFrom("queued_runs").select("record").where("plan", "=", plan).orderBy("idx").execute();
    return rows.map((r) => JSON.parse(r.record) as QueuedRunRecord);
  }

  /** Stop pg-boss (its maintenance) and close the connections. */
  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: false }).catch(() => {});
    await this.db.destroy();
  }
}
