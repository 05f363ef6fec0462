// What every route plugin shares: the store, the result cache, the job queues, the limits.
import type { IncomingMessage, ServerResponse } from "node:http";
import { availableParallelism } from "node:os";
import { analysisDefaults } from "@parley/core";
import type { FastifyBaseLogger, FastifyInstance, onRequestHookHandler, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { ResultCache } from "./analysis/result-cache.js";
import { httpError } from "./errors.js";
import type { JobEvents } from "./jobs/job-events.js";
import type { JobQueue } from "./jobs/job-queue.js";
import type { RoomHub } from "./rooms/hub.js";
import type { TournamentQueue } from "./queue/tournament-queue.js";
import type { StreamRegistry } from "./sse.js";
import type { RoomStore } from "./store/room-store.js";
import type { ScenarioVersion, Store } from "./store/store.js";
import type { Gate, WorkerPool } from "./workers/pool.js";

export type ParleyApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** The server's limits (docs/server.md, "Limits"). */
export interface ServerLimits {
  /** Largest request body, in bytes (413 PARLEY_HTTP_BODY_TOO_LARGE). Default 5 MB. */
  readonly bodyBytes: number;
  /** Most outcomes GET …/outcomes returns (a seeded sample beyond). Default 200,000. */
  readonly outcomes: number;
  /** Most outcomes an analysis enumerates (its `limit` is capped here). Default 10,000,000. */
  readonly enumeration: number;
  /** Most frontier points of the merge method. Default 200,000. */
  readonly maxFrontier: number;
  /** Most samples of the sample method. Default 1,000,000. */
  readonly samples: number;
  /** Most rounds of a simulation or tournament run. Default 10,000. */
  readonly rounds: number;
  /** Simulations waiting or running (429 PARLEY_HTTP_QUEUE_FULL beyond). Default 32. */
  readonly simulationJobs: number;
  /** Tournaments waiting or running (429 PARLEY_HTTP_QUEUE_FULL beyond). Default 4. */
  readonly tournamentJobs: number;
  /** Most runs of one tournament (422 PARLEY_ERR_LIMIT beyond). Default 20,000. */
  readonly tournamentRuns: number;
  /** Requests per client per window on the heavy endpoints (429 PARLEY_HTTP_RATE_LIMITED), or false. Default 600 per minute. */
  readonly rateLimit: { readonly max: number; readonly windowMs: number } | false;
  /**
   * Requests per client per window to the uploads (POST /api/scenarios and PUT /api/scenarios/:id,
   * one budget for both; 429 PARLEY_HTTP_RATE_LIMITED), or false. Default 60 per minute.
   */
  readonly uploadRateLimit: { readonly max: number; readonly windowMs: number } | false;
  /** Uploads being parsed and checked or waiting for a thread (429 PARLEY_HTTP_QUEUE_FULL beyond). Default 8. */
  readonly uploadJobs: number;
  /** Time limit of parsing and checking one upload, in ms (422 PARLEY_HTTP_TIME_LIMIT). Default 30 s. */
  readonly uploadMs: number;
  /** Memory for cached analysis results, in bytes (the store keeps every result regardless). Default 64 MB. */
  readonly cacheMemoryBytes: number;
  /** Worker threads for analyses, simulations and tournament runs (0: compute on the server's own thread). Default: cores − 1, at least 1, at most 4. */
  readonly workers: number;
  /** Heap limit of each worker thread, in MB (422 PARLEY_HTTP_MEMORY_LIMIT beyond). Default 2048. */
  readonly workerMemoryMb: number;
  /** Analyses (analysis, outcomes, frameworks) being computed or waiting for a thread (429 PARLEY_HTTP_QUEUE_FULL beyond). Default 16. */
  readonly analysisJobs: number;
  /** Time limit of one analysis, in ms (422 PARLEY_HTTP_TIME_LIMIT). Default 120 s. */
  readonly analysisMs: number;
  /** Time limit of one simulation, in ms (the job fails with PARLEY_HTTP_TIME_LIMIT). Default 120 s. */
  readonly simulationMs: number;
  /** Time limit of one tournament, in ms of running (the job fails with PARLEY_HTTP_TIME_LIMIT). Default 1 hour. */
  readonly tournamentMs: number;
  /** How long a room invite can be exchanged for a session, in ms. Default 7 days. */
  readonly inviteMs: number;
  /** How long a room session lasts, in ms. Default 30 days. */
  readonly sessionMs: number;
  /** A room stream's heartbeat: a ping every this many ms; a connection that missed the last pong is closed. Default 15 s. */
  readonly heartbeatMs: number;
  /** A room stream whose unsent data passes this many bytes is closed (4008 slow consumer). Default 1 MB. */
  readonly streamBufferBytes: number;
}

export const defaultLimits: ServerLimits = {
  bodyBytes: 5 * 1024 * 1024,
  outcomes: 200_000,
  enumeration: analysisDefaults.enumerationLimit,
  maxFrontier: analysisDefaults.maxFrontier,
  samples: 1_000_000,
  rounds: 10_000,
  simulationJobs: 32,
  tournamentJobs: 4,
  tournamentRuns: 20_000,
  rateLimit: { max: 600, windowMs: 60_000 },
  uploadRateLimit: { max: 60, windowMs: 60_000 },
  uploadJobs: 8,
  uploadMs: 30_000,
  cacheMemoryBytes: 64 * 1024 * 1024,
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
  workerMemoryMb: 2048,
  analysisJobs: 16,
  analysisMs: 120_000,
  simulationMs: 120_000,
  tournamentMs: 3_600_000,
  inviteMs: 7 * 24 * 3_600_000,
  sessionMs: 30 * 24 * 3_600_000,
  heartbeatMs: 15_000,
  streamBufferBytes: 1024 * 1024,
};

export interface ServerContext {
  readonly store: Store;
  readonly cache: ResultCache;
  readonly limits: ServerLimits;
  readonly simulations: JobQueue;
  readonly tournaments: JobQueue;
  /** The worker threads every heavy computation runs on. */
  readonly pool: WorkerPool;
  /** Analyses computing or waiting (bounded by limits.analysisJobs). */
  readonly analyses: Gate;
  /** Uploads parsing or waiting (bounded by limits.uploadJobs). */
  readonly uploads: Gate;
  readonly events: JobEvents;
  readonly streams: StreamRegistry;
  readonly startedAt: number;
  readonly now: () => number;
  /** Route config that rate-limits a heavy endpoint (empty when rate limiting is off). */
  readonly heavy: Record<string, unknown>;
  /** The onRequest hook that rate-limits the uploads, one budget for POST and PUT (undefined when off). */
  uploadLimit: onRequestHookHandler | undefined;
  readonly log: FastifyBaseLogger;
  /** Scenario versions read recently (immutable), by `id\u0000version`. */
  readonly versions: Map<string, ScenarioVersion>;
  /** The live rooms (docs/rooms.md). */
  readonly rooms: RoomHub;
  /** The rooms' tables: tokens, events, audit log. */
  readonly roomStore: RoomStore;
  /** The PostgreSQL job queue tournaments go on (BuildAppOptions.queue); undefined: they run here. */
  readonly queue?: TournamentQueue;
}

/**
 * The version number a request means: `version` when the scenario has it, else the current one.
 * 404 (PARLEY_HTTP_SCENARIO_NOT_FOUND / PARLEY_HTTP_VERSION_NOT_FOUND) otherwise. One light query.
 */
export async function resolveVersion(ctx: ServerContext, id: string, version?: number): Promise<number> {
  const current = await ctx.store.currentVersion(id);
  if (current === undefined) throw httpError("PARLEY_HTTP_SCENARIO_NOT_FOUND", id);
  if (version === undefined) return current;
  if (version > current) throw httpError("PARLEY_HTTP_VERSION_NOT_FOUND", id, version);
  return version;
}

/** A stored scenario version (versions never change, so they are kept in memory once read), or 404. */
export async function findVersion(ctx: ServerContext, id: string, version?: number): Promise<ScenarioVersion> {
  const v = await resolveVersion(ctx, id, version);
  const key = `${id}\u0000${v}`;
  const hit = ctx.versions.get(key);
  if (hit) {
    ctx.versions.delete(key);
    ctx.versions.set(key, hit);
    return hit;
  }
  const found = await ctx.store.readVersion(id, v);
  if (!found) throw httpError("PARLEY_HTTP_VERSION_NOT_FOUND", id, v);
  ctx.versions.set(key, found);
  if (ctx.versions.size > 64) ctx.versions.delete(ctx.versions.keys().next().value!);
  return found;
}

/**
 * Send JSON that is already text (cached results): no serialisation, no response validation. The
 * route's response schema still documents it.
 */
export function sendJsonText<R>(reply: { type(contentType: string): { send(payload: never): R } }, text: string): R {
  return reply.type("application/json; charset=utf-8").send(text as never);
}
