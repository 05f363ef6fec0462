// Reading fetched data: useResource(key, load) returns the cached Resource and starts the load the
// first time the key is read. The result lands in the store via the resource actions.
import { useEffect } from "react";
import { ApiError } from "../api/client.js";
import type { Resource } from "./app-state.js";
import { resourceFailed, resourceLoaded, resourceRequested } from "./actions/resources.js";
import { store, useAppState } from "./store.js";

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Load a resource into the store unless it is there (or on its way) already. */
export function loadResource<T>(key: string, load: () => Promise<T>): void {
  if (store.getState().resources[key]) return;
  store.dispatch(resourceRequested, { key });
  load().then(
    (data) => store.dispatch(resourceLoaded, { key, data }),
    (error: unknown) =>
      store.dispatch(resourceFailed, {
        key,
        error: errorMessage(error),
        ...(error instanceof ApiError && error.code ? { code: error.code } : {}),
      }),
  );
}

export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> | undefined {
  const resource = useAppState((s) => (key === null ? undefined : s.resources[key])) as Resource<T> | undefined;
  useEffect(() => {
    if (key !== null && !resource) loadResource(key, load);
    // `load` is a fresh closure each render; the key identifies what it loads.
  }, [key, resource]);
  return resource;
}
