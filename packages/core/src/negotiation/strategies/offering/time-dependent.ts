import type { OfferingFactory } from "./offering-policy.js";
import { selectBid, type BidWindow } from "./select-bid.js";

/**
 * Faratin, Sierra & Jennings (1998) time-dependent target utility at relative time t ∈ [0, 1]:
 *
 *   target(t) = min + (max − min) · (1 − F(t)),   F(t) = k + (1 − k) · t^(1/e)
 *
 * e < 1 concedes late (Boulware), e = 1 linearly, e > 1 early (Conceder); e = 0 never concedes
 * before the deadline (Hardliner: F(t) = k for t < 1). k ∈ [0, 1] is the initial concession.
 */
export function timeDependentTarget(t: number, e: number, min: number, max: number, k = 0): number {
  const time = t <= 0 ? 0 : t >= 1 ? 1 : t;
  const f = e === 0 ? (time >= 1 ? 1 : k) : k + (1 - k) * Math.pow(time, 1 / e);
  return min + (max - min) * (1 - f);
}

export interface TimeDependentOptions {
  /** The concession exponent e ≥ 0. */
  readonly e: number;
  /** The initial concession k ∈ [0, 1] (default 0). */
  readonly k?: number;
  /** Where to look for a bid the opponents like, when they are modelled. */
  readonly window?: BidWindow;
}

/**
 * Offers the bid for timeDependentTarget(t) between the floor (the reservation value or the worst
 * acceptable outcome) and the best acceptable outcome: the least outcome at or above the target, or
 * with an opponent model the one they like most among those just above it.
 */
export function timeDependentOffering(options: TimeDependentOptions): OfferingFactory {
  const { e } = options;
  const k = options.k ?? 0;
  return (session) => {
    const target = (t: number) => timeDependentTarget(t, e, session.floor, session.top, k);
    return {
      target: (view) => target(view.time),
      propose: (view) => selectBid(session, target(view.time), options.window),
    };
  };
}
