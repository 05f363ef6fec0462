import type { Rng } from "../../random/rng.js";
import type { Outcome, RunStatus } from "../types.js";
import { ProtocolViolation, type Answer, type Ask, type ProtocolEvent, type ProtocolMachine, type Step } from "./protocol.js";

/**
 * How the single-text mediator picks the next change to put to the vote. `external`: the mediator
 * is outside the machine (a person or the room engine): the machine asks `{ seat: -1, kind: "propose" }`
 * for every next draft and a proposal of null calls the ratification.
 */
export type SingleTextMediator = "random-flip" | "hill-climb" | "external";

export interface SingleTextOptions {
  /** Deadline in rounds; a round is one candidate text put to every seat's vote. */
  readonly rounds: number;
  /** The outcome space: the number of options of every issue. */
  readonly radices: readonly number[];
  /** The mediator's random source (seeded by the caller). */
  readonly rng: Rng;
  /** Default `random-flip`. */
  readonly mediator?: SingleTextMediator;
  /** The opening text (e.g. a completion of a framework); default: a random outcome drawn with `rng`. */
  readonly start?: Outcome;
}

/**
 * Mediated single negotiating text (Klein et al. 2003). The mediator (inside the protocol) holds
 * one text, a complete outcome, and each round proposes a change to it: the candidate is put to
 * every seat in seat order ("respond" asks from -1), each answering `accept`, `reject` (a veto) or
 * `end` (walk away: the negotiation ends). The change is adopted when no seat vetoes it.
 *
 * - `random-flip`: the candidate changes one random issue (with more than one option) to a random
 *   other value.
 * - `hill-climb`: the candidates are the neighbours of the text, issue by issue and value by value;
 *   the cycle restarts after every adopted change and stops early after a full pass without one.
 *
 * - `external`: the mediator is outside the machine (a person, or the room engine): each round
 *   starts with `{ seat: -1, kind: "propose" }` for the next draft; a draft of null calls the
 *   ratification at once. Without an opening text the first draft becomes the text whatever the
 *   votes (they are feedback); without any text at the deadline the run times out.
 *
 * At the deadline (or after an early stop) the current text is put to a ratification vote: if every
 * seat accepts it is the agreement, otherwise the status is "rejected". Trace: `propose-text` (sender
 * -1) for every candidate, each vote as `accept` or `veto`; then `ratify` (sender -1) with the final
 * text, each vote as `accept` or `reject`, and `agreement` when all accept.
 */
