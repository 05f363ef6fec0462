// Tournaments on a PostgreSQL job queue (docs/distributed-tournaments.md): `parley tournament CONFIG
// --queue URL` queues the runs, `parley worker --queue URL` plays them (on any number of machines),
// `parley tournament status|results --queue URL` follow and collect them. The queue is the server
// package's (@parley/server/queue, pg-boss), imported only when one of these commands runs.
import { mkdir } from "node:fs/promises";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { scoreRecords, type Scenario, type TournamentPlan, type TournamentRunRecord } from "@parley/core";
import pc from "picocolors";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { renderTable } from "../render/table.js";
import { writeResults } from "../tournament/output.js";
import { UserError } from "../user-error.js";
import { importServerPackage } from "./serve.js";
import { planTournamentConfig, printLeaderboard } from "./tournament.js";

/** The part of @parley/server/queue these commands use (imported at run time only). */
interface QueuedRunRecord extends TournamentRunRecord {
  readonly plan: string;
  readonly wallMs: number;
}
interface QueueStatus {
  readonly plan: string;
  readonly label: string;
  readonly total: number;
  readonly done: number;
  readonly errors: number;
  readonly failed: number;
  readonly active: number;
  readonly retrying: number;
  readonly complete: boolean;
  readonly createdAt: string;
}
interface QueuedTournament {
  readonly hash: string;
  readonly input: TournamentPlan["input"];
  readonly scenarios: readonly Scenario[];
  readonly settings: { readonly protocol: "sao" | "stacked"; readonly rounds: number };
  readonly timeLimitMs: number;
}
interface Queue {
  readonly location: string;
  enqueue(tournament: QueuedTournament, label: string, total: number): Promise<{ total: number; added: number; done: number }>;
  status(planPrefix?: string): Promise<QueueStatus[]>;
  definition(plan: string): Promise<QueuedTournament | undefined>;
  records(plan: string): Promise<QueuedRunRecord[]>;
  close(): Promise<void>;
}
interface QueueModule {
  TournamentQueue: { open(url: string, options?: { connections?: number }): Promise<Queue> };
  startQueueWorker(
    queue: Queue,
    options: {
      concurrency: number;
      onRun?: (e: { plan: string; index: number; status: string; attempt: number; wallMs: number; recorded: boolean }) => void;
      onError?: (error: unknown) => void;
    },
  ): Promise<{ recorded(): number; stop(): Promise<void> }>;
}

async function openQueue(url: string, command: string, connections?: number): Promise<Queue> {
  const { TournamentQueue } = await importServerPackage<QueueModule>("@parley/server/queue", command);
  try {
    return await TournamentQueue.open(url, connections !== undefined ? { connections } : {});
  } catch (error) {
    throw new UserError(error instanceof Error ? error.message : String(error), ExitCode.usage);
  }
}

async function withQueue<T>(url: string, command: string, use: (queue: Queue) => Promise<T>): Promise<T> {
  const queue = await openQueue(url, command);
  try {
    return await use(queue);
  } finally {
    await queue.close();
  }
}

/** `parley tournament CONFIG --queue URL`: plan the tournament and queue every run that has no result yet. */
export async function enqueueCommand(configArg: string, flags: { readonly queue: string }, io: CliIo): Promise<void> {
  const { config, plan, compiled } = await planTournamentConfig(configArg, io);
  const tournament: QueuedTournament = {
    hash: plan.hash,
    input: plan.input,
    scenarios: compiled.map((c) => c.scenario),
    settings: { protocol: config.protocol, rounds: config.rounds },
    timeLimitMs: config.timeLimitMs,
  };
  const queued = await withQueue(flags.queue, "tournament --queue", (queue) => queue.enqueue(tournament, configArg, plan.runs.length));
  const c = pc.createColors(io.stdoutIsTty);
  io.stdout(
    c.bold(`Queued tournament ${plan.hash.slice(0, 12)}: ${queued.total} runs`) +
      c.dim(` — ${queued.added} new job${queued.added === 1 ? "" : "s"}, ${queued.done} already done, ${queued.total - queued.added - queued.done} already queued`) +
      "\n",
  );
  io.stdout(
    `Play them with workers on any machine that reaches the database: parley worker --queue URL\n` +
      `Follow: parley tournament status --queue URL · collect: parley tournament results --queue URL --out DIR\n`,
  );
}

export interface StatusFlags {
  readonly queue: string;
  readonly plan?: string;
  readonly json?: boolean;
}

/** `parley tournament status --queue URL [--plan HASH]`: progress of the queued tournaments. */
export async function statusCommand(flags: StatusFlags, io: CliIo): Promise<void> {
  const all = await withQueue(flags.queue, "tournament status", (queue) => queue.status(flags.plan));
  if (flags.plan !== undefined && all.length === 0) throw new UserError(`no queued tournament has a plan hash starting with "${flags.plan}"`, ExitCode.usage);
  if (flags.json) {
    io.stdout(JSON.stringify({ tournaments: all.map((t) => ({ ...t, state: stateOf(t) })) }, null, 2) + "\n");
    return;
  }
  if (all.length === 0) {
    io.stdout("No tournament in the queue. Queue one: parley tournament CONFIG --queue URL\n");
    return;
  }
  io.stdout(
    renderTable(
      ["plan", "config", "done", "errors", "failed", "playing", "retrying", "state"],
      all.map((t) => [t.plan.slice(0, 12), t.label, `${t.done}/${t.total}`, String(t.errors), String(t.failed), String(t.active), String(t.retrying), stateOf(t)]),
    ) + "\n",
  );
}

