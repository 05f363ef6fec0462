// The HTTP API's JSON shapes, as the workbench reads them (the contract of @parley/server, under /api).
// Plain data only: the scenario itself is core's Scenario JSON.
import type { Confidence, NegotiationEvent, RedLine, Scenario, SourceRef, Stance, Statement, Value } from "@parley/core";

export type { Scenario, Value, RedLine, Statement, NegotiationEvent, SourceRef, Stance, Confidence };

/** GET /api/scenarios */
export interface ScenarioSummary {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  /** Party ids. */
  readonly parties: readonly string[];
  /** How many issues and frameworks. */
  readonly issues: number;
  readonly frameworks: number;
  readonly builtin?: boolean;
  readonly createdAt?: string;
  readonly updatedAt: string;
}

/** GET /api/scenarios/:id */
export interface ScenarioDetail {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly format?: "yaml" | "json" | "genius";
  readonly scenario: Scenario;
  readonly yaml: string;
  readonly createdAt?: string;
}

/** POST /api/scenarios */
export type ScenarioUpload =
  | { readonly format: "yaml" | "json"; readonly text: string }
  | {
      readonly format: "genius";
      readonly files: readonly { readonly name: string; readonly text: string }[];
      readonly id?: string;
      readonly name?: string;
    };

export interface Created {
  readonly id: string;
  readonly version: number;
  readonly warnings?: readonly ApiIssue[];
}

/** One problem in an uploaded file (a FormatIssue of @parley/formats). */
export interface ApiIssue {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code: string;
  readonly severity: "error" | "warning";
}

/** Every error reply: Fastify's shape plus a stable code, and the file problems for uploads. */
export interface ApiErrorBody {
  readonly statusCode: number;
  readonly code?: string;
  readonly error: string;
  readonly message: string;
  readonly issues?: readonly ApiIssue[];
}

/** A solution concept's tied points. */
export interface SolutionJson {
  readonly utilities: readonly number[];
  readonly outcome: Readonly<Record<string, Value>>;
}

export type Verdict = "accept" | "reject" | "depends";

export interface FrameworkPartyJson {
  readonly party: string;
  readonly utility: { readonly min: number; readonly max: number };
  readonly reservation: number;
  readonly redLinesCrossed: readonly RedLine[];
  readonly verdict: Verdict;
}

/** GET /api/scenarios/:id/analysis: the `parley analyze --json` object. */
export interface AnalysisJson {
  readonly scenario?: { readonly id: string; readonly name: string };
  readonly parties: readonly string[];
  readonly issues: readonly string[];
  readonly outcomes: number;
  readonly method?: string;
  readonly exact?: boolean;
  readonly reservation: readonly number[];
  readonly ideal: readonly number[];
  readonly rational: { readonly count: number | null; readonly fraction: number | null };
  readonly pareto: {
    readonly count: number;
    readonly points: readonly (readonly number[])[];
    readonly outcomes: readonly Readonly<Record<string, Value>>[];
  };
  readonly nash: readonly SolutionJson[];
  readonly kalaiSmorodinsky: readonly SolutionJson[];
  readonly egalitarian: readonly SolutionJson[];
  readonly maxWelfare: readonly SolutionJson[];
  readonly opposition?: number | null;
  readonly frameworks: readonly {
    readonly framework: { readonly id: string; readonly name: string };
    readonly settled?: Readonly<Record<string, Value>>;
    readonly open: readonly string[];
    readonly clashes?: readonly { readonly issue: string; readonly points: readonly number[] }[];
    readonly parties: readonly FrameworkPartyJson[];
  }[];
  readonly notes?: readonly string[];
}

/** GET /api/scenarios/:id/outcomes */
export interface OutcomesJson {
  readonly parties: readonly string[];
  /** Outcomes returned, and in the space. */
  readonly count: number;
  readonly total?: number;
  /** One column per requested party. */
  readonly utilities: readonly (readonly number[])[];
  /** 1 for a rational outcome, 0 otherwise (same length as each column). */
  readonly rational: readonly number[];
  readonly truncated: boolean;
}

/** A party's declared stance on a point or a framework (from its statements). */
export interface DeclaredJson {
  readonly stance: Stance;
  readonly date: string;
  /** The statement's id. */
  readonly statement: string;
  readonly source: SourceRef;
  readonly via?: "point" | "issue" | "framework";
  readonly confidence?: Confidence;
  readonly speaker?: string;
}

