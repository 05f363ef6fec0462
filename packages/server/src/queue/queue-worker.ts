// A worker of the tournament queue (`parley worker`, or the server's own): pulls one run at a time
// per lane, plays it on a worker thread with the tournament's time limit, and records it in the
// transaction that completes its job (TournamentQueue.recordRun). A run whose job failed every
// attempt (its worker died each time, or it could not be played) arrives on the dead-letter queue
// and is recorded as error RUN_FAILED, so the tournament still finishes.
import os from "node:os";
import PgBoss from "pg-boss";
import {
  compileScenario,
  failedRun,
  planTournament,
  simulationReference,
  tournamentRunRecord,
  type CompiledScenario,
  type NegotiationReference,
  type RunErrorCode,
  type RunSpec,
  type TournamentPlan,
} from "@parley/core";
import { HttpError } from "../errors.js";
import { WorkerPool } from "../workers/pool.js";
import type { QueuedRunOutcome } from "../workers/tasks.js";
import { FAILED_QUEUE, RUN_QUEUE, RUN_RETRIES, type QueuedRunRecord, type QueuedTournament, type RunJob, type TournamentQueue } from "./tournament-queue.js";

export interface QueueWorkerOptions {
  /** Runs played at the same time (one worker thread each). */
  readonly concurrency: number;
  /** How long an idle lane waits before asking for work again, in ms (default 1000). */
  readonly pollMs?: number;
  /** Heap limit of each worker thread, in MB (default 512). */
  readonly memoryMb?: number;
  /** How results name this worker (default host:pid). */
  readonly name?: string;
  /** Called after a run is recorded by this worker. */
  readonly onRun?: (event: WorkerRunEvent) => void;
  /** Called when asking for work or recording fails (the lane waits and goes on). */
  readonly onError?: (error: unknown) => void;
  /** The worker threads' module; default the server's. For tests. */
  readonly workerFile?: string;
}

export interface WorkerRunEvent {
  readonly plan: string;
  readonly index: number;
  readonly status: string;
  readonly attempt: number;
  readonly wallMs: number;
  /** False when the run was not this worker's any more (its lease ran out): nothing was recorded. */
  readonly recorded: boolean;
}

export interface RunningQueueWorker {
  /** Runs recorded by this worker. */
  readonly recorded: () => number;
  /** Finish the runs in hand, then stop (the queue stays open: the caller closes it). */
  stop(): Promise<void>;
}

interface LoadedTournament {
  readonly definition: QueuedTournament;
  readonly plan: TournamentPlan;
  readonly compiled: CompiledScenario[];
  readonly references: Map<number, NegotiationReference | null>;
}