/** "complete" once every run has its result; else "running" while some run is being played, else "waiting". */
function stateOf(t: QueueStatus): "complete" | "running" | "waiting" {
  return t.complete ? "complete" : t.active > 0 ? "running" : "waiting";
}

/** The one tournament `--plan` names (a prefix of its hash), or the only one in the queue. */
async function pickTournament(queue: Queue, plan: string | undefined): Promise<QueueStatus> {
  const all = await queue.status(plan);
  if (all.length === 1) return all[0]!;
  if (all.length === 0)
    throw new UserError(plan === undefined ? "no tournament in the queue" : `no queued tournament has a plan hash starting with "${plan}"`, ExitCode.usage);
  throw new UserError(
    `the queue holds ${all.length} tournaments${plan === undefined ? "" : ` whose plan hash starts with "${plan}"`}: name one with --plan (${all.map((t) => `${t.plan.slice(0, 12)} ${t.label}`).join(", ")})`,
    ExitCode.usage,
  );
}

export interface ResultsFlags {
  readonly queue: string;
  readonly out: string;
  readonly plan?: string;
}

/**
 * `parley tournament results --queue URL --out DIR [--plan HASH]`: the same files as a local
 * tournament (results.json, runs.csv, competitors.csv, and runs.jsonl, from which a local
 * `parley tournament CONFIG --out DIR` would resume).
 */
export async function resultsCommand(flags: ResultsFlags, io: CliIo): Promise<void> {
  const { tournament, status, records } = await withQueue(flags.queue, "tournament results", async (queue) => {
    const status = await pickTournament(queue, flags.plan);
    if (!status.complete)
      throw new UserError(
        `tournament ${status.plan.slice(0, 12)} (${status.label}) is not complete: ${status.done} of ${status.total} runs have a result. Start workers (parley worker --queue URL) and check parley tournament status --queue URL`,
        ExitCode.analysis,
      );
    return { status, tournament: (await queue.definition(status.plan))!, records: await queue.records(status.plan) };
  });
  const outDir = path.resolve(io.cwd, flags.out);
  await mkdir(outDir, { recursive: true });
  const scores = scoreRecords(records);
  const files = await writeResults(outDir, {
    plan: { hash: tournament.hash, runs: status.total, input: tournament.input },
    settings: { protocol: tournament.settings.protocol, rounds: tournament.settings.rounds, timeLimitMs: tournament.timeLimitMs },
    scores,
    runs: records,
  });
  const journal = path.join(outDir, "runs.jsonl");
  await writeFile(journal, records.map((r) => JSON.stringify(r) + "\n").join(""));
  const c = pc.createColors(io.stdoutIsTty);
  io.stdout(c.bold(`Tournament ${status.plan.slice(0, 12)}: ${status.total} runs`) + c.dim(` — ${status.label}, from the queue`) + "\n\n");
  printLeaderboard(scores, io);
  const show = (f: string) => (path.relative(io.cwd, f).startsWith("..") ? f : path.relative(io.cwd, f));
  io.stdout(c.dim(`Results: ${[...files, journal].map(show).join(", ")}\n`));
}

export interface WorkerFlags {
  readonly queue: string;
  readonly concurrency?: number;
  /** Exit once every queued tournament is complete (else run until stopped). */
  readonly untilDone?: boolean;
  /** A line per recorded run. */
  readonly verbose?: boolean;
}

/** `parley worker --queue URL [--concurrency N]`: play queued runs until stopped (Ctrl-C / SIGTERM finishes the runs in hand). */
export async function workerCommand(flags: WorkerFlags, io: CliIo, signals: NodeJS.EventEmitter = process): Promise<void> {
  const concurrency = flags.concurrency ?? 1;
  const { startQueueWorker } = await importServerPackage<QueueModule>("@parley/server/queue", "worker");
  const queue = await openQueue(flags.queue, "worker", concurrency + 2);
  let worker: Awaited<ReturnType<QueueModule["startQueueWorker"]>> | undefined;
  let watch: NodeJS.Timeout | undefined;
  try {
    worker = await startQueueWorker(queue, {
      concurrency,
      onRun: (e) => {
        if (flags.verbose) io.stdout(`${e.plan.slice(0, 12)} run ${e.index}: ${e.recorded ? e.status : "not recorded (another worker had it)"} (attempt ${e.attempt}, ${e.wallMs.toFixed(0)} ms)\n`);
      },
      onError: (error) => io.stderr(`parley worker: ${error instanceof Error ? error.message : String(error)}\n`),
    });
    io.stdout(`Worker ${process.pid}: ${concurrency} run${concurrency === 1 ? "" : "s"} at a time from ${queue.location}${flags.untilDone ? "; stops when every tournament is complete" : "; Ctrl-C stops it"}\n`);
    const running = worker;
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      signals.once("SIGINT", stop);
      signals.once("SIGTERM", stop);
      if (flags.untilDone)
        watch = setInterval(() => {
          queue
            .status()
            .then((all) => {
              if (all.every((t) => t.complete)) resolve();
            })
            .catch(() => {});
        }, 1000);
      void running;
    });
  } finally {
    if (watch) clearInterval(watch);
    await worker?.stop();
    await queue.close();
  }
  io.stdout(`Worker ${process.pid}: stopped after recording ${worker.recorded()} run${worker.recorded() === 1 ? "" : "s"}\n`);
}
