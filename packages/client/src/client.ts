// RoomClient: one room's REST calls and its event stream, for one holder of a token (the convener
// after create, a seat, the mediator or an observer after join). Universal: fetch and the WebSocket
// constructor are passed in (browsers: the globals; Node 20: `ws`).
import { RoomApiError } from "./errors.js";
import { openStream, type RoomStream, type StreamOptions, type WebSocketConstructor } from "./stream.js";
import type {
  ApiErrorBody,
  RoomAction,
  RoomActed,
  RoomCreateRequest,
  RoomCreated,
  RoomEventsPage,
  RoomGet,
  RoomInviteRequest,
  RoomInvited,
  RoomJoined,
  RoomRole,
  RoomSuggestions,
  ScenarioVersion,
} from "./types.js";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RoomClientOptions {
  /** The server's base address, e.g. http://127.0.0.1:8787. */
  readonly server: string;
  /** Default: the global fetch. */
  readonly fetch?: FetchLike;
  /** Needed for stream(): the global WebSocket in browsers, `ws` in Node 20. */
  readonly WebSocket?: WebSocketConstructor;
  /** A room and a session token already held (else call create or join). */
  readonly room?: string;
  readonly token?: string;
}

export class RoomClient {
  readonly server: string;
  private readonly fetchFn: FetchLike;
  private readonly WebSocketCtor: WebSocketConstructor | undefined;
  private roomId: string | null;
  private sessionToken: string | null;
  /** The role and party of the token, once known (join, or the first view). */
  role: RoomRole | null = null;
  party: string | null = null;

  constructor(options: RoomClientOptions) {
    this.server = options.server.replace(/\/+$/, "");
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.WebSocketCtor = options.WebSocket;
    this.roomId = options.room ?? null;
    this.sessionToken = options.token ?? null;
  }

  get room(): string {
    if (!this.roomId) throw new RoomApiError(0, "PARLEY_CLIENT_NO_ROOM", "no room yet: create one or join one first");
    return this.roomId;
  }
  get token(): string | null {
    return this.sessionToken;
  }

  /** POST /api/rooms: creates the room; this client then holds the convener's token. */
  async create(request: RoomCreateRequest): Promise<RoomCreated> {
    const created = await this.request<RoomCreated>("POST", "/api/rooms", request, false);
    this.roomId = created.id;
    this.sessionToken = created.conveneToken;
    this.role = "convener";
    this.party = null;
    return created;
  }

  /** POST /api/rooms/{id}/join: exchanges a one-time invite for a session token, held from then on. */
  async join(room: string, invite: string): Promise<RoomJoined> {
    this.roomId = room;
    const joined = await this.request<RoomJoined>("POST", `/api/rooms/${encodeURIComponent(room)}/join`, { invite }, false);
    this.sessionToken = joined.token;
    this.role = joined.role;
    this.party = joined.party ?? null;
    return joined;
  }

  /** PUT /api/rooms/{id}/preferences: a seat's own preferences (the native format's party-preferences object). */
  async submitPreferences(preferences: Readonly<Record<string, unknown>>): Promise<RoomActed> {
    return this.request<RoomActed>("PUT", this.path("/preferences"), preferences);
  }

  /** POST /api/rooms/{id}/actions: a command as this token's holder (the party comes from the token). */
  async act(command: RoomAction): Promise<RoomActed> {
    return this.request<RoomActed>("POST", this.path("/actions"), command);
  }

  /** GET /api/rooms/{id}: the room as this token's holder may see it. */
  async view(): Promise<RoomGet> {
    const got = await this.request<RoomGet>("GET", this.path(""));
    this.role = got.role;
    this.party = got.party ?? null;
    return got;
  }

  /** GET /api/rooms/{id}/events?after=N&limit=L: one page of visible events. */
  async events(after = 0, limit?: number): Promise<RoomEventsPage> {
    const q = `?after=${after}${limit === undefined ? "" : `&limit=${limit}`}`;
    return this.request<RoomEventsPage>("GET", this.path(`/events${q}`));
  }

