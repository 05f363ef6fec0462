// What each role may see: an event as a viewer receives it (visibleEvent) and the room as a viewer
// sees it (roomView). Plain JSON. A seat sees its own private data and never another seat's; the
// human mediator sees private messages addressed to it and, under disclosure "aggregates", the
// rating counts; observers and the convener see public parts only.
import type { Preferences } from "../model/preferences.js";
import { ratifiers, toPackage, type AnyRoomEvent, type RatingBody, type RoomState } from "./state.js";
import type { RatingAggregates, RoomAudience, RoomEvent, RoomPackage, RoomSpec, RoomStatus, RoomViewer } from "./types.js";

const inAudience = (audience: readonly RoomAudience[], viewer: RoomViewer): boolean =>
  audience.some((a) => ("party" in a ? viewer.role === "seat" && viewer.party === a.party : viewer.role === "mediator"));

/**
 * The event as `viewer` may see it: the public part always; the private part only when the viewer
 * is in its audience (a `feedback` event's aggregates: the mediator only). Every event keeps its
 * seq, so a client sees no gaps: an event whose private part it may not read arrives without it.
 */
export function visibleEvent(event: RoomEvent, viewer: RoomViewer): RoomEvent {
  const e = event as AnyRoomEvent;
  const { private: priv, ...rest } = e;
  if (priv && inAudience(priv.audience, viewer) && (e.type !== "feedback" || viewer.role === "mediator")) return event;
  return rest as RoomEvent;
}

export interface RoomSeatView {
  readonly party: string;
  readonly kind: "human" | "agent";
  readonly excluded: boolean;
  readonly joined: boolean;
  readonly preferencesSubmitted: boolean;
}

/** What GET /api/rooms/{id} returns to a viewer. */
export interface RoomView {
  readonly id: string;
  readonly scenario: RoomSpec["scenario"];
  readonly protocol: RoomSpec["protocol"];
  readonly mediator: RoomSpec["mediator"];
  readonly disclosure: RoomSpec["disclosure"];
  readonly status: RoomStatus;
  /** The last event's seq (a stream resumes after it). */
  readonly seq: number;
  readonly round: number;
  readonly rounds: number;
  readonly deadlineAt: string | null;
  readonly seats: readonly RoomSeatView[];
  /** Who the room waits for: parties, and whether the mediator (human or engine). */
  readonly turn: { readonly parties: readonly string[]; readonly mediator: boolean };
  /** Single text: the current text and the draft under vote. */
  readonly text: RoomPackage | null;
  readonly draft: { readonly number: number; readonly package: RoomPackage; readonly by: "engine" | "mediator"; readonly rated: readonly string[] } | null;
  /** Sao / stacked: the offer on the table. */
  readonly offer: { readonly party: string; readonly package: RoomPackage } | null;
  /** Shuttle: the seat the mediator consults now. */
  readonly consulted: string | null;
  readonly ratification: { readonly package: RoomPackage; readonly voted: readonly string[]; readonly votes: Readonly<Record<string, "accept" | "reject">> } | null;
  readonly agreement: RoomPackage | null;
  readonly improvement: { readonly package: RoomPackage; readonly voted: readonly string[] } | null;
  /** The settled package (the agreement, or the adopted improvement). */
  readonly final: RoomPackage | null;
  readonly reason: string | null;
  /** For a seat: its own private data. */
  readonly you?: {
    readonly party: string;
    readonly preferences: Preferences | null;
    readonly ratings: Readonly<Record<number, RatingBody>>;
    /** Its own utility of the current text/draft/offer/agreement/improvement, under its own preferences. */
    readonly utility: {
      readonly reservation: number | null;
      readonly text?: number;
      readonly draft?: number;
      readonly offer?: number;
      readonly consulted?: number;
      readonly agreement?: number;
      readonly improvement?: number;
      readonly final?: number;
    };
    /** Shuttle: the draft it is consulted on. */
    readonly consultedOn?: RoomPackage;
    readonly improvementVote?: "accept" | "keep";
  };
  /** For the human mediator under disclosure "aggregates": the latest rating counts. */
  readonly aggregates?: RatingAggregates | null;
  /** For the human mediator of a shuttle room: the draft of the consultation. */
  readonly shuttleDraft?: RoomPackage | null;
}

