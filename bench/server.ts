// Server benchmark: API throughput and latency under concurrent load, on loopback.
// The server runs in a child process (`packages/server/src/start.ts` under tsx, SQLite in memory,
// rate limit off) on 127.0.0.1 and a free port; autocannon keeps N requests in flight over
// keep-alive connections for T seconds (or until a request budget is spent) and reports req/s and
// latency percentiles.
// Run alone: `tsx --conditions=@parley/source bench/server.ts [--size smoke] [--under-load]`;
// bench/run.ts calls serverBenchmarks(smoke) and nonBlockingBenchmarks(smoke).
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Measurement } from "./harness.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const startScript = path.resolve(here, "../packages/server/src/start.ts");

export interface LoadOptions {
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Stop issuing requests after this long. */
  readonly durationMs: number;
  /** Send exactly this many requests instead of running for `durationMs`. */
  readonly maxRequests?: number;
  /** A path (with query) per request number: the same path for a cached result, varying ones for fresh work. */
  readonly path: (i: number) => string;
  /** Requests before measuring (JIT, caches); not counted. */
  readonly warmup?: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface ServerMeasurement extends Measurement, LoadResult {
  readonly concurrency: number;
}

/**
 * Keep `concurrency` GETs in flight against `base` with autocannon (keep-alive connections) until the
 * time or request budget is spent; a warm-up run first (JIT, caches) is not counted.
 */
export async function loadTest(base: URL, options: LoadOptions): Promise<LoadResult> {
  // autocannon stops at `amount` requests when given (its duration is then ignored), else after `duration`.
  const fire = async (budget: { amount: number } | { duration: number }) => {
    let i = 0;
    const connections = "amount" in budget ? Math.min(options.concurrency, budget.amount) : options.concurrency;
    return autocannon({
      url: base.origin,
      connections,
      ...budget,
      requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: options.path(i++) }) }],
    });
  };
  if (options.warmup) await fire({ amount: options.warmup });
  const r = await fire(options.maxRequests !== undefined ? { amount: options.maxRequests } : { duration: options.durationMs / 1000 });
  const seconds = r.duration;
  const requests = r.requests.total;
  return {
    requests,
    errors: r.errors + r.non2xx + r.timeouts,
    seconds,
    requestsPerSecond: requests / seconds,
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
  };
}

