// Setting up a simulated negotiation from command-line choices: seats, agents, protocol.
import {
  createProtocol,
  createRng,
  deriveSeed,
  isProtocolName,
  MEDIATOR_STREAM,
  protocolNames,
  protocolRegistry,
  type CompiledScenario,
  type NegotiatorFactory,
  type Outcome,
  type ProtocolMachine,
  type ProtocolName,
  type SingleTextMediator,
} from "@parley/core";
import { AgentSpecError, parseAgentSpec } from "./agent-spec.js";
import { UserError } from "./user-error.js";

/** Split a comma-separated list, keeping commas inside parentheses: "a,conceder(e=3,x=1)" → 2 items. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter((s) => s !== "");
}

/**
 * The seats: the given party ids, or by default every party with preferences whose role is "party"
 * (a mediator or observer with preferences is not seated unless named; when no "party" has
 * preferences, every party with preferences is seated).
 */
export function resolveSeats(compiled: CompiledScenario, requested: readonly string[] | undefined): string[] {
  const analysed = compiled.parties.map((p) => p.party.id);
  if (requested && requested.length > 0) {
    for (const id of requested) {
      if (analysed.includes(id)) continue;
      const known = compiled.scenario.parties.some((p) => p.id === id);
      throw new UserError(
        known
          ? `party "${id}" has no preferences, so it cannot be seated; parties with preferences: ${analysed.join(", ")}`
          : `no party "${id}" in the scenario; parties with preferences: ${analysed.join(", ")}`,
      );
    }
    if (new Set(requested).size !== requested.length) throw new UserError(`a party is seated twice in --seats ${requested.join(",")}`);
    return [...requested];
  }
  const parties = compiled.parties.filter((p) => p.party.role === "party").map((p) => p.party.id);
  return parties.length > 0 ? parties : analysed;
}

/** One negotiator factory per seat, with a message that says how to fix a wrong count or name. */
export function resolveAgents(specs: readonly string[], seats: readonly string[]): NegotiatorFactory[] {
  if (specs.length !== seats.length)
    throw new UserError(
      `${seats.length} seat${seats.length === 1 ? "" : "s"} (${seats.join(", ")}) but ${specs.length} agent${specs.length === 1 ? "" : "s"} (${specs.join(", ")}): ` +
        `give one agent per seat, in seat order, e.g. --agents ${seats.map((_, i) => (i % 2 ? "conceder" : "boulware")).join(",")}` +
        `${specs.length < seats.length ? ", or choose fewer seats with --seats" : ""}`,
    );
  return specs.map((spec) => {
    try {
      return parseAgentSpec(spec);
    } catch (error) {
      if (error instanceof AgentSpecError) throw new UserError(error.message);
      throw error;
    }
  });
}

export interface ProtocolChoice {
  readonly protocol?: string;
  readonly rounds: number;
  readonly seed: number;
  readonly exclude?: readonly string[];
  readonly mediator?: string;
  readonly framework?: string;
}

/** A framework's points as an opening text, its open issues filled at random (seeded). */
export function frameworkCompletion(compiled: CompiledScenario, frameworkId: string, seed: number): Outcome {
  const framework = compiled.scenario.frameworks.find((f) => f.id === frameworkId);
  if (!framework) {
    const ids = compiled.scenario.frameworks.map((f) => f.id);
    throw new UserError(`no framework "${frameworkId}" in the scenario${ids.length ? `; frameworks: ${ids.join(", ")}` : " (it has none)"}`);
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

/** The protocol factory for the choices, checked against the seats. */
export function resolveProtocol(compiled: CompiledScenario, seats: readonly string[], choice: ProtocolChoice): { name: ProtocolName; create: (n: number) => ProtocolMachine } {
  const name = choice.protocol ?? (seats.length === 2 ? "sao" : "stacked");
  if (!isProtocolName(name)) throw new UserError(`unknown protocol "${name}"; protocols: ${protocolNames.join(", ")}`);
  const entry = protocolRegistry[name];
  if (seats.length < entry.minSeats || seats.length > entry.maxSeats)
    throw new UserError(
      name === "sao"
        ? `the sao protocol is bilateral, but there are ${seats.length} seats (${seats.join(", ")}): use --protocol stacked, or pick two seats with --seats`
        : `the ${name} protocol needs at least ${entry.minSeats} seats, but there are ${seats.length}`,
    );
  if (choice.exclude && choice.exclude.length > 0 && name !== "shuttle") throw new UserError("--exclude applies to the shuttle protocol only");
  if (choice.mediator !== undefined && name !== "single-text") throw new UserError("--mediator applies to the single-text protocol only");
  if (choice.framework !== undefined && name !== "single-text" && name !== "shuttle")
    throw new UserError("--framework (the opening text) applies to the single-text and shuttle protocols only");
  if (choice.mediator !== undefined && choice.mediator !== "random-flip" && choice.mediator !== "hill-climb")
    throw new UserError(`unknown mediator "${choice.mediator}"; mediators: random-flip, hill-climb`);
  const exclude = (choice.exclude ?? []).map((id) => {
    const k = seats.indexOf(id);
    if (k < 0) throw new UserError(`--exclude ${id}: not a seat; seats: ${seats.join(", ")}`);
    return k;
  });
  if (exclude.length >= seats.length) throw new UserError("--exclude leaves no seat in the talks");
  const start = choice.framework !== undefined ? frameworkCompletion(compiled, choice.framework, choice.seed) : undefined;
  return {
    name,
    create: createProtocol(name, {
      rounds: choice.rounds,
      seed: choice.seed,
      radices: compiled.radices,
      ...(exclude.length ? { exclude } : {}),
      ...(choice.mediator !== undefined ? { mediator: choice.mediator as SingleTextMediator } : {}),
      ...(start ? { start } : {}),
    }),
  };
}
