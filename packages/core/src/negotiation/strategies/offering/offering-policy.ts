import type { NegotiationView, Outcome } from "../../types.js";
import type { BoaSession } from "../session.js";

/**
 * The bidding part of a BOA negotiator: what to offer next. A rational policy never offers below
 * the session's floor (its reservation value) nor an outcome that crosses a red line.
 */
export interface OfferingPolicy {
  /**
   * The utility the next offer aims at, now: the policy's aspiration, used by acceptance conditions
   * (AC_next) and to answer a mediator's text. It does not change the policy's state.
   */
  target(view: NegotiationView): number;
  /** The next offer, or null to end the negotiation. Called once per proposal (it may update state). */
  propose(view: NegotiationView): Outcome | null;
}

/** Makes a fresh offering policy for one run. */
export type OfferingFactory = (session: BoaSession) => OfferingPolicy;
