import type { Value } from "../model/issue.js";

/** An outcome inside a negotiation: the option index of every issue, in issue order. */
export type Outcome = readonly number[];

/** An answer to an offer. `end` walks away and ends the whole negotiation. */
export type Response = "accept" | "reject" | "end";

/** What a negotiator can see of the state when it is asked to act (nothing private to others). */
export interface NegotiationView {
  /** 0-based round; a round is one turn of every seat that acts in it. */
  readonly round: number;
  /** Relative time t ∈ [0, 1]: round / rounds (the deadline). */
  readonly time: number;
  /** The deadline in rounds. */
  readonly rounds: number;
}

/** Something a negotiator may learn about during a run: what others did, as the protocol reveals it. */
export type Observation =
  | { readonly type: "offer"; readonly from: number; readonly outcome: Outcome; readonly round: number; readonly time: number }
  | { readonly type: "accept" | "reject"; readonly from: number; readonly outcome: Outcome; readonly round: number; readonly time: number };

/** How a run ended. */
export type RunStatus = "agreement" | "timeout" | "ended" | "rejected" | "error";

/** One event of a trace: plain JSON, replayable. */
export interface TraceEvent {
  /** Sequence number within the run. */
  readonly seq: number;
  readonly round: number;
  readonly time: number;
  readonly type: "offer" | "accept" | "reject" | "veto" | "end" | "propose-text" | "ratify" | "error" | "agreement" | "timeout";
  /** Seat index of the sender; -1 for the protocol or the mediator. */
  readonly sender: number;
  /** Party id of the sender (or "mediator"). */
  readonly senderId: string;
  /** The outcome concerned, as issue id → value. */
  readonly outcome?: Readonly<Record<string, Value>>;
  /** Every seat's utility of that outcome, in seat order. */
  readonly utilities?: readonly number[];
  /** For `error`: what went wrong. */
  readonly code?: string;
  readonly message?: string;
}

/** The result of one negotiation run. */
export interface RunResult {
  readonly protocol: string;
  readonly status: RunStatus;
  /** The agreed outcome (issue id → value), or null. */
  readonly agreement: Readonly<Record<string, Value>> | null;
  /** Every seat's utility of the agreement (its reservation value when there is none), in seat order. */
  readonly utilities: readonly number[];
  /** Party id of each seat. */
  readonly seats: readonly string[];
  /** Rounds started. */
  readonly rounds: number;
  readonly trace: readonly TraceEvent[];
  /** For `error`: the seat at fault (-1: the protocol). */
  readonly errorSeat?: number;
}
