// The room's event stream over a WebSocket that reconnects with its last seq. The server replays
// the events after `after` and then goes live; the client still checks every seq, so whatever the
// network does, the consumer sees seq last+1, last+2, … with no gap and no duplicate: an event at
// or below the last one is dropped, a jump forward drops the connection and resumes after the last
// event seen. Pings are answered; a connection silent for idleMs is presumed dead; reconnection
// backs off exponentially (with jitter) and resets once a connection says hello.
import type { RoomEvent } from "@parley/core";
import { RoomApiError } from "./errors.js";
import type { ServerMessage } from "./types.js";

/** What the client needs of a WebSocket: the browser's, or `ws` 8's (which also has terminate). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate?(): void;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface StreamOptions {
  /** Start after this seq (default 0: every event). */
  readonly after?: number;
  /** A connection with no message for this long is presumed dead (default 45 s: the server pings every 15 s). */
  readonly idleMs?: number;
  /** Reconnection delays: initialMs doubling up to maxMs, each scaled by a random factor in [0.5, 1). */
  readonly backoff?: { readonly initialMs?: number; readonly maxMs?: number };
  /** Stop (with an error of status 0) when no connection has succeeded for this long (default: never). */
  readonly giveUpMs?: number;
  /** The jitter's random source (default Math.random). */
  readonly random?: () => number;
  /** Called on every hello: the room's latest seq and the view at connection time. */
  readonly onHello?: (hello: Extract<ServerMessage, { type: "hello" }>) => void;
  /** Called before each reconnection. */
  readonly onReconnect?: (info: { attempt: number; after: number; delayMs: number }) => void;
}

export interface RoomStream extends AsyncIterable<RoomEvent> {
  /** The seq of the last event delivered (or `after`). */
  readonly lastSeq: number;
  /** The room's latest seq as the last hello said. */
  readonly latest: number | null;
  /** Connections opened so far, and events received twice or out of order (dropped). */
  readonly stats: { readonly connections: number; readonly duplicates: number; readonly gaps: number };
  /** The next event, or null once the stream is closed. */
  next(): Promise<RoomEvent | null>;
  /** Closes the connection; next() then returns null. */
  close(): void;
}

interface Internal extends StreamOptions {
  readonly url: (after: number) => string;
  readonly WebSocket: WebSocketConstructor;
  /** After a connection that never said hello: throws a RoomApiError when the room or token is the problem. */
  readonly check?: () => Promise<void>;
}

