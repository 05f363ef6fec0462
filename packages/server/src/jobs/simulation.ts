// One simulated negotiation: checking a request against its scenario (before it is accepted), then
// running it with the protocol and strategies registries and measuring it against the frontier.
import {
  compileScenario,
  createProtocol,
  createRng,
  deriveSeed,
  MEDIATOR_STREAM,
  negotiatorFromSpec,
  protocolRegistry,
  runNegotiation,
  summarizeRun,
  type CompiledScenario,
  type NegotiationReference,
  type NegotiatorFactory,
  type Outcome,
  type ProtocolMachine,
  type ProtocolName,
  type SingleTextMediator,
} from "@parley/core";
import { httpError } from "../errors.js";
import type { ScenarioVersion } from "../store/store.js";

/** A simulation request after validation (zod defaults applied). */
export interface SimulationRequest {
  readonly scenarioId: string;
  readonly version?: number | undefined;
  readonly protocol?: ProtocolName | undefined;
  readonly seats?: readonly string[] | undefined;
  readonly agents?: readonly string[] | undefined;
  readonly rounds: number;
  readonly seed: number;
  readonly exclude?: readonly string[] | undefined;
  readonly mediator?: SingleTextMediator | undefined;
  readonly framework?: string | undefined;
}

/** A request checked against its scenario: everything needed to run it. */
export interface SimulationPlan {
  readonly source: ScenarioVersion;
  readonly compiled: CompiledScenario;
  readonly seats: readonly string[];
  readonly agents: readonly string[];
  readonly factories: readonly NegotiatorFactory[];
  readonly protocol: ProtocolName;
  readonly create: (seats: number) => ProtocolMachine;
  readonly rounds: number;
  readonly seed: number;
}

/**
 * The seats: the given party ids, or by default every party with preferences whose role is "party"
 * (when none has that role, every party with preferences).
 */
export function resolveSeats(compiled: CompiledScenario, requested: readonly string[] | undefined): string[] {
  const analysed = compiled.parties.map((p) => p.party.id);
  if (analysed.length === 0) throw httpError("PARLEY_HTTP_BAD_REQUEST", `scenario "${compiled.scenario.id}" has no party with preferences, so no one can be seated`);
  if (requested && requested.length > 0) {
    for (const id of requested)
      if (!analysed.includes(id)) {
        const known = compiled.scenario.parties.some((p) => p.id === id);
        throw httpError(
          "PARLEY_HTTP_BAD_REQUEST",
          known
            ? `party "${id}" has no preferences, so it cannot be seated; parties with preferences: ${analysed.join(", ")}`
            : `no party "${id}" in the scenario; parties with preferences: ${analysed.join(", ")}`,
        );
      }
    if (new Set(requested).size !== requested.length) throw httpError("PARLEY_HTTP_BAD_REQUEST", `a party is seated twice: ${requested.join(", ")}`);
    return [...requested];
  }
  const parties = compiled.parties.filter((p) => p.party.role === "party").map((p) => p.party.id);
  return parties.length > 0 ? parties : analysed;
}

/** A framework's points as an opening text, its open issues filled at random (seeded). */
function frameworkCompletion(compiled: CompiledScenario, frameworkId: string, seed: number): Outcome {
  const framework = compiled.scenario.frameworks.find((f) => f.id === frameworkId);
  if (!framework) {
    const ids = compiled.scenario.frameworks.map((f) => f.id);
    throw httpError("PARLEY_HTTP_BAD_REQUEST", `no framework "${frameworkId}" in the scenario${ids.length ? `; frameworks: ${ids.join(", ")}` : " (it has none)"}`);
  }
  const rng = createRng(deriveSeed(seed, MEDIATOR_STREAM + 1));
  const set = new Map<string, unknown>();
  for (const point of framework.points) for (const [issue, value] of Object.entries(point.sets)) set.set(issue, value);
  return compiled.issues.map((issue, i) => {
    const values = compiled.values[i]!;
    if (set.has(issue.id)) {
      const k = values.findIndex((v) => v === set.get(issue.id));
      if (k >= 0) return k;
    }
    return Math.floor(rng() * values.length);
  });
}

