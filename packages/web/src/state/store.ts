// A tiny store: one immutable AppState, changed only by pure actions `(state, payload) => state`
// (src/state/actions/). Components read slices with useAppState(selector); effects (fetching,
// timers) live in hooks and pages and end by dispatching an action.
import { useSyncExternalStore } from "react";
import type { Action } from "./action.js";
import { initialState, type AppState } from "./app-state.js";

export type { Action };

export interface Store {
  getState(): AppState;
  dispatch<P>(action: Action<P>, payload: P): void;
  subscribe(listener: () => void): () => void;
}

export function createStore(state: AppState = initialState): Store {
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action, payload) {
      const next = action(state, payload);
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's store (one per page load). */
export const store = createStore();

/** Read a slice of the state; the component re-renders when the slice changes (by identity). */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

export const dispatch = store.dispatch;
