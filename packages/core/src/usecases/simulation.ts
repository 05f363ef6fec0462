// Use case: plan and run one simulated negotiation. The CLI (`parley simulate`) and the server
// (simulation jobs) both call this; they only translate ParleyError codes into exit codes and
// HTTP statuses, and word nothing of the domain rules themselves.
import { isParleyError, ParleyError } from "../errors.js";
import { findFramework, settleFramework } from "../framework/settlement.js";
import { negotiationReference, type NegotiationReference } from "../negotiation/metrics.js";
import type { NegotiatorFactory } from "../negotiation/negotiator.js";
import { createProtocol, isProtocolName, MEDIATOR_STREAM, protocolNames, protocolRegistry, type ProtocolName } from "../negotiation/protocols/registry.js";
import type { ProtocolMachine } from "../negotiation/protocols/protocol.js";
import type { SingleTextMediator } from "../negotiation/protocols/single-text.js";
import { runNegotiation } from "../negotiation/run-negotiation.js";
import { summarizeRun, type RunSummary } from "../negotiation/run-summary.js";
import { negotiatorFromSpec } from "../negotiation/strategies/agent-spec.js";
import type { Outcome } from "../negotiation/types.js";
import { createRng, deriveSeed } from "../random/rng.js";
import { didYouMean } from "../text/suggest.js";
import type { CompiledScenario } from "../space/compile-scenario.js";

/** The single-text mediators by name. */
export const singleTextMediators = ["random-flip", "hill-climb"] as const satisfies readonly SingleTextMediator[];

/** The agent every seat gets when a request names none. */
export const DEFAULT_AGENT = "linear";

/** What someone asks to simulate (a CLI's flags or a request body, before any check). */
export interface SimulationRequest {
  /** Default: `sao` for two seats, else `stacked`. */
  readonly protocol?: string | undefined;
  /** Party ids, in seat order. Default: see `resolveSeats`. */
  readonly seats?: readonly string[] | undefined;
  /** One agent spec per seat (`boulware`, `conceder(e=3)`). Default: DEFAULT_AGENT in every seat. */
  readonly agents?: readonly string[] | undefined;
  /** The deadline in rounds. */
  readonly rounds: number;
  readonly seed: number;
  /** Shuttle: seats left out of the talks, asked only to ratify. */
  readonly exclude?: readonly string[] | undefined;
  /** Single text: how the mediator picks changes. */
  readonly mediator?: string | undefined;
  /** Single text and shuttle: open from this framework (its open issues filled at random, seeded). */
  readonly framework?: string | undefined;
}

/** The caller's words for the request's fields, so that messages name what the user typed (e.g. `--seats`). */
export type SimulationFieldNames = Partial<Record<"protocol" | "seats" | "agents" | "rounds" | "exclude" | "mediator" | "framework", string>>;

export interface SimulationPlanOptions {
  /** The largest deadline accepted (a server's limit). Default: no limit. */
  readonly maxRounds?: number;
  readonly fieldNames?: SimulationFieldNames;
}

/** A request checked against its scenario: everything needed to run it. */
export interface SimulationPlan {
  readonly compiled: CompiledScenario;
  readonly seats: readonly string[];
  readonly agents: readonly string[];
  readonly factories: readonly NegotiatorFactory[];
  readonly protocol: ProtocolName;
  readonly create: (seats: number) => ProtocolMachine;
  readonly rounds: number;
  readonly seed: number;
}

const bad = (message: string) => new ParleyError("PARLEY_ERR_BAD_ARGUMENT", message);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The seats: the given party ids, or by default every party with preferences whose role is
 * "party" (a mediator or observer with preferences is seated only when named; when no "party" has
 * preferences, every party with preferences is seated). Throws PARLEY_ERR_NO_PREFERENCES when no
 * party has preferences, PARLEY_ERR_UNKNOWN_PARTY / PARLEY_ERR_NO_PREFERENCES for a party that
 * cannot be seated, PARLEY_ERR_BAD_ARGUMENT for a party seated twice.
 */
