// The privacy walk: a whole single-text room with two human seats, a human mediator, an observer and
// the convener. Everything every role receives is recorded — every REST answer of every room route
// (errors included) and every stream message — and no role may receive another seat's private
// preferences, ratings, comments, reservation value, utilities or improvement vote.
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import { describeStores, json, testApp } from "./helpers.js";
import { createRoom, join, RoomClient, uploadWater, type Body } from "./room-helpers.js";

type Role = "convener" | "observer" | "mediator" | "upstream" | "downstream";
const seats = ["upstream", "downstream"] as const;

/** Each seat's private submissions, with values found nowhere else. */
const secrets = {
  upstream: {
    preferences: { reservation: 0.3141, weights: { share: 2.7182, flow: 1 }, values: { share: ["by-area", "equal", "by-population"], flow: "decreasing" } },
    comment: "UPSTREAM-SECRET-POINT-COMMENT",
    overallComment: "UPSTREAM-SECRET-OVERALL",
    rating: { share: "unacceptable", flow: "acceptable" },
    vote: "accept",
  },
  downstream: {
    preferences: { reservation: 0.2718, weights: { share: 1, flow: 1.4142 }, values: { share: ["by-population", "equal", "by-area"], flow: "increasing" } },
    comment: "DOWNSTREAM-SECRET-POINT-COMMENT",
    overallComment: "DOWNSTREAM-SECRET-OVERALL",
    rating: { share: "acceptable", flow: "needs-change" },
    vote: "keep",
  },
} as const;

