// Reading a negotiation trace: what each event says, and the offers to draw.
import type { TraceEventJson } from "../api/types.js";
import type { TrailPoint } from "../charts/outcome-space/model.js";

const VERB: Readonly<Record<string, string>> = {
  offer: "offers",
  accept: "accepts",
  reject: "rejects",
  veto: "vetoes",
  end: "walks away",
  "propose-text": "proposes a text",
  ratify: "ratifies",
  error: "fails",
};

export function senderLabel(e: TraceEventJson, seats: readonly string[]): string {
  return e.sender >= 0 ? (seats[e.sender] ?? e.senderId) : e.senderId || "mediator";
}

/** "Round 3 · government offers" / "Agreement" / "Deadline reached". */
export function describeEvent(e: TraceEventJson, seats: readonly string[]): string {
  const round = `Round ${e.round + 1}`;
  if (e.type === "agreement") return `${round} · Agreement`;
  if (e.type === "timeout") return `Deadline reached after ${e.round} round${e.round === 1 ? "" : "s"}`;
  const verb = VERB[e.type] ?? e.type;
  return `${round} · ${senderLabel(e, seats)} ${verb}${e.type === "error" && e.message ? `: ${e.message}` : ""}`;
}

/** The mediator's colour in traces. */
export const MEDIATOR_COLOR = "#111827";

/**
 * Offers among the first `step` events, as points for the outcome-space plot (seat indices xSeat,
 * ySeat); `colors[seat]` colours each sender.
 */
export function offerTrail(trace: readonly TraceEventJson[], step: number, xSeat: number, ySeat: number, seats: readonly string[], colors: readonly string[]): TrailPoint[] {
  const out: TrailPoint[] = [];
  for (const e of trace.slice(0, step)) {
    if ((e.type !== "offer" && e.type !== "propose-text") || !e.utilities) continue;
    out.push({ x: e.utilities[xSeat]!, y: e.utilities[ySeat]!, sender: e.sender, color: colors[e.sender] ?? MEDIATOR_COLOR, label: describeEvent(e, seats) });
  }
  return out;
}
