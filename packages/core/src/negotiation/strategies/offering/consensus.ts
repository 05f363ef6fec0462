import type { Outcome } from "../../types.js";
import type { OfferingFactory } from "./offering-policy.js";
import { timeDependentTarget } from "./time-dependent.js";

export interface ConsensusOptions {
  /** The concession exponent of the time-dependent target (see timeDependentTarget). */
  readonly e: number;
  /** Candidates compared per offer (default 200). */
  readonly count?: number;
  /** Candidates are worth at most the least one plus this (own utility; default 0.1). */
  readonly width?: number;
}

/**
 * A multilateral time-dependent strategy that looks for the offer acceptable to the most opponents.
 * Its target follows Faratin's curve with exponent e. Each opponent j has its own model û_j and an
 * estimated acceptance threshold θ_j = û_j(j's latest offer) — a party presumably accepts what it
 * would itself offer. Among the `count` acceptable outcomes just above the target (at most `width`
 * more own utility) it offers the one maximising
 *
 *   #{ j : û_j(c) ≥ θ_j }  +  ½ · min_j û_j(c),
 *
 * the number of opponents expected to accept, ties broken toward the least satisfied. Without
 * models or offers yet it offers the least outcome at or above the target.
 */
export function consensusOffering(options: ConsensusOptions): OfferingFactory {
  const count = options.count ?? 200;
  const width = options.width ?? 0.1;
  return (session) => {
    const { outcomes } = session;
    const target = (t: number) => timeDependentTarget(t, options.e, session.floor, session.top);
    const buffer = new Array<number>(session.ctx.values.length).fill(0);
    return {
      target: (view) => target(view.time),
      propose(view): Outcome | null {
        if (outcomes.size === 0) return null;
        const k0 = Math.min(outcomes.size - 1, outcomes.lowerBound(Math.max(target(view.time) - 1e-12, session.floor)));
        const models = session.opponents.flatMap((seat) => {
          const model = session.model(seat);
          return model ? [{ model, threshold: model.utility(session.latest(seat)!.outcome) }] : [];
        });
        if (models.length === 0) return outcomes.outcomeAt(k0);
        const limit = outcomes.utilityAt(k0) + width;
        let best = k0;
        let bestScore = -Infinity;
        for (let k = k0; k < outcomes.size && k < k0 + count && outcomes.utilityAt(k) <= limit; k++) {
          const c = outcomes.decodeInto(k, buffer);
          let agree = 0;
          let least = Infinity;
          for (const { model, threshold } of models) {
            const u = model.utility(c);
            if (u >= threshold) agree++;
            if (u < least) least = u;
          }
          const score = agree + 0.5 * least;
          if (score > bestScore) {
            bestScore = score;
            best = k;
          }
        }
        return outcomes.outcomeAt(best);
      },
    };
  };
}
