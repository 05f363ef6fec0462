import type { AgentContext } from "../../negotiator.js";
import type { Outcome } from "../../types.js";

/**
 * An estimate of one opponent's preferences, learnt from the offers it makes. Both operations are
 * O(issues) (times a small constant), so a model can be consulted for a few hundred candidate
 * outcomes per round.
 */
export interface OpponentModel {
  /** Learn from an offer the opponent made at relative time `time`. */
  update(offer: Outcome, time: number): void;
  /** The estimated utility in [0, 1] of an outcome for the opponent. */
  utility(outcome: Outcome): number;
  /** How many offers the model has learnt from. */
  readonly observations: number;
}

/** Makes a fresh model of one opponent (the context gives the outcome space; never share state). */
export type OpponentModelFactory = (ctx: AgentContext) => OpponentModel;
