// The JSON shapes the client sends and reads. Events, views and commands are the core's own types
// (the server stores and streams exactly those); the request and reply envelopes mirror the
// server's zod contract (packages/server/src/api/rooms.ts), and test/contract-types.test.ts checks
// at compile time that both sides agree. The client depends on the core only, so it installs
// without the server.
import type { RoomCommand, RoomEvent, RoomView, Scenario } from "@parley/core";

export type { RoomEvent, RoomView, RoomCommand };

/** POST /api/rooms. `seats`: party id → "human" or an agent spec the server runs, in seat order. */
export interface RoomCreateRequest {
  scenario: string;
  version?: number;
  protocol?: "single-text" | "sao" | "stacked" | "shuttle";
  seats: Record<string, string>;
  mediator?: "human" | "engine";
  deadline?: { rounds?: number; seconds?: number };
  excluded?: string[];
  disclosure?: "aggregates" | "none";
  opening?: string;
  seed?: number;
}

/** 201 of POST /api/rooms: the room, the convener's session token, an invite per human seat (and "mediator"). */
export interface RoomCreated {
  id: string;
  conveneToken: string;
  invites: Record<string, string>;
}

export type RoomRole = "convener" | "seat" | "mediator" | "observer";

/** POST /api/rooms/{id}/invites (the convener): an observer, the convener's own browser, the human mediator, or a seat that has not joined. */
export interface RoomInviteRequest {
  role: "observer" | "convener" | "mediator" | "seat";
  /** role "seat": the human seat's party. */
  party?: string;
}

/** 201 of POST /api/rooms/{id}/invites: a one-time invite, exchanged with POST …/join. */
export interface RoomInvited {
  invite: string;
  role?: RoomRole | undefined;
  party?: string | undefined;
}

/** GET /api/rooms/{id}/suggestions (the human mediator): the core's RoomSuggestions, as JSON. */
export type { RoomSuggestions, RoomSuggestion } from "@parley/core";

/** POST /api/rooms/{id}/join: the session token, and what it lets its holder do. */
export interface RoomJoined {
  token: string;
  role: RoomRole;
  party?: string | undefined;
}

/** GET /api/rooms/{id}: the room as the caller may see it. */
export interface RoomGet {
  id: string;
  role: RoomRole;
  party?: string | undefined;
  seq: number;
  view: RoomView;
}

/** GET /api/rooms/{id}/events. */
export interface RoomEventsPage {
  events: RoomEvent[];
  next: number;
  latest: number;
}

/**
 * A command as a client sends it: the acting party comes from the token, so it is left out. A
 * rating names the draft it rates (`draft`, optional): the server refuses it with
 * PARLEY_ROOM_NOT_NOW once that draft is no longer open, instead of applying it to the next one.
 */
export type RoomAction = RoomCommand extends infer C ? (C extends { type: "join" | "submit-preferences" | "deadline" } ? never : Omit<C, "party">) : never;

/** POST /api/rooms/{id}/actions: the room's last seq and the events the command made. */
export interface RoomActed {
  seq: number;
  events: RoomEvent[];
}

/** GET /api/scenarios/{id}/versions/{version}: the part the client reads. */
export interface ScenarioVersion {
  id: string;
  version: number;
  name: string;
  scenario: Scenario;
  yaml: string;
}

/** Messages on the room's WebSocket, server → client. */
export type ServerMessage =
  | { type: "hello"; seq: number; role: RoomRole; view: RoomView }
  | { type: "event"; event: RoomEvent }
  | { type: "ping"; t: number }
  | { type: "ack"; id: string; seq: number }
  | { type: "error"; id?: string; code: string; message: string };

/** Messages on the room's WebSocket, client → server. */
export type ClientMessage = { type: "pong"; t: number } | { type: "action"; id: string; command: RoomAction };

/** The API's error body. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  issues?: unknown[];
}
