// The server's worker threads (piscina): every heavy computation (analyses, outcomes, references,
// simulations, tournament runs) runs here, so the event loop keeps answering. Each call has a time
// limit and may be aborted (the worker running it is terminated and replaced); each thread has a
// heap limit. Callers that need a bounded queue take a place with `admit` first.
import { Piscina } from "piscina";
import { ParleyError, type ParleyErrorCode } from "@parley/core";
import { HttpError, type HttpErrorCode } from "../errors.js";
import { runTask, type TaskFailure, type TaskReply, type TaskValues, type WorkerTask } from "./tasks.js";

export interface WorkerPoolOptions {
  /** Worker threads; 0 runs every task on the calling thread (no isolation, limits not enforced: for comparisons). */
  readonly threads: number;
  /** Heap limit of each thread, in MB (piscina resourceLimits.maxOldGenerationSizeMb). */
  readonly memoryMb: number;
  /** The worker module (a URL or path); default: this package's worker. For tests. */
  readonly workerFile?: string;
}

export interface RunTaskOptions {
  /** What is computed, for messages ("analysis", "simulation", …). */
  readonly what: string;
  /** Past this, the task is stopped: HttpError PARLEY_HTTP_TIME_LIMIT. Counts from submission (waiting for a thread included). */
  readonly timeoutMs: number;
  /** Aborted: the task is dropped or its worker terminated; the promise rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
}

/** The worker module: the TypeScript source through a tsx bootstrap when running from source, else the built file. */
function defaultWorkerFile(): string {
  const here = import.meta.url;
  return new URL(here.endsWith(".ts") ? "./worker-from-source.mjs" : "./worker.js", here).href;
}

/** A task's failure, as the error class the rest of the server understands. */
export function failureError(failure: TaskFailure): Error {
  if (failure.kind === "parley") return new ParleyError(failure.code as ParleyErrorCode, failure.message);
  if (failure.kind === "http" || failure.kind === "protocol") return HttpError.withMessage(failure.code as HttpErrorCode, failure.message, failure.issues);
  return new Error(failure.message);
}

const isOutOfMemory = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ERR_WORKER_OUT_OF_MEMORY";

/** A counter with a ceiling: how many computations of one kind wait or run. */
export class Gate {
  private count = 0;
  constructor(
    /** Used in messages: "analysis". */
    readonly name: string,
    readonly max: number,
  ) {}

  /** Take a place, or throw HttpError PARLEY_HTTP_QUEUE_FULL (429). Returns the function that gives it back. */
  enter(): () => void {
    if (this.count >= this.max) throw new HttpError("PARLEY_HTTP_QUEUE_FULL", [this.name, this.count]);
    this.count++;
    let left = false;
    return () => {
      if (!left) this.count--;
      left = true;
    };
  }

  get active(): number {
    return this.count;
  }
}

export class WorkerPool {
  private readonly piscina: Piscina<WorkerTask, TaskReply> | undefined;
  private closed = false;

  constructor(readonly options: WorkerPoolOptions) {
    if (options.threads > 0)
      this.piscina = new Piscina<WorkerTask, TaskReply>({
        filename: options.workerFile ?? defaultWorkerFile(),
        minThreads: 0,
        maxThreads: options.threads,
        idleTimeout: 30_000,
        resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
      });
  }

  /** Threads started, tasks waiting for one. */
  counts(): { threads: number; queued: number } {
    return { threads: this.piscina?.threads.length ?? 0, queued: this.piscina?.queueSize ?? 0 };
  }

  /**
   * Run a task and answer its value. Throws what the task threw (ParleyError, HttpError), HttpError
   * PARLEY_HTTP_TIME_LIMIT / PARLEY_HTTP_MEMORY_LIMIT when it was stopped, `signal.reason` when aborted.
   */
  async run<K extends WorkerTask["kind"]>(task: Extract<WorkerTask, { kind: K }>, options: RunTaskOptions): Promise<TaskValues[K]> {
    if (this.closed) throw new HttpError("PARLEY_HTTP_SHUTTING_DOWN");
    options.signal?.throwIfAborted();
    const reply = this.piscina ? await this.runOnThread(task, options) : await runTask(task);
    if (!reply.ok) throw failureError(reply.error);
    return reply.value as TaskValues[K];
  }

  private async runOnThread(task: WorkerTask, options: RunTaskOptions): Promise<TaskReply> {
    const timeout = AbortSignal.timeout(Math.max(1, Math.ceil(options.timeoutMs)));
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      return await this.piscina!.run(task, { signal });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (timeout.aborted) throw new HttpError("PARLEY_HTTP_TIME_LIMIT", [options.what, options.timeoutMs / 1000]);
      if (isOutOfMemory(error)) throw new HttpError("PARLEY_HTTP_MEMORY_LIMIT", [options.what, this.options.memoryMb]);
      if (this.closed) throw new HttpError("PARLEY_HTTP_SHUTTING_DOWN");
      throw error;
    }
  }

  /** Stop every thread (running tasks are dropped). */
  async close(): Promise<void> {
    this.closed = true;
    await this.piscina?.destroy();
  }
}
