// Messages between the page and analysis.worker.ts.
import type { Scenario } from "@parley/core";
import type { AnalysisJson } from "../api/types.js";
import type { SpaceRequest, SpaceResult } from "./tasks.js";

export type WorkerRequest =
  | { readonly id: number; readonly type: "space"; readonly request: SpaceRequest }
  | { readonly id: number; readonly type: "analyze"; readonly scenario: Scenario; readonly seed?: number };

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly type: "space"; readonly result: SpaceResult }
  | { readonly id: number; readonly ok: true; readonly type: "analyze"; readonly result: AnalysisJson }
  | { readonly id: number; readonly ok: false; readonly error: string; readonly code?: string };
