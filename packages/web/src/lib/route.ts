// Hash routes (`#/scenarios/ID/frameworks?asof=2025-12-14`): parsing and building are pure, so no
// router dependency. A scenario's view state that should survive a shared link (the as-of date, the
// readings applied) is a query after the path.

export type ScenarioTab = "overview" | "frameworks" | "outcomes" | "simulate" | "timeline" | "history";

/** What a scenario's analyses are run on: the scenario as known on a date, with readings applied. */
export interface ScenarioView {
  /** The as-of cut-off (YYYY-MM-DD, YYYY-MM or YYYY); absent: no cut-off. */
  readonly asOf?: string;
  /** Ids of the alternative readings applied, in the order chosen; absent: none. */
  readonly readings?: readonly string[];
}

export type Route =
  | { readonly page: "scenarios" }
  | ({ readonly page: "scenario"; readonly id: string; readonly tab: ScenarioTab } & ScenarioView)
  | { readonly page: "tournaments"; readonly id?: string }
  /** A live room (docs/rooms.md): `#/rooms/ID`, or its invite link `#/rooms/ID/join?invite=TOKEN`. */
  | { readonly page: "room"; readonly id: string; readonly invite?: string }
  | { readonly page: "not-found"; readonly path: string };

const TABS: readonly ScenarioTab[] = ["overview", "frameworks", "outcomes", "simulate", "timeline", "history"];

/** The view state in a hash's query ("asof=…&readings=a,b"); unknown keys and empty values are ignored. */
function parseView(query: string): ScenarioView {
  const params = new URLSearchParams(query);
  const asOf = params.get("asof")?.trim();
  const readings = (params.get("readings") ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter((r) => r !== "");
  return { ...(asOf ? { asOf } : {}), ...(readings.length > 0 ? { readings: [...new Set(readings)] } : {}) };
}

function viewQuery(view: ScenarioView): string {
  const params = new URLSearchParams();
  if (view.asOf) params.set("asof", view.asOf);
  if (view.readings && view.readings.length > 0) params.set("readings", view.readings.join(","));
  const q = params.toString().replace(/%2C/g, ",");
  return q === "" ? "" : `?${q}`;
}

/** The view with another as-of date (null: no cut-off); the readings are kept. */
export function withAsOf(view: ScenarioView, asOf: string | null): ScenarioView {
  return { ...(asOf ? { asOf } : {}), ...(view.readings && view.readings.length > 0 ? { readings: view.readings } : {}) };
}

/** The view with other readings applied (none: the nominal model); the as-of date is kept. */
export function withReadings(view: ScenarioView, readings: readonly string[]): ScenarioView {
  return { ...(view.asOf ? { asOf: view.asOf } : {}), ...(readings.length > 0 ? { readings } : {}) };
}

/** The view part of a route (for links that keep it, e.g. the scenario's tabs). */
export function scenarioView(route: ScenarioView): ScenarioView {
  return { ...(route.asOf ? { asOf: route.asOf } : {}), ...(route.readings && route.readings.length > 0 ? { readings: route.readings } : {}) };
}

/** The route of a location hash ("#/…"; "" and "#/" are the scenario list). */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const q = raw.indexOf("?");
  const path = (q < 0 ? raw : raw.slice(0, q)).replace(/^\/+|\/+$/g, "");
  const query = q < 0 ? "" : raw.slice(q + 1);
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
    if (TABS.includes(tab)) return { page: "scenario", id: parts[1], tab, ...parseView(query) };
  }
  if (parts[0] === "rooms" && parts[1] !== undefined && parts.length === 2) return { page: "room", id: parts[1] };
  if (parts[0] === "rooms" && parts[1] !== undefined && parts.length === 3 && parts[2] === "join") {
    const invite = new URLSearchParams(query).get("invite")?.trim();
    return invite ? { page: "room", id: parts[1], invite } : { page: "room", id: parts[1] };
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
      return `#/scenarios/${encodeURIComponent(route.id)}${route.tab === "overview" ? "" : `/${route.tab}`}${viewQuery(route)}`;
    case "tournaments":
      return route.id !== undefined ? `#/tournaments/${encodeURIComponent(route.id)}` : "#/tournaments";
    case "room":
      return route.invite !== undefined ? `#/rooms/${encodeURIComponent(route.id)}/join?invite=${encodeURIComponent(route.invite)}` : `#/rooms/${encodeURIComponent(route.id)}`;
    case "not-found":
      return `#${route.path}`;
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return routeHash(a) === routeHash(b);
}