export function singleTextProtocol(seats: number, options: SingleTextOptions): ProtocolMachine {
  if (!Number.isInteger(seats) || seats < 1) throw new ProtocolViolation(`the single-text protocol needs at least 1 seat, got ${seats}`);
  const { rounds, radices, rng } = options;
  const mediator = options.mediator ?? "random-flip";
  if (mediator !== "random-flip" && mediator !== "hill-climb" && mediator !== "external") throw new ProtocolViolation(`unknown single-text mediator "${String(mediator)}"`);
  const n = radices.length;
  const flippable: number[] = [];
  for (let i = 0; i < n; i++) if (radices[i]! > 1) flippable.push(i);
  const external = mediator === "external";
  const isOutcome = (o: Outcome) => o.length === n && o.every((v, i) => Number.isInteger(v) && v >= 0 && v < radices[i]!);
  // The text: under an external mediator without an opening, there is none until the first draft (which becomes it).
  let text: Outcome | null;
  if (options.start) {
    if (!isOutcome(options.start)) throw new ProtocolViolation("the opening text is not an outcome of the space");
    text = Array.from(options.start);
  } else text = external ? null : radices.map((r) => Math.floor(rng() * r));

  let round = 0;
  let phase: "draft" | "vote" | "ratify" = "vote";
  let voter = 0;
  let vetoed = false;
  let candidate: Outcome | null = null;
  let status: RunStatus | null = null;
  let agreement: Outcome | null = null;
  // Hill-climb cursor: position in the neighbour cycle, and how many candidates since the last adoption.
  let cursor = 0;
  let sinceAdoption = 0;
  const neighbours = flippable.reduce((s, i) => s + radices[i]! - 1, 0);
  // Events waiting to be reported with the next answer (the candidate, or the ratification call).
  let pending: ProtocolEvent[] = [];

  const nextCandidate = (): Outcome | null => {
    const text0 = text!; // the built-in mediators always hold a text
    if (flippable.length === 0) return null;
    if (mediator === "random-flip") {
      const i = flippable[Math.floor(rng() * flippable.length)]!;
      const r = radices[i]!;
      const v = (text0[i]! + 1 + Math.floor(rng() * (r - 1))) % r;
      const c = Array.from(text0);
      c[i] = v;
      return c;
    }
    if (sinceAdoption >= neighbours) return null; // a full pass without adoption: stop early
    // The cursor-th neighbour: issues in order, each issue's other values in increasing order.
    let k = cursor;
    for (const i of flippable) {
      const m = radices[i]! - 1;
      if (k < m) {
        const c = Array.from(text0);
        c[i] = k < text0[i]! ? k : k + 1;
        cursor = (cursor + 1) % neighbours;
        sinceAdoption++;
        return c;
      }
      k -= m;
    }
    return null;
  };

  /** Start the next round: a new candidate, or the ratification when the deadline or an early stop is reached. */
  const open = (): void => {
    voter = 0;
    vetoed = false;
    if (external && round < rounds) {
      phase = "draft";
      return;
    }
    candidate = round < rounds ? nextCandidate() : null;
    if (candidate) pending = [{ type: "propose-text", sender: -1, outcome: candidate }];
    else ratify();
  };
  /** Put the text to the final vote (with no text at all, the negotiation ends without one). */
  const ratify = (): void => {
    if (text === null) {
      status = "timeout";
      pending = [{ type: "timeout", sender: -1 }];
      return;
    }
    phase = "ratify";
    pending = [{ type: "ratify", sender: -1, outcome: text }];
  };
  open();

  return {
    name: "single-text",
    rounds,
    round: () => round,
    next(): Ask | null {
      if (status) return null;
      if (phase === "draft") return { seat: -1, kind: "propose" };
      return { seat: voter, kind: "respond", offer: phase === "vote" ? candidate! : text!, from: -1 };
    },
    answer(answer: Answer): Step {
      if (status) throw new ProtocolViolation("the negotiation is over");
      if (phase === "draft") {
        if (answer.kind !== "propose") throw new ProtocolViolation("expected the mediator's next draft (a proposal)");
        if (answer.outcome === null) {
          ratify();
        } else {
          if (!isOutcome(answer.outcome)) throw new ProtocolViolation("the draft is not an outcome of the space");
          candidate = Array.from(answer.outcome);
          phase = "vote";
          pending = [{ type: "propose-text", sender: -1, outcome: candidate }];
        }
        // Reported at once (the built-in mediators' candidates wait for the first vote).
        const events = pending;
        pending = [];
        return { events, observations: [] };
      }
      if (answer.kind !== "respond") throw new ProtocolViolation("expected a response (a vote on the mediator's text)");
      const seat = voter;
      const events = pending;
      pending = [];
      const offer = phase === "vote" ? candidate! : text!;
      if (answer.response === "end") {
        status = "ended";
        events.push({ type: "end", sender: seat });
        return { events, observations: [] };
      }
      const accept = answer.response === "accept";
      events.push({ type: accept ? "accept" : phase === "vote" ? "veto" : "reject", sender: seat, outcome: offer });
      if (!accept) vetoed = true;
      if (++voter < seats) return { events, observations: [] };
      if (phase === "ratify") {
        if (vetoed) status = "rejected";
        else {
          status = "agreement";
          agreement = text;
          events.push({ type: "agreement", sender: -1, outcome: text! });
        }
        return { events, observations: [] };
      }
      // Under an external mediator the first draft becomes the text whatever the votes (there is none to keep).
      if (!vetoed || text === null) {
        text = candidate!;
        sinceAdoption = 0;
        cursor = 0;
      }
      round++;
      open();
      return { events, observations: [] };
    },
    result: () => ({ status: status ?? "timeout", agreement }),
  };
}
