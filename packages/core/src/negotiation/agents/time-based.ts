import type { NegotiatorFactory } from "../negotiator.js";
import { acNext } from "../strategies/acceptance/ac-next.js";
import { boaNegotiator } from "../strategies/boa-negotiator.js";
import { timeDependentOffering } from "../strategies/offering/time-dependent.js";

/**
 * Faratin et al. (1998) time-dependent concession: the target utility at relative time t is
 *   target(t) = r + (max − r) · (1 − t^(1/e)),  r = max(reservation, min acceptable utility),
 * so e < 1 concedes late (Boulware), e = 1 linearly, e > 1 early (Conceder), e = 0 never (Hardliner).
 * It offers the outcome whose utility is the smallest at or above the target, and accepts an offer
 * worth at least the target (AC_next). The BOA composition of `timeDependentOffering` and `acNext`;
 * the registry's `boulware`, `linear`, `conceder` and `hardliner` are this with their exponents.
 */
export function timeBasedNegotiator(exponent: number): NegotiatorFactory {
  return boaNegotiator({ offering: timeDependentOffering({ e: exponent }), acceptance: acNext() });
}
