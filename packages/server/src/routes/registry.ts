// /api/health, /api/agents, /api/protocols, /api/schema/scenario: what the server offers.
import { describeParameter, negotiatorEntry, negotiatorNames, protocolNames, protocolRegistry, type ParameterSpec } from "@parley/core";
import { scenarioJsonSchema } from "@parley/formats";
import { z } from "zod";
import { agentsSchema, errorResponses, healthSchema, protocolsSchema } from "../api/contract.js";
import type { ParleyApp, ServerContext } from "../context.js";

export const serverVersion = "0.1.0";

/** JSON has no infinity: non-finite numbers become null (or are left out for bounds). */
const finite = (x: number | undefined): number | undefined => (x !== undefined && Number.isFinite(x) ? x : undefined);

function parameterJson(name: string, spec: ParameterSpec) {
  const base = { name, type: spec.type, description: spec.description, summary: describeParameter(name, spec) };
  if (spec.type === "number")
    return {
      ...base,
      default: Number.isFinite(spec.default) ? spec.default : null,
      ...(finite(spec.min) !== undefined ? { min: spec.min } : {}),
      ...(spec.minExclusive ? { minExclusive: true } : {}),
      ...(finite(spec.max) !== undefined ? { max: spec.max } : {}),
      ...(spec.integer ? { integer: true } : {}),
      ...(spec.infinite ? { infinite: true } : {}),
    };
  if (spec.type === "enum") return { ...base, default: spec.default, values: [...spec.values] };
  return { ...base, default: spec.default };
}

const protocolOptions: Record<string, string[]> = { sao: [], stacked: [], "single-text": ["mediator", "framework"], shuttle: ["exclude", "framework"] };

export function registryRoutes(app: ParleyApp, ctx: ServerContext): void {
  app.get(
    "/health",
    { schema: { tags: ["server"], summary: "Whether the server is up, its store and its job queues", response: { 200: healthSchema, ...errorResponses } } },
    async () => ({
      status: "ok" as const,
      version: serverVersion,
      store: ctx.store.dialect,
      uptimeSeconds: Math.max(0, (ctx.now() - ctx.startedAt) / 1000),
      jobs: { simulations: ctx.simulations.counts(), tournaments: ctx.tournaments.counts(), analyses: { active: ctx.analyses.active, max: ctx.analyses.max },
        uploads: { active: ctx.uploads.active, max: ctx.uploads.max },
      },
      workers: { max: ctx.limits.workers, ...ctx.pool.counts() },
      rooms: ctx.rooms.counts(),
    }),
  );

  const agents = negotiatorNames.map((name) => {
    const entry = negotiatorEntry(name);
    return {
      name,
      description: entry.description,
      source: entry.source,
      rational: entry.rational,
      parameters: Object.entries(entry.parameters).map(([key, spec]) => parameterJson(key, spec)),
    };
  });
  app.get(
    "/agents",
    {
      schema: {
        tags: ["registry"],
        summary: "The negotiators of the strategies registry: names, descriptions, parameters (agent specs: name or name(key=value, …))",
        response: { 200: agentsSchema, ...errorResponses },
      },
    },
    async () => agents,
  );

  const protocols = protocolNames.map((name) => {
    const p = protocolRegistry[name];
    return {
      name,
      description: p.description,
      minSeats: p.minSeats,
      maxSeats: Number.isFinite(p.maxSeats) ? p.maxSeats : null,
      mediated: p.mediated,
      options: protocolOptions[name] ?? [],
    };
  });
  app.get(
    "/protocols",
    { schema: { tags: ["registry"], summary: "The negotiation protocols", response: { 200: protocolsSchema, ...errorResponses } } },
    async () => protocols,
  );

  const schemaText = JSON.stringify(scenarioJsonSchema());
  app.get(
    "/schema/scenario",
    {
      schema: {
        tags: ["registry"],
        summary: "The JSON Schema of the native scenario format (as `parley schema` prints it), for editors",
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (_request, reply) => reply.type("application/schema+json; charset=utf-8").send(schemaText as never),
  );
}
