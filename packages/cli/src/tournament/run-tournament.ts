// Running a planned tournament on worker threads (piscina): per-run time limit, resume journal, progress.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { Piscina } from "piscina";
import { failedRun, tournamentRunRecord, type CompiledScenario, type NegotiationReference, type RunErrorCode, type RunSpec, type TournamentPlan, type TournamentRunRecord } from "@parley/core";
import type { RunContext, RunOutcome } from "./run-one.js";
import type { WorkerTask } from "./worker.js";

/** One finished run as recorded in the journal and the results (JSON lines; CSV columns): the core's record, with the plan hash and the wall time. */
export interface RunRecord extends TournamentRunRecord {
  /** The plan hash: a journal line counts only for a plan with the same hash. */
  readonly plan: string;
  readonly wallMs: number;
}

export interface TournamentJob {
  readonly plan: TournamentPlan;
  readonly context: RunContext;
  /** Per scenario of the plan: its frontier and Nash points for the seats (null when they could not be computed). */
  readonly references: readonly (NegotiationReference | null)[];
  /** Per scenario of the plan, compiled (for the record of a run that did not play out). */
  readonly compiled: readonly CompiledScenario[];
  /** Worker threads (≥ 1). */
  readonly threads: number;
  /** A run still going after this long is stopped and recorded as error RUN_TIMEOUT. */
  readonly timeLimitMs: number;
  /** JSON-lines file: finished runs are appended; runs already there (same plan hash) are skipped. */
  readonly journal?: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** The worker module (a URL or path); default: this package's worker. For tests. */
  readonly workerFile?: string;
}

export interface TournamentRun {
  /** Every run of the plan, in plan order. */
  readonly records: readonly RunRecord[];
  /** How many came from the journal (an earlier, interrupted invocation). */
  readonly resumed: number;
}

/** The runs of plan `hash` already in a journal (lines of other plans and broken lines are ignored). */
export function readJournal(file: string, hash: string): Map<number, RunRecord> {
  const done = new Map<number, RunRecord>();
  if (!existsSync(file)) return done;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as RunRecord;
      if (r.plan === hash && Number.isInteger(r.index) && !done.has(r.index)) done.set(r.index, r);
    } catch {
      // a line cut short by an interruption
    }
  }
  return done;
}

/** The worker module: the TypeScript source through a tsx bootstrap when running from source, else the built file. */
function workerFile(): string {
  const here = import.meta.url;
  return new URL(here.endsWith(".ts") ? "./worker-from-source.mjs" : "./worker.js", here).href;
}

/** The record of a run: the worker's outcome and the metrics against the scenario's reference. */
export function toRecord(plan: TournamentPlan, run: RunSpec, outcome: RunOutcome, reference: NegotiationReference | null): RunRecord {
  return { plan: plan.hash, ...tournamentRunRecord(run, outcome, reference), wallMs: outcome.wallMs };
}

/**
 * Run every run of the plan not yet in the journal on `threads` worker threads, at most one run per
 * thread at a time. The time limit counts from when a run is handed to an idle, warmed-up worker
 * (scenarios compiled, utility indices built); a run past it is stopped (its worker is replaced)
 * and recorded as error RUN_TIMEOUT. A worker that fails for any other reason is recorded as
 * error RUN_FAILED. Never throws because of a run.
 */
export async function runTournament(job: TournamentJob): Promise<TournamentRun> {
  const { plan, references } = job;
  const threads = Math.max(1, Math.floor(job.threads));
  const done = job.journal ? readJournal(job.journal, plan.hash) : new Map<number, RunRecord>();
  const resumed = [...done.keys()].filter((i) => i < plan.runs.length).length;
  const todo = plan.runs.filter((r) => !done.has(r.index));
  let finished = resumed;
  job.onProgress?.(finished, plan.runs.length);
  if (todo.length > 0) {
    // A line cut short by an interruption: start the next record on a line of its own.
    if (job.journal && existsSync(job.journal)) {
      const text = readFileSync(job.journal, "utf8");
      if (text.length > 0 && !text.endsWith("\n")) appendFileSync(job.journal, "\n");
    }
    const pool = new Piscina<WorkerTask, RunOutcome | number>({
      filename: job.workerFile ?? workerFile(),
      workerData: job.context,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
    });
    try {
      await Promise.all(Array.from({ length: threads }, () => pool.run({ kind: "warm" })));
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < todo.length) {
          const run = todo[next++]!;
          const record = toRecord(plan, run, await runWithLimit(pool, run, job), references[run.scenario] ?? null);
          done.set(run.index, record);
          if (job.journal) appendFileSync(job.journal, JSON.stringify(record) + "\n");
          job.onProgress?.(++finished, plan.runs.length);
        }
      };
      await Promise.all(Array.from({ length: Math.min(threads, todo.length) }, lane));
    } finally {
      await pool.destroy();
    }
  }
  const records = plan.runs.map((r) => done.get(r.index)!);
  return { records, resumed };
}

async function runWithLimit(pool: Piscina<WorkerTask, RunOutcome | number>, run: RunSpec, job: TournamentJob): Promise<RunOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), job.timeLimitMs);
  const t0 = performance.now();
  const failed = (code: RunErrorCode, message: string): RunOutcome => ({
    ...failedRun(job.compiled[run.scenario]!, run, code, message),
    wallMs: performance.now() - t0,
  });
  try {
    return (await pool.run({ kind: "run", run }, { signal: controller.signal })) as RunOutcome;
  } catch (error) {
    if (controller.signal.aborted) {
      // The worker was stopped; warm its replacement before the next run is timed.
      await pool.run({ kind: "warm" }).catch(() => 0);
      return failed("RUN_TIMEOUT", `the run took longer than the time limit of ${job.timeLimitMs} ms and was stopped`);
    }
    return failed("RUN_FAILED", error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}
