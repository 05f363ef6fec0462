// A live room: joining with an invite, its view for this session, its events as the stream
// delivers them, and the connection's state. Every action names the room and is ignored for any
// other, so a late answer for a room left behind changes nothing.
import type { RoomEvent, RoomGet } from "../../api/types.js";
import type { Action } from "../action.js";
import { initialRoom, type RoomState } from "../app-state.js";

const forRoom = (id: string, change: (room: RoomState) => RoomState): Action<unknown> => (state) =>
  state.room.id === id ? withRoom(state, change(state.room)) : state;

const withRoom = (state: Parameters<Action<unknown>>[0], room: RoomState) => (room === state.room ? state : { ...state, room });

/** The page opened room `id` (with an invite to exchange, or with the session cookie already held). */
export const roomOpened: Action<{ id: string; joining: boolean }> = (state, { id, joining }) =>
  state.room.id === id && state.room.status !== "failed" ? state : { ...state, room: { ...initialRoom, id, status: joining ? "joining" : "loading" } };

export const roomJoined: Action<{ id: string; role: RoomGet["role"]; party?: string }> = (state, { id, role, party }) =>
  forRoom(id, (r) => ({ ...r, status: "loading", role, party: party ?? null }))(state, null);

/** A fresh GET /api/rooms/:id. */
export const roomLoaded: Action<{ id: string; got: RoomGet }> = (state, { id, got }) =>
  forRoom(id, (r) => ({ ...r, status: "ready", role: got.role, party: got.party ?? null, view: got.view, error: null, code: null }))(state, null);

/** Events from the stream: appended in seq order; one already held is dropped. */
export const roomEvents: Action<{ id: string; events: readonly RoomEvent[] }> = (state, { id, events }) =>
  forRoom(id, (r) => {
    let last = r.events.length > 0 ? r.events[r.events.length - 1]!.seq : 0;
    const fresh: RoomEvent[] = [];
    for (const e of events) {
      if (e.seq <= last) continue;
      fresh.push(e);
      last = e.seq;
    }
    return fresh.length === 0 ? r : { ...r, events: [...r.events, ...fresh] };
  })(state, null);

export const roomLive: Action<{ id: string; live: boolean }> = (state, { id, live }) => forRoom(id, (r) => (r.live === live ? r : { ...r, live }))(state, null);

export const roomFailed: Action<{ id: string; error: string; code?: string }> = (state, { id, error, code }) =>
  forRoom(id, (r) => ({ ...r, status: "failed", live: false, error, code: code ?? null }))(state, null);
