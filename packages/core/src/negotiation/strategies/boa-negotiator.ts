import type { Negotiator, NegotiatorFactory } from "../negotiator.js";
import type { NegotiationView, Observation, Outcome, Response } from "../types.js";
import type { AcceptanceFactory } from "./acceptance/acceptance-condition.js";
import type { OpponentModelFactory } from "./models/opponent-model.js";
import type { OfferingFactory } from "./offering/offering-policy.js";
import { createBoaSession, type ReceivedOffer } from "./session.js";

/** The parts of a BOA negotiator (Baarslag et al. 2014): Bidding, Opponent model, Acceptance. */
export interface BoaParts {
  readonly offering: OfferingFactory;
  readonly acceptance: AcceptanceFactory;
  /** One model per opponent seat, created at its first offer. */
  readonly model?: OpponentModelFactory;
  /**
   * Default true: never accept an offer below the reservation value or across a red line, and end
   * the negotiation at once when no outcome is acceptable. False only for the Nice baseline.
   */
  readonly rational?: boolean;
}

const sameOutcome = (a: Outcome, b: Outcome): boolean => {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * Compose BOA parts into a negotiator factory; every call makes fresh parts, so the same seed
 * replays the same run. Offers made by other seats — seen through `observe`, or through `respond`
 * when the protocol does not show them — are recorded once each in the session (and fed to the
 * opponent models). A text from a mediator (`respond` with from = −1: single-text voting, shuttle
 * drafts) is not an opponent's offer: it is accepted when the acceptance condition's `acceptText`
 * says so, by default when it is worth at least the offering policy's current target.
 */
export function boaNegotiator(parts: BoaParts): NegotiatorFactory {
  const rational = parts.rational ?? true;
  return (ctx): Negotiator => {
    const writer = createBoaSession(ctx, parts.model);
    const session = writer.session;
    const offering = parts.offering(session);
    const acceptance = parts.acceptance(session, offering);
    const hopeless = rational && (session.outcomes.size === 0 || !(session.top >= ctx.reservation));
    // Offers seen through observe() that this negotiator has not been asked about yet, per seat.
    const pending = new Map<number, ReceivedOffer>();

    const record = (outcome: Outcome, from: number, round: number, time: number, utility = ctx.utility(outcome)): ReceivedOffer =>
      writer.receive(outcome, from, round, time, utility);

    return {
      propose(view: NegotiationView): Outcome | null {
        if (hopeless) return null;
        const outcome = offering.propose(view);
        if (outcome) writer.send(outcome, view.round, view.time);
        return outcome;
      },
      respond(view: NegotiationView, offer: Outcome, from: number): Response {
        let utility: number;
        if (from >= 0 && from !== ctx.seat) {
          const seen = pending.get(from);
          if (seen && sameOutcome(seen.outcome, offer)) {
            pending.delete(from);
            utility = seen.utility;
          } else utility = record(offer, from, view.round, view.time).utility;
        } else utility = ctx.utility(offer);
        if (hopeless) return "reject";
        if (rational && (utility < ctx.reservation || ctx.crossesRedLine(offer))) return "reject";
        if (from < 0) {
          const yes = acceptance.acceptText
            ? acceptance.acceptText(view, offer, utility)
            : utility >= offering.target(view) - 1e-12;
          return yes ? "accept" : "reject";
        }
        return acceptance.accept(view, offer, utility, from) ? "accept" : "reject";
      },
      observe(observation: Observation): void {
        if (observation.type !== "offer" || observation.from < 0 || observation.from === ctx.seat) return;
        pending.set(observation.from, record(observation.outcome, observation.from, observation.round, observation.time));
      },
    };
  };
}
