import type { AcceptanceFactory } from "./acceptance-condition.js";

/**
 * Zero-intelligence acceptance: accept with probability p, drawn from the negotiator's own seeded
 * `rng` (a rational BOA negotiator only gets asked about offers at or above its reservation value).
 * A mediator's text is accepted when it reaches the offering policy's target.
 */
export function acProbabilistic(p: number): AcceptanceFactory {
  return (session) => ({ accept: () => session.ctx.rng() < p });
}
