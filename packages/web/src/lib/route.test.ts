import { describe, expect, it } from "vitest";
import { parseRoute, routeHash, scenarioView, type Route } from "./route.js";

describe("parseRoute / routeHash", () => {
  it("parseRoute reads the scenario list, scenario tabs and tournaments", () => {
    expect(parseRoute("")).toEqual({ page: "scenarios" });
    expect(parseRoute("#/")).toEqual({ page: "scenarios" });
    expect(parseRoute("#/scenarios/ceasefire-talks")).toEqual({ page: "scenario", id: "ceasefire-talks", tab: "overview" });
    expect(parseRoute("#/scenarios/a%20b/outcomes")).toEqual({ page: "scenario", id: "a b", tab: "outcomes" });
    expect(parseRoute("#/tournaments/abc")).toEqual({ page: "tournaments", id: "abc" });
    expect(parseRoute("#/scenarios/x/nope")).toEqual({ page: "not-found", path: "/scenarios/x/nope" });
  });

  it("routeHash is parseRoute's inverse", () => {
    const routes: Route[] = [
      { page: "scenarios" },
      { page: "scenario", id: "peace talks/2025", tab: "frameworks" },
      { page: "scenario", id: "x", tab: "overview" },
      { page: "tournaments" },
      { page: "tournaments", id: "t1" },
      { page: "scenario", id: "peace-talks-2025", tab: "frameworks", asOf: "2025-12-14" },
      { page: "scenario", id: "x", tab: "history", asOf: "2025-12", readings: ["a", "b c"] },
      { page: "scenario", id: "x", tab: "overview", readings: ["r1"] },
      { page: "room", id: "room-1" },
      { page: "room", id: "room-1", invite: "a+b/c=" },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });

  it("keeps the as-of date and the readings in the hash's query", () => {
    expect(routeHash({ page: "scenario", id: "p", tab: "frameworks", asOf: "2025-12-14", readings: ["a", "b"] })).toBe("#/scenarios/p/frameworks?asof=2025-12-14&readings=a,b");
    expect(parseRoute("#/scenarios/p/history?asof=2025-11&foo=1")).toEqual({ page: "scenario", id: "p", tab: "history", asOf: "2025-11" });
    // Empty values, blank reading ids and repeats are dropped; the order chosen is kept.
    expect(parseRoute("#/scenarios/p?asof=&readings=b,,a,b")).toEqual({ page: "scenario", id: "p", tab: "overview", readings: ["b", "a"] });
    expect(parseRoute("#/scenarios/p/nope?asof=2025")).toEqual({ page: "not-found", path: "/scenarios/p/nope" });
    expect(scenarioView({ asOf: "2025", readings: [] })).toEqual({ asOf: "2025" });
  });

  it("reads a room and its invite link", () => {
    expect(parseRoute("#/rooms/room-abc")).toEqual({ page: "room", id: "room-abc" });
    expect(parseRoute("#/rooms/room-abc/join?invite=tok_1")).toEqual({ page: "room", id: "room-abc", invite: "tok_1" });
    // A join link without its invite is the room itself (the session cookie may already be held).
    expect(parseRoute("#/rooms/room-abc/join")).toEqual({ page: "room", id: "room-abc" });
    expect(parseRoute("#/rooms/room-abc/nope")).toEqual({ page: "not-found", path: "/rooms/room-abc/nope" });
  });
});
