// The live room's data: its spec, who acts, the events it is made of, and the commands that make
// them. Plain serialisable JSON throughout: the server stores and streams exactly these shapes.
//
// A room is event-sourced: its state is a fold of its events over its spec (replayRoom), so a server
// that is killed at any moment rebuilds every room from the database alone. Every change is a
// command checked by the pure engine against the current state (decideRoom), which answers with the
// events to append or a RoomRuleError. Privacy lives here too: an event has a public part every
// role may see and, optionally, a private part with the audience allowed to read it
// (visibleEvent); the engine (the server itself) reads everything.
import type { Value } from "../model/issue.js";
import type { Preferences } from "../model/preferences.js";

export type RoomProtocol = "single-text" | "sao" | "stacked" | "shuttle";

/** Who mediates: a person holding the mediator token, the engine, or nobody (sao, stacked). */
export type RoomMediator = "human" | "engine" | "none";

/** What a human mediator learns of the seats' private ratings: counts per point and overall, or nothing. */
export type RoomDisclosure = "aggregates" | "none";

/** A package: issue id → value. Always complete (every issue of the scenario). */
export type RoomPackage = Readonly<Record<string, Value>>;

export interface RoomSeatSpec {
  /** The party this seat represents (a party of the scenario). */
  readonly party: string;
  /** A person (holding the seat's invite), or an agent the server runs. */
  readonly kind: "human" | "agent";
  /** For agents: an agent spec as in `--agents`, e.g. "boulware(e=0.2)". */
  readonly agent?: string;
  /** Excluded from the table but must ratify (the shuttle case). */
  readonly excluded?: boolean;
}

/** Everything a room is created with; never changes afterwards. */
export interface RoomSpec {
  readonly id: string;
  readonly scenario: { readonly id: string; readonly version: number };
  readonly protocol: RoomProtocol;
  /** One seat per party, in seat order. */
  readonly seats: readonly RoomSeatSpec[];
  readonly mediator: RoomMediator;
  readonly disclosure: RoomDisclosure;
  /** Rounds as the protocol counts them; seconds of wall-clock time from the start (optional). */
  readonly deadline: { readonly rounds: number; readonly seconds?: number };
  /** Seeds the engine's and the agents' random sources: the same seed replays the same room. */
  readonly seed: number;
  /** The opening text (single text, shuttle): a framework id of the scenario, or none (the engine drafts). */
  readonly opening?: string;
  /** ISO-8601 creation time (injected clock). */
  readonly createdAt: string;
}

/** Who did something. The engine is the server itself (drafts, deadlines, agent seats act as their party). */
export type RoomActor =
  | { readonly role: "seat"; readonly party: string }
  | { readonly role: "mediator" }
  | { readonly role: "convener" }
  | { readonly role: "engine" };

/** Who may read a private part: a seat (by party id) or the human mediator. The engine reads everything. */
export type RoomAudience = { readonly party: string } | { readonly mediator: true };

/** Who is looking: the role a token grants (observers and the convener see public parts only). */
export type RoomViewer =
  | { readonly role: "seat"; readonly party: string }
  | { readonly role: "mediator" }
  | { readonly role: "convener" }
  | { readonly role: "observer" };

/**
 * One event of a room. `seq` is 1-based and contiguous per room. `public` is what every role sees;
 * `private`, when present, only its audience (and the engine). In the audit log the public part is
 * written as it is and the private part as a salted commitment (`commitment` below is that
 * commitment's hex digest, filled in by whoever appends the event).
 */
export interface RoomEvent<T extends RoomEventType = RoomEventType> {
  readonly seq: number;
  /** ISO-8601 time the event was appended (injected clock). */
  readonly at: string;
  readonly type: T;
  readonly actor: RoomActor;
  readonly public: RoomEventPublic[T];
  readonly private?: { readonly audience: readonly RoomAudience[]; readonly body: RoomEventPrivate[T] };
  /** Hex commitment to the private part (present exactly when `private` is). */
  readonly commitment?: string;
}

/** A rating of one point of a draft. */
export type PointRating = "acceptable" | "needs-change" | "unacceptable";

/** Counts of ratings per point and overall: what a human mediator sees under "aggregates". */
export interface RatingAggregates {
  readonly draft: number;
  readonly points: Readonly<Record<string, Readonly<Record<PointRating, number>>>>;
  readonly overall: { readonly accept: number; readonly reject: number };
  /** Seats that have rated this draft so far, and how many seats rate. */
  readonly rated: number;
  readonly of: number;
}

export type RoomStatus =
  | "open" // waiting for seats to join and submit preferences
  | "running"
  | "ratifying"
  | "improving" // an agreement stands; a post-settlement improvement is on the table
  | "settled" // agreement (final)
  | "failed" // no agreement: timeout, ended, rejected
  | "closed"; // closed by the convener before the end

