import type { NegotiationView, Outcome } from "../../types.js";
import type { OfferingPolicy } from "../offering/offering-policy.js";
import type { BoaSession } from "../session.js";

/**
 * The acceptance part of a BOA negotiator. When it is asked, the offer has already been recorded in
 * the session (so `session.received` includes it). A BOA negotiator that is rational never accepts
 * below its reservation value or across a red line, whatever the condition says.
 */
export interface AcceptanceCondition {
  /** Whether to accept `offer`, worth `utility` to this party, made by seat `from`. */
  accept(view: NegotiationView, offer: Outcome, utility: number, from: number): boolean;
  /**
   * Whether to accept a mediator's text (asked with from = −1, e.g. in single-text voting). Default
   * when absent: utility ≥ the offering policy's current target.
   */
  acceptText?(view: NegotiationView, offer: Outcome, utility: number): boolean;
}

/** Makes a fresh acceptance condition for one run; it may consult the offering policy (AC_next). */
export type AcceptanceFactory = (session: BoaSession, offering: OfferingPolicy) => AcceptanceCondition;

/** Tolerance for comparing utilities computed along different paths. */
export const UTILITY_EPSILON = 1e-12;
