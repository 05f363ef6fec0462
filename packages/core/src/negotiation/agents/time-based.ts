import type { AgentContext, Negotiator, NegotiatorFactory } from "../negotiator.js";
import type { NegotiationView, Outcome } from "../types.js";

/**
 * Faratin et al. (1998) time-dependent concession: the target utility at relative time t is
 *   target(t) = r + (max − r) · (1 − t^(1/e)),  r = max(reservation, min utility),
 * so e < 1 concedes late (Boulware), e = 1 linearly, e > 1 early (Conceder), e = 0 never (Hardliner).
 * It offers the outcome whose utility is the smallest at or above the target, and accepts an offer
 * worth at least the target.
 */
export function timeBasedNegotiator(exponent: number): NegotiatorFactory {
  return (ctx: AgentContext): Negotiator => {
    const index = ctx.index();
    const floor = Math.max(ctx.reservation, index.min);
    const top = index.max;
    const target = (t: number): number => {
      if (exponent === 0) return t >= 1 ? floor : top;
      return floor + (top - floor) * (1 - Math.pow(Math.min(1, Math.max(0, t)), 1 / exponent));
    };
    return {
      propose(view: NegotiationView): Outcome {
        const k = Math.min(index.lowerBound(target(view.time) - 1e-12), index.size - 1);
        return index.outcomeAt(index.order[k]!);
      },
      respond(view: NegotiationView, offer: Outcome) {
        return ctx.utility(offer) >= target(view.time) - 1e-12 ? "accept" : "reject";
      },
    };
  };
}