export function resolveSeats(compiled: CompiledScenario, requested?: readonly string[]): string[] {
  const analysed = compiled.parties.map((p) => p.party.id);
  if (analysed.length === 0)
    throw new ParleyError("PARLEY_ERR_NO_PREFERENCES", `scenario "${compiled.scenario.id}" has no party with preferences, so no one can be seated`);
  if (requested && requested.length > 0) {
    for (const id of requested) {
      if (analysed.includes(id)) continue;
      const known = compiled.scenario.parties.some((p) => p.id === id);
      throw known
        ? new ParleyError("PARLEY_ERR_NO_PREFERENCES", `party "${id}" has no preferences, so it cannot be seated; parties with preferences: ${analysed.join(", ")}`)
        : new ParleyError("PARLEY_ERR_UNKNOWN_PARTY", `no party "${id}" in the scenario; parties with preferences: ${analysed.join(", ")}`);
    }
    const twice = requested.find((id, i) => requested.indexOf(id) !== i);
    if (twice !== undefined) throw bad(`party "${twice}" is seated twice (${requested.join(", ")}); seat each party once`);
    return [...requested];
  }
  const parties = compiled.parties.filter((p) => p.party.role === "party").map((p) => p.party.id);
  return parties.length > 0 ? parties : analysed;
}

/**
 * A framework's points as an opening text: the issues it sets (the later point counts when two
 * clash), its open issues filled at random from the mediator's stream of `seed`.
 */
export function openingText(compiled: CompiledScenario, frameworkId: string, seed: number): Outcome {
  const settlement = settleFramework(compiled, findFramework(compiled, frameworkId));
  const rng = createRng(deriveSeed(seed, MEDIATOR_STREAM + 1));
  return compiled.radices.map((r, i) => {
    const k = settlement.fixed[i]!;
    return k >= 0 ? k : Math.floor(rng() * r);
  });
}

/**
 * Check a request against its scenario and plan it. Throws ParleyError: PARLEY_ERR_UNKNOWN_PROTOCOL,
 * PARLEY_ERR_UNKNOWN_STRATEGY / PARLEY_ERR_BAD_PARAMETER (agents), PARLEY_ERR_UNKNOWN_FRAMEWORK,
 * PARLEY_ERR_LIMIT (rounds), the codes of `resolveSeats`, and PARLEY_ERR_BAD_ARGUMENT for a request
 * whose parts do not fit together (agent count, seats for the protocol, options of another protocol).
 */
