// Hash routes (`#/scenarios/ID/frameworks`): parsing and building are pure, so no router dependency.

export type ScenarioTab = "overview" | "frameworks" | "outcomes" | "simulate" | "timeline";

export type Route =
  | { readonly page: "scenarios" }
  | { readonly page: "scenario"; readonly id: string; readonly tab: ScenarioTab }
  | { readonly page: "tournaments"; readonly id?: string }
  | { readonly page: "not-found"; readonly path: string };

const TABS: readonly ScenarioTab[] = ["overview", "frameworks", "outcomes", "simulate", "timeline"];

/** The route of a location hash ("#/…"; "" and "#/" are the scenario list). */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "").replace(/^\/+|\/+$/g, "");
  if (path === "" || path === "scenarios") return { page: "scenarios" };
  const parts = path.split("/").map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts[0] === "scenarios" && parts[1] !== undefined && parts.length <= 3) {
    const tab = (parts[2] ?? "overview") as ScenarioTab;
    if (TABS.includes(tab)) return { page: "scenario", id: parts[1], tab };
  }
  if (parts[0] === "tournaments" && parts.length <= 2) return parts[1] !== undefined ? { page: "tournaments", id: parts[1] } : { page: "tournaments" };
  return { page: "not-found", path: `/${path}` };
}

/** The hash of a route (inverse of parseRoute). */
export function routeHash(route: Route): string {
  switch (route.page) {
    case "scenarios":
      return "#/";
    case "scenario":
      return `#/scenarios/${encodeURIComponent(route.id)}${route.tab === "overview" ? "" : `/${route.tab}`}`;
    case "tournaments":
      return route.id !== undefined ? `#/tournaments/${encodeURIComponent(route.id)}` : "#/tournaments";
    case "not-found":
      return `#${route.path}`;
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return routeHash(a) === routeHash(b);
}
