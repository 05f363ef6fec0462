// The room header's notice, in words (pure): whether this session must answer now and what it is
// asked (for a seat: submit its preferences, rate draft N, answer the offer, vote…), else whom the
// room waits for; and the deadline, with a warning when it is close. The time is a parameter.
import type { RoomView } from "../api/types.js";
import { describeTurn, needsAnswer } from "./room-view.js";

export interface RoomNotice {
  /** This session must act now. */
  readonly needed: boolean;
  /** What it must do, or whom the room waits for, or how it ended (announced when it changes). */
  readonly text: string;
  /** The deadline in words, or null once the room is over. */
  readonly deadline: string | null;
  /** The deadline is close: this is the last round, or at most CLOSE_MS of wall-clock time is left. */
  readonly close: boolean;
}

/** A wall-clock deadline this near is announced. */
export const CLOSE_MS = 5 * 60_000;

const OVER = new Set(["settled", "failed", "closed"]);

/** What this seat is asked now (its turn), in words. */
function seatAsk(view: RoomView, party: string): string {
  if (view.status === "ratifying") return "vote on the text put to the vote";
  if (view.status === "improving") return "accept the improvement every seat may prefer, or keep the agreement";
  if (view.protocol === "shuttle") return "answer the mediator, who is consulting you";
  if (view.protocol === "single-text") return view.draft ? `rate draft ${view.draft.number} point by point and as a whole` : "answer the draft";
  const offer = view.offer && view.offer.party !== party ? view.offer : null;
  return offer ? `accept the offer from ${offer.party}, make a counter-offer, or end the negotiation` : "make an offer";
}

function left(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return "less than a minute";
  if (min < 120) return `${min} minute${min === 1 ? "" : "s"}`;
  return `${Math.round(min / 60)} hours`;
}

/**
 * The notice for `role` (and `party`, a seat's) at time `now` (ms since the epoch). `formatTime`
 * shows the wall-clock deadline (the page passes the browser's local time format).
 */
export function roomNotice(view: RoomView, role: string | null, party: string | null, now: number, formatTime: (iso: string) => string = (iso) => iso): RoomNotice {
  const over = OVER.has(view.status);
  let deadline: string | null = null;
  let close = false;
  if (!over) {
    if (view.deadlineAt) {
      const ms = Date.parse(view.deadlineAt) - now;
      close = ms <= CLOSE_MS;
      deadline = ms > 0 ? `Deadline ${formatTime(view.deadlineAt)}, in ${left(ms)}.` : `Deadline ${formatTime(view.deadlineAt)}: passed.`;
    } else {
      close = view.status === "running" && view.round >= view.rounds - 1;
      deadline = close ? `Deadline: this is the last round (${view.rounds}).` : `Deadline: round ${view.rounds} (now round ${view.round}).`;
    }
  }
  const needed = needsAnswer(view, role, party);
  let text: string;
  if (role === "seat" && party !== null) {
    const you = view.seats.find((s) => s.party === party);
    if (view.status === "open" && you && !you.preferencesSubmitted) return { needed: true, text: "Your answer is needed: submit your preferences; the room starts when every seat has.", deadline, close };
    if (needed) text = `Your answer is needed: ${seatAsk(view, party)}.`;
    else if (view.status === "open") text = "Waiting for the other seats to join and submit their preferences.";
    else if (over) text = view.status === "settled" ? "The room is settled: there is an agreement." : view.status === "closed" ? "The room was closed." : `No agreement${view.reason ? `: ${view.reason}` : ""}.`;
    else text = `${describeTurn(view, party)}.`;
  } else text = needed ? "Your answer is needed." : `${describeTurn(view, party)}.`;
  return { needed, text, deadline, close };
}
