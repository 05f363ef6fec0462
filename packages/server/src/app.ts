// buildApp(options): the Parley server as a Fastify instance. It never listens (see start.ts); tests
// drive it with app.inject().
import { existsSync, statSync } from "node:fs";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import path from "node:path";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import fastifyWebsocket from "@fastify/websocket";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { ResultCache } from "./analysis/result-cache.js";
import { roomStreamAsyncApi } from "./api/asyncapi.js";
import { noQuery } from "./api/contract.js";
import { defaultLimits, type ParleyApp, type ServerContext, type ServerLimits } from "./context.js";
import { errorBody, HttpError, httpErrorMessage, httpErrors, toErrorReply } from "./errors.js";
import { checkHostAndOrigin, hostAllowlist } from "./host-check.js";
import { JobEvents } from "./jobs/job-events.js";
import { JobQueue } from "./jobs/job-queue.js";
import { analysisRoutes } from "./routes/analyses.js";
import { jobRoutes } from "./routes/jobs.js";
import { registryRoutes, serverVersion } from "./routes/registry.js";
import { roomStreamRoutes } from "./routes/room-stream.js";
import { roomRoutes } from "./routes/rooms.js";
import { RoomHub } from "./rooms/hub.js";
import { scenarioRoutes } from "./routes/scenarios.js";
import { Gate, WorkerPool } from "./workers/pool.js";
import type { StreamRegistry } from "./sse.js";
import { builtinSources, defaultExamplesDir, loadBuiltins } from "./store/builtins.js";
import { RoomStore } from "./store/room-store.js";
import { Store } from "./store/store.js";
import { startQueueWorker, type RunningQueueWorker } from "./queue/queue-worker.js";
import { TournamentQueue } from "./queue/tournament-queue.js";

export interface BuildAppOptions {
  /** An open store (the caller closes it). Default: one opened at `db`, closed with the app. */
  readonly store?: Store;
  /** Where the data lives when no store is given: a SQLite file, `:memory:`, or a postgres:// URL. Default `:memory:`. */
  readonly db?: string;
  /** The web app's build (packages/web/dist): served at / with index.html for every other non-API GET. */
  readonly staticDir?: string;
  readonly limits?: Partial<ServerLimits>;
  /** Fastify's logger (pino to stdout). Default false. */
  readonly logger?: boolean;
  /** The clock, in ms since the epoch (timestamps, uptime). Default Date.now. */
  readonly now?: () => number;
  /** Load the built-in scenario and the examples that are absent (default true). */
  readonly builtins?: boolean;
  /** Where the example scenarios are (default: the repository's examples/ folder, when present; null: none). */
  readonly examplesDir?: string | null;
  /** The worker threads' module (default: the server's own). For tests. */
  readonly workerFile?: string;
  /**
   * Host names the server answers besides the loopback names (127.0.0.1, localhost, [::1]): `name`
   * (any port) or `name:port`. Other Host headers get 421 PARLEY_HTTP_HOST_NOT_ALLOWED.
   */
  readonly allowedHosts?: readonly string[];
  /**
   * A postgres:// URL: tournaments go on this PostgreSQL job queue (docs/distributed-tournaments.md),
   * so `parley worker` processes on other machines can play their runs. Default: none (tournaments
   * run on this server's threads).
   */
  readonly queue?: string;
  /** Runs this server plays itself from the queue at a time (0: only other workers play them). Default: limits.workers. */
  readonly queueWorkers?: number;
}

const formatWindow = (ms: number): string => (ms % 60_000 === 0 ? `${ms / 60_000} minute${ms === 60_000 ? "" : "s"}` : `${ms / 1000} seconds`);
/** The 429 of a rate limit whose window is `windowMs`. */
const rateLimited =
  (windowMs: number) =>
  (_request: unknown, context: { max: number; after: string }): HttpError =>
    new HttpError("PARLEY_HTTP_RATE_LIMITED", [context.max, formatWindow(windowMs), context.after]);

/**
 * A client error Node's HTTP server meets before a request exists (clientError): answer it in the one
 * error shape when the socket can still be written, then close it.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A reset or a request that timed out has no one to answer.
  if (error.code === "ECONNRESET" || error.code === "ERR_HTTP_REQUEST_TIMEOUT" || !socket.writable) {
    socket.destroy(error);
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const message = tooLarge
    ? httpErrorMessage("PARLEY_HTTP_HEADERS_TOO_LARGE")
    : httpErrorMessage("PARLEY_HTTP_BAD_REQUEST", `the request is not valid HTTP (${error.code ?? error.message})`);
  const body = JSON.stringify(errorBody(status, tooLarge ? "PARLEY_HTTP_HEADERS_TOO_LARGE" : "PARLEY_HTTP_BAD_REQUEST", message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The Parley server: REST API under /api, OpenAPI docs at /docs, and the web app's files. Opens the
 * store (and migrates it), fails jobs a previous process left unfinished, loads absent built-in
 * scenarios. Never listens.
 */
