// The only module that listens (and the only one that reads the environment or handles signals).
// Run directly: `tsx --conditions=@parley/source packages/server/src/start.ts`, or `parley serve`.
//   PARLEY_PORT   port on 127.0.0.1 (default 4600; 0 picks a free one)
//   PARLEY_DB     SQLite file (default ./data/parley.sqlite, folder created) or a postgres:// URL
//   DATABASE_URL  PostgreSQL URL, used when PARLEY_DB is not set
//   PARLEY_STATIC_DIR  the web app's build (default packages/web/dist when present)
//   PARLEY_RATE_LIMIT  requests per minute per client on the heavy endpoints (default 600; "off")
//   PARLEY_UPLOAD_RATE_LIMIT  uploads per minute per client (default 60; "off")
//   PARLEY_ALLOWED_HOSTS  host names the server answers besides 127.0.0.1, localhost and [::1]
//                 (comma-separated, `name` or `name:port`)
//   PARLEY_WORKERS  worker threads for the heavy computations (default: cores − 1, 1 to 4; 0: none)
//   PARLEY_QUEUE  with a PostgreSQL store, tournaments go on its job queue (pg-boss) so that `parley
//                 worker` processes elsewhere can play them (default on; "off": run them here only)
//   PARLEY_QUEUE_WORKERS  queued runs this server plays itself at a time (default PARLEY_WORKERS; 0: none)
//   PARLEY_LOG=1  request logging (pino JSON on stdout)
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FastifyInstance } from "fastify";
import { buildApp, type BuildAppOptions } from "./app.js";
import type { ServerLimits } from "./context.js";
import { hostAllowlist } from "./host-check.js";
import { isPostgresUrl, redactUrl } from "./store/connect.js";

export const DEFAULT_PORT = 4600;
export const DEFAULT_DB = "./data/parley.sqlite";
/** packages/web/dist, from src/ or dist/ of this package. */
export const defaultStaticDir = fileURLToPath(new URL("../../web/dist/", import.meta.url));

export interface ServerConfig {
  readonly port: number;
  readonly db: string;
  readonly staticDir?: string;
  readonly logger: boolean;
  /** From PARLEY_RATE_LIMIT, when set. */
  readonly rateLimit?: ServerLimits["rateLimit"];
  /** From PARLEY_UPLOAD_RATE_LIMIT, when set. */
  readonly uploadRateLimit?: ServerLimits["uploadRateLimit"];
  /** From PARLEY_ALLOWED_HOSTS, when set. */
  readonly allowedHosts?: readonly string[];
  /** From PARLEY_WORKERS, when set. */
  readonly workers?: number;
  /** The job queue of tournaments: the PostgreSQL store's URL unless PARLEY_QUEUE=off. */
  readonly queue?: string;
  /** From PARLEY_QUEUE_WORKERS, when set. */
  readonly queueWorkers?: number;
}

/** A per-minute rate limit from the environment: a number, or "off" (or 0); undefined when unset. */
function rateLimitFromEnv(env: NodeJS.ProcessEnv, name: string): ServerLimits["rateLimit"] | undefined {
  const text = env[name];
  if (text === undefined || text === "") return undefined;
  const max = Number(text);
  if (text === "off" || max === 0) return false;
  if (Number.isInteger(max) && max > 0) return { max, windowMs: 60_000 };
  throw new Error(`${name} must be a number of requests per minute or "off", got "${text}"`);
}

