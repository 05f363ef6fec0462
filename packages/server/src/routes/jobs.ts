// /api/simulations and /api/tournaments: background jobs (202 + id), their lists, their state,
// cancelling (DELETE), re-running (POST …/rerun: tournaments resume from their stored runs), and
// their server-sent events (status, progress, then the final result). The computing happens on the
// worker threads (ctx.pool); this file only schedules, records and reports.
import { randomUUID } from "node:crypto";
import { isParleyError, type NegotiationReference, type RunSpec, type SimulationReference, type TournamentPlan } from "@parley/core";
import { z } from "zod";
import { paramsHash } from "../analysis/result-cache.js";
import {
  errorResponses,
  jobCreatedSchema,
  jobIdParams,
  jobListQuery,
  simulationListSchema,
  simulationRequestSchema,
  simulationSchema,
  tournamentListSchema,
  tournamentRequestSchema,
  tournamentSchema,
} from "../api/contract.js";
import { findVersion, sendJsonText, type ParleyApp, type ServerContext } from "../context.js";
import { HttpError, httpError, httpErrors } from "../errors.js";
import type { JobQueue } from "../jobs/job-queue.js";
import { planSimulationJob, type SimulationJobRequest } from "../jobs/simulation.js";
import { planTournamentJob, tournamentResults, type TournamentConfig, type TournamentJobRecord } from "../jobs/tournament.js";
import type { TournamentQueue } from "../queue/tournament-queue.js";
import { openEventStream } from "../sse.js";
import type { EndStatus, JobError, JobStatus, ScenarioSource, ScenarioVersion } from "../store/store.js";
import { sourceOf } from "../workers/tasks.js";

const eventsResponse = {
  200: z.string().describe("text/event-stream: `status` and `progress` events, then one `result` event (the job as GET returns it), then the stream ends"),
  404: errorResponses[404],
};

/** How often a tournament on the job queue looks for newly recorded runs, in ms. */
const QUEUE_POLL_MS = 250;

/** Runs of a tournament per worker task: progress is stored and reported after each batch. */
const RUNS_PER_TASK = 8;

/** What a failed job records: the error's code when it has a stable one. */
export function jobError(error: unknown): JobError {
  if (error instanceof HttpError) return { code: error.code, message: error.message };
  if (isParleyError(error)) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: "PARLEY_HTTP_JOB_FAILED", message: httpErrors.PARLEY_HTTP_JOB_FAILED.message.replace("%s", message) };
}

/** How a job that did not finish ended: cancelled or interrupted when its signal says so, else failed. */
export function jobEnd(error: unknown, signal: AbortSignal): { status: EndStatus; error: JobError } {
  const reason: unknown = signal.aborted ? signal.reason : undefined;
  if (reason instanceof HttpError && reason.code === "PARLEY_HTTP_JOB_CANCELLED") return { status: "cancelled", error: jobError(reason) };
  if (reason instanceof HttpError && reason.code === "PARLEY_HTTP_JOB_INTERRUPTED") return { status: "interrupted", error: jobError(reason) };
  return { status: "failed", error: jobError(error) };
}

const finished = (status: JobStatus) => status !== "queued" && status !== "running";

/** What DELETE and POST …/rerun need of one kind of job. */
interface JobControl<J> {
  readonly queue: JobQueue;
  readonly schema: z.ZodType;
  readonly notFound: "PARLEY_HTTP_SIMULATION_NOT_FOUND" | "PARLEY_HTTP_TOURNAMENT_NOT_FOUND";
  get(id: string): Promise<J | undefined>;
  fail(id: string, error: JobError, status: EndStatus): Promise<void>;
  requeue(id: string): Promise<boolean>;
  execute(id: string, signal: AbortSignal): Promise<void>;
  readonly cancelNote: string;
  readonly rerunSummary: string;
}

