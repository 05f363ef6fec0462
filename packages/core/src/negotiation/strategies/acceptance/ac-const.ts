import { UTILITY_EPSILON, type AcceptanceFactory } from "./acceptance-condition.js";

/** AC_const(α) (Baarslag et al. 2011): accept any offer worth at least α, whatever the time. */
export function acConst(alpha: number): AcceptanceFactory {
  return () => ({
    accept: (_view, _offer, utility) => utility >= alpha - UTILITY_EPSILON,
    acceptText: (_view, _offer, utility) => utility >= alpha - UTILITY_EPSILON,
  });
}