describeStores("the privacy walk", (fresh) => {
  let app: FastifyInstance;
  let base: string;
  let scenario: string;
  beforeAll(async () => {
    app = await testApp(await fresh(), { builtins: false });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    scenario = await uploadWater(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Five roles in a new room, each watching its stream from the start; every answer recorded per role. */
  async function watchedRoom(body: Body) {
    const received: Record<Role, string[]> = { convener: [], observer: [], mediator: [], upstream: [], downstream: [] };
    const suggestions: Body[] = [];
    const room = await createRoom(app, body);
    const observerInvite = json<{ invite: string }>(await room.convener.request("POST", "/invites", { role: "observer" })).invite;
    const clients: Record<Role, RoomClient> = {
      convener: room.convener,
      observer: await join(app, room.id, observerInvite),
      mediator: await join(app, room.id, room.invites["mediator"]!),
      upstream: await join(app, room.id, room.invites["upstream"]!),
      downstream: await join(app, room.id, room.invites["downstream"]!),
    };
    const roles = Object.keys(clients) as Role[];
    const sockets = await Promise.all(
      roles.map(
        (role) =>
          new Promise<WebSocket>((resolve, reject) => {
            const ws = new WebSocket(`${base}/api/rooms/${room.id}/stream`, { headers: { authorization: `Bearer ${clients[role].token}` } });
            ws.on("message", (data) => received[role].push(String(data)));
            ws.once("open", () => resolve(ws));
            ws.once("error", reject);
          }),
      ),
    );
    /** Call a route as a role and record the answer, whatever its status. */
    const call = async (role: Role, method: "GET" | "POST" | "PUT", path: string, payload?: unknown) => {
      const r = await clients[role].request(method, path, payload);
      received[role].push(r.body);
      return r;
    };
    /** Every read route of a room, for every role. */
    const readEverything = async () => {
      for (const role of roles) {
        const latest = json<{ seq: number }>(await call(role, "GET", "")).seq;
        await call(role, "GET", "/events");
        await call(role, "GET", `/events?after=${Math.max(0, latest - 2)}&limit=1`);
        await call(role, "GET", "/export");
        await call(role, "GET", "/audit/head");
        await call(role, "GET", "/audit/inclusion?index=0");
        await call(role, "GET", `/audit/consistency?from=1`);
        await call(role, "GET", "/openings");
        // The engine's suggestions: the human mediator's alone; packages and, under aggregates, counts.
        // (The engine starts the room on its own once every seat has submitted: read the status first.)
        const started = json<{ view: Body }>(await clients.convener.request("GET", "")).view["status"] !== "open";
        const r = await call(role, "GET", "/suggestions");
        if (role !== "mediator") expect(r.statusCode, `${role} GET suggestions`).toBe(403);
        else if (r.statusCode === 409) expect([started, json<{ code: string }>(r).code]).toEqual([false, "PARLEY_ROOM_NOT_NOW"]);
        else {
          expect(r.statusCode, r.body).toBe(200);
          // Computed for the room as it is now (they are kept per seq, never served for an older one).
          expect(json<{ seq: number }>(r).seq).toBeGreaterThanOrEqual(latest);
          suggestions.push(json(r));
        }
      }
    };
    const close = async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const ws of sockets) ws.close();
    };
    /** Fails when a role other than `owner`'s allowed ones received `secret`; checks that `owner` did. */
    const expectOnly = (secret: string, allowed: readonly Role[]) => {
      for (const role of roles) {
        const got = received[role].join("\n").includes(secret);
        expect(got, `${role} ${allowed.includes(role) ? "should have received" : "received"} ${secret.slice(0, 60)}`).toBe(allowed.includes(role));
      }
    };
    return { room, clients, roles, received, suggestions, call, readEverything, close, expectOnly };
  }

  it("no role receives another seat's private data, in any REST answer or stream message", async () => {
    const { clients, roles, received, suggestions, call, readEverything, close } = await watchedRoom({
      scenario,
      protocol: "single-text",
      mediator: "human",
      disclosure: "aggregates",
      seats: { upstream: "human", downstream: "human" },
    });

    /** What each role may not do, so that every error answer is recorded too. */
    const tryForbidden = async () => {
      await call("observer", "POST", "/actions", { type: "close" });
      await call("observer", "PUT", "/preferences", secrets.upstream.preferences);
      await call("convener", "POST", "/actions", { type: "rate", points: {}, overall: "accept" });
      await call("mediator", "POST", "/actions", { type: "ratify", vote: "accept" });
      await call("upstream", "POST", "/actions", { type: "publish-draft", package: { share: "equal", flow: 20 } });
      await call("downstream", "POST", "/invites", { role: "observer" });
      await call("upstream", "POST", "/actions", { type: "improvement-vote", vote: "accept" });
      await call("downstream", "PUT", "/preferences", { reservation: 7, weights: { nope: 1 }, values: {} });
    };

    await readEverything();
    for (const party of seats) expect((await call(party, "PUT", "/preferences", secrets[party].preferences)).statusCode).toBe(200);
    await clients.mediator.waitFor((v) => v["status"] === "running", "running");
    await tryForbidden();

    // Draft 1, rated privately with comments.
    expect((await call("mediator", "POST", "/actions", { type: "publish-draft", package: { share: "by-population", flow: 10 } })).statusCode).toBe(200);
    await readEverything();
    for (const party of seats) {
      const points = Object.fromEntries(Object.entries(secrets[party].rating).map(([issue, rating]) => [issue, { rating, comment: `${secrets[party].comment}-${issue}` }]));
      const r = await call(party, "POST", "/actions", { type: "rate", draft: 1, points, overall: "accept", comment: secrets[party].overallComment });
      expect(r.statusCode, r.body).toBe(200);
    }
    await readEverything();
    await tryForbidden();
    // The mediator got the aggregates, and nothing else of the ratings.
    const mediatorView = await clients.mediator.view();
    expect(mediatorView["aggregates"]).toMatchObject({ draft: 1, rated: 2, of: 2, overall: { accept: 2, reject: 0 } });

    // Ratification, agreement, then the engine's improvement, voted privately.
    expect((await call("mediator", "POST", "/actions", { type: "call-ratification" })).statusCode).toBe(200);
    for (const party of seats) expect((await call(party, "POST", "/actions", { type: "ratify", vote: "accept" })).statusCode).toBe(200);
    await clients.upstream.waitFor((v) => v["status"] === "improving" || v["status"] === "settled", "agreed");
    const improving = (await clients.upstream.view())["status"] === "improving";
    expect(improving).toBe(true); // the agreement is dominated: an improvement exists
    await readEverything();
    for (const party of seats) expect((await call(party, "POST", "/actions", { type: "improvement-vote", vote: secrets[party].vote })).statusCode).toBe(200);
    await clients.upstream.waitFor((v) => v["status"] === "settled", "settled");
    await readEverything();
    await tryForbidden();

    // Each seat's own view, with its own utilities: their values are private too.
    const own: Record<(typeof seats)[number], string[]> = { upstream: [], downstream: [] };
    for (const party of seats) {
      const view = await clients[party].view();
      received[party].push(JSON.stringify(view));
      const you = view["you"] as { utility: Record<string, number | null>; preferences: unknown; ratings: unknown; improvementVote?: string };
      expect(you.preferences).not.toBeNull();
      for (const u of Object.values(you.utility)) if (typeof u === "number" && String(u).length >= 6) own[party].push(String(u));
      own[party].push(JSON.stringify(you.preferences), JSON.stringify(you.ratings));
      own[party].push(String(secrets[party].preferences.reservation), secrets[party].comment, secrets[party].overallComment);
      // Its own private bodies as its stream delivered them.
      for (const text of received[party]) {
        const m = JSON.parse(text) as { type?: string; event?: { private?: { body: unknown }; actor?: Body } };
        if (m.type === "event" && m.event?.private && (m.event.actor as { party?: string } | undefined)?.party === party) own[party].push(JSON.stringify(m.event.private.body));
      }
      expect(own[party].length).toBeGreaterThan(8);
    }
    await close();

    // Sanity: each seat did receive its own secrets (so the search below can find them).
    for (const party of seats) {
      const mine = received[party].join("\n");
      for (const s of own[party]) expect(mine, `${party} should see its own ${s.slice(0, 40)}`).toContain(s);
    }
    // The walk: nobody else receives them.
    for (const party of seats)
      for (const role of roles) {
        if (role === party) continue;
        const theirs = received[role].join("\n");
        for (const s of own[party]) expect(theirs.includes(s), `${role} received ${party}'s private ${s.slice(0, 60)}`).toBe(false);
      }
    // The mediator's suggestions hold packages and counts only: every number is the seq or a count of seats.
    expect(suggestions.length).toBeGreaterThan(2);
    expect(suggestions.some((x) => x["improvement"] !== undefined)).toBe(true);
    for (const x of suggestions) {
      expect(Object.keys(x).sort()).toEqual(expect.arrayContaining(["kalaiSmorodinsky", "nash", "notes", "seq"]));
      const numbers: number[] = [];
      JSON.stringify(x, (key, v: unknown) => {
        // (flow is an issue of the scenario: its values are in the packages)
        if (typeof v === "number" && key !== "seq" && key !== "flow") numbers.push(v);
        return v;
      });
      for (const n of numbers) expect(Number.isInteger(n) && n >= 0 && n <= 2, `a number in the suggestions: ${n}`).toBe(true);
      for (const k of ["nextText", "nash", "kalaiSmorodinsky", "improvement"]) {
        const one = x[k] as { package: Body; seats?: Body } | null | undefined;
        if (one) expect(Object.keys(one).sort()).toEqual(["package", "seats"]);
      }
    }
    // Every role got stream messages and answers from every route.
    for (const role of roles) expect(received[role].length).toBeGreaterThan(60);
  }, 60_000);

  it("shuttle: private messages reach only the seat and the mediator; nobody else sees a seat's preferences", async () => {
    const { call, readEverything, close, expectOnly } = await watchedRoom({
      scenario,
      protocol: "shuttle",
      mediator: "human",
      seats: { upstream: "human", downstream: "human" },
    });
    for (const party of seats) expect((await call(party, "PUT", "/preferences", secrets[party].preferences)).statusCode).toBe(200);
    await readEverything();
    const send = async (role: Role, to: string, text: string) => {
      const r = await call(role, "POST", "/actions", { type: "message", to, text });
      expect(r.statusCode, r.body).toBe(200);
    };
    await send("upstream", "mediator", "UPSTREAM-SHUTTLE-SECRET");
    await send("mediator", "downstream", "MEDIATOR-TO-DOWNSTREAM-SECRET");
    await send("downstream", "mediator", "DOWNSTREAM-SHUTTLE-SECRET");
    // A seat may not write to another seat, and nobody learns the text from the refusal.
    await call("upstream", "POST", "/actions", { type: "message", to: "downstream", text: "UPSTREAM-TO-DOWNSTREAM-REFUSED" });
    await readEverything();
    await close();
    expectOnly("UPSTREAM-SHUTTLE-SECRET", ["upstream", "mediator"]);
    expectOnly("MEDIATOR-TO-DOWNSTREAM-SECRET", ["downstream", "mediator"]);
    expectOnly("DOWNSTREAM-SHUTTLE-SECRET", ["downstream", "mediator"]);
    expectOnly("UPSTREAM-TO-DOWNSTREAM-REFUSED", []);
    expectOnly(String(secrets.upstream.preferences.reservation), ["upstream"]);
    expectOnly(String(secrets.downstream.preferences.reservation), ["downstream"]);
  }, 60_000);
});
