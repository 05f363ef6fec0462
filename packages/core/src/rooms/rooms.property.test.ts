import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { engineMoves, replayRoom, roomView, visibleEvent, type RoomEvent, type RoomSpec, type RoomViewer } from "@parley/core";
import { resumeRoom, RoomDriver } from "../../test/room-fixtures.js";
import { arbitraryRoomSpec, compiled3f, driveRandomly, secretReservation } from "../../test/room-random.js";

const compiled = compiled3f;
const viewersOf = (spec: RoomSpec): RoomViewer[] => [
  ...spec.seats.map((s) => ({ role: "seat", party: s.party }) as const),
  { role: "mediator" },
  { role: "observer" },
  { role: "convener" },
];

describe("rooms: replay", () => {
  it("replaying the events gives the same views and the same engine moves", () => {
    fc.assert(
      fc.property(arbitraryRoomSpec, fc.integer({ min: 0, max: 1_000_000 }), (spec, seed) => {
        const room = new RoomDriver(compiled, spec);
        driveRandomly(room, seed);
        const again = replayRoom(compiled, room.events);
        for (const v of viewersOf(spec)) expect(roomView(again, v)).toEqual(roomView(room.state, v));
        expect(engineMoves(again)).toEqual(engineMoves(room.state));
      }),
      { numRuns: 80 },
    );
  });

  it("a room resumed from any prefix of its events (agents rebuilt by replay) continues exactly as the uninterrupted run", () => {
    fc.assert(
      fc.property(arbitraryRoomSpec, fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (spec, seed, cut) => {
        const room = new RoomDriver(compiled, spec);
        driveRandomly(room, seed);
        // Cut after any committed command (a command's events are committed together, or not at all).
        const cuts = [1, ...room.commits];
        const k = cuts[Math.floor(cut * cuts.length)] ?? 1;
        const resumed = resumeRoom(compiled, room.events.slice(0, k), k * 1000);
        driveRandomly(resumed, seed);
        expect(resumed.events).toEqual(room.events);
      }),
      { numRuns: 80 },
    );
  });
});

describe("rooms: privacy", () => {
  it("nothing a viewer receives (views and visible events) holds another seat's private data; a seat never sees aggregates", () => {
    fc.assert(
      fc.property(arbitraryRoomSpec, fc.integer({ min: 0, max: 1_000_000 }), (spec, seed) => {
        const room = new RoomDriver(compiled, spec);
        const parties = spec.seats.map((s) => s.party);
        const forbidden = (v: RoomViewer): string[] => {
          const others = parties.filter((p) => v.role !== "seat" || v.party !== p);
          const reservations = others.map((p) => String(secretReservation(p)));
          if (v.role === "seat") return [...reservations, ...others.flatMap((p) => [`secret-rate-${p}-`, `secret-msg-${p}-`, `secret-msg-mediator>${p}-`])];
          if (v.role === "mediator") return [...reservations, "secret-rate-"];
          return [...reservations, "secret-"];
        };
        const seen = new Map<RoomViewer, number>();
        const check = (r: RoomDriver) => {
          for (const v of viewersOf(spec)) {
            const from = seen.get(v) ?? 0;
            const events: RoomEvent[] = r.events.slice(from).map((e) => visibleEvent(e, v));
            seen.set(v, r.events.length);
            for (const e of events) {
              if (e.private) {
                const mine = e.private.audience.some((a) => ("party" in a ? v.role === "seat" && v.party === a.party : v.role === "mediator"));
                expect(mine).toBe(true);
                if (e.type === "feedback") expect(v.role).toBe("mediator");
              }
            }
            const view = roomView(r.state, v);
            if (view.you) expect(v).toEqual({ role: "seat", party: view.you.party });
            if (v.role !== "mediator") expect(view).not.toHaveProperty("aggregates");
            const text = JSON.stringify([events, view]);
            for (const f of forbidden(v)) expect(text).not.toContain(f);
          }
        };
        driveRandomly(room, seed, 400, check);
        check(room);
      }),
      { numRuns: 80 },
    );
  });
});