export function planSimulation(compiled: CompiledScenario, request: SimulationRequest, options: SimulationPlanOptions = {}): SimulationPlan {
  const name = (field: keyof SimulationFieldNames) => options.fieldNames?.[field] ?? field;
  if (!Number.isSafeInteger(request.rounds) || request.rounds <= 0) throw bad(`${name("rounds")} must be a positive whole number, not ${request.rounds}`);
  if (options.maxRounds !== undefined && request.rounds > options.maxRounds)
    throw new ParleyError("PARLEY_ERR_LIMIT", `${name("rounds")} ${request.rounds} is more than the limit of ${options.maxRounds}`);
  const seats = resolveSeats(compiled, request.seats);
  const agents = request.agents && request.agents.length > 0 ? [...request.agents] : seats.map(() => DEFAULT_AGENT);
  if (agents.length !== seats.length)
    throw bad(
      `${plural(seats.length, "seat")} (${seats.join(", ")}) but ${plural(agents.length, "agent")} (${agents.join(", ")}): ` +
        `give one agent per seat, in seat order, e.g. ${name("agents")} ${seats.map((_, i) => (i % 2 ? "conceder" : "boulware")).join(",")}` +
        (agents.length < seats.length ? `, or choose fewer seats with ${name("seats")}` : ""),
    );
  const factories = agents.map((spec) => negotiatorFromSpec(spec));

  const protocolName = request.protocol ?? (seats.length === 2 ? "sao" : "stacked");
  if (!isProtocolName(protocolName))
    throw new ParleyError("PARLEY_ERR_UNKNOWN_PROTOCOL", `unknown protocol "${protocolName}".${didYouMean(protocolName, protocolNames)} Protocols: ${protocolNames.join(", ")}.`);
  const entry = protocolRegistry[protocolName];
  if (seats.length < entry.minSeats || seats.length > entry.maxSeats)
    throw bad(
      protocolName === "sao"
        ? `the sao protocol is bilateral, but there are ${plural(seats.length, "seat")} (${seats.join(", ")}): use ${name("protocol")} stacked, or choose two seats with ${name("seats")}`
        : `the ${protocolName} protocol needs at least ${plural(entry.minSeats, "seat")}, but there are ${seats.length}`,
    );
  const excluded = request.exclude ?? [];
  if (excluded.length > 0 && protocolName !== "shuttle") throw bad(`${name("exclude")} applies to the shuttle protocol only`);
  if (request.mediator !== undefined && protocolName !== "single-text") throw bad(`${name("mediator")} applies to the single-text protocol only`);
  if (request.framework !== undefined && protocolName !== "single-text" && protocolName !== "shuttle")
    throw bad(`${name("framework")} (the opening text) applies to the single-text and shuttle protocols only`);
  const mediator = request.mediator;
  if (mediator !== undefined && !(singleTextMediators as readonly string[]).includes(mediator))
    throw bad(`unknown mediator "${mediator}".${didYouMean(mediator, singleTextMediators)} Mediators: ${singleTextMediators.join(", ")}.`);
  const exclude = excluded.map((id) => {
    const k = seats.indexOf(id);
    if (k < 0) throw bad(`${name("exclude")} ${id}: not a seat; seats: ${seats.join(", ")}`);
    return k;
  });
  if (new Set(exclude).size >= seats.length) throw bad(`${name("exclude")} leaves no seat in the talks`);
  const start = request.framework !== undefined ? openingText(compiled, request.framework, request.seed) : undefined;
  const create = createProtocol(protocolName, {
    rounds: request.rounds,
    seed: request.seed,
    radices: compiled.radices,
    ...(exclude.length ? { exclude } : {}),
    ...(mediator !== undefined ? { mediator: mediator as SingleTextMediator } : {}),
    ...(start ? { start } : {}),
  });
  return { compiled, seats, agents, factories, protocol: protocolName, create, rounds: request.rounds, seed: request.seed };
}

/** The frontier and Nash points of the seats, or null with the reason (a space too large, say). */
export interface SimulationReference {
  readonly reference: NegotiationReference | null;
  readonly notes: readonly string[];
}

/** The reference a run is measured against; never throws for a space it cannot analyse. */
export function simulationReference(compiled: CompiledScenario, seats: readonly string[]): SimulationReference {
  try {
    return { reference: negotiationReference(compiled, seats), notes: [] };
  } catch (error) {
    if (!isParleyError(error)) throw error;
    return { reference: null, notes: [`no Pareto or Nash distance: ${error.message}`] };
  }
}

/** One simulated negotiation, summarised: what `parley simulate --json` prints and a simulation job stores. */
export interface SimulationSummary extends RunSummary {
  readonly protocol: ProtocolName;
  readonly agents: readonly string[];
  readonly seed: number;
  readonly steps: number;
}

/**
 * Run a planned simulation and measure it against `reference` (computed here when not given).
 * Agents' failures end the run with status "error", recorded in the trace; they never throw.
 */
export function runSimulation(plan: SimulationPlan, reference: SimulationReference = simulationReference(plan.compiled, plan.seats)): SimulationSummary {
  const result = runNegotiation(plan.compiled, plan.factories, { seats: plan.seats, protocol: plan.create, seed: plan.seed });
  return {
    protocol: plan.protocol,
    agents: plan.agents,
    seed: plan.seed,
    steps: plan.rounds,
    ...summarizeRun(plan.compiled, result, reference.reference, reference.notes),
  };
}
