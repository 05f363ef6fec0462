import { UTILITY_EPSILON, type AcceptanceFactory } from "./acceptance-condition.js";

/**
 * AC_next(α, β) (Baarslag et al. 2011): accept when α · u(offer) + β ≥ the utility the next own
 * offer aims at (the offering policy's target now). α = 1, β = 0 by default.
 */
export function acNext(alpha = 1, beta = 0): AcceptanceFactory {
  return (_session, offering) => ({
    accept: (view, _offer, utility) => alpha * utility + beta >= offering.target(view) - UTILITY_EPSILON,
  });
}
