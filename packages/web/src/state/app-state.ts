// The whole workbench state: plain, immutable data. Changed only by the actions in ./actions/.
import type { ApiIssue, RoomEvent, RoomRole, RoomView, RunResultJson, TournamentJson } from "../api/types.js";
import { parseRoute, type Route } from "../lib/route.js";

/** Something fetched: loading, ready with data, or failed with a message. */
export type Resource<T> =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly data: T }
  | { readonly status: "error"; readonly error: string; readonly code?: string };

export interface UploadFile {
  readonly name: string;
  readonly text: string;
}

export interface ImportState {
  readonly status: "idle" | "uploading" | "failed" | "done";
  readonly files: readonly UploadFile[];
  /** Problems the server found, by file (upload order). */
  readonly issues: readonly ApiIssue[];
  readonly message: string | null;
  readonly created: { readonly id: string; readonly version: number } | null;
}

export interface SimulationState {
  readonly status: "idle" | "starting" | "running" | "done" | "failed";
  readonly id: string | null;
  readonly scenarioId: string | null;
  /** What started it: "form", or "tournament:ID:RUN" for a tournament run replayed. */
  readonly origin: string | null;
  readonly result: RunResultJson | null;
  readonly metrics: { readonly paretoDistance: number | null; readonly nashDistance: number | null } | null;
  readonly error: string | null;
}

/** Step-by-step replay of a trace: `step` events are shown (0 … length). */
export interface ReplayState {
  readonly length: number;
  readonly step: number;
  readonly playing: boolean;
  /** Events per second while playing. */
  readonly speed: number;
}

export interface TournamentState {
  readonly status: "idle" | "starting" | "running" | "done" | "failed";
  readonly id: string | null;
  readonly config: TournamentJson["config"] | null;
  readonly progress: { readonly done: number; readonly total: number };
  readonly results: TournamentJson["results"];
  readonly error: string | null;
  /** The run being replayed (index into results.runs), or null. */
  readonly selectedRun: number | null;
}

export interface OutcomeViewState {
  /** The scenario these settings belong to; other scenarios start from defaults. */
  readonly scenarioId: string | null;
  /** Party ids on the x and y axes. */
  readonly x: string | null;
  readonly y: string | null;
  /** What-if weights per party (issue id → relative weight), or null for the scenario's own. */
  readonly weights: Readonly<Record<string, Readonly<Record<string, number>>>> | null;
}

export interface TimelineFilterState {
  readonly party: string;
  readonly issue: string;
  /** "FRAMEWORK/POINT" or "". */
  readonly point: string;
}

/** The live room open in the workbench (one at a time): its view for this session and its events. */
export interface RoomState {
  readonly id: string | null;
  readonly status: "idle" | "joining" | "loading" | "ready" | "failed";
  readonly role: RoomRole | null;
  readonly party: string | null;
  /** GET /api/rooms/:id for this session, refreshed after each event. */
  readonly view: RoomView | null;
  /** The events seen so far (seq 1, 2, … as the stream delivers them: no gap, no duplicate). */
  readonly events: readonly RoomEvent[];
  /** Whether the stream is connected (a hello since the last drop). */
  readonly live: boolean;
  readonly error: string | null;
  readonly code: string | null;
}

export interface AppState {
  readonly route: Route;
  readonly resources: Readonly<Record<string, Resource<unknown>>>;
  readonly import: ImportState;
  readonly simulation: SimulationState;
  readonly replay: ReplayState;
  readonly tournament: TournamentState;
  readonly outcomeView: OutcomeViewState;
  readonly timelineFilter: TimelineFilterState;
  readonly room: RoomState;
}

export const initialImport: ImportState = { status: "idle", files: [], issues: [], message: null, created: null };
export const initialSimulation: SimulationState = { status: "idle", id: null, scenarioId: null, origin: null, result: null, metrics: null, error: null };
export const initialReplay: ReplayState = { length: 0, step: 0, playing: false, speed: 8 };
export const initialTournament: TournamentState = { status: "idle", id: null, config: null, progress: { done: 0, total: 0 }, results: null, error: null, selectedRun: null };

export const initialRoom: RoomState = { id: null, status: "idle", role: null, party: null, view: null, events: [], live: false, error: null, code: null };

export const initialState: AppState = {
  // The page's hash in a browser; "" elsewhere (tests).
  route: parseRoute((globalThis as { location?: { hash: string } }).location?.hash ?? ""),
  resources: {},
  import: initialImport,
  simulation: initialSimulation,
  replay: initialReplay,
  tournament: initialTournament,
  outcomeView: { scenarioId: null, x: null, y: null, weights: null },
  timelineFilter: { party: "", issue: "", point: "" },
  room: initialRoom,
};