export interface PointStanceJson {
  /** 0 = the party's worst options on the point's issues, 1 = its best; null when indifferent. */
  readonly value: number | null;
  readonly redLine: boolean;
  readonly declared: DeclaredJson | null;
  readonly modelled?: "accept" | "reject";
  readonly mismatch?: boolean;
  readonly redLines?: readonly RedLine[];
}

export interface VerdictJson {
  readonly utility: number;
  readonly utilityRange?: { readonly min: number; readonly max: number };
  readonly accepts: boolean;
  readonly verdict: Verdict;
  readonly reservation?: number;
  readonly redLinesCrossed?: readonly RedLine[];
  readonly declared?: DeclaredJson | null;
}

export interface SettingChange {
  readonly issue: string;
  readonly from?: Value | null;
  readonly to: Value;
  readonly point?: number | null;
}

export interface AmendmentJson {
  readonly changes: readonly SettingChange[];
  readonly totalGain: number;
  readonly gains: Readonly<Record<string, number>>;
  readonly verdicts: Readonly<Record<string, Verdict>>;
}

export interface FixJson extends AmendmentJson {
  readonly cost: number;
  readonly worsened: readonly string[];
}

export interface FrameworkEntryJson {
  readonly id: string;
  readonly name?: string;
  readonly open?: readonly string[];
  readonly clashes?: readonly { readonly issue: string; readonly points: readonly number[] }[];
  readonly points: readonly {
    readonly id: string;
    readonly number: number;
    readonly text: string;
    readonly issues: readonly string[];
    readonly stances: Readonly<Record<string, PointStanceJson>>;
  }[];
  readonly verdicts: Readonly<Record<string, VerdictJson>>;
  readonly amendments?: {
    readonly basis: string;
    readonly count: number;
    readonly best: readonly AmendmentJson[];
    readonly fixes: Readonly<Record<string, { readonly verdict: Verdict; readonly fixes: readonly FixJson[] }>>;
    readonly truncated: boolean;
  };
}

export interface ConstraintJson {
  readonly kind: "reservation" | "red-line";
  readonly party: string;
  readonly value?: number;
  readonly redLine?: RedLine;
  readonly issues?: readonly string[];
}

/** GET /api/scenarios/:id/frameworks: the `parley framework --json` report. */
export interface FrameworksJson {
  readonly parties?: readonly string[];
  readonly frameworks: readonly FrameworkEntryJson[];
  readonly dealPossible: boolean;
  readonly conflicts: { readonly sets: readonly (readonly ConstraintJson[])[]; readonly truncated: boolean } | null;
  readonly deal?: { readonly method: string; readonly rationalCount: number | null };
}

/** GET /api/scenarios/:id/timeline: statements and events in date order (core's TimelineEntry). */
export type TimelineEntryJson = ({ readonly type: "statement" } & Statement) | ({ readonly type: "event" } & NegotiationEvent);

export interface TimelineJson {
  readonly scenario?: { readonly id: string; readonly name: string };
  readonly entries: readonly TimelineEntryJson[];
}

export interface AgentParameterInfo {
  readonly name: string;
  readonly type: "number" | "boolean" | "enum";
  readonly description: string;
  /** null stands for infinity. */
  readonly default: number | boolean | string | null;
  readonly values?: readonly string[];
  readonly summary?: string;
}

/** GET /api/agents */
export interface AgentInfo {
  readonly name: string;
  readonly description: string;
  readonly source?: string;
  readonly rational?: boolean;
  readonly parameters?: readonly AgentParameterInfo[];
}

/** GET /api/protocols */
export interface ProtocolInfo {
  readonly name: string;
  readonly description: string;
  readonly minSeats?: number;
  /** null: no upper limit. */
  readonly maxSeats?: number | null;
  readonly mediated?: boolean;
  /** Request fields that apply: exclude, mediator, framework. */
  readonly options?: readonly string[];
}

export type ProtocolName = "sao" | "stacked" | "single-text" | "shuttle";

/** POST /api/simulations */
export interface SimulationRequest {
  readonly scenarioId: string;
  readonly version?: number;
  readonly protocol: ProtocolName;
  /** One agent spec per seat, in seat order (e.g. "boulware", "conceder(e=3)"). */
  readonly agents: readonly string[];
  /** Party ids of the seats, in order (default: every party with preferences whose role is "party"). */
  readonly seats?: readonly string[];
  readonly rounds: number;
  readonly seed: number;
  /** Shuttle: seats asked only to ratify. */
  readonly exclude?: readonly string[];
  /** Single text: how the mediator picks changes. */
  readonly mediator?: "random-flip" | "hill-climb";
  /** Single text and shuttle: open from this framework. */
  readonly framework?: string;
}

