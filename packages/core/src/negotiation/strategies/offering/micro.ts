import type { OfferingFactory } from "./offering-policy.js";

/**
 * MiCRO (de Jonge 2022). It walks down its own acceptable outcomes from the best, one new outcome
 * at a time, but only while the opponents have made at least as many distinct offers as it has
 * (m ≤ n, m its distinct proposals so far, n the distinct outcomes received from all other seats);
 * otherwise it repeats one of its earlier proposals, chosen at random with its `rng`. It never goes
 * below the floor. Its target — what the acceptance rule compares offers with — is the utility of
 * the least outcome it will have proposed after its next move: the next new outcome when it may
 * concede, its lowest proposal so far otherwise. No opponent model.
 */
export function microOffering(): OfferingFactory {
  return (session) => {
    const { outcomes } = session;
    const size = outcomes.size;
    const lowest = outcomes.lowerBound(session.floor);
    const distinct = new Set<number>();
    let cursor = 0;
    let m = 0;
    const mayConcede = (): boolean => {
      const received = session.received;
      for (; cursor < received.length; cursor++) distinct.add(session.numberOf(received[cursor]!.outcome));
      return m <= distinct.size && size - 1 - m >= lowest;
    };
    return {
      target() {
        if (lowest >= size) return session.floor;
        return mayConcede() ? outcomes.utilityAt(size - 1 - m) : outcomes.utilityAt(size - m);
      },
      propose() {
        if (lowest >= size) return null;
        if (mayConcede()) return outcomes.outcomeAt(size - 1 - m++);
        return outcomes.outcomeAt(size - 1 - Math.floor(session.ctx.rng() * m));
      },
    };
  };
}
