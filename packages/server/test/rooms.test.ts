// The room routes through app.inject(): create, join, invites, preferences, actions, the view and the
// events, with every 4xx (unknown room, bad token, replayed or expired invite, wrong role, bad
// preferences with field paths), on SQLite and (when available) PostgreSQL.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeStores, json, testApp } from "./helpers.js";
import { createRoom, downstreamPrefs, join, RoomClient, upstreamPrefs, uploadWater, type Body } from "./room-helpers.js";

type ErrorBody = { statusCode: number; code: string; message: string; issues?: { path: (string | number)[]; message: string }[] };

describeStores("rooms over REST", (fresh) => {
  let app: FastifyInstance;
  let scenario: string;
  let clock = Date.parse("2026-12-01T10:00:00.000Z");
  beforeAll(async () => {
    app = await testApp(await fresh(), { builtins: false, now: () => clock });
    scenario = await uploadWater(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const post = (url: string, payload: unknown, token?: string) =>
    app.inject({ method: "POST", url, payload: payload as object, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
  const error = (r: LightMyRequestResponse, status: number, code: string): ErrorBody => {
    expect(r.statusCode, r.body).toBe(status);
    const body = json<ErrorBody>(r);
    expect(body.code).toBe(code);
    return body;
  };
  const sao = () => ({ scenario, protocol: "sao", seats: { upstream: "human", downstream: "human" } });

  describe("POST /api/rooms", () => {
    it("creates a room: the convener's token and one invite per human seat", async () => {
      const room = await createRoom(app, sao());
      expect(room.id).toMatch(/^room-[\w-]+$/);
      expect(Object.keys(room.invites).sort()).toEqual(["downstream", "upstream"]);
      const view = await room.convener.view();
      expect(view).toMatchObject({ status: "open", protocol: "sao", mediator: "none" });
      const r = await room.convener.request("GET", "");
      expect(json(r)).toMatchObject({ id: room.id, role: "convener", seq: 1 });
    });

    it("a human mediator gets an invite; agent seats none", async () => {
      const room = await createRoom(app, { scenario, protocol: "single-text", mediator: "human", seats: { upstream: "human", downstream: "boulware" } });
      expect(Object.keys(room.invites).sort()).toEqual(["mediator", "upstream"]);
    });

    it("refuses what does not fit: unknown scenario 404, unknown party, mediator for sao, bad agent spec, bad fields", async () => {
      error(await post("/api/rooms", { ...sao(), scenario: "nope" }), 404, "PARLEY_HTTP_SCENARIO_NOT_FOUND");
      error(await post("/api/rooms", { ...sao(), seats: { upstream: "human", mars: "human" } }), 400, "PARLEY_HTTP_BAD_REQUEST");
      error(await post("/api/rooms", { ...sao(), mediator: "human" }), 400, "PARLEY_HTTP_BAD_REQUEST");
      const bad = error(await post("/api/rooms", { ...sao(), seats: { upstream: "human", downstream: "boulwar" } }), 400, "PARLEY_ROOM_BAD_SPEC");
      expect(bad.message).toMatch(/boulwar/);
      const fields = error(await post("/api/rooms", { ...sao(), protocol: "poker", deadline: { rounds: -1 } }), 400, "PARLEY_HTTP_VALIDATION");
      expect(fields.issues!.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["body.protocol", "body.deadline.rounds"]));
    });
  });

  describe("invites and sessions", () => {
    it("an invite is exchanged once for a session (Bearer token and an httpOnly cookie on the room's path)", async () => {
      const room = await createRoom(app, sao());
      const r = await post(`/api/rooms/${room.id}/join`, { invite: room.invites["upstream"] });
      expect(r.statusCode, r.body).toBe(200);
      const body = json<{ token: string; role: string; party: string }>(r);
      expect(body).toMatchObject({ role: "seat", party: "upstream" });
      const cookie = String(r.headers["set-cookie"]);
      expect(cookie).toContain(`parley_room=${body.token}`);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toContain(`Path=/api/rooms/${room.id}`);
      // The cookie alone authenticates (browsers).
      const viaCookie = await app.inject({ method: "GET", url: `/api/rooms/${room.id}`, headers: { cookie: `other=1; parley_room=${body.token}` } });
      expect(json(viaCookie)).toMatchObject({ role: "seat", party: "upstream" });
      // The seat joined: an event every role sees.
      const events = (await room.convener.events()).events;
      expect(events.map((e) => e["type"])).toEqual(["room-created", "seat-joined"]);
      // Replayed: 409. Unknown: 401. Another room's: 401.
      error(await post(`/api/rooms/${room.id}/join`, { invite: room.invites["upstream"] }), 409, "PARLEY_HTTP_INVITE_USED");
      error(await post(`/api/rooms/${room.id}/join`, { invite: "x".repeat(43) }), 401, "PARLEY_HTTP_BAD_TOKEN");
      const other = await createRoom(app, sao());
      error(await post(`/api/rooms/${other.id}/join`, { invite: room.invites["downstream"] }), 401, "PARLEY_HTTP_BAD_TOKEN");
      // An invite is not a session.
      error(await new RoomClient(app, room.id, room.invites["downstream"]).request("GET", ""), 401, "PARLEY_HTTP_BAD_TOKEN");
    });

    it("one invite used twice at once: one session, one 409", async () => {
      const room = await createRoom(app, sao());
      for (const invite of [room.invites["upstream"]!]) {
        const both = await Promise.all([0, 1, 2].map(() => post(`/api/rooms/${room.id}/join`, { invite })));
        expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
        for (const r of both.filter((x) => x.statusCode === 409)) expect(json<ErrorBody>(r).code).toBe("PARLEY_HTTP_INVITE_USED");
      }
      const observerInvite = json<{ invite: string }>(await room.convener.request("POST", "/invites", { role: "observer" })).invite;
      const observers = await Promise.all([0, 1].map(() => post(`/api/rooms/${room.id}/join`, { invite: observerInvite })));
      expect(observers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect((await room.convener.events()).events.filter((e) => e["type"] === "seat-joined")).toHaveLength(1);
    });

    it("an invite expires (410), by the server's clock", async () => {
      const room = await createRoom(app, sao());
      clock += 8 * 24 * 3_600_000;
      try {
        error(await post(`/api/rooms/${room.id}/join`, { invite: room.invites["upstream"] }), 410, "PARLEY_HTTP_INVITE_EXPIRED");
      } finally {
        clock -= 8 * 24 * 3_600_000;
      }
      await join(app, room.id, room.invites["upstream"]!);
    });

    it("unknown room 404 whatever the token; no token or a bad one 401", async () => {
      const room = await createRoom(app, sao());
      const token = room.convener.token!;
      error(await new RoomClient(app, "room-nope", token).request("GET", ""), 404, "PARLEY_HTTP_ROOM_NOT_FOUND");
      error(await post("/api/rooms/room-nope/join", { invite: room.invites["upstream"] }), 404, "PARLEY_HTTP_ROOM_NOT_FOUND");
      for (const path of ["", "/events", "/export", "/audit/head", "/openings"]) {
        error(await new RoomClient(app, room.id, undefined).request("GET", path), 401, "PARLEY_HTTP_BAD_TOKEN");
        error(await new RoomClient(app, room.id, "not-a-token").request("GET", path), 401, "PARLEY_HTTP_BAD_TOKEN");
      }
      const other = await createRoom(app, sao());
      error(await new RoomClient(app, other.id, token).request("GET", ""), 401, "PARLEY_HTTP_BAD_TOKEN");
      const malformed = await app.inject({ method: "GET", url: `/api/rooms/${room.id}`, headers: { authorization: "Basic abc" } });
      error(malformed, 401, "PARLEY_HTTP_BAD_TOKEN");
    });

    it("the convener invites observers; nobody else may (403); observers see but never act", async () => {
      const room = await createRoom(app, sao());
      const seat = await join(app, room.id, room.invites["upstream"]!);
      error(await seat.request("POST", "/invites", { role: "observer" }), 403, "PARLEY_HTTP_ROLE_FORBIDDEN");
      const r = await room.convener.request("POST", "/invites", { role: "observer" });
      expect(r.statusCode, r.body).toBe(201);
      const observer = await join(app, room.id, json<{ invite: string }>(r).invite);
      expect(json(await observer.request("GET", ""))).toMatchObject({ role: "observer" });
      error(await observer.act({ type: "close" }), 403, "PARLEY_HTTP_ROLE_FORBIDDEN");
      error(await observer.request("PUT", "/preferences", upstreamPrefs), 403, "PARLEY_HTTP_ROLE_FORBIDDEN");
      error(await room.convener.request("PUT", "/preferences", upstreamPrefs), 403, "PARLEY_HTTP_ROLE_FORBIDDEN");
      error(await observer.request("GET", "/openings"), 403, "PARLEY_HTTP_ROLE_FORBIDDEN");
    });
  });

  describe("the convener's invites and closing", () => {
    it("a new invite for a seat that has not joined, the mediator, or the convener's own browser; refused when it does not fit", async () => {
      const room = await createRoom(app, { scenario, protocol: "single-text", mediator: "human", seats: { upstream: "human", downstream: "boulware" } });
      const invite = async (body: Body) => {
        const r = await room.convener.request("POST", "/invites", body);
        expect(r.statusCode, r.body).toBe(201);
        return json<{ invite: string; role: string; party?: string }>(r);
      };
      // A seat's second invite: either one joins, once.
      const again = await invite({ role: "seat", party: "upstream" });
      expect(again).toMatchObject({ role: "seat", party: "upstream" });
      const up = await join(app, room.id, again.invite);
      expect(json(await up.request("GET", ""))).toMatchObject({ role: "seat", party: "upstream" });
      error(await room.convener.request("POST", "/invites", { role: "seat", party: "upstream" }), 409, "PARLEY_ROOM_NOT_NOW");
      error(await room.convener.request("POST", "/invites", { role: "seat", party: "downstream" }), 400, "PARLEY_HTTP_BAD_REQUEST"); // an agent's seat
      error(await room.convener.request("POST", "/invites", { role: "seat" }), 400, "PARLEY_HTTP_BAD_REQUEST");
      error(await room.convener.request("POST", "/invites", { role: "observer", party: "upstream" }), 400, "PARLEY_HTTP_BAD_REQUEST");
      error(await up.request("POST", "/invites", { role: "convener" }), 403, "PARLEY_HTTP_ROLE_FORBIDDEN");
      // The mediator's and the convener's: sessions of their roles.
      const med = await join(app, room.id, (await invite({ role: "mediator" })).invite);
      expect(json(await med.request("GET", ""))).toMatchObject({ role: "mediator" });
      const browser = await join(app, room.id, (await invite({ role: "convener" })).invite);
      expect(json(await browser.request("GET", ""))).toMatchObject({ role: "convener" });
      const engineRoom = await createRoom(app, sao());
      error(await engineRoom.convener.request("POST", "/invites", { role: "mediator" }), 400, "PARLEY_HTTP_BAD_REQUEST");
    });

    it("the human mediator and the convener close a room; a seat may not", async () => {
      for (const closer of ["mediator", "convener"] as const) {
        const room = await createRoom(app, { scenario, protocol: "single-text", mediator: "human", seats: { upstream: "human", downstream: "human" } });
        const up = await join(app, room.id, room.invites["upstream"]!);
        error(await up.act({ type: "close" }), 403, "PARLEY_ROOM_FORBIDDEN");
        const who = closer === "mediator" ? await join(app, room.id, room.invites["mediator"]!) : room.convener;
        const r = await who.act({ type: "close", reason: `closed by test (${closer})` });
        expect(r.statusCode, r.body).toBe(200);
        expect(json<{ events: Body[] }>(r).events).toEqual([expect.objectContaining({ type: "room-closed", actor: { role: closer }, public: { reason: `closed by test (${closer})` } })]);
        expect(await up.view()).toMatchObject({ status: "closed", reason: `closed by test (${closer})` });
        error(await who.act({ type: "close" }), 409, "PARLEY_ROOM_OVER");
      }
    });
  });

  describe("a room from preferences to agreement", () => {
    it("bad preferences: 400 with each field's path; good ones start the room; offers and an acceptance settle it", async () => {
      const room = await createRoom(app, sao());
      const up = await join(app, room.id, room.invites["upstream"]!);
      const down = await join(app, room.id, room.invites["downstream"]!);

      const bad = error(await up.request("PUT", "/preferences", { reservation: 3, weights: { share: 1, nope: 2 }, values: { share: "increasing", flow: "increasing" } }), 400, "PARLEY_HTTP_INVALID_PREFERENCES");
      const paths = bad.issues!.map((i) => i.path.join("."));
      expect(paths).toContain("body.reservation");
      expect(paths.some((p) => p.startsWith("body.weights"))).toBe(true);
      error(await up.act({ type: "offer", package: { share: "equal", flow: 20 } }), 409, "PARLEY_ROOM_NOT_NOW");

      const accepted = await up.request("PUT", "/preferences", upstreamPrefs);
      expect(accepted.statusCode, accepted.body).toBe(200);
      const own = json<{ events: Body[] }>(accepted).events;
      expect(own[0]).toMatchObject({ type: "preferences-submitted", public: { party: "upstream" } });
      expect(own[0]!["private"]).toBeDefined(); // its own
      expect(own[0]!["commitment"]).toMatch(/^[0-9a-f]{64}$/);
      expect((await up.view())["status"]).toBe("open");
      await down.request("PUT", "/preferences", downstreamPrefs);
      const running = await up.waitFor((v) => v["status"] === "running", "running");
      expect(running["turn"]).toBeDefined();

      // Whose turn: the first seat offers.
      error(await down.act({ type: "offer", package: { share: "equal", flow: 20 } }), 409, "PARLEY_ROOM_NOT_YOUR_TURN");
      error(await up.act({ type: "offer", package: { share: "equal", flow: 99 } }), 400, "PARLEY_ROOM_BAD_PACKAGE");
      error(await up.act({ type: "publish-draft", package: { share: "equal", flow: 20 } }), 403, "PARLEY_ROOM_FORBIDDEN");
      error(await up.act({ type: "offer" }), 400, "PARLEY_HTTP_VALIDATION");
      const offered = await up.act({ type: "offer", package: { share: "equal", flow: 20 } });
      expect(offered.statusCode, offered.body).toBe(200);
      const before = json<{ seq: number }>(offered).seq;
      const acted = await down.act({ type: "respond", response: "accept" });
      expect(acted.statusCode, acted.body).toBe(200);
      const after = json<{ seq: number; events: Body[] }>(acted);
      expect(after.events.map((e) => e["type"])).toContain("agreement");

      // The events after a seq: exactly those, in order, contiguous.
      const page = await room.convener.events(before);
      expect(page.events.map((e) => e["seq"])).toEqual(Array.from({ length: page.latest - before }, (_, i) => before + 1 + i));
      expect(page.next).toBe(page.latest);
      const all = await room.convener.events();
      expect(all.events.map((e) => e["seq"])).toEqual(Array.from({ length: all.latest }, (_, i) => i + 1));
      // The convener never sees a private part.
      expect(all.events.every((e) => e["private"] === undefined)).toBe(true);
      const settled = await up.waitFor((v) => v["status"] === "settled" || v["status"] === "improving", "agreed");
      expect(settled["agreement"]).toEqual({ share: "equal", flow: 20 });
    });

    it("ended rooms leave memory past 64 and are replayed when read; GET /api/health counts the rooms held", async () => {
      const health = async () => json<{ rooms: { held: number; streams: number } }>(await app.inject({ method: "GET", url: "/api/health" })).rooms;
      const openRooms = (await health()).held;
      const first = await createRoom(app, sao());
      expect((await first.convener.act({ type: "close", reason: "testing" })).statusCode).toBe(200);
      const firstEvents = await first.convener.events();
      for (let i = 0; i < 70; i++) {
        const room = await createRoom(app, sao());
        expect((await room.convener.act({ type: "close" })).statusCode).toBe(200);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Of the 71 closed rooms at most 64 are kept (the rooms other tests left open stay).
      const held = (await health()).held;
      expect(held).toBeLessThanOrEqual(64 + openRooms);
      // The first one was dropped; read again, it is the same room.
      expect(await first.convener.events()).toEqual(firstEvents);
      expect((await first.convener.view())["status"]).toBe("closed");
      error(await first.convener.act({ type: "close" }), 409, "PARLEY_ROOM_OVER");
    });

    it("events: limit pages, bad query values are 400 with the field", async () => {
      const room = await createRoom(app, sao());
      await join(app, room.id, room.invites["upstream"]!);
      await join(app, room.id, room.invites["downstream"]!);
      const first = json<{ events: Body[]; next: number; latest: number }>(await room.convener.request("GET", "/events?after=0&limit=2"));
      expect(first.events.map((e) => e["seq"])).toEqual([1, 2]);
      expect(first.next).toBe(2);
      expect(first.latest).toBe(3);
      const rest = json<{ events: Body[] }>(await room.convener.request("GET", `/events?after=${first.next}`));
      expect(rest.events.map((e) => e["seq"])).toEqual([3]);
      const bad = error(await room.convener.request("GET", "/events?after=-1&limit=5000"), 400, "PARLEY_HTTP_VALIDATION");
      expect(bad.issues!.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["querystring.after", "querystring.limit"]));
      error(await room.convener.request("GET", "/events?nope=1"), 400, "PARLEY_HTTP_VALIDATION");
    });
  });
});
