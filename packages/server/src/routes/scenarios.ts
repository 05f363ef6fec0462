// /api/scenarios: upload (native YAML/JSON or a GENIUS folder), list, read, versions, delete.
import { z } from "zod";
import {
  errorResponses,
  scenarioCreatedSchema,
  scenarioDetailSchema,
  scenarioGetQuery,
  scenarioIdParams,
  scenarioListSchema,
  scenarioUploadSchema,
  scenarioVersionParams,
  versionListSchema,
  type ScenarioUpload,
} from "../api/contract.js";
import { findVersion, type ParleyApp, type ServerContext } from "../context.js";
import { httpError } from "../errors.js";
import type { LoadedUpload } from "../scenario-upload.js";
import type { ScenarioVersion } from "../store/store.js";

const tags = ["scenarios"];

const detail = (v: ScenarioVersion) => ({
  id: v.id,
  version: v.version,
  name: v.name,
  format: v.format,
  scenario: v.scenario as unknown as Record<string, unknown>,
  yaml: v.yaml,
  createdAt: v.createdAt,
});

/**
 * Parse and check an upload on a worker thread (a large file would otherwise hold the event loop for
 * seconds): takes a place among the uploads in progress (429 PARLEY_HTTP_QUEUE_FULL when there is
 * none), under the upload time limit and the threads' heap limit.
 */
async function loadUploadOnThread(ctx: ServerContext, upload: ScenarioUpload): Promise<LoadedUpload> {
  const leave = ctx.uploads.enter();
  try {
    return await ctx.pool.run({ kind: "upload", upload }, { what: "upload", timeoutMs: ctx.limits.uploadMs });
  } finally {
    leave();
  }
}

export function scenarioRoutes(app: ParleyApp, ctx: ServerContext): void {
  app.get(
    "/scenarios",
    { schema: { tags, summary: "List the scenarios (current versions)", response: { 200: scenarioListSchema, ...errorResponses } } },
    async () => ctx.store.listScenarios(),
  );

  app.post(
    "/scenarios",
    {
      ...(ctx.uploadLimit ? { onRequest: ctx.uploadLimit } : {}),
      schema: {
        tags,
        summary: "Upload a scenario: a native YAML/JSON file, or the files of a GENIUS folder",
        description: "A file that does not load gives 400 PARLEY_HTTP_INVALID_SCENARIO with every problem in `issues` (line, column, field path).",
        body: scenarioUploadSchema,
        response: { 201: scenarioCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const loaded = await loadUploadOnThread(ctx, request.body);
      const created = await ctx.store.createScenario(loaded.scenario.id, loaded);
      reply.code(201).header("location", `/api/scenarios/${encodeURIComponent(created.id)}`);
      return { ...created, warnings: loaded.warnings.map((w) => ({ ...w, path: [...w.path] })) };
    },
  );

  app.get(
    "/scenarios/:id",
    {
      schema: {
        tags,
        summary: "A scenario: the current version (or ?version=N), its model and its YAML",
        params: scenarioIdParams,
        querystring: scenarioGetQuery,
        response: { 200: scenarioDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(await findVersion(ctx, request.params.id, request.query.version)),
  );

  app.put(
    "/scenarios/:id",
    {
      ...(ctx.uploadLimit ? { onRequest: ctx.uploadLimit } : {}),
      schema: {
        tags,
        summary: "Store a new version of a scenario",
        body: scenarioUploadSchema,
        params: scenarioIdParams,
        response: { 200: scenarioCreatedSchema, ...errorResponses },
      },
    },
    async (request) => {
      if ((await ctx.store.currentVersion(request.params.id)) === undefined) throw httpError("PARLEY_HTTP_SCENARIO_NOT_FOUND", request.params.id);
      const loaded = await loadUploadOnThread(ctx, request.body);
      const created = await ctx.store.addVersion(request.params.id, loaded);
      if (!created) throw httpError("PARLEY_HTTP_SCENARIO_NOT_FOUND", request.params.id);
      return { ...created, warnings: loaded.warnings.map((w) => ({ ...w, path: [...w.path] })) };
    },
  );

  app.delete(
    "/scenarios/:id",
    {
      schema: {
        tags,
        summary: "Delete a scenario (its id is never reused)",
        params: scenarioIdParams,
        response: { 204: z.null().describe("deleted"), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!(await ctx.store.deleteScenario(request.params.id))) throw httpError("PARLEY_HTTP_SCENARIO_NOT_FOUND", request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/scenarios/:id/versions",
    { schema: { tags, summary: "Every version of a scenario, oldest first", params: scenarioIdParams, response: { 200: versionListSchema, ...errorResponses } } },
    async (request) => {
      const versions = await ctx.store.listVersions(request.params.id);
      if (!versions) throw httpError("PARLEY_HTTP_SCENARIO_NOT_FOUND", request.params.id);
      return versions;
    },
  );

  app.get(
    "/scenarios/:id/versions/:version",
    {
      schema: { tags, summary: "One version of a scenario", params: scenarioVersionParams, response: { 200: scenarioDetailSchema, ...errorResponses } },
    },
    async (request) => detail(await findVersion(ctx, request.params.id, request.params.version)),
  );
}