export interface JobCreated {
  readonly id: string;
  readonly status?: JobStatus;
}

export interface TraceEventJson {
  readonly seq: number;
  readonly round: number;
  readonly time: number;
  readonly type: string;
  readonly sender: number;
  readonly senderId: string;
  readonly outcome?: Readonly<Record<string, Value>>;
  readonly utilities?: readonly number[];
  readonly code?: string;
  readonly message?: string;
}

export interface RunResultJson {
  readonly scenario?: { readonly id: string; readonly name: string; readonly version: number };
  readonly protocol?: string;
  readonly agreement: Readonly<Record<string, Value>> | null;
  readonly utilities: readonly number[];
  readonly rounds?: number;
  readonly status: string;
  readonly seats: readonly string[];
  readonly agents?: readonly string[];
  readonly paretoDistance?: number | null;
  readonly nashDistance?: number | null;
  readonly welfare?: number;
  readonly trace: readonly TraceEventJson[];
}

export type JobStatus = "queued" | "running" | "done" | "failed" | "error" | "cancelled";

export type JobError = string | { readonly code?: string; readonly message: string } | null;

/** GET /api/simulations/:id */
export interface SimulationJson {
  readonly id?: string;
  readonly scenarioId?: string;
  readonly version?: number;
  readonly status: JobStatus;
  readonly result: RunResultJson | null;
  /** Older servers: the distances beside the result (now inside it). */
  readonly metrics?: { readonly paretoDistance: number | null; readonly nashDistance: number | null } | null;
  readonly error?: JobError;
}

/** POST /api/tournaments */
export interface TournamentRequest {
  readonly competitors: readonly string[];
  readonly scenarios: readonly { readonly id: string; readonly version?: number; readonly seats?: readonly string[] }[];
  readonly protocol: "sao" | "stacked";
  readonly rounds: number;
  readonly repetitions: number;
  readonly seed: number;
  readonly rotate?: boolean;
  readonly selfPlay?: boolean;
}

/** One finished run of a tournament (no trace: replay it as a simulation with the same seed). */
export interface TournamentRunJson {
  readonly index: number;
  /** The scenario's id and version. */
  readonly scenario: string;
  readonly version?: number;
  readonly seats: readonly string[];
  readonly competitors: readonly string[];
  readonly repetition?: number;
  readonly seed: number;
  readonly status: string;
  readonly agreement: Readonly<Record<string, Value>> | null;
  readonly utilities: readonly number[];
  readonly rounds?: number;
  readonly paretoDistance?: number | null;
  readonly nashDistance?: number | null;
  readonly welfare?: number;
  readonly errorSeat?: number;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface LeaderboardRowJson {
  readonly competitor: string;
  readonly rank?: number;
  readonly meanUtility: number;
  readonly agreementRate: number;
  readonly appearances?: number;
  readonly meanParetoDistance?: number | null;
  readonly meanNashDistance?: number | null;
  readonly fairness?: number;
  readonly errors?: number;
}

export interface TournamentResultsJson {
  readonly plan?: string;
  /** scoreTournament's leaderboard and overall figures. */
  readonly scores?: { readonly competitors: readonly LeaderboardRowJson[]; readonly overall?: Readonly<Record<string, number | null>> };
  /** Older servers: the leaderboard at the top level. */
  readonly leaderboard?: readonly LeaderboardRowJson[];
  readonly runs: readonly TournamentRunJson[];
}

/** GET /api/tournaments/:id */
export interface TournamentJson {
  readonly id?: string;
  readonly status: JobStatus;
  /** The request with every default filled in. */
  readonly config?: TournamentRequest & { readonly scenarios: readonly { readonly id: string; readonly version: number; readonly seats: readonly string[] }[] };
  readonly createdAt?: string;
  readonly progress: { readonly done: number; readonly total: number };
  readonly results: TournamentResultsJson | null;
  readonly error?: JobError;
}

/** A server-sent event of a simulation or tournament job. */
export interface JobEvent {
  readonly type: string;
  readonly data: unknown;
}