/** Check a request against its scenario. Throws HttpError (400) or ParleyError (unknown agent, bad parameter). */
export function planSimulation(source: ScenarioVersion, request: SimulationRequest, maxRounds: number): SimulationPlan {
  if (request.rounds > maxRounds) throw httpError("PARLEY_HTTP_BAD_REQUEST", `rounds ${request.rounds} is more than the server's limit of ${maxRounds}`);
  const compiled = compileScenario(source.scenario);
  const seats = resolveSeats(compiled, request.seats);
  const agents = request.agents ?? seats.map(() => "linear");
  if (agents.length !== seats.length)
    throw httpError(
      "PARLEY_HTTP_BAD_REQUEST",
      `${seats.length} seat${seats.length === 1 ? "" : "s"} (${seats.join(", ")}) but ${agents.length} agent${agents.length === 1 ? "" : "s"}: give one agent per seat, in seat order`,
    );
  const factories = agents.map((spec) => negotiatorFromSpec(spec));
  const protocol: ProtocolName = request.protocol ?? (seats.length === 2 ? "sao" : "stacked");
  const entry = protocolRegistry[protocol];
  if (seats.length < entry.minSeats || seats.length > entry.maxSeats)
    throw httpError(
      "PARLEY_HTTP_BAD_REQUEST",
      protocol === "sao"
        ? `the sao protocol is bilateral, but there are ${seats.length} seats (${seats.join(", ")}): use stacked, or choose two seats`
        : `the ${protocol} protocol needs at least ${entry.minSeats} seats, but there are ${seats.length}`,
    );
  if (request.exclude && request.exclude.length > 0 && protocol !== "shuttle") throw httpError("PARLEY_HTTP_BAD_REQUEST", "exclude applies to the shuttle protocol only");
  if (request.mediator !== undefined && protocol !== "single-text") throw httpError("PARLEY_HTTP_BAD_REQUEST", "mediator applies to the single-text protocol only");
  if (request.framework !== undefined && protocol !== "single-text" && protocol !== "shuttle")
    throw httpError("PARLEY_HTTP_BAD_REQUEST", "framework (the opening text) applies to the single-text and shuttle protocols only");
  const exclude = (request.exclude ?? []).map((id) => {
    const k = seats.indexOf(id);
    if (k < 0) throw httpError("PARLEY_HTTP_BAD_REQUEST", `exclude ${id}: not a seat; seats: ${seats.join(", ")}`);
    return k;
  });
  if (exclude.length >= seats.length) throw httpError("PARLEY_HTTP_BAD_REQUEST", "exclude leaves no seat in the talks");
  const start = request.framework !== undefined ? frameworkCompletion(compiled, request.framework, request.seed) : undefined;
  const create = createProtocol(protocol, {
    rounds: request.rounds,
    seed: request.seed,
    radices: compiled.radices,
    ...(exclude.length ? { exclude } : {}),
    ...(request.mediator !== undefined ? { mediator: request.mediator } : {}),
    ...(start ? { start } : {}),
  });
  return { source, compiled, seats, agents, factories, protocol, create, rounds: request.rounds, seed: request.seed };
}

/**
 * Run a planned simulation. `reference` is the frontier and Nash points for the seats (null when
 * they could not be computed; `referenceNote` says why). Agents' failures end the run with status
 * "error" (recorded in the trace); they never throw.
 */
export function runSimulation(plan: SimulationPlan, reference: NegotiationReference | null, referenceNote?: string) {
  const { compiled, seats } = plan;
  const result = runNegotiation(compiled, plan.factories, { seats, protocol: plan.create, seed: plan.seed });
  return {
    scenario: { id: plan.source.id, name: compiled.scenario.name, version: plan.source.version },
    protocol: plan.protocol,
    agents: plan.agents,
    seed: plan.seed,
    steps: plan.rounds,
    ...summarizeRun(compiled, result, reference, referenceNote ? [referenceNote] : []),
  };
}

export type SimulationResult = ReturnType<typeof runSimulation>;
