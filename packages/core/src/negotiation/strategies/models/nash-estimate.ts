import type { BoaSession } from "../session.js";

/** The estimated Nash bargaining point: its position on the own ladder and its own utility. */
export interface NashEstimate {
  readonly position: number;
  /** Own utility of the estimated Nash outcome. */
  readonly utility: number;
  /** The estimated Nash product (u − reservation) · Π û_j. */
  readonly product: number;
}

export interface NashEstimateOptions {
  /** Own-utility levels sampled evenly between the floor and the best (default 40). */
  readonly levels?: number;
  /** Positions examined from each level upwards (default 10). */
  readonly window?: number;
}

/**
 * The outcome maximising the estimated Nash product (u − own reservation) · Π_j û_j, where û_j are
 * the opponent models (their reservation values are unknown and taken as 0), over a bounded
 * candidate set: `levels` own-utility levels between the floor and the best, and the `window`
 * positions from each upward — at most levels × window evaluations, never the whole space. Null
 * when no opponent has been modelled yet.
 */
export function estimateNash(session: BoaSession, options: NashEstimateOptions = {}): NashEstimate | null {
  const models = session.opponents.map((seat) => session.model(seat)).filter((m) => m !== undefined && m.observations > 0);
  const { outcomes, floor, top } = session;
  if (models.length === 0 || outcomes.size === 0) return null;
  const levels = Math.max(2, options.levels ?? 40);
  const window = Math.max(1, options.window ?? 10);
  const reservation = session.ctx.reservation;
  const buffer = new Array<number>(session.ctx.values.length).fill(0);
  let best: NashEstimate | null = null;
  let scanned = -1;
  for (let l = 0; l < levels; l++) {
    const level = floor + ((top - floor) * l) / (levels - 1);
    const start = Math.max(outcomes.lowerBound(level), scanned + 1);
    const end = Math.min(outcomes.size, start + window);
    for (let k = start; k < end; k++) {
      const u = outcomes.utilityAt(k);
      if (u < floor) continue;
      const outcome = outcomes.decodeInto(k, buffer);
      let product = Math.max(0, u - reservation);
      for (const model of models) product *= model!.utility(outcome);
      if (!best || product > best.product) best = { position: k, utility: u, product };
    }
    if (end > 0) scanned = Math.max(scanned, end - 1);
  }
  return best;
}
