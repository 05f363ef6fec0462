import type { Outcome } from "../../types.js";
import type { BoaSession } from "../session.js";

/** How far above the target a bid may be chosen, when opponents are modelled. */
export interface BidWindow {
  /** At most this many candidates (positions) are compared. Default 100. */
  readonly count?: number;
  /** Candidates are worth at most the least one plus this (own utility). Default 0.05. */
  readonly width?: number;
}

const EPS = 1e-12;

/**
 * The position of the bid for a target utility. Without an opponent model (or before the first
 * offer) it is the least acceptable outcome worth at least the target — at least the floor, the
 * best one when the target is above everything. With models, it is the candidate the opponents
 * like most (by `session.opponentUtility`) among the next `count` positions worth at most `width`
 * more: HardHeaded's "among bids of near-equal own utility, the one best for the opponent". At
 * most `count` model evaluations.
 */
export function selectBidPosition(session: BoaSession, target: number, window: BidWindow = {}): number {
  const outcomes = session.outcomes;
  const size = outcomes.size;
  if (size === 0) return -1;
  let k0 = outcomes.lowerBound(Math.max(target - EPS, session.floor));
  if (k0 >= size) k0 = size - 1;
  if (!session.modelled || session.received.length === 0) return k0;
  const count = window.count ?? 100;
  const limit = outcomes.utilityAt(k0) + (window.width ?? 0.05);
  const buffer: number[] = new Array<number>(session.ctx.values.length).fill(0);
  let best = k0;
  let bestScore = -Infinity;
  for (let k = k0; k < size && k < k0 + count && outcomes.utilityAt(k) <= limit; k++) {
    const score = session.opponentUtility(outcomes.decodeInto(k, buffer));
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

/** The bid for a target utility (see selectBidPosition); null when no outcome is acceptable. */
export function selectBid(session: BoaSession, target: number, window: BidWindow = {}): Outcome | null {
  const k = selectBidPosition(session, target, window);
  return k < 0 ? null : session.outcomes.outcomeAt(k);
}