/** The public part of each event type. */
export interface RoomEventPublic {
  "room-created": { readonly spec: RoomSpec };
  "seat-joined": { readonly party: string };
  "preferences-submitted": { readonly party: string };
  "room-started": { readonly deadlineAt?: string };
  /** Single text: a draft put to the seats (number is 1-based per room). */
  "draft-published": { readonly draft: number; readonly package: RoomPackage; readonly by: "engine" | "mediator" };
  "draft-rated": { readonly draft: number; readonly party: string };
  "draft-decided": { readonly draft: number; readonly adopted: boolean };
  /** Sao / stacked: an offer on the table (public); shuttle: who the mediator consulted (the draft is private). */
  offer: { readonly party: string; readonly package?: RoomPackage };
  /** Sao / stacked: public (`end` walks away); shuttle: who answered (the answer is private). */
  response: { readonly party: string; readonly response?: "accept" | "reject" | "end" };
  "shuttle-message": { readonly from: "mediator" | string; readonly to: "mediator" | string };
  "ratification-called": { readonly package: RoomPackage };
  ratified: { readonly party: string; readonly vote: "accept" | "reject" };
  agreement: { readonly package: RoomPackage };
  "no-agreement": { readonly reason: "timeout" | "ended" | "rejected" };
  "improvement-proposed": { readonly package: RoomPackage };
  "improvement-voted": { readonly party: string };
  "improvement-decided": { readonly adopted: boolean; readonly package: RoomPackage };
  /** Aggregates of ratings for the human mediator (public part empty: the body is private to the mediator). */
  feedback: { readonly draft: number };
  "room-closed": { readonly reason: string };
}

/** The private part of each event type (`never`: the type has none). */
export interface RoomEventPrivate {
  "room-created": never;
  "seat-joined": never;
  "preferences-submitted": { readonly preferences: Preferences };
  "room-started": never;
  "draft-published": never;
  "draft-rated": {
    readonly points: Readonly<Record<string, { readonly rating: PointRating; readonly comment?: string }>>;
    readonly overall: "accept" | "reject";
    readonly comment?: string;
  };
  "draft-decided": never;
  offer: { readonly package: RoomPackage };
  response: { readonly response: "accept" | "reject" | "end" };
  "shuttle-message": { readonly text: string; readonly package?: RoomPackage };
  "ratification-called": never;
  ratified: never;
  agreement: never;
  "no-agreement": never;
  "improvement-proposed": never;
  "improvement-voted": { readonly vote: "accept" | "keep" };
  "improvement-decided": never;
  feedback: RatingAggregates;
  "room-closed": never;
}

export type RoomEventType = keyof RoomEventPublic;

/** What an actor asks the room to do. */
export type RoomCommand =
  | { readonly type: "join"; readonly party: string }
  | { readonly type: "submit-preferences"; readonly party: string; readonly preferences: Preferences }
  | { readonly type: "start" }
  | { readonly type: "publish-draft"; readonly package: RoomPackage }
  /** Single text: the mediator puts the current text to the final vote. */
  | { readonly type: "call-ratification" }
  | {
      readonly type: "rate";
      readonly party: string;
      /** The draft rated (optional): a rating of a draft no longer open is refused instead of applied to the next. */
      readonly draft?: number;
      readonly points: Readonly<Record<string, { readonly rating: PointRating; readonly comment?: string }>>;
      readonly overall: "accept" | "reject";
      readonly comment?: string;
    }
  | { readonly type: "offer"; readonly party: string; readonly package: RoomPackage }
  | { readonly type: "respond"; readonly party: string; readonly response: "accept" | "reject" | "end" }
  | { readonly type: "ratify"; readonly party: string; readonly vote: "accept" | "reject" }
  | { readonly type: "message"; readonly to: "mediator" | string; readonly text: string; readonly package?: RoomPackage }
  | { readonly type: "improvement-vote"; readonly party: string; readonly vote: "accept" | "keep" }
  | { readonly type: "deadline" }
  | { readonly type: "close"; readonly reason?: string };

/** An event as decideRoom returns it: the appender adds seq, at and the commitment. */
export type RoomEventDraft<T extends RoomEventType = RoomEventType> = T extends RoomEventType
  ? {
      readonly type: T;
      readonly actor: RoomActor;
      readonly public: RoomEventPublic[T];
      readonly private?: { readonly audience: readonly RoomAudience[]; readonly body: RoomEventPrivate[T] };
    }
  : never;

/** A move the engine makes on its own: the server decides and appends it like any command. */
export interface RoomMove {
  readonly actor: RoomActor;
  readonly command: RoomCommand;
}
