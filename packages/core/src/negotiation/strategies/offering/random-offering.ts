import type { OfferingFactory } from "./offering-policy.js";

/**
 * Zero-intelligence offers: a uniformly random acceptable outcome worth at least the floor (so
 * never irrational), drawn with the negotiator's own seeded `rng`. Its target is the floor.
 */
export function randomOffering(): OfferingFactory {
  return (session) => {
    const { outcomes, floor, ctx } = session;
    const lo = outcomes.lowerBound(floor);
    return {
      target: () => floor,
      propose() {
        if (lo >= outcomes.size) return null;
        return outcomes.outcomeAt(lo + Math.floor(ctx.rng() * (outcomes.size - lo)));
      },
    };
  };
}
