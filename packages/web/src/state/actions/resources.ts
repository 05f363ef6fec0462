// The fetched-data cache: one Resource per key (see resourceKey).
import { routeHash, type ScenarioView } from "../../lib/route.js";
import type { Action } from "../action.js";

/** "?asof=…&readings=…" of a view ("" for none). */
const viewPart = (view: ScenarioView) => routeHash({ page: "scenario", id: "", tab: "overview", ...view }).replace(/^[^?]*/, "");

export const resourceKey = {
  scenarios: "scenarios",
  scenario: (id: string) => `scenario:${id}`,
  analysis: (id: string) => `analysis:${id}`,
  frameworks: (id: string) => `frameworks:${id}`,
  timeline: (id: string) => `timeline:${id}`,
  /** The framework report of a view (as-of, readings), computed in the worker for one version. */
  frameworksView: (id: string, version: number, view: ScenarioView) => `frameworks-view:${id}@${version}${viewPart(view)}`,
  /** The verdict history (readings applied; the as-of date does not change it). */
  history: (id: string, version: number, readings: readonly string[] = []) => `history:${id}@${version}${viewPart({ readings })}`,
  agents: "agents",
  protocols: "protocols",
} as const;

export const resourceRequested: Action<{ key: string }> = (state, { key }) =>
  state.resources[key]?.status === "loading" ? state : { ...state, resources: { ...state.resources, [key]: { status: "loading" } } };

export const resourceLoaded: Action<{ key: string; data: unknown }> = (state, { key, data }) => ({
  ...state,
  resources: { ...state.resources, [key]: { status: "ready", data } },
});

export const resourceFailed: Action<{ key: string; error: string; code?: string }> = (state, { key, error, code }) => ({
  ...state,
  resources: { ...state.resources, [key]: code !== undefined ? { status: "error", error, code } : { status: "error", error } },
});

/** Forget cached data (every key starting with one of the prefixes), so the next reader refetches. */
export const resourcesInvalidated: Action<{ prefixes: readonly string[] }> = (state, { prefixes }) => {
  const keys = Object.keys(state.resources).filter((k) => prefixes.some((p) => k === p || k.startsWith(p)));
  if (keys.length === 0) return state;
  const resources = { ...state.resources };
  for (const k of keys) delete resources[k];
  return { ...state, resources };
};
