import type { Issue, Value } from "../model/issue.js";
import type { Rng } from "../random/rng.js";
import type { UtilityIndex } from "./utility-index.js";
import type { NegotiationView, Observation, Outcome, Response } from "./types.js";

/**
 * Everything a negotiator is given about the negotiation: its own preferences and the outcome
 * space. By construction it holds nothing about any other party's preferences: there is no
 * scenario, no compiled scenario, no other utility function reachable from here.
 */
export interface AgentContext {
  /** This negotiator's seat (0-based) and how many seats there are. */
  readonly seat: number;
  readonly seats: number;
  /** The party this negotiator represents. */
  readonly party: { readonly id: string; readonly name: string };
  readonly issues: readonly Issue[];
  /** The discrete values of each issue; an Outcome holds indices into these. */
  readonly values: readonly (readonly Value[])[];
  /** Number of outcomes. */
  readonly size: number;
  /** Own utility of an outcome. */
  readonly utility: (outcome: Outcome) => number;
  /** Own reservation value (utility of no agreement). */
  readonly reservation: number;
  /** Own discount factor (1 = none). */
  readonly discount: number;
  /** Own red lines: true when the outcome crosses one. */
  readonly crossesRedLine: (outcome: Outcome) => boolean;
  /** false when the party has no red lines (crossesRedLine is then always false): strategies may skip the check. */
  readonly hasRedLines?: boolean;
  /** Own utilities of every outcome, sorted (built on first use). */
  readonly index: () => UtilityIndex;
  /** This negotiator's own random source (derived from the run seed and its seat). */
  readonly rng: Rng;
  /** The deadline in rounds. */
  readonly rounds: number;
}

/**
 * A negotiating agent. The protocol asks it to `propose` or to `respond` to an offer, and tells it
 * what it may see through `observe`. Returning garbage, throwing or taking too long ends the run
 * with an error recorded in the trace.
 */
export interface Negotiator {
  /** Called once before the run. */
  start?(ctx: AgentContext): void;
  /** An offer, or null to end the negotiation. */
  propose(view: NegotiationView): Outcome | null;
  /** Answer an offer made by seat `from` (-1: the mediator). */
  respond(view: NegotiationView, offer: Outcome, from: number): Response;
  /** What others did, as far as the protocol reveals it. */
  observe?(observation: Observation): void;
}

/** Makes a fresh negotiator for one run (never share state between runs). */
export type NegotiatorFactory = (ctx: AgentContext) => Negotiator;
