import type { ReceivedOffer } from "../session.js";
import type { OfferingFactory } from "./offering-policy.js";
import { selectBid, type BidWindow } from "./select-bid.js";

export interface TitForTatOptions {
  /** Reciprocate (1 + kindness) times the opponent's concession (default 0: exactly). */
  readonly kindness?: number;
  /** Also reciprocate a retraction: raise the target when an opponent's offer gets worse (default false). */
  readonly punish?: boolean;
  /** The concession, as a fraction of (best − floor), made when an opponent's first offer arrives (default 0.05). */
  readonly initial?: number;
  readonly window?: BidWindow;
}

/**
 * Naive relative tit-for-tat (Faratin et al. 1998; NegMAS `NaiveTitForTatNegotiator`): starting
 * from its best, it concedes in its own utility what the opponent conceded in it. When the
 * opponent's latest offer is worth Δ > 0 more to me than its previous one, my target drops by
 * (1 + kindness)·Δ (a zero-sum reading of the opponent's move); Δ < 0 raises it by |Δ| only with
 * `punish`. An opponent's first offer triggers one concession of `initial`·(best − floor) so that
 * two reciprocators can start. With several opponents it reciprocates the smallest concession
 * among those that made a new offer since its last one. The target stays in [floor, best].
 */
export function titForTatOffering(options: TitForTatOptions = {}): OfferingFactory {
  const kindness = options.kindness ?? 0;
  const punish = options.punish ?? false;
  const initial = options.initial ?? 0.05;
  return (session) => {
    let target = session.top;
    const seen = new Map<number, ReceivedOffer>();
    const next = (): number => {
      let step: number | undefined;
      for (const seat of session.opponents) {
        const last = session.latest(seat)!;
        const prev = seen.get(seat);
        if (last === prev) continue;
        let s: number;
        if (!prev) s = initial * (session.top - session.floor);
        else {
          const delta = last.utility - prev.utility;
          s = delta > 0 ? (1 + kindness) * delta : punish ? delta : 0;
        }
        step = step === undefined ? s : Math.min(step, s);
      }
      const t = target - (step ?? 0);
      return t < session.floor ? session.floor : t > session.top ? session.top : t;
    };
    return {
      target: next,
      propose() {
        target = next();
        for (const seat of session.opponents) seen.set(seat, session.latest(seat)!);
        return selectBid(session, target, options.window);
      },
    };
  };
}
