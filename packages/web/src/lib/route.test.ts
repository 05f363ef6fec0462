import { describe, expect, it } from "vitest";
import { parseRoute, routeHash, type Route } from "./route.js";

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
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });
});
