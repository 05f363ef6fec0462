import { describe, expect, it } from "vitest";
import { keepFreshInvites, roomCreateRequest, freshInvites, type RoomForm } from "./room-create.js";

const base: RoomForm = { scenario: "s", version: 2, protocol: "shuttle", seats: { a: "human", b: "boulware", c: " conceder(e=2) ", d: "" }, mediator: "engine", rounds: "40", seconds: "", excluded: ["c", "d"] };

describe("roomCreateRequest", () => {
  it("keeps seated parties in order, trims specs, drops unseated exclusions", () => {
    const r = roomCreateRequest(base);
    expect(r).toEqual({ request: { scenario: "s", version: 2, protocol: "shuttle", seats: { a: "human", b: "boulware", c: "conceder(e=2)" }, mediator: "engine", deadline: { rounds: 40 }, excluded: ["c"] } });
    if ("request" in r) expect(Object.keys(r.request.seats)).toEqual(["a", "b", "c"]);
  });
  it("sends no mediator or exclusions for unmediated protocols", () => {
    const r = roomCreateRequest({ ...base, protocol: "sao", seats: { a: "human", b: "linear" }, rounds: "", seconds: "90" });
    expect(r).toEqual({ request: { scenario: "s", version: 2, protocol: "sao", seats: { a: "human", b: "linear" }, deadline: { seconds: 90 } } });
  });
  it("names the field of each problem", () => {
    const r = roomCreateRequest({ ...base, seats: { a: "human", b: "" }, rounds: "1.5", seconds: "-3" });
    expect("problems" in r && r.problems.map((p) => p.field)).toEqual(["seats", "rounds", "seconds"]);
    const all = roomCreateRequest({ ...base, seats: { a: "human", b: "linear" }, excluded: ["a", "b"] });
    expect("problems" in all && all.problems).toEqual([{ field: "excluded", message: "at least one seat must stay at the table" }]);
  });
});

describe("fresh invites", () => {
  it("are kept per room, the mediator last", () => {
    keepFreshInvites("r", { mediator: "m", a: "x" });
    expect(freshInvites("r")).toEqual([
      { key: "seat:a", who: "the seat of a", invite: "x" },
      { key: "mediator", who: "the mediator", invite: "m" },
    ]);
    expect(freshInvites("other")).toEqual([]);
  });
});
