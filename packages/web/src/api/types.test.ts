// Web and server in step, checked by the compiler (`npm run typecheck` type-checks this file; at run
// time expectTypeOf does nothing): the workbench's reply types (src/api/types.ts, used by the client)
// are the server contract's, and what the core produces for those replies (the server sends it as
// is) fits them.
import type {
  RoomSuggestions,
  analysisReportJson,
  FrameworkReport,
  SimulationSummary,
  TimelineEntry,
  TournamentRunRecord,
  TournamentScores,
  TraceEvent,
} from "@parley/core";
import type * as Api from "@parley/server/api";
import { describe, expectTypeOf, it } from "vitest";
import type {
  AgentInfo,
  AnalysisJson,
  FrameworksJson,
  Json,
  OutcomesJson,
  ProtocolInfo,
  RoomSuggestionsJson,
  RunResultJson,
  ScenarioSummary,
  SimulationJson,
  TimelineEntryJson,
  TournamentJson,
  TournamentRunJson,
  TraceEventJson,
} from "./types.js";

describe("the web's API types are the server's contract", () => {
  it("the types the client answers are the contract's response types (read-only)", () => {
    expectTypeOf<ScenarioSummary>().toEqualTypeOf<Json<Api.ScenarioSummary>>();
    expectTypeOf<AnalysisJson>().toEqualTypeOf<Json<Api.Analysis>>();
    expectTypeOf<OutcomesJson>().toEqualTypeOf<Json<Api.Outcomes>>();
    expectTypeOf<FrameworksJson>().toEqualTypeOf<Json<Api.Frameworks>>();
    expectTypeOf<AgentInfo>().toEqualTypeOf<Json<Api.AgentInfo>>();
    expectTypeOf<ProtocolInfo>().toEqualTypeOf<Json<Api.ProtocolInfo>>();
    expectTypeOf<SimulationJson>().toEqualTypeOf<Json<Api.Simulation>>();
    expectTypeOf<TournamentJson>().toEqualTypeOf<Json<Api.Tournament>>();
    expectTypeOf<RunResultJson>().toEqualTypeOf<Json<Api.SimulationResult>>();
  });

  it("what the core produces for a reply fits the contract", () => {
    expectTypeOf<ReturnType<typeof analysisReportJson>>().toExtend<AnalysisJson>();
    expectTypeOf<FrameworkReport>().toExtend<FrameworksJson>();
    expectTypeOf<SimulationSummary & { readonly scenario: { id: string; name: string; version: number } }>().toExtend<RunResultJson>();
    expectTypeOf<TraceEvent>().toExtend<TraceEventJson>();
    expectTypeOf<TournamentRunRecord & { readonly version: number }>().toExtend<TournamentRunJson>();
    expectTypeOf<TournamentScores>().toExtend<NonNullable<TournamentJson["results"]>["scores"]>();
    expectTypeOf<TimelineEntry>().toEqualTypeOf<TimelineEntryJson>();
    expectTypeOf<RoomSuggestions>().toExtend<RoomSuggestionsJson>();
    expectTypeOf<SimulationJson["status"]>().toEqualTypeOf<"queued" | "running" | "done" | "failed" | "cancelled" | "interrupted">();
  });
});
