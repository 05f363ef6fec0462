import type { Observation, Outcome, Response, RunStatus, TraceEvent } from "../types.js";

/** What the protocol asks next: a seat to propose, or to respond to an offer. */
export type Ask =
  | { readonly seat: number; readonly kind: "propose" }
  | { readonly seat: number; readonly kind: "respond"; readonly offer: Outcome; readonly from: number };

/** The answer to an Ask. A proposal of null ends the negotiation. */
export type Answer = { readonly kind: "propose"; readonly outcome: Outcome | null } | { readonly kind: "respond"; readonly response: Response };

/** An event the protocol wants recorded (the runner adds sequence, time, outcome values and utilities). */
export interface ProtocolEvent {
  readonly type: TraceEvent["type"];
  readonly sender: number;
  readonly outcome?: Outcome;
}

/** What happened after an answer: events to record and what each seat gets to observe. */
export interface Step {
  readonly events: readonly ProtocolEvent[];
  readonly observations: readonly { readonly seat: number; readonly observation: Observation }[];
}

/**
 * A negotiation protocol as a state machine that advances one message at a time and never
 * assumes who sits in a seat: the same machine runs automated agents (runNegotiation) or people.
 */
export interface ProtocolMachine {
  readonly name: string;
  /** The deadline in rounds. */
  readonly rounds: number;
  /** The current round (0-based). */
  round(): number;
  /** The next ask, or null when the negotiation is over. */
  next(): Ask | null;
  /** Apply the answer to the current ask. Throws ProtocolViolation for an answer of the wrong kind. */
  answer(answer: Answer): Step;
  /** Final status and agreement (valid once next() is null). */
  result(): { readonly status: RunStatus; readonly agreement: Outcome | null };
}

/** An answer that does not fit the ask (e.g. a response when a proposal was asked for). */
export class ProtocolViolation extends Error {
  override name = "ProtocolViolation";
}
