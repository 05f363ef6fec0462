// Small scenarios and contexts shared by the strategy tests.
import {
  compileScenario,
  createAgentContext,
  createBoaSession,
  createRng,
  type AgentContext,
  type BoaSessionWriter,
  type CompiledScenario,
  type NegotiationView,
  type OpponentModelFactory,
  type Scenario,
} from "@parley/core";

/**
 * One integer issue x ∈ 0..n: P's utility is x/n, Q's is 1 − x/n (pure opposition), so P's ladder
 * is 0, 1/n, …, 1 and every number in a test is easy to compute by hand.
 */
export function splitScenario(n = 10, reservations: readonly [number, number] = [0, 0]): Scenario {
  return {
    id: "split",
    name: "Split",
    issues: [{ kind: "integer", id: "x", min: 0, max: n }],
    parties: [
      {
        id: "P",
        name: "P",
        role: "party",
        preferences: { utility: { kind: "linear-additive", weights: { x: 1 }, values: { x: { kind: "linear", slope: 1 / n, offset: 0 } } }, reservation: reservations[0] },
      },
      {
        id: "Q",
        name: "Q",
        role: "party",
        preferences: { utility: { kind: "linear-additive", weights: { x: 1 }, values: { x: { kind: "linear", slope: -1 / n, offset: 1 } } }, reservation: reservations[1] },
      },
    ],
    frameworks: [],
  };
}

/** The context of party `party` of a compiled scenario, in seat `party` of `seats`. */
export function contextOf(compiled: CompiledScenario, party = 0, options: { seats?: number; seed?: number; rounds?: number } = {}): AgentContext {
  return createAgentContext(compiled, party, party, options.seats ?? compiled.parties.length, createRng(options.seed ?? 1), options.rounds ?? 100);
}

/** A BOA session for party `party` of a scenario (optionally with opponent models). */
export function sessionOf(scenario: Scenario | CompiledScenario, party = 0, model?: OpponentModelFactory): BoaSessionWriter {
  const compiled = "radices" in scenario ? scenario : compileScenario(scenario);
  return createBoaSession(contextOf(compiled, party), model);
}

/** A view at relative time t of a 100-round negotiation. */
export const at = (time: number, rounds = 100): NegotiationView => ({ round: Math.round(time * rounds), time, rounds });

/** Record in a split-scenario session of P that seat 1 offered [x] (worth x/10 to P) at time t. */
export const receiveSplit = (writer: BoaSessionWriter, x: number, t = 0) => writer.receive([x], 1, Math.round(t * 100), t, x / 10);
