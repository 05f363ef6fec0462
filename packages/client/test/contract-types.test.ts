// The client's JSON shapes against the server's zod contract, at compile time (`npm run typecheck`
// type-checks tests): what the client sends, the server's schemas accept; what the server answers,
// the client's types describe. A change on either side that breaks the other does not compile.
import { describe, expectTypeOf, it } from "vitest";
import type * as Client from "@parley/client";
import type * as Server from "../../server/src/api/rooms.js";

/** A reply as the core types it: read-only all the way down. */
type ReadOnlyJson<T> = T extends (infer E)[] ? readonly ReadOnlyJson<E>[] : T extends object ? { readonly [K in keyof T]: ReadOnlyJson<T[K]> } : T;

/** Per command type, the fields the client's action has and the server's does not. */
type ExtraActionKeys = {
  [T in Client.RoomAction["type"]]: Exclude<keyof Extract<Client.RoomAction, { type: T }>, keyof Extract<Server.RoomAction, { type: T }>>;
}[Client.RoomAction["type"]];

describe("@parley/client types ⇄ the server's room contract", () => {
  it("requests the client sends fit the server's schemas", () => {
    expectTypeOf<Client.RoomCreateRequest>().toExtend<Server.RoomCreate>();
    expectTypeOf<Client.RoomAction>().toExtend<Server.RoomAction>();
    expectTypeOf<Client.RoomInviteRequest>().toExtend<Server.RoomInviteRequest>();
    // …with no field the server's strict schemas would refuse as unrecognised.
    expectTypeOf<ExtraActionKeys>().toEqualTypeOf<never>();
    expectTypeOf<Client.ClientMessage["type"]>().toEqualTypeOf<Server.ClientMessage["type"]>();
  });
  it("replies the server sends are what the client reads", () => {
    expectTypeOf<Server.RoomCreated>().toExtend<Client.RoomCreated>();
    expectTypeOf<Server.RoomJoined>().toExtend<Client.RoomJoined>();
    expectTypeOf<Server.RoomInvite>().toExtend<Client.RoomInvited>();
    // The suggestions are the core's own (read-only) type: they fit the server's schema, read-only.
    expectTypeOf<Client.RoomSuggestions>().toExtend<ReadOnlyJson<Server.RoomSuggestionsJson>>();
    expectTypeOf<Omit<Server.RoomGet, "view">>().toExtend<Omit<Client.RoomGet, "view">>();
    expectTypeOf<Omit<Server.RoomEvents, "events">>().toExtend<Omit<Client.RoomEventsPage, "events">>();
    expectTypeOf<Server.ServerMessage["type"]>().toEqualTypeOf<Client.ServerMessage["type"]>();
    // Events: the same envelope (seq, at, type, actor, public, private, commitment).
    expectTypeOf<keyof Server.RoomEventJson>().toEqualTypeOf<keyof Client.RoomEvent>();
  });
});
