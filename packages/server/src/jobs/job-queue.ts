// An in-process job queue: at most `concurrency` jobs run at a time, at most `maxJobs` wait or run.
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
   * The signal is aborted when the queue closes: a long job should stop at its next convenient point.
   */
  push(id: string, run: (signal: AbortSignal) => Promise<void>, onUnhandled?: (error: unknown) => void): void;
  /** Give the place back (the job was not created). */
  cancel(): void;
}

interface Job {
  readonly id: string;
  readonly run: (signal: AbortSignal) => Promise<void>;
}

export class JobQueue {
  private readonly waiting: Job[] = [];
  private running = 0;
  private reserved = 0;
  private closing = false;
  private readonly controller = new AbortController();
  private readonly idleWaiters: (() => void)[] = [];

  constructor(readonly options: JobQueueOptions) {}

  counts(): { running: number; queued: number } {
    return { running: this.running, queued: this.waiting.length };
  }

  /**
   * Take a place in the queue for a job about to be created, or throw HttpError
   * PARLEY_HTTP_QUEUE_FULL (429) / PARLEY_HTTP_SHUTTING_DOWN (503). Reserve before creating any
   * record of the job; then `push` it, or `cancel` when creating it failed.
   */
  reserve(): JobSlot {
    if (this.closing) throw new HttpError("PARLEY_HTTP_SHUTTING_DOWN");
    const n = this.running + this.waiting.length + this.reserved;
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

  private pump(): void {
    while (!this.closing && this.running < this.options.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running++;
      void job.run(this.controller.signal).finally(() => {
        this.running--;
        this.pump();
        this.notifyIdle();
      });
    }
    this.notifyIdle();
  }

  private notifyIdle(): void {
    if (this.running === 0 && (this.waiting.length === 0 || this.closing)) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Resolves when no job runs and none waits. */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stop: refuse new jobs, abort the running ones' signals and wait for them to return.
   * Returns the ids of the jobs that were still waiting (never started).
   */
  async close(): Promise<string[]> {
    this.closing = true;
    this.controller.abort();
    const dropped = this.waiting.splice(0).map((j) => j.id);
    if (this.running > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    return dropped;
  }
}