export function jobRoutes(app: ParleyApp, ctx: ServerContext): void {
  const { store, events, limits, pool } = ctx;

  /** The frontier and Nash points of a scenario version for some seats (cached), or null and why not. */
  async function referenceFor(source: ScenarioSource, seats: readonly string[], signal: AbortSignal): Promise<SimulationReference> {
    const params = { seats: [...seats] };
    try {
      const cached = await ctx.cache.getOrCompute({ scenarioId: source.id, version: source.version, kind: "reference", paramsHash: paramsHash(params) }, params, () =>
        pool.run({ kind: "reference", source: sourceOf(source), seats }, { what: "frontier computation", timeoutMs: limits.analysisMs, signal }),
      );
      return { reference: JSON.parse(cached.text) as NegotiationReference, notes: [] };
    } catch (error) {
      if (!isParleyError(error)) throw error;
      return { reference: null, notes: [`no Pareto or Nash distance: ${error.message}`] };
    }
  }

  /** A stored scenario version a job names (deleted scenarios included: a job keeps its versions). */
  async function versionOf(id: string, version: number): Promise<ScenarioVersion> {
    const cached = ctx.versions.get(`${id}\u0000${version}`);
    const found = cached ?? (await store.readVersion(id, version));
    if (!found) throw httpError("PARLEY_HTTP_VERSION_NOT_FOUND", id, version);
    return found;
  }

  /** Queue job `id` (its record exists, status queued); when the queue refuses, the record says why. */
  function enqueue(queue: JobQueue, id: string, run: (signal: AbortSignal) => Promise<void>, fail: (error: JobError) => Promise<void>, slot = queue.reserve()) {
    try {
      slot.push(id, run, (error) => ctx.log.error({ err: error, job: id }, `${queue.options.name} job crashed`));
    } catch (error) {
      void fail(jobError(error)).catch(() => {}); // shutting down meanwhile
      throw error;
    }
  }

  /** DELETE …/{id} and POST …/{id}/rerun of one kind of job. */
  function controlRoutes<J extends { status: JobStatus }>(kind: "simulation" | "tournament", c: JobControl<J>): void {
    const base = `/${kind}s`;
    const tags = [`${kind}s`];
    const found = async (id: string): Promise<J> => {
      const job = await c.get(id);
      if (!job) throw httpError(c.notFound, id);
      return job;
    };

    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `Cancel a queued or running ${kind} (${c.cancelNote}); answers the job as it ended`,
          description: "409 PARLEY_HTTP_JOB_CONFLICT when it has already ended. POST …/rerun runs a cancelled job again.",
          params: jobIdParams,
          response: { 200: c.schema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const id = request.params.id;
        const job = await found(id);
        if (finished(job.status)) throw httpError("PARLEY_HTTP_JOB_CONFLICT", `the ${kind} is ${job.status}: only a queued or running job can be cancelled`);
        if (c.queue.cancel(id) === "running") await c.queue.settled(id);
        else await c.fail(id, jobError(new HttpError("PARLEY_HTTP_JOB_CANCELLED")), "cancelled");
        const now = await found(id);
        if (finished(now.status)) events.emit(id, "result", now);
        return sendJsonText(reply, JSON.stringify(now));
      },
    );

    app.post(
      `${base}/:id/rerun`,
      {
        config: ctx.heavy,
        schema: { tags, summary: c.rerunSummary, params: jobIdParams, response: { 202: jobCreatedSchema, ...errorResponses } },
      },
      async (request, reply) => {
        const id = request.params.id;
        const job = await found(id);
        const conflict = (status: JobStatus) => httpError("PARLEY_HTTP_JOB_CONFLICT", `the ${kind} is ${status}: only a failed, cancelled or interrupted job can be re-run`);
        if (job.status === "done" || !finished(job.status)) throw conflict(job.status);
        const slot = c.queue.reserve();
        if (!(await c.requeue(id))) {
          slot.cancel();
          throw conflict((await found(id)).status); // a concurrent re-run
        }
        enqueue(c.queue, id, (signal) => c.execute(id, signal), (error) => c.fail(id, error, "failed"), slot);
        reply.code(202).header("location", `/api${base}/${id}`);
        return { id, status: "queued" as const };
      },
    );
  }

  // ── simulations ──────────────────────────────────────────────────────────

  async function executeSimulation(id: string, signal: AbortSignal): Promise<void> {
    try {
      const sim = await store.getSimulation(id);
      if (!sim) return;
      await store.startSimulation(id);
      events.emit(id, "status", { status: "running" });
      const request = sim.request as SimulationJobRequest;
      const source = sourceOf(await versionOf(sim.scenarioId, sim.version));
      // Requests store their seats resolved; older rows may not have them.
      const seats = request.seats ?? planSimulationJob(source, request, limits.rounds).seats;
      const reference = await referenceFor(source, seats, signal);
      const result = await pool.run(
        { kind: "simulation", source, request, maxRounds: limits.rounds, reference },
        { what: "simulation", timeoutMs: limits.simulationMs, signal },
      );
      await store.finishSimulation(id, result);
    } catch (error) {
      const end = jobEnd(error, signal);
      if (end.error.code === "PARLEY_HTTP_JOB_FAILED") ctx.log.error({ err: error, simulation: id }, "simulation failed");
      await store.failSimulation(id, end.error, end.status);
    }
    events.emit(id, "result", await store.getSimulation(id));
  }

  const failSimulation = (id: string) => (error: JobError) => store.failSimulation(id, error);
  controlRoutes("simulation", {
    queue: ctx.simulations,
    schema: simulationSchema,
    notFound: "PARLEY_HTTP_SIMULATION_NOT_FOUND",
    get: (id) => store.getSimulation(id),
    fail: (id, error, status) => store.failSimulation(id, error, status),
    requeue: (id) => store.requeueSimulation(id),
    execute: executeSimulation,
    cancelNote: "its worker thread is stopped",
    rerunSummary: "Run a failed, cancelled or interrupted simulation again (same id, same request: the same result)",
  });

  app.get(
    "/simulations",
    {
      schema: {
        tags: ["simulations"],
        summary: "The simulations, newest first, a page at a time (without their results)",
        querystring: jobListQuery,
        response: { 200: simulationListSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, limit, offset } = request.query;
      const page = await store.listSimulations({ status, limit, offset });
      return sendJsonText(reply, JSON.stringify({ ...page, limit, offset }));
    },
  );

  app.post(
    "/simulations",
    {
      config: ctx.heavy,
      schema: {
        tags: ["simulations"],
        summary: "Start a simulated negotiation between automated agents (runs in the background)",
        description: "202 with the job's id; follow it with GET /api/simulations/{id} or its events. The request is checked first (400 for unknown seats, agents or protocol options).",
        body: simulationRequestSchema,
        response: { 202: jobCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const source = await findVersion(ctx, body.scenarioId, body.version);
      const { seats } = planSimulationJob(source, body, limits.rounds); // 400 before any job exists
      const slot = ctx.simulations.reserve();
      const id = randomUUID();
      try {
        await store.insertSimulation({ id, scenarioId: source.id, version: source.version, request: { ...body, version: source.version, seats } });
      } catch (error) {
        slot.cancel();
        throw error;
      }
      enqueue(ctx.simulations, id, (signal) => executeSimulation(id, signal), failSimulation(id), slot);
      reply.code(202).header("location", `/api/simulations/${id}`);
      return { id, status: "queued" as const };
    },
  );

  app.get(
    "/simulations/:id",
    {
      schema: {
        tags: ["simulations"],
        summary: "A simulation: status, and when done the result with its trace and metrics",
        params: jobIdParams,
        response: { 200: simulationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sim = await store.getSimulation(request.params.id);
      if (!sim) throw httpError("PARLEY_HTTP_SIMULATION_NOT_FOUND", request.params.id);
      // Traces are large and already plain JSON: skip re-validating them on the way out.
      return sendJsonText(reply, JSON.stringify(sim));
    },
  );

  app.get(
    "/simulations/:id/events",
    { schema: { tags: ["simulations"], summary: "Server-sent events of a simulation", produces: ["text/event-stream"], params: jobIdParams, response: eventsResponse } },
    async (request, reply) => {
      const id = request.params.id;
      if (!(await store.getSimulation(id))) throw httpError("PARLEY_HTTP_SIMULATION_NOT_FOUND", id);
      const stream = openEventStream(reply, ctx.streams);
      stream.onClose(
        events.subscribe(id, (e) => {
          stream.send(e.event, e.data);
          if (e.event === "result") stream.close();
        }),
      );
      const now = await store.getSimulation(id);
      if (!now || finished(now.status)) {
        stream.send("result", now);
        stream.close();
      } else stream.send("status", { status: now.status });
    },
  );

  // ── tournaments ──────────────────────────────────────────────────────────

  /**
   * Run a tournament's runs that are not stored yet (a re-run resumes), in batches on the worker
   * threads, storing each batch as it finishes; then score every run.
   */
  async function executeTournament(id: string, signal: AbortSignal): Promise<void> {
    try {
      const t = await store.getTournament(id);
      if (!t) return;
      await store.startTournament(id);
      events.emit(id, "status", { status: "running" });
      const deadline = performance.now() + limits.tournamentMs;
      const remaining = () => {
        const ms = deadline - performance.now();
        if (ms <= 0) throw new HttpError("PARLEY_HTTP_TIME_LIMIT", ["tournament", limits.tournamentMs / 1000]);
        return ms;
      };
      const config = t.config as TournamentConfig;
      const sources: ScenarioSource[] = [];
      for (const s of config.scenarios) sources.push(sourceOf(await versionOf(s.id, s.version)));
      const { plan } = planTournamentJob(config, sources, limits);
      if (ctx.queue) {
        await playOnQueue(ctx.queue, id, config, sources, plan, signal, remaining);
        const results = tournamentResults(plan, (await store.tournamentRuns(id)) as TournamentJobRecord[]);
        await store.finishTournament(id, plan.runs.length, results);
        events.emit(id, "result", await store.getTournament(id));
        return;
      }
      const references: (NegotiationReference | null)[] = [];
      for (const [i, s] of plan.input.scenarios.entries()) references.push((await referenceFor(sources[i]!, s.seats, signal)).reference);

      const stored = (await store.tournamentRuns(id)) as TournamentJobRecord[];
      const have = new Set(stored.map((r) => r.index));
      const todo = plan.runs.filter((r) => !have.has(r.index));
      const total = plan.runs.length;
      let done = total - todo.length;
      events.emit(id, "progress", { done, total });
      const batches: RunSpec[][] = [];
      for (let i = 0; i < todo.length; i += RUNS_PER_TASK) batches.push(todo.slice(i, i + RUNS_PER_TASK));
      // One batch per thread at a time. The first failure stops the other lanes (their batches are
      // aborted) and is the job's error; the job's own signal (cancel, shutdown) stops them all.
      const stop = new AbortController();
      const laneSignal = AbortSignal.any([signal, stop.signal]);
      let next = 0;
      const lane = async (): Promise<void> => {
        try {
          while (next < batches.length) {
            laneSignal.throwIfAborted();
            const runs = batches[next++]!;
            const records = await pool.run(
              { kind: "tournament-runs", sources, references, settings: { protocol: config.protocol, rounds: config.rounds }, runs },
              { what: "tournament", timeoutMs: remaining(), signal: laneSignal },
            );
            done += records.length;
            await store.addTournamentRuns(id, records, done);
            events.emit(id, "progress", { done, total });
          }
        } catch (error) {
          stop.abort(error);
          throw error;
        }
      };
      const lanes = Math.max(1, Math.min(limits.workers, batches.length));
      const settled = await Promise.allSettled(Array.from({ length: lanes }, lane));
      if (signal.aborted) throw signal.reason;
      const failure = settled.find((r) => r.status === "rejected");
      if (failure) throw stop.signal.reason ?? failure.reason;
      const results = tournamentResults(plan, (await store.tournamentRuns(id)) as TournamentJobRecord[]);
      await store.finishTournament(id, total, results);
    } catch (error) {
      const end = jobEnd(error, signal);
      if (end.error.code === "PARLEY_HTTP_JOB_FAILED") ctx.log.error({ err: error, tournament: id }, "tournament failed");
      await store.failTournament(id, end.error, end.status);
    }
    events.emit(id, "result", await store.getTournament(id));
  }

  /**
   * A tournament on the PostgreSQL job queue (ctx.queue): its runs are queued (runs already stored
   * are not), played by any worker (this server's own lanes, `parley worker` processes), and copied
   * into tournament_runs as they are recorded, with a progress event each time. Cancelling cancels
   * the jobs of the runs not recorded yet; a shutdown leaves them to the other workers.
   */
  async function playOnQueue(
    queue: TournamentQueue,
    id: string,
    config: TournamentConfig,
    sources: readonly ScenarioSource[],
    plan: TournamentPlan,
    signal: AbortSignal,
    remaining: () => number,
  ): Promise<void> {
    const total = plan.runs.length;
    const have = new Set(((await store.tournamentRuns(id)) as TournamentJobRecord[]).map((r) => r.index));
    await queue.enqueue(
      { hash: plan.hash, input: plan.input, scenarios: sources.map((s) => s.scenario), settings: { protocol: config.protocol, rounds: config.rounds }, timeLimitMs: limits.simulationMs },
      `server tournament ${id}`,
      total,
    );
    events.emit(id, "progress", { done: have.size, total });
    try {
      for (;;) {
        const fresh = await queue.newRecords(plan.hash, have);
        if (fresh.length > 0) {
          const records: TournamentJobRecord[] = fresh.map(({ plan: _plan, wallMs: _wallMs, ...record }) => {
            const source = sources[plan.runs[record.index]!.scenario]!;
            return { ...record, scenario: source.id, version: source.version };
          });
          for (const r of records) have.add(r.index);
          await store.addTournamentRuns(id, records, have.size);
          events.emit(id, "progress", { done: have.size, total });
        }
        if (have.size >= total) return;
        signal.throwIfAborted();
        remaining();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, QUEUE_POLL_MS);
          function done() {
            clearTimeout(timer);
            signal.removeEventListener("abort", done);
            resolve();
          }
          signal.addEventListener("abort", done);
        });
        signal.throwIfAborted();
      }
    } catch (error) {
      if (!(signal.aborted && signal.reason instanceof HttpError && signal.reason.code === "PARLEY_HTTP_JOB_INTERRUPTED")) await queue.cancel(plan.hash, total).catch(() => {});
      throw error;
    }
  }

  const failTournament = (id: string) => (error: JobError) => store.failTournament(id, error);
  controlRoutes("tournament", {
    queue: ctx.tournaments,
    schema: tournamentSchema,
    notFound: "PARLEY_HTTP_TOURNAMENT_NOT_FOUND",
    get: (id) => store.getTournament(id),
    fail: (id, error, status) => store.failTournament(id, error, status),
    requeue: (id) => store.requeueTournament(id),
    execute: executeTournament,
    cancelNote: "its running batch is stopped; finished runs are kept",
    rerunSummary: "Resume a failed, cancelled or interrupted tournament: the runs it finished are kept, the others are run",
  });

  app.get(
    "/tournaments",
    {
      schema: {
        tags: ["tournaments"],
        summary: "The tournaments, newest first, a page at a time (without their results)",
        querystring: jobListQuery,
        response: { 200: tournamentListSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, limit, offset } = request.query;
      const page = await store.listTournaments({ status, limit, offset });
      return sendJsonText(reply, JSON.stringify({ ...page, limit, offset }));
    },
  );

  app.post(
    "/tournaments",
    {
      config: ctx.heavy,
      schema: {
        tags: ["tournaments"],
        summary: "Start a tournament (like examples/tournament.yaml, with scenarios by id); one runs at a time",
        description: "202 with the job's id. 429 PARLEY_HTTP_QUEUE_FULL when too many tournaments wait; 400 with a core code (PARLEY_ERR_BAD_ARGUMENT, PARLEY_ERR_UNKNOWN_STRATEGY, …) for a request that does not fit its scenarios; 422 PARLEY_ERR_LIMIT for a plan past the run limit.",
        body: tournamentRequestSchema,
        response: { 202: jobCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const sources: ScenarioVersion[] = [];
      for (const s of body.scenarios) sources.push(await findVersion(ctx, s.id, s.version));
      const planned = planTournamentJob(body, sources, limits);
      const slot = ctx.tournaments.reserve();
      const id = randomUUID();
      try {
        await store.insertTournament({ id, config: planned.config, total: planned.plan.runs.length });
      } catch (error) {
        slot.cancel();
        throw error;
      }
      enqueue(ctx.tournaments, id, (signal) => executeTournament(id, signal), failTournament(id), slot);
      reply.code(202).header("location", `/api/tournaments/${id}`);
      return { id, status: "queued" as const };
    },
  );

  app.get(
    "/tournaments/:id",
    {
      schema: {
        tags: ["tournaments"],
        summary: "A tournament: status, progress and, when done, the leaderboard and every run",
        params: jobIdParams,
        response: { 200: tournamentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const t = await store.getTournament(request.params.id);
      if (!t) throw httpError("PARLEY_HTTP_TOURNAMENT_NOT_FOUND", request.params.id);
      return sendJsonText(reply, JSON.stringify(t));
    },
  );

  app.get(
    "/tournaments/:id/events",
    { schema: { tags: ["tournaments"], summary: "Server-sent events of a tournament", produces: ["text/event-stream"], params: jobIdParams, response: eventsResponse } },
    async (request, reply) => {
      const id = request.params.id;
      if (!(await store.getTournament(id))) throw httpError("PARLEY_HTTP_TOURNAMENT_NOT_FOUND", id);
      const stream = openEventStream(reply, ctx.streams);
      stream.onClose(
        events.subscribe(id, (e) => {
          stream.send(e.event, e.data);
          if (e.event === "result") stream.close();
        }),
      );
      const now = await store.getTournament(id);
      if (!now || finished(now.status)) {
        stream.send("result", now);
        stream.close();
      } else {
        stream.send("status", { status: now.status });
        stream.send("progress", now.progress);
      }
    },
  );
}