/** The configuration the environment gives (see the top of this file). Throws for a bad PARLEY_PORT. */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const portText = env["PARLEY_PORT"];
  const port = portText === undefined || portText === "" ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PARLEY_PORT must be a port number (0–65535), got "${portText}"`);
  const db = env["PARLEY_DB"] || env["DATABASE_URL"] || DEFAULT_DB;
  const staticDir = env["PARLEY_STATIC_DIR"] || (existsSync(defaultStaticDir) ? defaultStaticDir : undefined);
  const rateLimit = rateLimitFromEnv(env, "PARLEY_RATE_LIMIT");
  const uploadRateLimit = rateLimitFromEnv(env, "PARLEY_UPLOAD_RATE_LIMIT");
  const hostsText = env["PARLEY_ALLOWED_HOSTS"];
  const allowedHosts = hostsText ? hostsText.split(",").map((h) => h.trim()).filter((h) => h !== "") : undefined;
  if (allowedHosts) hostAllowlist(allowedHosts); // throws for an entry that is not a host
  const threads = (name: string): number | undefined => {
    const text = env[name];
    if (text === undefined || text === "") return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0 || n > 64) throw new Error(`${name} must be a number of threads (0–64), got "${text}"`);
    return n;
  };
  const workers = threads("PARLEY_WORKERS");
  const queueWorkers = threads("PARLEY_QUEUE_WORKERS");
  const queueText = env["PARLEY_QUEUE"] ?? "";
  if (!["", "on", "off"].includes(queueText)) throw new Error(`PARLEY_QUEUE must be "on" or "off", got "${queueText}"`);
  const queue = isPostgresUrl(db) && queueText !== "off" ? db : undefined;
  return {
    port,
    db,
    ...(staticDir ? { staticDir } : {}),
    logger: env["PARLEY_LOG"] === "1",
    ...(rateLimit !== undefined ? { rateLimit } : {}),
    ...(uploadRateLimit !== undefined ? { uploadRateLimit } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(allowedHosts ? { allowedHosts } : {}),
    ...(queue !== undefined ? { queue } : {}),
    ...(queueWorkers !== undefined ? { queueWorkers } : {}),
  };
}

export interface StartOptions extends Omit<BuildAppOptions, "store"> {
  /** Default: PARLEY_PORT, else 4600. 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** Close gracefully on SIGINT and SIGTERM (default true). */
  readonly signals?: boolean;
  /** Where the start-up line goes (default stdout). */
  readonly print?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  /** Stop listening, let running jobs stop, close the store. */
  close(): Promise<void>;
  /** Resolves once the server has closed (by close() or a signal). */
  readonly closed: Promise<void>;
}

/** Build the app and listen on 127.0.0.1; options override the environment. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = serverConfigFromEnv();
  const print = options.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const db = options.db ?? env.db;
  const staticDir = options.staticDir ?? env.staticDir;
  // The queue follows the store: a PostgreSQL store given here gets its queue too (unless PARLEY_QUEUE=off).
  const queue = options.queue ?? (options.db === undefined ? env.queue : isPostgresUrl(db) && process.env["PARLEY_QUEUE"] !== "off" ? db : undefined);
  const queueWorkers = options.queueWorkers ?? env.queueWorkers;
  const app = await buildApp({
    ...options,
    db,
    ...(staticDir !== undefined ? { staticDir } : {}),
    ...(queue !== undefined ? { queue } : {}),
    ...(queueWorkers !== undefined ? { queueWorkers } : {}),
    logger: options.logger ?? env.logger,
    ...(options.allowedHosts ?? env.allowedHosts ? { allowedHosts: options.allowedHosts ?? env.allowedHosts } : {}),
    limits: {
      ...(env.rateLimit !== undefined ? { rateLimit: env.rateLimit } : {}),
      ...(env.uploadRateLimit !== undefined ? { uploadRateLimit: env.uploadRateLimit } : {}),
      ...(env.workers !== undefined ? { workers: env.workers } : {}),
      ...options.limits,
    },
  });
  const host = options.host ?? "127.0.0.1";
  try {
    await app.listen({ host, port: options.port ?? env.port });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? env.port);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let closing: Promise<void> | undefined;
  const signals = options.signals ?? true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      print(`${signal} again: exiting now`);
      process.exit(130);
    }
    print(`${signal}: shutting down (running jobs are stopped; press again to exit now)`);
    void close();
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (signals) {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
      try {
        await app.close();
      } finally {
        resolveClosed();
      }
    })();
    return closing;
  };
  if (signals) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }

  const store = isPostgresUrl(db) ? `PostgreSQL ${redactUrl(db)}` : `SQLite ${db}`;
  print(
    `Parley server on ${url}  (API ${url}/api, docs ${url}/docs; store: ${store}${queue !== undefined ? "; tournaments on its job queue" : ""}${staticDir ? `; web app: ${staticDir}` : ""})`,
  );
  return { url, app, close, closed };
}

// Run directly (not imported): start from the environment and exit when closed.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const server = await startServer();
    await server.closed;
  } catch (error) {
    process.stderr.write(`parley server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