/** Start the server in a child process (`env` added to its environment); resolves with its URL once it listens. */
export async function startChild(env: Record<string, string> = {}): Promise<{ url: URL; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@parley/source", startScript], {
    cwd: path.resolve(here, ".."),
    env: { ...process.env, PARLEY_PORT: "0", PARLEY_DB: ":memory:", PARLEY_RATE_LIMIT: "off", PARLEY_STATIC_DIR: "", PARLEY_LOG: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s: ${err || out}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Parley server on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(new URL(m[1]!));
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => void (err += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening: ${err || out}`));
    });
  });
  return { url, child };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Throughput of the analysis endpoint: (1) the ceasefire-talks example's analysis served from the cache,
 * (2) analyses computed per request (a distinct enumeration limit each time, so every request
 * misses the cache), and GET /api/health as the server's floor.
 */
export async function serverBenchmarks(smoke: boolean): Promise<ServerMeasurement[]> {
  const { url, child } = await startChild();
  const concurrency = smoke ? 8 : 32;
  const durationMs = smoke ? 1_000 : 5_000;
  const out: ServerMeasurement[] = [];
  const run = async (name: string, options: Omit<LoadOptions, "concurrency" | "durationMs">, inFlight = concurrency) => {
    const r = await loadTest(url, { concurrency: inFlight, durationMs, ...options });
    out.push({
      name,
      medianMs: r.p50Ms,
      runsMs: [],
      detail: `${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${r.requests} requests${r.errors ? `, ${r.errors} errors` : ""} (${inFlight} concurrent, ${r.seconds.toFixed(1)} s)`,
      concurrency: inFlight,
      ...r,
    });
  };
  try {
    await run("server: GET /api/health", { path: () => "/api/health", warmup: 200 });
    await run("server: GET …/analysis, cached (ceasefire-talks, 43,092 outcomes)", {
      path: () => "/api/scenarios/ceasefire-talks/analysis",
      warmup: 200,
    });
    // A distinct `limit` per request (all above the space's size: the same analysis) defeats the
    // cache. At most 16 in flight: the server's analysis queue (analysisJobs) refuses more with 429.
    await run(
      "server: GET …/analysis, computed per request (ceasefire-talks)",
      {
        path: (i) => `/api/scenarios/ceasefire-talks/analysis?limit=${1_000_000 + i + 1000}`,
        maxRequests: smoke ? 30 : 300,
        warmup: 3,
      },
      Math.min(concurrency, 16),
    );
  } finally {
    await stopChild(child);
  }
  return out;
}

/**
 * Does the server keep answering while it computes? `analyses` uncached analyses stay in flight (a
 * distinct enumeration limit per request defeats the cache) while GET /api/health is loaded at the
 * same time; health's latency and the analysis throughput, with `workers` worker threads
 * (PARLEY_WORKERS; 0 computes in the server's own thread, as before the worker pool).
 */
async function underLoad(workers: number, smoke: boolean, analyses = 4): Promise<ServerMeasurement[]> {
  const { url, child } = await startChild({ PARLEY_WORKERS: String(workers) });
  const durationMs = smoke ? 2_000 : 10_000;
  const mode = workers === 0 ? "in-process (PARLEY_WORKERS=0)" : `${workers} worker thread${workers === 1 ? "" : "s"}`;
  try {
    let n = 0;
    const analysisPath = () => `/api/scenarios/ceasefire-talks/analysis?limit=${2_000_000 + n++}`;
    await loadTest(url, { concurrency: 1, durationMs, maxRequests: 2, path: analysisPath }); // threads started, code warm
    await loadTest(url, { concurrency: 1, durationMs, maxRequests: 200, path: () => "/api/health" });
    const alone = await loadTest(url, { concurrency: analyses, durationMs: durationMs / 2, path: analysisPath });
    const [health, analysis] = await Promise.all([
      loadTest(url, { concurrency: 4, durationMs, path: () => "/api/health" }),
      loadTest(url, { concurrency: analyses, durationMs, path: analysisPath }),
    ]);
    const row = (name: string, r: LoadResult, concurrency: number): ServerMeasurement => ({
      name,
      medianMs: r.p50Ms,
      runsMs: [],
      detail: `${r.requestsPerSecond.toFixed(r.requestsPerSecond < 100 ? 1 : 0)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, max ${r.maxMs.toFixed(0)} ms, ${r.requests} requests${r.errors ? `, ${r.errors} errors` : ""} (${concurrency} concurrent, ${r.seconds.toFixed(1)} s)`,
      concurrency,
      ...r,
    });
    return [
      row(`server, ${mode}: GET /api/health while ${analyses} uncached analyses run`, health, 4),
      row(`server, ${mode}: uncached analyses (ceasefire-talks), ${analyses} in flight`, analysis, analyses),
      row(`server, ${mode}: the same analyses alone (no health load)`, alone, analyses),
    ];
  } finally {
    await stopChild(child);
  }
}

/** The server's event loop under analysis load, with worker threads (the default) and in-process. */
export async function nonBlockingBenchmarks(smoke: boolean): Promise<ServerMeasurement[]> {
  const threads = Math.max(1, Math.min(4, availableParallelism() - 1));
  return [...(await underLoad(threads, smoke)), ...(await underLoad(0, smoke))];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const smoke = process.argv.includes("--size") && process.argv[process.argv.indexOf("--size") + 1] === "smoke";
  const only = process.argv.includes("--under-load");
  for (const m of [...(only ? [] : await serverBenchmarks(smoke)), ...(await nonBlockingBenchmarks(smoke))]) console.log(`${m.name.padEnd(80)} ${m.detail}`);
}
