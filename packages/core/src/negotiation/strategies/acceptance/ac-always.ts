import type { AcceptanceFactory } from "./acceptance-condition.js";

/** Accepts every offer and every text (the Nice / ImmediateAcceptor baseline). */
export function acAlways(): AcceptanceFactory {
  return () => ({ accept: () => true, acceptText: () => true });
}
