import type { AppState } from "./app-state.js";

/** A state transition: pure, no I/O, returns the same object when nothing changes. */
export type Action<P> = (state: AppState, payload: P) => AppState;
