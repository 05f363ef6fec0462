import { ProtocolViolation, type ProtocolMachine } from "./protocol.js";
import { stackedProtocol } from "./stacked.js";

export interface SaoOptions {
  /** Deadline in rounds; in each round every seat acts once. */
  readonly rounds: number;
}

/**
 * Bilateral stacked alternating offers (SAOP, as in GENIUS and NegMAS): seat 0 opens; then each
 * seat in turn accepts the standing offer, ends the negotiation, or rejects it and makes a counter-
 * offer. The negotiation times out when the deadline round starts without agreement. It is the
 * two-seat case of the multilateral stacked protocol (the same machine, named "sao").
 */
export function saoProtocol(seats: number, options: SaoOptions): ProtocolMachine {
  if (seats !== 2) throw new ProtocolViolation(`SAO is bilateral: it needs 2 seats, got ${seats} (use the stacked protocol)`);
  return { ...stackedProtocol(2, options), name: "sao" };
}
