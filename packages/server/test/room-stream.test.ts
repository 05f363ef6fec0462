// The room stream over a real listening port with the `ws` client: hello, replay then live with no
// gap and no duplicate, reconnecting with after=N, actions with ack/error, heartbeats, and a client
// that stops reading (closed with 4008 past the bound while the others go on; the bound itself:
// stream-connection.test.ts, with a socket whose unsent bytes the test controls).
import type { Socket } from "node:net";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { describeStores, json, testApp } from "./helpers.js";
import { createRoom, downstreamPrefs, join, upstreamPrefs, uploadWater, type Body, type CreatedRoom, type RoomClient } from "./room-helpers.js";

type Message = { type: string; seq?: number; event?: Body & { seq: number }; id?: string; code?: string; t?: number; view?: Body };

/** A stream connection that records every message. */
class Stream {
  readonly messages: Message[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];
  constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      this.messages.push(JSON.parse(String(data)) as Message);
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: String(reason) })));
  }
  seqs(): number[] {
    return this.messages.filter((m) => m.type === "event").map((m) => m.event!.seq);
  }
  async until(check: (messages: Message[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const t0 = Date.now();
    while (!check(this.messages)) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`stream: condition not met after ${timeoutMs} ms (${this.messages.length} messages)`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }
  close(): void {
    this.ws.close();
  }
}

describeStores("the room stream (WebSocket)", (fresh) => {
  let app: FastifyInstance;
  let base: string;
  let scenario: string;
  /** An app with a 100 ms heartbeat. */
  let fastApp: FastifyInstance;
  let fastBase: string;
  beforeAll(async () => {
    app = await testApp(await fresh(), { builtins: false, limits: { heartbeatMs: 60_000, streamBufferBytes: 64 * 1024 } });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    scenario = await uploadWater(app);
    fastApp = await testApp(await fresh(), { builtins: false, limits: { heartbeatMs: 100 } });
    await fastApp.listen({ port: 0, host: "127.0.0.1" });
    fastBase = `ws://127.0.0.1:${(fastApp.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await fastApp?.close();
  });

  const connect = (id: string, options: { token?: string; after?: number; headers?: Record<string, string>; autoPong?: boolean; base?: string } = {}): Promise<Stream> =>
    new Promise((resolve, reject) => {
      const query = new URLSearchParams();
      if (options.after !== undefined) query.set("after", String(options.after));
      const ws = new WebSocket(`${options.base ?? base}/api/rooms/${id}/stream${query.size > 0 ? `?${query}` : ""}`, {
        headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
      });
      const stream = new Stream(ws);
      if (options.autoPong !== false)
        ws.on("message", (data) => {
          const m = JSON.parse(String(data)) as Message;
          if (m.type === "ping") ws.send(JSON.stringify({ type: "pong", t: m.t }));
        });
      ws.once("open", () => resolve(stream));
      ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once("error", reject);
    });

  /** A sao room with both seats joined and their preferences in: running. */
  async function runningRoom(): Promise<{ room: CreatedRoom; up: RoomClient; down: RoomClient }> {
    const room = await createRoom(app, { scenario, protocol: "sao", seats: { upstream: "human", downstream: "human" }, deadline: { rounds: 500 } });
    const up = await join(app, room.id, room.invites["upstream"]!);
    const down = await join(app, room.id, room.invites["downstream"]!);
    await up.request("PUT", "/preferences", upstreamPrefs);
    await down.request("PUT", "/preferences", downstreamPrefs);
    await up.waitFor((v) => v["status"] === "running", "running");
    return { room, up, down };
  }

  /** Alternate offers (upstream, downstream, …) that each reject the one before: `n` events. */
  async function offers(up: RoomClient, down: RoomClient, n: number, start = 0): Promise<void> {
    for (let i = start; i < start + n; i++) {
      const who = i % 2 === 0 ? up : down;
      const r = await who.act({ type: "offer", package: { share: "equal", flow: 10 + (i % 30) } });
      expect(r.statusCode, r.body).toBe(200);
    }
  }

  it("refuses before the upgrade: unknown room 404, no token or a bad one 401", async () => {
    const { room } = await runningRoom();
    await expect(connect("room-nope", { token: room.convener.token! })).rejects.toThrow("HTTP 404");
    await expect(connect(room.id)).rejects.toThrow("HTTP 401");
    await expect(connect(room.id, { token: "nope" })).rejects.toThrow("HTTP 401");
    await expect(connect(room.id, { token: room.invites["upstream"]! })).rejects.toThrow("HTTP 401");
  });

  it("hello, then every event, then live ones; a token as ?token= or the cookie works too", async () => {
    const { room, up, down } = await runningRoom();
    const latest = (await room.convener.events()).latest;
    const s = await connect(room.id, { token: up.token! });
    await s.until((m) => m.filter((x) => x.type === "event").length >= latest);
    expect(s.messages[0]).toMatchObject({ type: "hello", seq: latest, role: "seat" });
    expect(s.messages[0]!.view).toMatchObject({ status: "running" });
    expect(s.seqs()).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
    await offers(up, down, 3);
    const now = (await room.convener.events()).latest;
    expect(now).toBeGreaterThan(latest + 2);
    await s.until(() => s.seqs().at(-1) === now);
    expect(s.seqs()).toEqual(Array.from({ length: now }, (_, i) => i + 1));
    s.close();

    const byQuery = await new Promise<Stream>((resolve, reject) => {
      const ws = new WebSocket(`${base}/api/rooms/${room.id}/stream?after=${latest}&token=${down.token}`);
      const stream = new Stream(ws);
      ws.once("open", () => resolve(stream));
      ws.once("error", reject);
    });
    await byQuery.until(() => byQuery.seqs().at(-1) === now);
    expect(byQuery.seqs()).toEqual(Array.from({ length: now - latest }, (_, i) => latest + 1 + i));
    byQuery.close();
    const byCookie = await connect(room.id, { headers: { cookie: `parley_room=${room.convener.token}` }, after: now - 1 });
    await byCookie.until((m) => m.some((x) => x.type === "event"));
    expect(byCookie.messages[0]).toMatchObject({ type: "hello", role: "convener" });
    expect(byCookie.seqs()).toEqual([now]);
    byCookie.close();
  });

  it("reconnecting with after=N gives exactly the events missed, also while the room moves during the switch-over", async () => {
    const { room, up, down } = await runningRoom();
    const s1 = await connect(room.id, { token: room.convener.token! });
    await offers(up, down, 4);
    const at = (await room.convener.events()).latest;
    await s1.until(() => s1.seqs().at(-1) === at);
    s1.close();
    await s1.closed;
    const last = s1.seqs().at(-1)!;
    // Missed while away.
    await offers(up, down, 5, 4);
    // And more while reconnecting: the replay from the database and the live events meet without a gap or a duplicate.
    const moving = offers(up, down, 10, 9);
    const s2 = await connect(room.id, { token: room.convener.token!, after: last });
    await moving;
    const latest = (await room.convener.events()).latest;
    await s2.until(() => s2.seqs().at(-1) === latest);
    expect(s2.seqs()).toEqual(Array.from({ length: latest - last }, (_, i) => last + 1 + i));
    // The same events the REST route gives.
    const rest = (await room.convener.events(last)).events;
    expect(s2.messages.filter((m) => m.type === "event").map((m) => m.event)).toEqual(rest);
    s2.close();
  });

  it("actions over the stream are answered by ack (with the seq) or error (with the code), by id", async () => {
    const { up, room } = await runningRoom();
    const s = await connect(room.id, { token: up.token! });
    s.send({ type: "action", id: "a1", command: { type: "offer", package: { share: "equal", flow: 20 } } });
    s.send({ type: "action", id: "a2", command: { type: "offer", package: { share: "equal", flow: 20 } } });
    s.send({ type: "action", id: "a4", command: { type: "teleport" } });
    s.ws.send("not json at all");
    await s.until((m) => m.filter((x) => x.type === "ack" || x.type === "error").length >= 4);
    const answers = Object.fromEntries(s.messages.filter((m) => m.id !== undefined).map((m) => [m.id, m]));
    expect(answers["a1"]).toMatchObject({ type: "ack" });
    expect(answers["a1"]!.seq).toBeGreaterThan(0);
    expect(answers["a2"]).toMatchObject({ type: "error", code: "PARLEY_ROOM_NOT_YOUR_TURN" });
    expect(answers["a4"]).toMatchObject({ type: "error", code: "PARLEY_HTTP_VALIDATION" });
    expect(s.messages.some((m) => m.type === "error" && m.code === "PARLEY_HTTP_BAD_JSON")).toBe(true);
    s.close();
    const observerInvite = json<{ invite: string }>(await room.convener.request("POST", "/invites", { role: "observer" })).invite;
    const observer = await join(app, room.id, observerInvite);
    const o = await connect(room.id, { token: observer.token! });
    o.send({ type: "action", id: "o1", command: { type: "close" } });
    await o.until((m) => m.some((x) => x.id === "o1"));
    expect(o.messages.find((m) => m.id === "o1")).toMatchObject({ type: "error", code: "PARLEY_HTTP_ROLE_FORBIDDEN" });
    o.close();
  });

  it("a client that stops reading does not stall the room: past the bound it is closed with 4008, the others keep receiving, it resumes after its last seq", async () => {
    // Shuttle with a human mediator, whose 10,000-character messages to upstream fill upstream's
    // stream (its private body) while downstream gets their small public part.
    const room = await createRoom(app, { scenario, protocol: "shuttle", mediator: "human", seats: { upstream: "human", downstream: "human" }, deadline: { rounds: 500 } });
    const up = await join(app, room.id, room.invites["upstream"]!);
    const down = await join(app, room.id, room.invites["downstream"]!);
    const mediator = await join(app, room.id, room.invites["mediator"]!);
    await up.request("PUT", "/preferences", upstreamPrefs);
    await down.request("PUT", "/preferences", downstreamPrefs);
    await up.waitFor((v) => v["status"] === "running", "running");
    const before = new Set(app.websocketServer.clients);
    const slow = await connect(room.id, { token: up.token! });
    const others = [await connect(room.id, { token: down.token! }), await connect(room.id, { token: mediator.token! })];
    const start = (await room.convener.events()).latest;
    await slow.until(() => slow.seqs().at(-1) === start);
    // The server's side of the slow connection: the one socket of these three that it closes.
    const mine = [...app.websocketServer.clients].filter((c) => !before.has(c));
    expect(mine).toHaveLength(3);
    (slow.ws as unknown as { _socket: Socket })._socket.pause();

    const text = "x".repeat(10_000);
    let sent = 0;
    // Past the kernel's socket buffers (they fill first), the server's own buffer passes the 64 KB bound.
    while (!mine.some((c) => c.readyState === WebSocket.CLOSING || c.readyState === WebSocket.CLOSED)) {
      if (sent >= 2000) throw new Error(`the slow connection was not closed after ${sent} messages of 10,000 characters`);
      const batch = await Promise.all(Array.from({ length: 25 }, () => mediator.act({ type: "message", to: "upstream", text })));
      for (const r of batch) expect(r.statusCode, r.body).toBe(200);
      sent += batch.length;
      // The room goes on: the others receive every event as it comes.
      const seq = Math.max(...batch.map((r) => json<{ seq: number }>(r).seq));
      for (const o of others) await o.until(() => o.seqs().at(-1) === seq);
    }
    expect(mine.filter((c) => c.readyState !== WebSocket.OPEN)).toHaveLength(1);
    // Still going on after the close.
    const r = await mediator.act({ type: "message", to: "downstream", text: "still here" });
    const last = json<{ seq: number }>(r).seq;
    for (const o of others) {
      await o.until(() => o.seqs().at(-1) === last);
      expect(o.seqs()).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    }
    // Reading again, the slow client gets what was sent before the close, then 4008, never a gap…
    (slow.ws as unknown as { _socket: Socket })._socket.resume();
    expect(await slow.closed).toEqual({ code: 4008, reason: "slow consumer" });
    const got = slow.seqs();
    expect(got).toEqual(Array.from({ length: got.length }, (_, i) => i + 1));
    expect(got.length).toBeLessThan(last);
    // …and reconnecting after its last seq, exactly the rest.
    const again = await connect(room.id, { token: up.token!, after: got.at(-1)! });
    await again.until(() => again.seqs().at(-1) === last);
    expect(again.seqs()).toEqual(Array.from({ length: last - got.length }, (_, i) => got.length + i + 1));
    again.close();
    for (const o of others) o.close();
  });

  it("heartbeats: a client that answers pings stays; one that does not is closed", async () => {
    await uploadWater(fastApp);
    const room = await createRoom(fastApp, { scenario, protocol: "sao", seats: { upstream: "human", downstream: "human" } });
    const alive = await connect(room.id, { token: room.convener.token!, base: fastBase });
    const silent = await connect(room.id, { token: room.convener.token!, autoPong: false, base: fastBase });
    const closed = await silent.closed;
    expect(closed.code).not.toBe(1000);
    expect(silent.messages.some((m) => m.type === "ping")).toBe(true);
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
    expect(alive.messages.filter((m) => m.type === "ping").length).toBeGreaterThanOrEqual(2);
    alive.close();
  });

});

describe("AsyncAPI", () => {
  it("GET /docs/json documents every room and audit route (summary, tag, success and error answers); the stream is in the AsyncAPI document", async () => {
    const app = await testApp(":memory:", { builtins: false });
    try {
      type Operation = { summary?: string; tags?: string[]; responses: Record<string, unknown> };
      const doc = json<{ paths: Record<string, Record<string, Operation>> }>(await app.inject({ method: "GET", url: "/docs/json" }));
      const routes = [
        ["post", "/api/rooms"],
        ["post", "/api/rooms/{id}/join"],
        ["post", "/api/rooms/{id}/invites"],
        ["put", "/api/rooms/{id}/preferences"],
        ["post", "/api/rooms/{id}/actions"],
        ["get", "/api/rooms/{id}"],
        ["get", "/api/rooms/{id}/events"],
        ["get", "/api/rooms/{id}/suggestions"],
        ["get", "/api/rooms/{id}/export"],
        ["get", "/api/rooms/{id}/audit/head"],
        ["get", "/api/rooms/{id}/audit/inclusion"],
        ["get", "/api/rooms/{id}/audit/consistency"],
        ["get", "/api/rooms/{id}/openings"],
        ["get", "/api/audit/key"],
      ] as const;
      for (const [method, path] of routes) {
        const op = doc.paths[path]?.[method];
        expect(op, `${method} ${path}`).toBeDefined();
        expect(op!.summary, `${method} ${path}`).toBeTruthy();
        expect(op!.tags?.some((t) => t === "rooms" || t === "audit"), `${method} ${path}`).toBe(true);
        const codes = Object.keys(op!.responses);
        expect(codes.some((c) => c.startsWith("2")), `${method} ${path}: ${codes.join(", ")}`).toBe(true);
        if (path !== "/api/audit/key") expect(codes.some((c) => c.startsWith("4")), `${method} ${path}: ${codes.join(", ")}`).toBe(true);
      }
      // No room route the document has is missing from this list, and the WebSocket is not among them.
      const documented = Object.keys(doc.paths).filter((p) => p.startsWith("/api/rooms") || p.startsWith("/api/audit"));
      expect(documented.sort()).toEqual([...new Set(routes.map((r) => r[1]))].sort());
    } finally {
      await app.close();
    }
  });

  it("GET /docs/asyncapi.json documents every stream message from the zod schemas", async () => {
    const app = await testApp(":memory:", { builtins: false });
    try {
      const r = await app.inject({ method: "GET", url: "/docs/asyncapi.json" });
      expect(r.statusCode).toBe(200);
      type Schema = { $ref?: string; $defs?: Record<string, { properties?: Record<string, unknown> }> };
      const doc = json<{ asyncapi: string; channels: { roomStream: { address: string; messages: Record<string, { payload: Schema }> } }; operations: Record<string, unknown> }>(r);
      expect(doc.asyncapi).toBe("3.0.0");
      expect(doc.channels.roomStream.address).toBe("/api/rooms/{id}/stream");
      expect(Object.keys(doc.channels.roomStream.messages).sort()).toEqual(["client.action", "client.pong", "server.ack", "server.error", "server.event", "server.hello", "server.ping"]);
      const hello = doc.channels.roomStream.messages["server.hello"]!.payload;
      expect(hello.$ref).toBe("#/$defs/HelloMessage");
      expect(hello.$defs!["HelloMessage"]!.properties).toHaveProperty("view");
      expect(doc.channels.roomStream.messages["client.action"]!.payload.$defs).toHaveProperty("RoomAction");
      expect(Object.keys(doc.operations).sort()).toEqual(["receive", "send"]);
    } finally {
      await app.close();
    }
  });
});
