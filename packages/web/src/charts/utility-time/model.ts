// Utility over time for a negotiation trace: for every seat, the utility to it of each offer as the
// run goes on; its own offers marked (its concession curve), the replay position as a rule.
import type { TraceEventJson } from "../../api/types.js";
import { partyColor } from "../colors.js";

export interface UtilityTimePoint {
  readonly seat: number;
  readonly party: string;
  /** Relative time t ∈ [0, 1] (round / deadline). */
  readonly time: number;
  readonly round: number;
  readonly seq: number;
  readonly utility: number;
  /** The seat that made the offer (-1: the mediator), and whether that is this seat. */
  readonly from: number;
  readonly own: boolean;
  /** Series key: one line per receiving seat and sender. */
  readonly series: string;
}

export interface UtilityTimeModel {
  readonly points: readonly UtilityTimePoint[];
  readonly seats: readonly { readonly seat: number; readonly party: string; readonly color: string }[];
  /** Time of the last visible event (the replay position), or null before the first. */
  readonly current: number | null;
  readonly agreement: { readonly time: number; readonly utilities: readonly number[] } | null;
}

const OFFER_TYPES = new Set(["offer", "propose-text"]);

/** Visible events are trace[0 … step − 1]; `colors[seat]` (default: the palette by seat). */
export function buildUtilityTimeModel(trace: readonly TraceEventJson[], seats: readonly string[], step = trace.length, colors: readonly string[] = []): UtilityTimeModel {
  const visible = trace.slice(0, Math.max(0, step));
  const points: UtilityTimePoint[] = [];
  let agreement: UtilityTimeModel["agreement"] = null;
  for (const e of visible) {
    if (e.utilities && OFFER_TYPES.has(e.type))
      e.utilities.forEach((u, seat) =>
        points.push({
          seat,
          party: seats[seat] ?? `seat ${seat}`,
          time: e.time,
          round: e.round,
          seq: e.seq,
          utility: u,
          from: e.sender,
          own: e.sender === seat,
          series: `${seat}<${e.sender}`,
        }),
      );
    if (e.type === "agreement" && e.utilities) agreement = { time: e.time, utilities: e.utilities };
  }
  const last = visible[visible.length - 1];
  return {
    points,
    seats: seats.map((party, seat) => ({ seat, party, color: colors[seat] ?? partyColor(seat) })),
    current: last ? last.time : null,
    agreement,
  };
}