export async function buildApp(options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const limits: ServerLimits = { ...defaultLimits, ...options.limits };
  const allowedHost = hostAllowlist(options.allowedHosts);
  const now = options.now ?? Date.now;
  const ownsStore = options.store === undefined;
  const store = options.store ?? (await Store.open(options.db ?? ":memory:", { now }));
  const roomStore = new RoomStore(store);
  try {
    await store.markInterruptedJobs({ code: "PARLEY_HTTP_JOB_INTERRUPTED", message: httpErrors.PARLEY_HTTP_JOB_INTERRUPTED.message });
    if (options.builtins !== false) {
      const examples = options.examplesDir === undefined ? defaultExamplesDir : options.examplesDir;
      await loadBuiltins(store, builtinSources(examples));
    }
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
  let queue: TournamentQueue | undefined;
  let queueWorker: RunningQueueWorker | undefined;
  if (options.queue !== undefined) {
    try {
      queue = await TournamentQueue.open(options.queue);
      const lanes = options.queueWorkers ?? Math.max(1, limits.workers);
      if (lanes > 0) queueWorker = await startQueueWorker(queue, { concurrency: lanes, memoryMb: limits.workerMemoryMb, ...(options.workerFile ? { workerFile: options.workerFile } : {}) });
    } catch (error) {
      await queue?.close();
      if (ownsStore) await store.close();
      throw error;
    }
  }

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.bodyBytes,
    // What Node's HTTP parser refuses before Fastify sees a request (431 for headers over Node's
    // limit, 400 for a malformed request line), and URLs Fastify cannot decode: the same JSON shape.
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, _request, reply) => {
      const body = errorBody(400, "PARLEY_HTTP_BAD_REQUEST", httpErrorMessage("PARLEY_HTTP_BAD_REQUEST", error.message));
      void (reply as FastifyReply).code(400).type("application/json; charset=utf-8").send(JSON.stringify(body));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const streams: StreamRegistry = new Set();
  const ctx: ServerContext = {
    store,
    cache: new ResultCache(store, Math.floor(limits.cacheMemoryBytes / 2)),
    limits,
    simulations: new JobQueue({ name: "simulation", concurrency: Math.max(1, limits.workers), maxJobs: limits.simulationJobs }),
    tournaments: new JobQueue({ name: "tournament", concurrency: 1, maxJobs: limits.tournamentJobs }),
    pool: new WorkerPool({ threads: limits.workers, memoryMb: limits.workerMemoryMb, ...(options.workerFile ? { workerFile: options.workerFile } : {}) }),
    analyses: new Gate("analysis", limits.analysisJobs),
    uploads: new Gate("upload", limits.uploadJobs),
    events: new JobEvents(),
    streams,
    startedAt: now(),
    now,
    heavy: limits.rateLimit ? { rateLimit: { max: limits.rateLimit.max, timeWindow: limits.rateLimit.windowMs } } : {},
    uploadLimit: undefined,
    log: app.log,
    versions: new Map(),
    rooms: new RoomHub({ store, rooms: roomStore, now, log: app.log }),
    roomStore,
    ...(queue ? { queue } : {}),
  };
  // The signing key (created at first start), then every unfinished room replayed: timers re-armed, engines moving.
  try {
    await ctx.rooms.start();
  } catch (error) {
    ctx.rooms.close();
    if (ownsStore) await store.close();
    throw error;
  }

  app.setErrorHandler((error, request, reply) => {
    const { body, internal } = toErrorReply(error, limits);
    if (internal !== undefined) request.log.error({ err: internal }, "internal error");
    if (body.statusCode === 429 || body.statusCode === 413) request.log.info({ code: body.code }, body.message);
    return reply.code(body.statusCode).type("application/json; charset=utf-8").send(JSON.stringify(body) as never);
  });

  // Before anything else (routes, static files, the 404): refuse other hosts and cross-site writes.
  app.addHook("onRequest", async (request) => {
    const origin = request.headers.origin;
    checkHostAndOrigin(allowedHost, request.method, request.headers.host, Array.isArray(origin) ? origin[0] : origin);
  });

  const staticRoot = options.staticDir !== undefined && existsSync(options.staticDir) && statSync(options.staticDir).isDirectory() ? path.resolve(options.staticDir) : undefined;
  const hasIndex = staticRoot !== undefined && existsSync(path.join(staticRoot, "index.html"));

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split("?")[0] ?? "/";
    const api = url === "/api" || url.startsWith("/api/");
    if (!api && hasIndex && (request.method === "GET" || request.method === "HEAD")) return reply.type("text/html; charset=utf-8").sendFile("index.html");
    const body = errorBody(404, "PARLEY_HTTP_NOT_FOUND", new HttpError("PARLEY_HTTP_NOT_FOUND", [request.method, url]).message);
    return reply.code(404).type("application/json; charset=utf-8").send(JSON.stringify(body) as never);
  });

  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: rateLimited(limits.rateLimit ? limits.rateLimit.windowMs : 60_000),
  });

  // One limiter (one store) for both upload routes, so POST and PUT share a budget.
  if (limits.uploadRateLimit) {
    const { max, windowMs } = limits.uploadRateLimit;
    ctx.uploadLimit = app.rateLimit({ max, timeWindow: windowMs, errorResponseBuilder: rateLimited(windowMs) });
  }

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Parley API",
        version: serverVersion,
        description:
          "Mediated multi-party negotiation: scenarios (versioned), exact analyses, simulations and tournaments. Every error is `{ statusCode, code, error, message, issues? }` with a stable code (docs/errors.md).",
      },
      tags: [
        { name: "scenarios", description: "Upload, version and read scenarios" },
        { name: "analyses", description: "Exact analyses of a scenario version (cached)" },
        { name: "simulations", description: "Simulated negotiations (background jobs)" },
        { name: "tournaments", description: "Tournaments between agents (background jobs, one at a time)" },
        { name: "rooms", description: "Live negotiation rooms: create, join, act, view, events (the stream: /docs/asyncapi.json)" },
        { name: "audit", description: "The rooms' tamper-evident audit log: key, export, signed heads, proofs, openings" },
        { name: "registry", description: "Agents, protocols, the scenario schema" },
        { name: "server", description: "Health" },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });
  const asyncApi = JSON.stringify(roomStreamAsyncApi(serverVersion));
  app.get("/docs/asyncapi.json", { schema: { hide: true } }, async (_request, reply) => reply.type("application/json; charset=utf-8").send(asyncApi as never));
  await app.register(fastifyWebsocket, { options: { maxPayload: 1024 * 1024 } });

  await app.register(
    async (api) => {
      // Every API route validates its query string strictly: one without parameters refuses any.
      api.addHook("onRoute", (route) => {
        if (route.schema?.querystring === undefined) route.schema = { ...route.schema, querystring: noQuery };
      });
      const zapi = api as unknown as ParleyApp;
      registryRoutes(zapi, ctx);
      scenarioRoutes(zapi, ctx);
      analysisRoutes(zapi, ctx);
      jobRoutes(zapi, ctx);
      roomRoutes(zapi, ctx);
      roomStreamRoutes(zapi, ctx);
    },
    { prefix: "/api" },
  );

  if (staticRoot) await app.register(fastifyStatic, { root: staticRoot, prefix: "/", wildcard: true, index: ["index.html"] });
  else
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type("text/html; charset=utf-8")
        .send(
          `<!doctype html><meta charset="utf-8"><title>Parley</title><h1>Parley server</h1><p>The API is under <a href="/api/health">/api</a>; its documentation is at <a href="/docs">/docs</a>. The web app is not built (npm run build -w @parley/web).</p>` as never,
        ),
    );

  // Shutting down: refuse new jobs and stop the running ones (they are marked interrupted and their
  // streams get the final result), end the other event streams (they would keep the server open),
  // stop the worker threads, then close the store.
  app.addHook("preClose", async () => {
    ctx.rooms.close();
    const dropped = [...(await ctx.simulations.close()), ...(await ctx.tournaments.close())];
    const interrupted = { code: "PARLEY_HTTP_JOB_INTERRUPTED", message: httpErrors.PARLEY_HTTP_JOB_INTERRUPTED.message };
    for (const id of dropped) {
      await store.failSimulation(id, interrupted, "interrupted");
      await store.failTournament(id, interrupted, "interrupted");
      ctx.events.emit(id, "result", (await store.getSimulation(id)) ?? (await store.getTournament(id)));
    }
    for (const stream of [...streams]) stream.close();
  });
  app.addHook("onClose", async () => {
    await queueWorker?.stop();
    await queue?.close();
    await ctx.pool.close();
    if (ownsStore) await store.close();
  });

  return app;
}
