// In-process events of running jobs (status, progress, the final result), for server-sent events.

export interface JobEvent {
  /** `status`, `progress` or `result` (the last event of a job). */
  readonly event: string;
  readonly data: unknown;
}

export type JobListener = (event: JobEvent) => void;

export class JobEvents {
  private readonly listeners = new Map<string, Set<JobListener>>();

  /** Listen to a job's events; returns the function that stops listening. */
  subscribe(id: string, listener: JobListener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(id) === set) this.listeners.delete(id);
    };
  }

  emit(id: string, event: string, data: unknown): void {
    const set = this.listeners.get(id);
    if (!set) return;
    for (const listener of [...set]) listener({ event, data });
  }

  listenerCount(id: string): number {
    return this.listeners.get(id)?.size ?? 0;
  }
}
