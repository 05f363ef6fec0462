// An in-process job queue: at most `concurrency` jobs run at a time, at most `maxJobs` wait or run.
// Each job has its own abort signal: cancelling a job aborts it with PARLEY_HTTP_JOB_CANCELLED,
// closing the queue aborts every running job with PARLEY_HTTP_JOB_INTERRUPTED (`signal.reason`).
import { HttpError } from "../errors.js";

export interface JobQueueOptions {
  /** Used in messages: "simulation", "tournament". */
  readonly name: string;
  readonly concurrency: number;
  /** Jobs waiting or running; one more is refused with PARLEY_HTTP_QUEUE_FULL (429). */
  readonly maxJobs: number;
}

/** A reserved place in the queue (see JobQueue.reserve). */
export interface JobSlot {
  /**
   * Queue the job. `run` must record its own failures; anything it throws goes to `onUnhandled`.
   * Its signal is aborted when the job is cancelled or the queue closes; the reason is an HttpError
   * (PARLEY_HTTP_JOB_CANCELLED or PARLEY_HTTP_JOB_INTERRUPTED).
   */
  push(id: string, run: (signal: AbortSignal) => Promise<void>, onUnhandled?: (error: unknown) => void): void;
  /** Give the place back (the job was not created). */
  cancel(): void;
}

interface Job {
  readonly id: string;
  readonly run: (signal: AbortSignal) => Promise<void>;
  readonly controller: AbortController;
}

export class JobQueue {
  private readonly waiting: Job[] = [];
  private readonly running = new Map<string, Job>();
  /** Per running job: resolves when its run has returned. */
  private readonly endings = new Map<string, Promise<void>>();
  private reserved = 0;
  private closing = false;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(readonly options: JobQueueOptions) {}

  counts(): { running: number; queued: number } {
    return { running: this.running.size, queued: this.waiting.length };
  }

  /**
   * Take a place in the queue for a job about to be created, or throw HttpError
   * PARLEY_HTTP_QUEUE_FULL (429) / PARLEY_HTTP_SHUTTING_DOWN (503). Reserve before creating any
   * record of the job; then `push` it, or `cancel` when creating it failed.
   */
  reserve(): JobSlot {
    if (this.closing) throw new HttpError("PARLEY_HTTP_SHUTTING_DOWN");
    const n = this.running.size + this.waiting.length + this.reserved;
    if (n >= this.options.maxJobs) throw new HttpError("PARLEY_HTTP_QUEUE_FULL", [this.options.name, n]);
    this.reserved++;
    let used = false;
    const release = () => {
      if (used) return false;
      used = true;
      this.reserved--;
      return true;
    };
    return {
      push: (id, run, onUnhandled = () => {}) => {
        if (!release()) throw new Error("job slot used twice");
        if (this.closing) throw new HttpError("PARLEY_HTTP_SHUTTING_DOWN");
        this.waiting.push({
          id,
          controller: new AbortController(),
          run: async (signal) => {
            try {
              await run(signal);
            } catch (error) {
              onUnhandled(error);
            }
          },
        });
        // Start on a later turn of the event loop, so that the request that queued it is answered first.
        setImmediate(() => this.pump());
      },
      cancel: () => void release(),
    };
  }

  /**
   * Cancel a job: one still waiting is dropped ("queued": the caller records it), a running one has
   * its signal aborted ("running": the job records how it ended). Undefined when the queue does not hold it.
   */
  cancel(id: string): "queued" | "running" | undefined {
    const k = this.waiting.findIndex((j) => j.id === id);
    if (k >= 0) {
      this.waiting.splice(k, 1);
      this.notifyIdle();
      return "queued";
    }
    const job = this.running.get(id);
    if (!job) return undefined;
    job.controller.abort(new HttpError("PARLEY_HTTP_JOB_CANCELLED"));
    return "running";
  }

  /** Resolves when the job is not running (at once when it is not). */
  settled(id: string): Promise<void> {
    return this.endings.get(id) ?? Promise.resolve();
  }

  /** Whether the queue holds the job (waiting or running). */
  has(id: string): boolean {
    return this.running.has(id) || this.waiting.some((j) => j.id === id);
  }

  private pump(): void {
    while (!this.closing && this.running.size < this.options.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running.set(job.id, job);
      const ending = job.run(job.controller.signal).finally(() => {
        this.running.delete(job.id);
        this.endings.delete(job.id);
        this.pump();
        this.notifyIdle();
      });
      this.endings.set(job.id, ending);
    }
    this.notifyIdle();
  }

  private notifyIdle(): void {
    if (this.running.size === 0 && (this.waiting.length === 0 || this.closing)) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Resolves when no job runs and none waits. */
  idle(): Promise<void> {
    if (this.running.size === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stop: refuse new jobs, abort the running ones' signals (PARLEY_HTTP_JOB_INTERRUPTED) and wait for
   * them to return. Returns the ids of the jobs that were still waiting (never started).
   */
  async close(): Promise<string[]> {
    this.closing = true;
    for (const job of this.running.values()) job.controller.abort(new HttpError("PARLEY_HTTP_JOB_INTERRUPTED"));
    const dropped = this.waiting.splice(0).map((j) => j.id);
    if (this.running.size > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    return dropped;
  }
}