/** A sleep that ends early when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}

/** Start pulling runs from the queue. */
export async function startQueueWorker(queue: TournamentQueue, options: QueueWorkerOptions): Promise<RunningQueueWorker> {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const pollMs = options.pollMs ?? 1000;
  const name = options.name ?? `${os.hostname()}:${process.pid}`;
  const onError = options.onError ?? (() => {});
  const pool = new WorkerPool({ threads: concurrency, memoryMb: options.memoryMb ?? 512, ...(options.workerFile ? { workerFile: options.workerFile } : {}) });
  // Start the threads before any run is timed.
  await Promise.all(Array.from({ length: concurrency }, () => pool.run({ kind: "warm" }, { what: "start", timeoutMs: 60_000 })));

  const tournaments = new Map<string, Promise<LoadedTournament>>();
  const load = (hash: string): Promise<LoadedTournament> => {
    let loaded = tournaments.get(hash);
    if (!loaded) {
      loaded = (async () => {
        const definition = await queue.definition(hash);
        if (!definition) throw new Error(`no queued tournament has plan ${hash}`);
        const plan = planTournament(definition.input);
        if (plan.hash !== definition.hash) throw new Error(`the stored tournament re-plans to ${plan.hash}, not ${definition.hash}: written by another version of Parley`);
        return { definition, plan, compiled: definition.scenarios.map((s) => compileScenario(s)), references: new Map() };
      })();
      loaded.catch(() => tournaments.delete(hash));
      tournaments.set(hash, loaded);
      if (tournaments.size > 8) tournaments.delete(tournaments.keys().next().value!);
    }
    return loaded;
  };
  const referenceOf = (t: LoadedTournament, run: RunSpec): NegotiationReference | null => {
    if (!t.references.has(run.scenario)) t.references.set(run.scenario, simulationReference(t.compiled[run.scenario]!, run.seats).reference);
    return t.references.get(run.scenario)!;
  };

  const play = async (t: LoadedTournament, run: RunSpec): Promise<QueuedRunOutcome> => {
    const t0 = performance.now();
    const failed = (code: RunErrorCode, message: string): QueuedRunOutcome => ({
      ...failedRun(t.compiled[run.scenario]!, run, code, message),
      wallMs: performance.now() - t0,
    });
    try {
      return await pool.run(
        { kind: "queued-run", key: `${t.plan.hash}/${run.scenario}`, scenario: t.definition.scenarios[run.scenario]!, settings: t.definition.settings, run },
        { what: "tournament run", timeoutMs: t.definition.timeLimitMs },
      );
    } catch (error) {
      if (error instanceof HttpError && error.code === "PARLEY_HTTP_TIME_LIMIT")
        return failed("RUN_TIMEOUT", `the run took longer than the time limit of ${t.definition.timeLimitMs} ms and was stopped`);
      return failed("RUN_FAILED", error instanceof Error ? error.message : String(error));
    }
  };

  let recorded = 0;
  const record = async (queueName: string, job: PgBoss.JobWithMetadata<RunJob>, record: QueuedRunRecord, attempt: number) => {
    const ok = await queue.recordRun(queueName, job.id, record, { worker: name, attempt, finishedAt: new Date() });
    if (ok) recorded++;
    options.onRun?.({ plan: record.plan, index: record.index, status: record.status, attempt, wallMs: record.wallMs, recorded: ok });
  };

  const handleRun = async (job: PgBoss.JobWithMetadata<RunJob>) => {
    const t = await load(job.data.plan);
    const run = t.plan.runs[job.data.index];
    if (!run) throw new Error(`plan ${t.plan.hash} has no run ${job.data.index}`);
    const outcome = await play(t, run);
    const { wallMs, ...rest } = outcome;
    await record(RUN_QUEUE, job, { plan: t.plan.hash, ...tournamentRunRecord(run, rest, referenceOf(t, run)), wallMs }, job.retryCount + 1);
  };

  const handleFailed = async (job: PgBoss.JobWithMetadata<RunJob>) => {
    const t = await load(job.data.plan);
    const run = t.plan.runs[job.data.index];
    if (!run) throw new Error(`plan ${t.plan.hash} has no run ${job.data.index}`);
    const why = (job.output as { value?: { message?: unknown }; message?: unknown } | null) ?? {};
    const last = String(why.value?.message ?? why.message ?? "unknown");
    const outcome = failedRun(t.compiled[run.scenario]!, run, "RUN_FAILED", `the run failed ${RUN_RETRIES + 1} times (last: ${last})`);
    await record(FAILED_QUEUE, job, { plan: t.plan.hash, ...tournamentRunRecord(run, outcome, referenceOf(t, run)), wallMs: 0 }, RUN_RETRIES + 1);
  };

  const stopping = new AbortController();
  const lane = async (queueName: string, handle: (job: PgBoss.JobWithMetadata<RunJob>) => Promise<void>, idleMs: number) => {
    while (!stopping.signal.aborted) {
      let job: PgBoss.JobWithMetadata<RunJob> | undefined;
      try {
        [job] = await queue.boss.fetch<RunJob>(queueName, { batchSize: 1, includeMetadata: true });
      } catch (error) {
        onError(error);
        await pause(idleMs, stopping.signal);
        continue;
      }
      if (!job) {
        await pause(idleMs, stopping.signal);
        continue;
      }
      try {
        await handle(job);
      } catch (error) {
        onError(error);
        // The attempt failed: pg-boss retries the run, then sends it to the dead-letter queue.
        await queue.boss.fail(queueName, job.id, { message: error instanceof Error ? error.message : String(error) }).catch(onError);
      }
    }
  };
  const lanes = [...Array.from({ length: concurrency }, () => lane(RUN_QUEUE, handleRun, pollMs)), lane(FAILED_QUEUE, handleFailed, Math.max(pollMs, 2000))];
  const finished = Promise.all(lanes).finally(() => pool.close());

  return {
    recorded: () => recorded,
    async stop() {
      stopping.abort();
      await finished;
    },
  };
}
