import type { Outcome, RunStatus } from "../types.js";
import { ProtocolViolation, type Answer, type Ask, type ProtocolEvent, type ProtocolMachine, type Step } from "./protocol.js";

export interface ShuttleOptions {
  /** Deadline in rounds; a round is one pass of the mediator over the included seats. */
  readonly rounds: number;
  /** Seats left out of the talks: each is asked only at the end to ratify or reject the result. */
  readonly exclude?: readonly number[];
  /** The mediator's opening draft; default: the first included seat is asked for one. */
  readonly start?: Outcome;
}

/**
 * Shuttle mediation. The mediator (inside the protocol) carries a draft between the included seats,
 * consulting them one at a time in seat order, cyclically. A consulted seat is asked to respond to
 * the draft (from -1: it does not learn who wrote it): `accept`; `end` (the negotiation ends); or
 * `reject`, after which it is asked to propose a counter-draft that becomes the new draft (null
 * ends the negotiation). The included seats agree when every one of them has accepted the current
 * draft since it became the draft (its author counts as accepting it). Then each excluded seat, in
 * seat order, is asked to ratify the result: any `reject` gives status "rejected". Seats learn
 * nothing of each other's moves (no observations): the mediator alone carries the drafts.
 * Without agreement among the included seats after `rounds` passes, the run times out.
 * Trace: `offer` (a counter-draft, or the opening draft with sender -1), `accept` / `reject`, then
 * `ratify` (sender -1) with the draft the included seats agreed on, each excluded seat's `accept` /
 * `reject`, and `agreement`.
 */
export function shuttleProtocol(seats: number, options: ShuttleOptions): ProtocolMachine {
  const excluded = new Set(options.exclude ?? []);
  for (const s of excluded)
    if (!Number.isInteger(s) || s < 0 || s >= seats) throw new ProtocolViolation(`cannot exclude seat ${s}: there are ${seats} seats`);
  const included: number[] = [];
  const outside: number[] = [];
  for (let s = 0; s < seats; s++) (excluded.has(s) ? outside : included).push(s);
  if (included.length === 0) throw new ProtocolViolation("shuttle mediation needs at least one included seat");
  const rounds = options.rounds;
  const m = included.length;

  let draft: Outcome | null = options.start ? Array.from(options.start) : null;
  /** Position in `included` of the seat consulted next, and how many consultations so far. */
  let pos = 0;
  let consulted = 0;
  /** Included seats that accepted the current draft since it became the draft. */
  let accepted = 0;
  let phase: "propose" | "respond" | "ratify" = draft ? "respond" : "propose";
  let ratifier = 0;
  let status: RunStatus | null = rounds <= 0 ? "timeout" : null;
  let agreement: Outcome | null = null;
  let pending: ProtocolEvent[] = draft ? [{ type: "offer", sender: -1, outcome: draft }] : [];

  const round = () => Math.floor(consulted / m);
  /** Move on to the next included seat (a round is a pass over them); time out at the deadline. */
  const moveOn = (events: ProtocolEvent[]): void => {
    consulted++;
    pos = (pos + 1) % m;
    phase = "respond";
    if (round() >= rounds) {
      status = "timeout";
      events.push({ type: "timeout", sender: -1 });
    }
  };
  /** The included seats agreed on the draft: ratification by the excluded seats, or agreement. */
  const agreed = (events: ProtocolEvent[]): void => {
    if (outside.length === 0) {
      status = "agreement";
      agreement = draft;
      events.push({ type: "agreement", sender: -1, outcome: draft! });
      return;
    }
    phase = "ratify";
    ratifier = 0;
    events.push({ type: "ratify", sender: -1, outcome: draft! });
  };

  return {
    name: "shuttle",
    rounds,
    round: () => Math.min(round(), rounds),
    next(): Ask | null {
      if (status) return null;
      if (phase === "ratify") return { seat: outside[ratifier]!, kind: "respond", offer: draft!, from: -1 };
      const seat = included[pos]!;
      return phase === "propose" ? { seat, kind: "propose" } : { seat, kind: "respond", offer: draft!, from: -1 };
    },
    answer(answer: Answer): Step {
      if (status) throw new ProtocolViolation("the negotiation is over");
      const expected = phase === "propose" ? "propose" : "respond";
      if (answer.kind !== expected) throw new ProtocolViolation(`expected a ${expected === "propose" ? "proposal" : "response"}`);
      const events = pending;
      pending = [];
      if (phase === "ratify") {
        const seat = outside[ratifier]!;
        if (answer.kind !== "respond") throw new ProtocolViolation("expected a response");
        if (answer.response === "end") {
          status = "ended";
          events.push({ type: "end", sender: seat });
        } else if (answer.response === "reject") {
          status = "rejected";
          events.push({ type: "reject", sender: seat, outcome: draft! });
        } else {
          events.push({ type: "accept", sender: seat, outcome: draft! });
          if (++ratifier >= outside.length) {
            status = "agreement";
            agreement = draft;
            events.push({ type: "agreement", sender: -1, outcome: draft! });
          }
        }
        return { events, observations: [] };
      }
      const seat = included[pos]!;
      if (answer.kind === "propose") {
        if (answer.outcome === null) {
          status = "ended";
          events.push({ type: "end", sender: seat });
          return { events, observations: [] };
        }
        draft = answer.outcome;
        accepted = 1;
        events.push({ type: "offer", sender: seat, outcome: draft });
        if (accepted >= m) agreed(events);
        else moveOn(events);
        return { events, observations: [] };
      }
      switch (answer.response) {
        case "end":
          status = "ended";
          events.push({ type: "end", sender: seat });
          break;
        case "reject":
          events.push({ type: "reject", sender: seat, outcome: draft! });
          phase = "propose";
          break;
        case "accept":
          events.push({ type: "accept", sender: seat, outcome: draft! });
          if (++accepted >= m) agreed(events);
          else moveOn(events);
          break;
      }
      return { events, observations: [] };
    },
    result: () => ({ status: status ?? "timeout", agreement }),
  };
}