  /** Every visible event after `after`, page by page. */
  async allEvents(after = 0): Promise<RoomEventsPage["events"]> {
    const out: RoomEventsPage["events"] = [];
    for (;;) {
      const page = await this.events(after, 1000);
      out.push(...page.events);
      if (page.events.length === 0 || page.next >= page.latest) return out;
      after = page.next;
    }
  }

  /** POST /api/rooms/{id}/invites: a new observer invite (the convener). */
  async inviteObserver(): Promise<string> {
    return (await this.invite({ role: "observer" })).invite;
  }

  /** POST /api/rooms/{id}/invites (the convener): a one-time invite for an observer, its own browser, the human mediator or a seat not yet joined. */
  async invite(request: RoomInviteRequest): Promise<RoomInvited> {
    return this.request<RoomInvited>("POST", this.path("/invites"), request);
  }

  /** GET /api/rooms/{id}/suggestions (the human mediator): the engine's packages (docs/rooms.md, "Engine suggestions"). */
  async suggestions(): Promise<RoomSuggestions> {
    return this.request<RoomSuggestions>("GET", this.path("/suggestions"));
  }

  /** GET /api/rooms/{id}/export: the room's public audit log (check it with `parley audit verify`). */
  async exportLog(): Promise<unknown> {
    return this.request<unknown>("GET", this.path("/export"));
  }

  /** GET /api/scenarios/{id}/versions/{version}: the scenario a room was created from. */
  async scenario(id: string, version: number): Promise<ScenarioVersion> {
    return this.request<ScenarioVersion>("GET", `/api/scenarios/${encodeURIComponent(id)}/versions/${version}`, undefined, false);
  }

  /**
   * The room's events as they come, from seq `after + 1` on: reconnects with its last seq after any
   * drop (no gap, no duplicate), answers heartbeats, backs off while the server is away.
   */
  stream(options: StreamOptions = {}): RoomStream {
    if (!this.WebSocketCtor) throw new RoomApiError(0, "PARLEY_CLIENT_NO_WEBSOCKET", "stream() needs a WebSocket constructor (RoomClientOptions.WebSocket; in Node 20 the ws package)");
    const token = this.sessionToken;
    if (!token) throw new RoomApiError(401, "PARLEY_CLIENT_NO_TOKEN", "no session token: create or join the room first");
    const base = this.server.replace(/^http/, "ws");
    return openStream({
      url: (after) => `${base}${this.path("/stream")}?after=${after}&token=${encodeURIComponent(token)}`,
      WebSocket: this.WebSocketCtor,
      // After a connection that never said hello: is the room or the token the problem? (a 4xx ends the stream)
      check: async () => {
        await this.view();
      },
      ...options,
    });
  }

  private path(rest: string): string {
    return `/api/rooms/${encodeURIComponent(this.room)}${rest}`;
  }

  private async request<T>(method: string, path: string, body?: unknown, auth = true): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (auth) {
      if (!this.sessionToken) throw new RoomApiError(401, "PARLEY_CLIENT_NO_TOKEN", "no session token: create or join the room first");
      headers.authorization = `Bearer ${this.sessionToken}`;
    }
    let res: Response;
    try {
      res = await this.fetchFn(`${this.server}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      throw new RoomApiError(0, "PARLEY_CLIENT_UNREACHABLE", `cannot reach the server at ${this.server}${cause ? ` (${cause})` : ""}`);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) {
      const err = (json ?? {}) as Partial<ApiErrorBody>;
      throw new RoomApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? `${method} ${path}: HTTP ${res.status}`);
    }
    if (json === null && text.length > 0) throw new RoomApiError(res.status, "PARLEY_CLIENT_BAD_REPLY", `${method} ${path}: the reply is not JSON`);
    return json as T;
  }
}
