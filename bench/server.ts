// Server benchmark: API throughput and latency under concurrent load, on loopback.
// The server runs in a child process (`packages/server/src/start.ts` under tsx, SQLite in memory,
// rate limit off) on 127.0.0.1 and a free port; a small load generator here keeps N requests in
// flight over keep-alive connections for T seconds (or until a request budget is spent) and
// reports req/s and latency percentiles.
// Run alone: `tsx --conditions=@parley/source bench/server.ts [--size smoke]`; bench/run.ts calls
// serverBenchmarks(smoke).
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
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
  /** Stop after this many requests in all. */
  readonly maxRequests: number;
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

function get(agent: http.Agent, base: URL, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ agent, host: base.hostname, port: base.port, path }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

const percentile = (sorted: readonly number[], q: number): number => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);

/** Keep `concurrency` GETs in flight against `base` until the time or request budget is spent. */
export async function loadTest(base: URL, options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  try {
    for (let i = 0; i < (options.warmup ?? 0); i++) await get(agent, base, options.path(-1 - i));
    const latencies: number[] = [];
    let errors = 0;
    let issued = 0;
    const t0 = performance.now();
    const deadline = t0 + options.durationMs;
    const worker = async () => {
      while (issued < options.maxRequests && performance.now() < deadline) {
        const i = issued++;
        const s = performance.now();
        try {
          const status = await get(agent, base, options.path(i));
          if (status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - s);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      errors,
      seconds,
      requestsPerSecond: latencies.length / seconds,
      p50Ms: percentile(latencies, 0.5),
      p90Ms: percentile(latencies, 0.9),
      p99Ms: percentile(latencies, 0.99),
      maxMs: latencies.at(-1) ?? NaN,
    };
  } finally {
    agent.destroy();
  }
}

/** Start the server in a child process; resolves with its URL once it listens. */
async function startChild(): Promise<{ url: URL; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@parley/source", startScript], {
    cwd: path.resolve(here, ".."),
    env: { ...process.env, PARLEY_PORT: "0", PARLEY_DB: ":memory:", PARLEY_RATE_LIMIT: "off", PARLEY_STATIC_DIR: "", PARLEY_LOG: "0" },
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

async function stopChild(child: ChildProcess): Promise<void> {
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
  const run = async (name: string, options: Omit<LoadOptions, "concurrency" | "durationMs">) => {
    const r = await loadTest(url, { concurrency, durationMs, ...options });
    out.push({
      name,
      medianMs: r.p50Ms,
      runsMs: [],
      detail: `${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${r.requests} requests${r.errors ? `, ${r.errors} errors` : ""} (${concurrency} concurrent, ${r.seconds.toFixed(1)} s)`,
      concurrency,
      ...r,
    });
  };
  try {
    await run("server: GET /api/health", { path: () => "/api/health", maxRequests: smoke ? 5_000 : 200_000, warmup: 200 });
    await run("server: GET …/analysis, cached (ceasefire-talks, 43,092 outcomes)", {
      path: () => "/api/scenarios/ceasefire-talks/analysis",
      maxRequests: smoke ? 5_000 : 200_000,
      warmup: 200,
    });
    // A distinct `limit` per request (all above the space's size: the same analysis) defeats the cache.
    await run("server: GET …/analysis, computed per request (ceasefire-talks)", {
      path: (i) => `/api/scenarios/ceasefire-talks/analysis?limit=${1_000_000 + i + 1000}`,
      maxRequests: smoke ? 50 : 2_000,
      warmup: 3,
    });
  } finally {
    await stopChild(child);
  }
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const smoke = process.argv.includes("--size") && process.argv[process.argv.indexOf("--size") + 1] === "smoke";
  for (const m of await serverBenchmarks(smoke)) console.log(`${m.name.padEnd(66)} ${m.detail}`);
}
