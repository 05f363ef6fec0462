// The HTTP API's JSON shapes, as the workbench reads them: the server's zod contract
// (@parley/server/api), imported as types only, so the bundle holds no server code and web and
// server cannot drift apart (types.test.ts checks the core's producers against them too). Replies
// are read-only here; the scenario itself is core's Scenario.
import type * as Api from "@parley/server/api";
import type { RoomAction as ClientRoomAction } from "@parley/client";
import type { Confidence, NegotiationEvent, RedLine, Scenario, SourceRef, Stance, Statement, TimelineEntry, Value } from "@parley/core";

export type { Scenario, Value, RedLine, Statement, NegotiationEvent, SourceRef, Stance, Confidence };

/** A reply as the workbench holds it: read-only all the way down. */
export type Json<T> = T extends (infer E)[] ? readonly Json<E>[] : T extends object ? { readonly [K in keyof T]: Json<T[K]> } : T;

// ── requests (what the workbench sends) ──────────────────────────────────────
export type ScenarioUpload = Api.ScenarioUpload;
export type SimulationRequest = Json<Api.SimulationRequest>;
export type TournamentRequest = Json<Api.TournamentRequest>;
export type ProtocolName = NonNullable<Api.SimulationRequest["protocol"]>;

// ── replies ──────────────────────────────────────────────────────────────────
export type ApiIssue = Json<Api.ApiIssue>;
export type ApiErrorBody = Json<Api.ApiError>;
export type ScenarioSummary = Json<Api.ScenarioSummary>;
/** GET /api/scenarios/:id: the model typed as the core's Scenario. */
export type ScenarioDetail = Json<Omit<Api.ScenarioDetail, "scenario">> & { readonly scenario: Scenario };
export type Created = Json<Api.ScenarioCreated>;
export type JobCreated = Json<Api.JobCreated>;
export type JobStatus = Api.JobStatus;
export type AgentInfo = Json<Api.AgentInfo>;
export type AgentParameterInfo = AgentInfo["parameters"][number];
export type ProtocolInfo = Json<Api.ProtocolInfo>;

export type AnalysisJson = Json<Api.Analysis>;
export type SolutionJson = AnalysisJson["nash"][number];
export type FrameworkPartyJson = Json<Api.FrameworkEvaluation["parties"][number]>;
export type Verdict = FrameworkPartyJson["verdict"];
export type OutcomesJson = Json<Api.Outcomes>;

export type FrameworksJson = Json<Api.Frameworks>;
export type FrameworkEntryJson = Json<Api.FrameworkReportEntry>;
export type PointStanceJson = FrameworkEntryJson["points"][number]["stances"][string];
export type VerdictJson = FrameworkEntryJson["verdicts"][string];
export type DeclaredJson = NonNullable<VerdictJson["declared"]>;
export type AmendmentJson = FrameworkEntryJson["amendments"]["best"][number];
export type FixJson = FrameworkEntryJson["amendments"]["fixes"][string]["fixes"][number];
export type SettingChange = AmendmentJson["changes"][number];
export type ConstraintJson = Json<Api.Constraint>;

/** GET /api/scenarios/:id/timeline: statements and events in date order (the core's TimelineEntry). */
export type TimelineEntryJson = TimelineEntry;
export interface TimelineJson {
  readonly scenario: { readonly id: string; readonly name: string };
  readonly entries: readonly TimelineEntryJson[];
}

export type TraceEventJson = Json<Api.TraceEvent>;
export type RunResultJson = Json<Api.SimulationResult>;
export type SimulationJson = Json<Api.Simulation>;
export type TournamentRunJson = Json<Api.TournamentRun>;
export type LeaderboardRowJson = Json<Api.CompetitorScore>;
export type TournamentResultsJson = NonNullable<TournamentJson["results"]>;
export type TournamentJson = Json<Api.Tournament>;
export type JobError = SimulationJson["error"];

// ── live rooms (docs/rooms.md): @parley/client's types, the core's events and views ──
export type { RoomActed, RoomGet, RoomJoined, RoomRole, RoomEvent, RoomView } from "@parley/client";
/** POST /api/rooms/:id/actions: a command as the server takes it; a rating may name its draft (refused once closed). */
export type RoomAction = ClientRoomAction | (Extract<ClientRoomAction, { type: "rate" }> & { readonly draft?: number });

/** GET /api/rooms/:id/suggestions: the engine's packages for a human mediator. */
export type RoomSuggestionsJson = Json<Api.RoomSuggestionsJson>;
export type RoomSuggestionJson = NonNullable<RoomSuggestionsJson["nash"]>;
/** POST /api/rooms: a live room (docs/rooms.md) and its 201 answer. */
export type RoomCreateRequest = Api.RoomCreate;
export type RoomCreated = Json<Api.RoomCreated>;
/** POST /api/rooms/:id/invites (the convener). */
export type RoomInviteRequest = Api.RoomInviteRequest;
export type RoomInvite = Json<Api.RoomInvite>;
/** GET /api/rooms/:id/audit/head, …/audit/inclusion, …/audit/consistency. */
export interface SignedTreeHeadJson {
  readonly logId: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly timestamp: number;
  readonly signature: string;
}
export interface InclusionJson {
  readonly index: number;
  readonly treeSize: number;
  readonly entry: string;
  readonly leafHash: string;
  readonly proof: readonly string[];
  readonly head: SignedTreeHeadJson | null;
}
export interface ConsistencyJson {
  readonly from: number;
  readonly to: number;
  readonly proof: readonly string[];
}

/** A server-sent event of a simulation or tournament job. */
export interface JobEvent {
  readonly type: string;
  readonly data: unknown;
}
