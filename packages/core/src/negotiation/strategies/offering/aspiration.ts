import type { OfferingFactory } from "./offering-policy.js";
import { selectBid } from "./select-bid.js";

/** The shape of an aspiration curve. */
export type AspirationCurve = "poly" | "exp";

/**
 * NegMAS-style aspiration level a(t) ∈ [0, max] at relative time t:
 *
 *   poly: a(t) = max · (1 − t^x)                 (x = 4 Boulware, 1 linear, 0.25 Conceder, ∞ hard-headed)
 *   exp:  a(t) = max · (e^((1 − t)^x) − 1) / (e − 1)
 *
 * Note the exponent convention is the inverse of Faratin's e: poly with x equals timeDependent with
 * e = 1/x. In the exp curve, larger x concedes faster.
 */
export function aspirationLevel(t: number, x: number, curve: AspirationCurve = "poly", max = 1): number {
  const time = t <= 0 ? 0 : t >= 1 ? 1 : t;
  if (curve === "exp") return (max * (Math.exp(Math.pow(1 - time, x)) - 1)) / (Math.E - 1);
  return max * (1 - Math.pow(time, x));
}

export interface AspirationOptions {
  /** The exponent x > 0 (∞ allowed). */
  readonly x: number;
  readonly curve?: AspirationCurve;
  /** The aspiration at t = 0, a fraction of the utility range (default 1). */
  readonly max?: number;
}

/**
 * Aims at floor + (best − floor) · a(t) (NegMAS scales the aspiration between the reserved value
 * and the best utility the same way) and offers the least outcome at or above it.
 */
export function aspirationOffering(options: AspirationOptions): OfferingFactory {
  const curve = options.curve ?? "poly";
  const max = options.max ?? 1;
  return (session) => {
    const target = (t: number) => session.floor + (session.top - session.floor) * aspirationLevel(t, options.x, curve, max);
    return {
      target: (view) => target(view.time),
      propose: (view) => selectBid(session, target(view.time)),
    };
  };
}
