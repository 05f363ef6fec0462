// Analyses of a stored scenario version: the analyze --json report (cached), outcome utilities for
// scatter plots, the framework report (cached) and the timeline.
import { analysisDefaults, timeline, type TimelineFilter } from "@parley/core";
import { paramsHash } from "../analysis/result-cache.js";
import {
  analysisQuery,
  analysisSchema,
  errorResponses,
  frameworksQuery,
  frameworksSchema,
  outcomesQuery,
  outcomesSchema,
  scenarioIdParams,
  timelineQuery,
  timelineSchema,
} from "../api/contract.js";
import { findVersion, resolveVersion, sendJsonText, type ParleyApp, type ServerContext } from "../context.js";
import { httpError } from "../errors.js";
import { sourceOf, type AnalysisParams, type TaskValues, type WorkerTask } from "../workers/tasks.js";

const tags = ["analyses"];
/** Header telling whether a result came from the cache: `hit` or `miss`. */
export const CACHE_HEADER = "x-parley-cache";

/**
 * An analysis computed on a worker thread: takes a place among the analyses in progress (429
 * PARLEY_HTTP_QUEUE_FULL when there is none), under the analysis time limit.
 */
export async function computeAnalysis<K extends "analysis" | "frameworks" | "outcomes" | "reference" | "room-suggestions">(
  ctx: ServerContext,
  task: Extract<WorkerTask, { kind: K }>,
): Promise<TaskValues[K]> {
  const leave = ctx.analyses.enter();
  try {
    const kind = (task as WorkerTask).kind;
    return await ctx.pool.run(task, { what: kind, timeoutMs: ctx.limits.analysisMs });
  } finally {
    leave();
  }
}

export function analysisRoutes(app: ParleyApp, ctx: ServerContext): void {
  const { limits } = ctx;

  app.get(
    "/scenarios/:id/analysis",
    {
      config: ctx.heavy,
      schema: {
        tags,
        summary: "Analyse a scenario: rational zone, Pareto frontier, solution concepts, frameworks (the `parley analyze --json` object)",
        description: `Results are cached per scenario version and parameters; the ${CACHE_HEADER} header says hit or miss.`,
        params: scenarioIdParams,
        querystring: analysisQuery,
        response: { 200: analysisSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const id = request.params.id;
      const version = await resolveVersion(ctx, id, q.version);
      const sampling = q.method === "sample";
      const params: AnalysisParams = {
        framework: q.framework ?? null,
        method: q.method,
        // Past the pool's time limit the worker is ended: the solver answers before, with its gap.
        timeLimit: Math.min(q.timeLimit ?? Infinity, (0.8 * limits.analysisMs) / 1000),
        enumerationLimit: Math.min(q.limit ?? limits.enumeration, limits.enumeration),
        maxFrontier: Math.min(q.maxFrontier ?? analysisDefaults.maxFrontier, limits.maxFrontier),
        samples: sampling ? Math.min(q.samples ?? analysisDefaults.sampleSize, limits.samples) : null,
        seed: sampling ? q.seed : null,
      };
      const key = { scenarioId: id, version, kind: "analysis", paramsHash: paramsHash(params) };
      const cached = await ctx.cache.getOrCompute(key, params, async () =>
        computeAnalysis(ctx, { kind: "analysis", source: sourceOf(await findVersion(ctx, id, version)), params }),
      );
      reply.header(CACHE_HEADER, cached.hit ? "hit" : "miss");
      return sendJsonText(reply, cached.text);
    },
  );

  app.get(
    "/scenarios/:id/outcomes",
    {
      config: ctx.heavy,
      schema: {
        tags,
        summary: "Utilities of every outcome for the chosen parties (columns), for scatter plots",
        description: `At most the server's outcomes limit (default ${limits.outcomes}); beyond it a seeded uniform sample, with truncated: true.`,
        params: scenarioIdParams,
        querystring: outcomesQuery,
        response: { 200: outcomesSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const source = await findVersion(ctx, request.params.id, q.version);
      const parties =
        q.parties !== undefined
          ? q.parties
              .split(",")
              .map((s) => s.trim())
              .filter((s) => s !== "")
          : null;
      if (parties?.length === 0) throw httpError("PARLEY_HTTP_BAD_REQUEST", "parties: name at least one party with preferences");
      const limit = Math.min(q.limit ?? limits.outcomes, limits.outcomes);
      return sendJsonText(reply, await computeAnalysis(ctx, { kind: "outcomes", source: sourceOf(source), parties, limit, seed: q.seed }));
    },
  );

  app.get(
    "/scenarios/:id/frameworks",
    {
      config: ctx.heavy,
      schema: {
        tags,
        summary: "The framework report: per framework the stance matrix, verdicts and best amendments; the deal check",
        description: "The `parley framework --json` object (docs/framework-analysis.md). Cached like the analysis.",
        params: scenarioIdParams,
        querystring: frameworksQuery,
        response: { 200: frameworksSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const id = request.params.id;
      const version = await resolveVersion(ctx, id, q.version);
      const params = { framework: q.framework ?? null };
      const key = { scenarioId: id, version, kind: "frameworks", paramsHash: paramsHash(params) };
      const cached = await ctx.cache.getOrCompute(key, params, async () =>
        computeAnalysis(ctx, { kind: "frameworks", source: sourceOf(await findVersion(ctx, id, version)), framework: params.framework }),
      );
      reply.header(CACHE_HEADER, cached.hit ? "hit" : "miss");
      return sendJsonText(reply, cached.text);
    },
  );

  app.get(
    "/scenarios/:id/timeline",
    {
      schema: {
        tags,
        summary: "The scenario's statements and events in date order, optionally filtered",
        params: scenarioIdParams,
        querystring: timelineQuery,
        response: { 200: timelineSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { version, party, issue, point, from, to } = request.query;
      const source = await findVersion(ctx, request.params.id, version);
      const filter: TimelineFilter = {
        ...(party !== undefined ? { party } : {}),
        ...(issue !== undefined ? { issue } : {}),
        ...(point !== undefined ? { point } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      };
      const entries = timeline(source.scenario, filter);
      return sendJsonText(reply, JSON.stringify({ scenario: { id: source.id, name: source.scenario.name }, entries }));
    },
  );
}
