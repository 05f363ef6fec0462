import type { Observation, Outcome, RunStatus } from "../types.js";
import { ProtocolViolation, type Answer, type Ask, type ProtocolMachine, type Step } from "./protocol.js";

export interface StackedOptions {
  /** Deadline in rounds; in each round every seat acts once, in seat order. */
  readonly rounds: number;
}

/**
 * Multilateral stacked alternating offers (Aydoğan et al. 2017, SAOP for n ≥ 2 seats). Seat 0
 * opens with an offer; then the seats act in turn, in seat order and cyclically: each accepts the
 * standing offer, ends the negotiation, or rejects it and replaces it with its own offer. An
 * agreement forms when the n − 1 seats after the offer's author have all accepted it in a row. The
 * negotiation times out when the deadline round starts without agreement. With two seats it is
 * exactly `saoProtocol`. Every action is observed by every other seat.
 */
export function stackedProtocol(seats: number, options: StackedOptions): ProtocolMachine {
  if (!Number.isInteger(seats) || seats < 2) throw new ProtocolViolation(`stacked alternating offers needs at least 2 seats, got ${seats}`);
  const rounds = options.rounds;
  let round = 0;
  let cur = 0;
  let phase: "propose" | "respond" = "propose";
  let offer: Outcome | null = null;
  let from = -1;
  let accepted = 0;
  let status: RunStatus | null = rounds <= 0 ? "timeout" : null;
  let agreement: Outcome | null = null;

  const broadcast = (sender: number, observation: Observation): Step["observations"] => {
    const out: { seat: number; observation: Observation }[] = [];
    for (let s = 0; s < seats; s++) if (s !== sender) out.push({ seat: s, observation });
    return out;
  };
  /** Pass the turn to the next seat; a new round starts when it comes back to seat 0. */
  const advance = (): boolean => {
    cur = (cur + 1) % seats;
    if (cur === 0 && ++round >= rounds) {
      status = "timeout";
      return true;
    }
    return false;
  };

  return {
    name: "stacked",
    rounds,
    round: () => round,
    next(): Ask | null {
      if (status) return null;
      return phase === "propose" ? { seat: cur, kind: "propose" } : { seat: cur, kind: "respond", offer: offer!, from };
    },
    answer(answer: Answer): Step {
      if (status) throw new ProtocolViolation("the negotiation is over");
      if (answer.kind !== phase) throw new ProtocolViolation(`expected a ${phase === "propose" ? "proposal" : "response"}`);
      const seat = cur;
      if (answer.kind === "propose") {
        if (answer.outcome === null) {
          status = "ended";
          return { events: [{ type: "end", sender: seat }], observations: [] };
        }
        offer = answer.outcome;
        from = seat;
        accepted = 0;
        phase = "respond";
        const timedOut = advance();
        const observation: Observation = { type: "offer", from: seat, outcome: offer, round, time: round / rounds };
        return {
          events: timedOut ? [{ type: "offer", sender: seat, outcome: offer }, { type: "timeout", sender: -1 }] : [{ type: "offer", sender: seat, outcome: offer }],
          observations: broadcast(seat, observation),
        };
      }
      const o = offer!;
      switch (answer.response) {
        case "end":
          status = "ended";
          return { events: [{ type: "end", sender: seat }], observations: [] };
        case "reject": {
          phase = "propose";
          const observation: Observation = { type: "reject", from: seat, outcome: o, round, time: round / rounds };
          return { events: [{ type: "reject", sender: seat, outcome: o }], observations: broadcast(seat, observation) };
        }
        case "accept": {
          const observation: Observation = { type: "accept", from: seat, outcome: o, round, time: round / rounds };
          if (++accepted >= seats - 1) {
            status = "agreement";
            agreement = o;
            return { events: [{ type: "accept", sender: seat, outcome: o }, { type: "agreement", sender: -1, outcome: o }], observations: broadcast(seat, observation) };
          }
          const timedOut = advance();
          return {
            events: timedOut ? [{ type: "accept", sender: seat, outcome: o }, { type: "timeout", sender: -1 }] : [{ type: "accept", sender: seat, outcome: o }],
            observations: broadcast(seat, observation),
          };
        }
      }
    },
    result: () => ({ status: status ?? "timeout", agreement }),
  };
}