/** The room as `viewer` may see it. */
export function roomView(state: RoomState, viewer: RoomViewer): RoomView {
  const { spec } = state;
  const m = state.machine;
  const shuttle = spec.protocol === "shuttle";
  const pkg = (o: readonly number[] | null | undefined) => (o ? toPackage(state, o) : null);
  const turn = turnOf(state);
  const view: RoomView = {
    id: spec.id,
    scenario: spec.scenario,
    protocol: spec.protocol,
    mediator: spec.mediator,
    disclosure: spec.disclosure,
    status: state.status,
    seq: state.seq,
    round: m ? m.round() : 0,
    rounds: spec.deadline.rounds,
    deadlineAt: state.deadlineAt,
    seats: state.seats.map((s) => ({ party: s.party, kind: s.kind, excluded: s.excluded, joined: s.joined, preferencesSubmitted: s.kind === "agent" || s.preferences !== null })),
    turn,
    text: spec.protocol === "single-text" ? pkg(state.text) : null,
    draft: state.draft ? { number: state.draft.number, package: toPackage(state, state.draft.outcome), by: state.draft.by, rated: Object.keys(state.ratings) } : null,
    offer: !shuttle && state.standing && state.status === "running" ? { party: state.standing.party, package: toPackage(state, state.standing.outcome) } : null,
    consulted: state.consulted,
    ratification: state.ratification
      ? { package: toPackage(state, state.ratification.outcome), voted: Object.keys(state.ratification.votes), votes: { ...state.ratification.votes } }
      : null,
    agreement: pkg(state.agreement),
    improvement: state.improvement ? { package: toPackage(state, state.improvement.outcome), voted: Object.keys(state.improvement.votes) } : null,
    final: pkg(state.final),
    reason: state.reason,
  };
  if (viewer.role === "seat") {
    const seat = state.seats.find((s) => s.party === viewer.party);
    if (!seat) return view;
    const j = seat.judge;
    const u = (o: readonly number[] | null | undefined) => (j && o ? { value: j.utility(o) } : null);
    const utility: Record<string, number | null> = { reservation: j ? j.reservation : null };
    const put = (key: string, o: readonly number[] | null | undefined) => {
      const v = u(o);
      if (v) utility[key] = v.value;
    };
    if (spec.protocol === "single-text") put("text", state.text);
    put("draft", state.draft?.outcome);
    if (!shuttle) put("offer", state.standing?.outcome);
    const consultedOn = shuttle && state.consulted === seat.party && state.status === "running" ? state.text : null;
    put("consulted", consultedOn);
    put("agreement", state.agreement);
    put("improvement", state.improvement?.outcome);
    put("final", state.final);
    const vote = state.improvement?.votes[seat.party];
    return {
      ...view,
      you: {
        party: seat.party,
        preferences: seat.preferences,
        ratings: { ...seat.ratings },
        utility: utility as NonNullable<RoomView["you"]>["utility"],
        ...(consultedOn ? { consultedOn: toPackage(state, consultedOn) } : {}),
        ...(vote ? { improvementVote: vote } : {}),
      },
    };
  }
  if (viewer.role === "mediator" && spec.mediator === "human") {
    return {
      ...view,
      ...(spec.disclosure === "aggregates" && spec.protocol === "single-text" ? { aggregates: state.aggregates } : {}),
      ...(shuttle ? { shuttleDraft: state.consulted && state.status === "running" ? pkg(state.text) : null } : {}),
    };
  }
  return view;
}

function turnOf(state: RoomState): RoomView["turn"] {
  const none = { parties: [], mediator: false };
  switch (state.status) {
    case "open":
      return { parties: state.seats.filter((s) => !s.joined || !s.judge).map((s) => s.party), mediator: false };
    case "ratifying":
      return { parties: ratifiers(state).filter((s) => !state.ratification!.votes[s.party]).map((s) => s.party), mediator: false };
    case "improving":
      return { parties: state.seats.filter((s) => !state.improvement!.votes[s.party]).map((s) => s.party), mediator: false };
    case "running": {
      if (state.spec.protocol === "single-text") {
        if (state.draft) return { parties: state.seats.filter((s) => !state.ratings[s.party]).map((s) => s.party), mediator: false };
        return { parties: [], mediator: true };
      }
      const ask = state.machine!.next();
      return ask && ask.seat >= 0 ? { parties: [state.seats[ask.seat]!.party], mediator: false } : none;
    }
    default:
      return none;
  }
}
