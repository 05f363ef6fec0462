// The page's side of the analysis worker: promise-based calls. When no worker can be started (or it
// crashes), the same tasks run on the main thread, loaded on demand.
import type { Scenario } from "@parley/core";
import type { AnalysisJson } from "../api/types.js";
import type { BriefingRequest } from "./briefing-task.js";
import type { FrameworksResult, HistoryResult, ViewRequest } from "./framework-tasks.js";
import type { WorkerRequest, WorkerResponse } from "./protocol.js";
import type { SpaceRequest, SpaceResult } from "./tasks.js";

export interface AnalysisWorker {
  outcomeSpace(request: SpaceRequest): Promise<SpaceResult>;
  analyze(scenario: Scenario, seed?: number): Promise<AnalysisJson>;
  /** The framework report of a view of the scenario (as of a date, readings applied). */
  frameworks(request: ViewRequest): Promise<FrameworksResult>;
  /** The verdict history of the scenario (readings applied). */
  history(request: ViewRequest): Promise<HistoryResult>;
  /** The briefing of a view of the scenario: one self-contained HTML document. */
  briefing(request: BriefingRequest): Promise<string>;
  /** Whether the work runs in a Web Worker (false: inline fallback). */
  readonly inWorker: boolean;
}

export class WorkerTaskError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "WorkerTaskError";
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Payload =
  | { type: "space"; request: SpaceRequest }
  | { type: "analyze"; scenario: Scenario; seed?: number }
  | { type: "frameworks" | "history"; request: ViewRequest }
  | { type: "briefing"; request: BriefingRequest };

function inline(): AnalysisWorker {
  const tasks = import("./tasks.js");
  const frameworkTasks = import("./framework-tasks.js");
  let cache: import("./tasks.js").SpaceCache | undefined;
  return {
    inWorker: false,
    async outcomeSpace(request) {
      const t = await tasks;
      cache ??= new t.SpaceCache();
      return t.outcomeSpace(request, cache);
    },
    async analyze(scenario, seed) {
      const solver = async () => (await import("./solver.js")).solveInBrowser;
      return (await tasks).analyzeInBrowser(scenario, { ...(seed !== undefined ? { seed } : {}), solver });
    },
    async frameworks(request) {
      return (await frameworkTasks).frameworksOfView(request);
    },
    async history(request) {
      return (await frameworkTasks).historyOfView(request);
    },
    async briefing(request) {
      return (await import("./briefing-task.js")).briefingOfView(request);
    },
  };
}

export function createAnalysisWorker(): AnalysisWorker {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module", name: "parley-analysis" });
  } catch {
    return inline();
  }
  let next = 1;
  const pending = new Map<number, Pending>();
  let fallback: AnalysisWorker | null = null;

  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const m = event.data;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new WorkerTaskError(m.error, m.code));
  };
  worker.onerror = (event) => {
    // The worker itself failed (e.g. could not load): fail what is pending, run the rest inline.
    event.preventDefault();
    fallback ??= inline();
    for (const p of pending.values()) p.reject(new WorkerTaskError(`analysis worker failed: ${event.message}`, undefined));
    pending.clear();
    worker.terminate();
  };

  const call = <T>(payload: Payload): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, ...payload } as WorkerRequest);
    });

  return {
    get inWorker() {
      return fallback === null;
    },
    outcomeSpace: (request) => (fallback ? fallback.outcomeSpace(request) : call<SpaceResult>({ type: "space", request })),
    analyze: (scenario, seed) =>
      fallback ? fallback.analyze(scenario, seed) : call<AnalysisJson>(seed === undefined ? { type: "analyze", scenario } : { type: "analyze", scenario, seed }),
    frameworks: (request) => (fallback ? fallback.frameworks(request) : call<FrameworksResult>({ type: "frameworks", request })),
    history: (request) => (fallback ? fallback.history(request) : call<HistoryResult>({ type: "history", request })),
    briefing: (request) => (fallback ? fallback.briefing(request) : call<string>({ type: "briefing", request })),
  };
}

let shared: AnalysisWorker | null = null;

/** The app's one analysis worker, started on first use. */
export function analysisWorker(): AnalysisWorker {
  shared ??= createAnalysisWorker();
  return shared;
}
