// Timings the benchmarks and e2e tests read from the page: window.__parleyMetrics.

export interface ParleyMetrics {
  /** Time to draw the outcome space (ms): rasterise, put into the offscreen canvas, paint; and how many outcomes. */
  outcomeDraw?: { readonly ms: number; readonly rasterMs: number; readonly points: number; readonly at: number };
  /** Time the worker (or the server) took to compute the outcome space's utilities. */
  outcomeSpace?: { readonly ms: number; readonly source: string; readonly count: number };
  /** The last what-if analysis in the worker: its time (ms, from the request) and scenario key. */
  workerAnalysis?: { readonly ms: number; readonly key: string };
  /** When the stance matrix first appeared (ms since navigation start). */
  stanceMatrixReady?: number;
  [name: string]: unknown;
}

declare global {
  interface Window {
    __parleyMetrics?: ParleyMetrics;
  }
}

export function recordMetric<K extends keyof ParleyMetrics>(name: K, value: ParleyMetrics[K]): void {
  if (typeof window === "undefined") return;
  (window.__parleyMetrics ??= {})[name] = value;
}
