// The import flow: files → upload → the new scenario's page, or the problems in place.
import { api, ApiError } from "../api/client.js";
import { scenarioFiles, uploadFor, type TextFile } from "../lib/import-files.js";
import { routeHash } from "../lib/route.js";
import { importFailed, importStarted, importSucceeded } from "./actions/import.js";
import { resourceKey, resourcesInvalidated } from "./actions/resources.js";
import { errorMessage } from "./use-resource.js";
import { store } from "./store.js";

export async function importScenario(chosen: readonly TextFile[]): Promise<void> {
  const files = scenarioFiles(chosen).length > 0 ? scenarioFiles(chosen) : [...chosen];
  store.dispatch(importStarted, { files });
  const plan = uploadFor(files);
  if ("error" in plan) {
    store.dispatch(importFailed, { message: plan.error, issues: [] });
    return;
  }
  try {
    const created = await api.createScenario(plan.upload);
    store.dispatch(importSucceeded, { id: created.id, version: created.version });
    store.dispatch(resourcesInvalidated, { prefixes: [resourceKey.scenarios, `scenario:${created.id}`, `analysis:${created.id}`, `frameworks:${created.id}`, `timeline:${created.id}`] });
    location.hash = routeHash({ page: "scenario", id: created.id, tab: "overview" });
  } catch (error) {
    if (error instanceof ApiError && error.issues.length > 0) {
      const errors = error.issues.filter((i) => i.severity === "error").length;
      const names = files.map((f) => f.name).join(", ");
      store.dispatch(importFailed, {
        message: `${errors || error.issues.length} problem${(errors || error.issues.length) === 1 ? "" : "s"} in ${names}: see the highlighted lines below.`,
        issues: error.issues,
      });
    } else if (error instanceof ApiError) store.dispatch(importFailed, { message: error.message, issues: [] });
    else store.dispatch(importFailed, { message: errorMessage(error), issues: [] });
  }
}