export function openStream(opts: Internal): RoomStream {
  const idleMs = opts.idleMs ?? 45_000;
  const initialMs = opts.backoff?.initialMs ?? 100;
  const maxMs = opts.backoff?.maxMs ?? 5_000;
  const random = opts.random ?? Math.random;
  let lastSeq = opts.after ?? 0;
  let latest: number | null = null;
  const stats = { connections: 0, duplicates: 0, gaps: 0 };
  const queue: RoomEvent[] = [];
  const waiters: { resolve: (e: RoomEvent | null) => void; reject: (e: unknown) => void }[] = [];
  let closed = false;
  let failure: unknown = null;
  let ws: WebSocketLike | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let downSince: number | null = null;

  const settle = () => {
    while (waiters.length > 0 && queue.length > 0) waiters.shift()!.resolve(queue.shift()!);
    if (closed || failure)
      while (waiters.length > 0) {
        const w = waiters.shift()!;
        if (failure) w.reject(failure);
        else w.resolve(null);
      }
  };
  const stopTimers = () => {
    if (idle) clearTimeout(idle);
    if (retry) clearTimeout(retry);
    idle = retry = null;
  };
  const detach = (sock: WebSocketLike) => {
    sock.onopen = sock.onmessage = sock.onclose = sock.onerror = null;
    try {
      if (sock.terminate) sock.terminate();
      else sock.close();
    } catch {
      // already closed
    }
  };
  const fail = (e: unknown) => {
    failure = e;
    closed = true;
    stopTimers();
    if (ws) detach(ws);
    ws = null;
    settle();
  };
  const armIdle = (sock: WebSocketLike) => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => lost(sock, false), idleMs);
  };

  /** The connection is gone (closed, dead or out of step): reconnect after the last event seen. */
  const lost = (sock: WebSocketLike, helloSeen: boolean) => {
    if (ws !== sock) return;
    detach(sock);
    ws = null;
    if (idle) clearTimeout(idle);
    idle = null;
    if (closed) return;
    downSince ??= Date.now();
    void (async () => {
      if (!helloSeen && opts.check) {
        try {
          await opts.check();
        } catch (e) {
          // A 4xx (bad token, unknown room) will not heal by retrying; the server being away will.
          if (e instanceof RoomApiError && e.status >= 400 && e.status < 500 && e.status !== 429) return fail(e);
        }
      }
      if (closed) return;
      if (opts.giveUpMs !== undefined && Date.now() - downSince! > opts.giveUpMs)
        return fail(new RoomApiError(0, "PARLEY_CLIENT_UNREACHABLE", `the room's stream has been unreachable for ${Math.round((Date.now() - downSince!) / 1000)} s`));
      const delayMs = Math.round(Math.min(maxMs, initialMs * 2 ** attempt) * (0.5 + random() / 2));
      attempt++;
      opts.onReconnect?.({ attempt, after: lastSeq, delayMs });
      retry = setTimeout(connect, delayMs);
    })();
  };

  const connect = () => {
    retry = null;
    if (closed) return;
    let sock: WebSocketLike;
    try {
      sock = new opts.WebSocket(opts.url(lastSeq));
    } catch (e) {
      return fail(e);
    }
    ws = sock;
    stats.connections++;
    let helloSeen = false;
    armIdle(sock);
    sock.onmessage = (ev) => {
      if (ws !== sock) return;
      armIdle(sock);
      let msg: ServerMessage;
      try {
        msg = JSON.parse(typeof ev.data === "string" ? ev.data : String(ev.data)) as ServerMessage;
      } catch {
        return;
      }
      switch (msg.type) {
        case "hello":
          helloSeen = true;
          attempt = 0;
          downSince = null;
          latest = msg.seq;
          opts.onHello?.(msg);
          return;
        case "ping":
          try {
            sock.send(JSON.stringify({ type: "pong", t: msg.t }));
          } catch {
            // the close that follows reconnects
          }
          return;
        case "event": {
          const seq = msg.event.seq;
          if (seq <= lastSeq) {
            stats.duplicates++;
            return;
          }
          if (seq !== lastSeq + 1) {
            // Never deliver past a hole: resume after the last event seen.
            stats.gaps++;
            return lost(sock, true);
          }
          lastSeq = seq;
          if (latest === null || seq > latest) latest = seq;
          queue.push(msg.event);
          settle();
          return;
        }
        default:
          return;
      }
    };
    sock.onclose = () => lost(sock, helloSeen);
    sock.onerror = () => {
      // A close event follows (browsers and ws alike).
    };
  };

  connect();

  const stream: RoomStream = {
    get lastSeq() {
      return lastSeq;
    },
    get latest() {
      return latest;
    },
    stats,
    next() {
      if (queue.length > 0) return Promise.resolve(queue.shift()!);
      if (failure) return Promise.reject(failure);
      if (closed) return Promise.resolve(null);
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    close() {
      if (closed) return;
      closed = true;
      stopTimers();
      if (ws) {
        const sock = ws;
        ws = null;
        sock.onopen = sock.onmessage = sock.onclose = null;
        // Closing a socket still connecting makes it report an error (ws: "closed before the
        // connection was established"): with no handler, Node's ws would throw it uncaught.
        sock.onerror = () => {};
        try {
          sock.close(1000, "client closed");
        } catch {
          // already closed
        }
      }
      queue.length = 0;
      settle();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const e = await stream.next();
        if (e === null) return;
        yield e;
      }
    },
  };
  return stream;
}
