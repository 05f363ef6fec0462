// The analysis worker: runs ./tasks.ts off the main thread. Utility columns come back as
// transferred typed arrays (no copy).
import type { WorkerRequest, WorkerResponse } from "./protocol.js";
import { briefingOfView } from "./briefing-task.js";
import { frameworksOfView, historyOfView } from "./framework-tasks.js";
import { analyzeInBrowser, outcomeSpace, SpaceCache } from "./tasks.js";

const cache = new SpaceCache();
/** @parley/solve and its WebAssembly load on the first space that needs them. */
const solver = async () => (await import("./solver.js")).solveInBrowser;
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
};

scope.onmessage = async (event) => {
  const message = event.data;
  try {
    if (message.type === "space") {
      const result = outcomeSpace(message.request, cache);
      scope.postMessage({ id: message.id, ok: true, type: "space", result }, [...result.columns.map((c) => c.buffer), result.rational.buffer]);
    } else if (message.type === "frameworks") {
      scope.postMessage({ id: message.id, ok: true, type: "frameworks", result: frameworksOfView(message.request) });
    } else if (message.type === "briefing") {
      scope.postMessage({ id: message.id, ok: true, type: "briefing", result: briefingOfView(message.request) });
    } else if (message.type === "history") {
      scope.postMessage({ id: message.id, ok: true, type: "history", result: historyOfView(message.request) });
    } else {
      const result = await analyzeInBrowser(message.scenario, { ...(message.seed !== undefined ? { seed: message.seed } : {}), solver });
      scope.postMessage({ id: message.id, ok: true, type: "analyze", result });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    scope.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error), ...(code ? { code } : {}) });
  }
};
