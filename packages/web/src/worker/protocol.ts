// Messages between the page and analysis.worker.ts.
import type { Scenario } from "@parley/core";
import type { AnalysisJson } from "../api/types.js";
import type { BriefingRequest } from "./briefing-task.js";
import type { FrameworksResult, HistoryResult, ViewRequest } from "./framework-tasks.js";
import type { SpaceRequest, SpaceResult } from "./tasks.js";

export type WorkerRequest =
  | { readonly id: number; readonly type: "space"; readonly request: SpaceRequest }
  | { readonly id: number; readonly type: "analyze"; readonly scenario: Scenario; readonly seed?: number }
  | { readonly id: number; readonly type: "frameworks"; readonly request: ViewRequest }
  | { readonly id: number; readonly type: "history"; readonly request: ViewRequest }
  | { readonly id: number; readonly type: "briefing"; readonly request: BriefingRequest };

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly type: "space"; readonly result: SpaceResult }
  | { readonly id: number; readonly ok: true; readonly type: "analyze"; readonly result: AnalysisJson }
  | { readonly id: number; readonly ok: true; readonly type: "frameworks"; readonly result: FrameworksResult }
  | { readonly id: number; readonly ok: true; readonly type: "history"; readonly result: HistoryResult }
  | { readonly id: number; readonly ok: true; readonly type: "briefing"; readonly result: string }
  | { readonly id: number; readonly ok: false; readonly error: string; readonly code?: string };
