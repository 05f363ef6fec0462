import type { Outcome, RunStatus } from "../types.js";
import { ProtocolViolation, type Answer, type Ask, type ProtocolMachine, type Step } from "./protocol.js";

export interface SaoOptions {
  /** Deadline in rounds; in each round every seat acts once. */
  readonly rounds: number;
}

/**
 * Bilateral stacked alternating offers (SAOP, as in GENIUS and NegMAS): seat 0 opens; then each
 * seat in turn accepts the standing offer, ends the negotiation, or rejects it and makes a counter-
 * offer. The negotiation times out when the deadline round starts without agreement.
 */
export function saoProtocol(seats: number, options: SaoOptions): ProtocolMachine {
  if (seats !== 2) throw new ProtocolViolation(`SAO is bilateral: it needs 2 seats, got ${seats} (use the stacked protocol)`);
  const rounds = options.rounds;
  let round = 0;
  let cur = 0;
  let phase: "propose" | "respond" = "propose";
  let offer: Outcome | null = null;
  let from = -1;
  let status: RunStatus | null = rounds <= 0 ? "timeout" : null;
  let agreement: Outcome | null = null;

  return {
    name: "sao",
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
        cur = (cur + 1) % 2;
        if (cur === 0 && ++round >= rounds) status = "timeout";
        phase = "respond";
        const observation = { type: "offer" as const, from: seat, outcome: offer, round, time: round / rounds };
        return {
          events: status === "timeout" ? [{ type: "offer", sender: seat, outcome: offer }, { type: "timeout", sender: -1 }] : [{ type: "offer", sender: seat, outcome: offer }],
          observations: [{ seat: 1 - seat, observation }],
        };
      }
      const o = offer!;
      const observation = { type: answer.response === "accept" ? ("accept" as const) : ("reject" as const), from: seat, outcome: o, round, time: round / rounds };
      switch (answer.response) {
        case "accept":
          status = "agreement";
          agreement = o;
          return { events: [{ type: "accept", sender: seat, outcome: o }, { type: "agreement", sender: -1, outcome: o }], observations: [{ seat: from, observation }] };
        case "end":
          status = "ended";
          return { events: [{ type: "end", sender: seat }], observations: [] };
        case "reject":
          phase = "propose";
          return { events: [{ type: "reject", sender: seat, outcome: o }], observations: [{ seat: from, observation }] };
      }
    },
    result: () => ({ status: status ?? "timeout", agreement }),
  };
}
