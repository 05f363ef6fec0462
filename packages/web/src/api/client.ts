// The only module that talks to the network: typed calls to the Parley HTTP API (fetch) and its
// server-sent event streams (EventSource), and a live room's WebSocket stream (@parley/client's
// reconnecting stream over the browser's WebSocket). Pages and state never call fetch themselves.
import { openStream, RoomApiError, type RoomStream, type StreamOptions, type WebSocketConstructor } from "@parley/client";
import type {
  AgentInfo,
  AnalysisJson,
  ApiErrorBody,
  ApiIssue,
  Created,
  FrameworksJson,
  JobCreated,
  JobEvent,
  OutcomesJson,
  ProtocolInfo,
  RoomActed,
  RoomCreateRequest,
  RoomCreated,
  RoomAction,
  RoomGet,
  RoomInvite,
  RoomInviteRequest,
  RoomJoined,
  RoomSuggestionsJson,
  ScenarioDetail,
  SignedTreeHeadJson,
  InclusionJson,
  ConsistencyJson,
  ScenarioSummary,
  ScenarioUpload,
  SimulationJson,
  SimulationRequest,
  TimelineEntryJson,
  TimelineJson,
  TournamentJson,
  TournamentRequest,
} from "./types.js";
import type { Opening } from "../lib/seat-commitment.js";

/** A failed request: the HTTP status and the server's error body (with file problems for uploads). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly issues: readonly ApiIssue[];

  constructor(status: number, body: Partial<ApiErrorBody> | null, fallback: string) {
    super(body?.message ?? fallback);
    this.name = "ApiError";
    this.status = status;
    this.code = body?.code;
    this.issues = body?.issues ?? [];
  }
}

export interface ApiClient {
  listScenarios(): Promise<ScenarioSummary[]>;
  getScenario(id: string): Promise<ScenarioDetail>;
  /** GET /api/scenarios/:id/versions/:version: the version a room was created from. */
  scenarioVersion(id: string, version: number): Promise<ScenarioDetail>;
  createScenario(upload: ScenarioUpload): Promise<Created>;
  deleteScenario(id: string): Promise<void>;
  analysis(id: string, framework?: string): Promise<AnalysisJson>;
  outcomes(id: string, parties: readonly string[], limit?: number): Promise<OutcomesJson>;
  frameworks(id: string): Promise<FrameworksJson>;
  timeline(id: string): Promise<TimelineEntryJson[]>;
  agents(): Promise<AgentInfo[]>;
  protocols(): Promise<ProtocolInfo[]>;
  startSimulation(request: SimulationRequest): Promise<JobCreated>;
  simulation(id: string): Promise<SimulationJson>;
  startTournament(request: TournamentRequest): Promise<JobCreated>;
  tournament(id: string): Promise<TournamentJson>;
  /** POST /api/rooms: creates a live room; the answer holds the convener's token and an invite per human seat. */
  createRoom(request: RoomCreateRequest): Promise<RoomCreated>;
  /** POST /api/rooms/:id/invites with a bearer token (the convener's token of a room just created, before any cookie). */
  roomInviteAs(id: string, token: string, request: RoomInviteRequest): Promise<RoomInvite>;
  /** GET /api/rooms/:id/openings: a seat's own private submissions with their salts. */
  roomOpenings(id: string): Promise<Opening[]>;
  /** POST /api/rooms/:id/join: exchanges a one-time invite for the room's session cookie (httpOnly). */
  joinRoom(id: string, invite: string): Promise<RoomJoined>;
  /** GET /api/rooms/:id: the room as the holder of the room's cookie may see it. */
  room(id: string): Promise<RoomGet>;
  /** PUT /api/rooms/:id/preferences: a seat's own preferences (the native party-preferences object). */
  submitRoomPreferences(id: string, preferences: Readonly<Record<string, unknown>>): Promise<RoomActed>;
  /** POST /api/rooms/:id/actions: a command (the party comes from the session). */
  roomAction(id: string, command: RoomAction): Promise<RoomActed>;
  /** GET /api/rooms/:id/export as text (the audit log export, verified in the browser by @parley/audit). */
  roomExportText(id: string): Promise<string>;
  /** GET /api/audit/key: the server's Ed25519 public key (hex). */
  auditKey(): Promise<{ algorithm: string; publicKey: string }>;
  /** GET /api/rooms/:id/suggestions: the engine's packages (the human mediator only). */
  roomSuggestions(id: string): Promise<RoomSuggestionsJson>;
  /** POST /api/rooms/:id/invites: a one-time invite (the convener only). */
  roomInvite(id: string, request: RoomInviteRequest): Promise<RoomInvite>;
  /** GET /api/rooms/:id/audit/head: the latest signed tree head. */
  roomAuditHead(id: string): Promise<SignedTreeHeadJson>;
  /** GET /api/rooms/:id/audit/inclusion: the inclusion proof of entry `index` in the tree of `size` entries. */
  roomInclusion(id: string, index: number, size: number): Promise<InclusionJson>;
  /** GET /api/rooms/:id/audit/consistency: the proof that the tree of `to` entries extends the tree of `from`. */
  roomConsistency(id: string, from: number, to: number): Promise<ConsistencyJson>;
  /** The room's events after `after`, live, reconnecting with the last seq (no gap, no duplicate). */
  roomStream(id: string, options: Pick<StreamOptions, "after" | "onHello" | "onReconnect">): RoomStream;
  /** Follow a job's server-sent events; returns a function that closes the stream. */
  follow(kind: "simulations" | "tournaments", id: string, onEvent: (event: JobEvent) => void, onError?: () => void): () => void;
}

