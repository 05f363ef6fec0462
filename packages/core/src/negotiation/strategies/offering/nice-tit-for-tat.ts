import { estimateNash, type NashEstimate } from "../models/nash-estimate.js";
import type { OfferingFactory } from "./offering-policy.js";
import { selectBid, type BidWindow } from "./select-bid.js";

export interface NiceTitForTatOptions {
  /** Re-estimate the Nash point after this many new offers, or a fifth of all offers so far if more (default 10). */
  readonly refresh?: number;
  readonly window?: BidWindow;
}

/**
 * Nice tit-for-tat (Baarslag, Hindriks & Jonker 2013). It reciprocates the opponent's concession
 * measured relative to the estimated Nash point: with f the opponent's first offer, l its latest,
 * N the estimated Nash outcome (models/nash-estimate) and u my utility,
 *
 *   p = (u(l) − u(f)) / (u(N) − u(f))  clamped to [0, 1]  (p = 1 when u(N) ≤ u(f)),
 *   target = best − p · (best − u(N)),
 *
 * never above its previous target (it never retaliates by backtracking) and never below the floor.
 * Among bids of about that utility it offers the one the opponent model likes most. With several
 * opponents p is the smallest among them. Needs an opponent model (without one, u(N) is the floor).
 */
export function niceTitForTatOffering(options: NiceTitForTatOptions = {}): OfferingFactory {
  const refresh = Math.max(1, options.refresh ?? 10);
  return (session) => {
    let target = session.top;
    let nash: NashEstimate | null = null;
    let nashAt = -Infinity;
    const next = (): number => {
      if (session.opponents.length === 0) return target;
      const received = session.received.length;
      if (received - nashAt >= Math.max(refresh, Math.floor(received / 5))) {
        nash = estimateNash(session) ?? nash;
        nashAt = received;
      }
      const uN = nash ? nash.utility : session.floor;
      let p = 1;
      for (const seat of session.opponents) {
        const f = session.first(seat)!.utility;
        const l = session.latest(seat)!.utility;
        const q = uN <= f ? 1 : Math.min(1, Math.max(0, (l - f) / (uN - f)));
        if (q < p) p = q;
      }
      const t = Math.min(target, session.top - p * (session.top - uN));
      return t < session.floor ? session.floor : t;
    };
    return {
      target: next,
      propose() {
        target = next();
        return selectBid(session, target, options.window);
      },
    };
  };
}
