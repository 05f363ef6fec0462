import { describe, expect, it } from "vitest";
import { roomView, type Preferences, type RoomSpec } from "@parley/core";
import { human, mediator, roomSpec, RoomDriver, seat } from "../../test/room-fixtures.js";
import { compiled3f } from "../../test/room-random.js";

const prefsOf = (party: string): Preferences => compiled3f.scenario.parties.find((p) => p.id === party)!.preferences!;
const code = (fn: () => unknown, c: string) => expect(fn).toThrow(expect.objectContaining({ code: c }));
const convener = { role: "convener" } as const;

function started(extra: Partial<RoomSpec>) {
  const room = new RoomDriver(compiled3f, roomSpec([human("P"), human("Q"), human("R")], extra));
  for (const p of ["P", "Q", "R"]) room.seat(p, prefsOf(p));
  room.auto();
  return room;
}

describe("closing a room", () => {
  it("the human mediator may close the room it runs, with or without a reason; a seat or an observer may not", () => {
    const room = started({ protocol: "single-text", mediator: "human" });
    code(() => room.act(seat("P"), { type: "close" }), "PARLEY_ROOM_FORBIDDEN");
    const [closed] = room.act(mediator, { type: "close" });
    expect(closed).toMatchObject({ type: "room-closed", actor: mediator, public: { reason: "closed by the mediator" } });
    expect(roomView(room.state, seat("Q"))).toMatchObject({ status: "closed", reason: "closed by the mediator" });
    code(() => room.act(mediator, { type: "close" }), "PARLEY_ROOM_OVER");
    code(() => room.act(convener, { type: "close" }), "PARLEY_ROOM_OVER");

    const other = started({ protocol: "shuttle", mediator: "human" });
    other.act(mediator, { type: "close", reason: "talks suspended" });
    expect(other.state.reason).toBe("talks suspended");
  });

  it("a mediator token of a room the engine mediates may not close it; the convener may, before the start too", () => {
    const room = started({ protocol: "single-text", mediator: "engine" });
    code(() => room.act(mediator, { type: "close" }), "PARLEY_ROOM_FORBIDDEN");
    const open = new RoomDriver(compiled3f, roomSpec([human("P"), human("Q")], { protocol: "sao" }));
    open.act(convener, { type: "close", reason: " " });
    expect(open.state).toMatchObject({ status: "closed", reason: "closed by the convener" });
  });
});
