// /api/simulations and /api/tournaments: background jobs (202 + id), their state, and their
// server-sent events (status, progress, then the final result).
import { randomUUID } from "node:crypto";
import { isParleyError, negotiationReference, type CompiledScenario, type NegotiationReference, type SimulationReference } from "@parley/core";
import { z } from "zod";
import { paramsHash } from "../analysis/result-cache.js";
import {
  errorResponses,
  jobCreatedSchema,
  jobIdParams,
  simulationRequestSchema,
  simulationSchema,
  tournamentRequestSchema,
  tournamentSchema,
} from "../api/contract.js";
import { findVersion, sendJsonText, type ParleyApp, type ServerContext } from "../context.js";
import { HttpError, httpError, httpErrors } from "../errors.js";
import { planSimulationJob, runSimulationJob, type SimulationJob } from "../jobs/simulation.js";
import { planTournamentJob, runTournamentJob, type TournamentPlanned } from "../jobs/tournament.js";
import { openEventStream } from "../sse.js";
import type { JobError, JobStatus, ScenarioVersion } from "../store/store.js";

const eventsResponse = {
  200: z.string().describe("text/event-stream: `status` and `progress` events, then one `result` event (the job as GET returns it), then the stream ends"),
  404: errorResponses[404],
};

/** What a failed job records: the error's code when it has a stable one. */
export function jobError(error: unknown): JobError {
  if (error instanceof HttpError) return { code: error.code, message: error.message };
  if (isParleyError(error)) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: "PARLEY_HTTP_JOB_FAILED", message: httpErrors.PARLEY_HTTP_JOB_FAILED.message.replace("%s", message) };
}

/** The frontier and Nash points of a scenario version for some seats (cached), or null and why not. */
async function referenceFor(
  ctx: ServerContext,
  source: ScenarioVersion,
  compiled: CompiledScenario,
  seats: readonly string[],
): Promise<SimulationReference> {
  const params = { seats: [...seats] };
  try {
    const cached = await ctx.cache.getOrCompute(
      { scenarioId: source.id, version: source.version, kind: "reference", paramsHash: paramsHash(params) },
      params,
      () => negotiationReference(compiled, seats),
    );
    return { reference: JSON.parse(cached.text) as NegotiationReference, notes: [] };
  } catch (error) {
    if (!isParleyError(error)) throw error;
    return { reference: null, notes: [`no Pareto or Nash distance: ${error.message}`] };
  }
}

const finished = (status: JobStatus) => status === "done" || status === "failed";

export function jobRoutes(app: ParleyApp, ctx: ServerContext): void {
  const { store, events, limits } = ctx;

  // ── simulations ──────────────────────────────────────────────────────────

  async function executeSimulation(id: string, job: SimulationJob): Promise<void> {
    try {
      await store.startSimulation(id);
      events.emit(id, "status", { status: "running" });
      const reference = await referenceFor(ctx, job.source, job.plan.compiled, job.plan.seats);
      const result = runSimulationJob(job, reference);
      await store.finishSimulation(id, result);
    } catch (error) {
      const e = jobError(error);
      if (e.code === "PARLEY_HTTP_JOB_FAILED") ctx.log.error({ err: error, simulation: id }, "simulation failed");
      await store.failSimulation(id, e);
    }
    events.emit(id, "result", await store.getSimulation(id));
  }

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
      const job = planSimulationJob(source, body, limits.rounds);
      const slot = ctx.simulations.reserve();
      const id = randomUUID();
      try {
        await store.insertSimulation({ id, scenarioId: source.id, version: source.version, request: { ...body, version: source.version } });
      } catch (error) {
        slot.cancel();
        throw error;
      }
      try {
        slot.push(id, () => executeSimulation(id, job), (error) => ctx.log.error({ err: error, simulation: id }, "simulation job crashed"));
      } catch (error) {
        await store.failSimulation(id, jobError(error)); // shutting down meanwhile
        throw error;
      }
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

  async function executeTournament(id: string, planned: TournamentPlanned, signal: AbortSignal): Promise<void> {
    try {
      await store.startTournament(id);
      events.emit(id, "status", { status: "running" });
      const references: (NegotiationReference | null)[] = [];
      for (const [i, s] of planned.plan.input.scenarios.entries())
        references.push((await referenceFor(ctx, planned.sources[i]!, planned.compiled[i]!, s.seats)).reference);
      let last = 0;
      const results = await runTournamentJob(planned, {
        references,
        signal,
        onRun: async (done, total) => {
          const t = performance.now();
          if (done < total && t - last < 200) return;
          last = t;
          events.emit(id, "progress", { done, total });
          await store.tournamentProgress(id, done);
        },
      });
      await store.finishTournament(id, planned.plan.runs.length, results);
    } catch (error) {
      const e = signal.aborted ? { code: "PARLEY_HTTP_JOB_INTERRUPTED", message: httpErrors.PARLEY_HTTP_JOB_INTERRUPTED.message } : jobError(error);
      if (e.code === "PARLEY_HTTP_JOB_FAILED") ctx.log.error({ err: error, tournament: id }, "tournament failed");
      await store.failTournament(id, e);
    }
    events.emit(id, "result", await store.getTournament(id));
  }

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
      try {
        slot.push(id, (signal) => executeTournament(id, planned, signal), (error) => ctx.log.error({ err: error, tournament: id }, "tournament job crashed"));
      } catch (error) {
        await store.failTournament(id, jobError(error)); // shutting down meanwhile
        throw error;
      }
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