const enc = encodeURIComponent;

/** A client for the API at `base` (default: the page's own origin). */
export function createApiClient(base = "", fetchImpl: typeof fetch = (...args) => fetch(...args)): ApiClient {
  async function request<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}/api${path}`, {
        method,
        headers: {
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiError(0, null, `cannot reach the Parley server (${error instanceof Error ? error.message : String(error)})`);
    }
    const text = await response.text();
    let json: unknown = null;
    if (text !== "") {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    if (!response.ok) throw new ApiError(response.status, json as Partial<ApiErrorBody> | null, `${method} ${path}: HTTP ${response.status}`);
    return json as T;
  }

  const query = (params: Record<string, string | number | undefined>): string => {
    const parts = Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => `${enc(k)}=${enc(String(v))}`);
    return parts.length ? `?${parts.join("&")}` : "";
  };

  return {
    listScenarios: () => request("GET", "/scenarios"),
    getScenario: (id) => request("GET", `/scenarios/${enc(id)}`),
    scenarioVersion: (id, version) => request("GET", `/scenarios/${enc(id)}/versions/${version}`),
    createScenario: (upload) => request("POST", "/scenarios", upload),
    deleteScenario: async (id) => {
      await request<unknown>("DELETE", `/scenarios/${enc(id)}`);
    },
    analysis: (id, framework) => request("GET", `/scenarios/${enc(id)}/analysis${query({ framework })}`),
    outcomes: (id, parties, limit) => request("GET", `/scenarios/${enc(id)}/outcomes${query({ parties: parties.join(","), limit })}`),
    frameworks: (id) => request("GET", `/scenarios/${enc(id)}/frameworks`),
    timeline: async (id) => {
      const body = await request<TimelineEntryJson[] | TimelineJson>("GET", `/scenarios/${enc(id)}/timeline`);
      return Array.isArray(body) ? body : [...body.entries];
    },
    agents: async () => {
      const body = await request<AgentInfo[] | { agents: AgentInfo[] }>("GET", "/agents");
      return Array.isArray(body) ? body : body.agents;
    },
    protocols: async () => {
      const body = await request<ProtocolInfo[] | { protocols: ProtocolInfo[] }>("GET", "/protocols");
      return Array.isArray(body) ? body : body.protocols;
    },
    startSimulation: (req) => request("POST", "/simulations", req),
    simulation: (id) => request("GET", `/simulations/${enc(id)}`),
    startTournament: (req) => request("POST", "/tournaments", req),
    tournament: (id) => request("GET", `/tournaments/${enc(id)}`),
    createRoom: (req) => request("POST", "/rooms", req),
    roomInviteAs: (id, token, body) => request("POST", `/rooms/${enc(id)}/invites`, body, token),
    roomOpenings: (id) => request("GET", `/rooms/${enc(id)}/openings`),
    joinRoom: (id, invite) => request("POST", `/rooms/${enc(id)}/join`, { invite }),
    room: (id) => request("GET", `/rooms/${enc(id)}`),
    submitRoomPreferences: (id, preferences) => request("PUT", `/rooms/${enc(id)}/preferences`, preferences),
    roomAction: (id, command) => request("POST", `/rooms/${enc(id)}/actions`, command),
    roomExportText: async (id) => JSON.stringify(await request<unknown>("GET", `/rooms/${enc(id)}/export`)),
    auditKey: () => request("GET", "/audit/key"),
    roomSuggestions: (id) => request("GET", `/rooms/${enc(id)}/suggestions`),
    roomInvite: (id, body) => request("POST", `/rooms/${enc(id)}/invites`, body),
    roomAuditHead: (id) => request("GET", `/rooms/${enc(id)}/audit/head`),
    roomInclusion: (id, index, size) => request("GET", `/rooms/${enc(id)}/audit/inclusion${query({ index, size })}`),
    roomConsistency: (id, from, to) => request("GET", `/rooms/${enc(id)}/audit/consistency${query({ from, to })}`),
    roomStream(id, options) {
      // The session travels in the room's cookie (sent with the upgrade): no token in the URL.
      const origin = base !== "" ? base : globalThis.location.origin;
      const ws = origin.replace(/^http/, "ws");
      return openStream({
        url: (after) => `${ws}/api/rooms/${enc(id)}/stream?after=${after}`,
        WebSocket: globalThis.WebSocket as unknown as WebSocketConstructor,
        // A connection that never said hello: a 4xx on the room ends the stream with that error.
        check: async () => {
          try {
            await request("GET", `/rooms/${enc(id)}`);
          } catch (e) {
            if (e instanceof ApiError) throw new RoomApiError(e.status, e.code ?? `HTTP_${e.status}`, e.message);
            throw e;
          }
        },
        ...options,
      });
    },
    follow(kind, id, onEvent, onError) {
      if (typeof EventSource === "undefined") {
        onError?.();
        return () => {};
      }
      const source = new EventSource(`${base}/api/${kind}/${enc(id)}/events`);
      const forward = (type: string) => (message: MessageEvent) => {
        let data: unknown = message.data;
        try {
          data = JSON.parse(String(message.data));
        } catch {
          // a plain-text event
        }
        onEvent({ type, data });
      };
      source.onmessage = forward("message");
      for (const type of ["progress", "run", "trace", "status", "done", "result", "error-event"]) source.addEventListener(type, forward(type) as EventListener);
      source.onerror = () => {
        // EventSource reconnects by itself; the caller decides (e.g. falls back to polling).
        onError?.();
      };
      return () => source.close();
    },
  };
}

/** The client the app uses: same origin as the page. */
export const api: ApiClient = createApiClient();
