// The server's own moves: agent seats and the engine mediator play after each commit, deadlines
// fire (also when they passed while the server was down), and a restarted server replays every
// unfinished room and goes on exactly as an uninterrupted one; on SQLite and (when available) PostgreSQL.
import { verifyExport } from "@parley/audit";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { RoomStore } from "../src/store/room-store.js";
import { describeStores, testApp } from "./helpers.js";
import { createRoom, join, RoomClient, upstreamPrefs, uploadWater, type Body } from "./room-helpers.js";

describeStores("rooms the engine plays", (fresh) => {
  let app: FastifyInstance;
  let scenario: string;
  beforeAll(async () => {
    app = await testApp(await fresh(), { builtins: false });
    scenario = await uploadWater(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const contiguous = (events: Body[]) => expect(events.map((e) => e["seq"])).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));

  it("a room of agents plays to its end on its own; its log verifies", async () => {
    const room = await createRoom(app, { scenario, protocol: "sao", seats: { upstream: "boulware", downstream: "conceder" }, deadline: { rounds: 40 }, seed: 3 });
    const end = await room.convener.waitFor((v) => ["settled", "failed"].includes(String(v["status"])), "finished");
    const { events } = await room.convener.events();
    contiguous(events);
    expect(events.map((e) => e["type"])).toContain("room-started");
    expect(end["status"] === "settled" ? end["agreement"] : end["reason"]).toBeTruthy();
    expect(verifyExport((await room.convener.request("GET", "/export")).body).ok).toBe(true);
  });

  it("the engine mediator drafts for agent seats in single text and calls the ratification; the agents vote", async () => {
    const room = await createRoom(app, { scenario, protocol: "single-text", seats: { upstream: "conceder", downstream: "conceder" }, deadline: { rounds: 30 }, seed: 5 });
    const end = await room.convener.waitFor((v) => ["settled", "failed"].includes(String(v["status"])), "finished");
    const types = (await room.convener.events()).events.map((e) => e["type"]);
    expect((await room.convener.events()).events.find((e) => e["type"] === "draft-published")?.["public"]).toMatchObject({ by: "engine" });
    expect(types).toContain("ratification-called");
    // Whether the agents ratify is theirs to decide (core tests cover the outcomes); every vote is in.
    expect(types.filter((t) => t === "ratified")).toHaveLength(2);
    expect(end["status"] === "settled" || end["reason"] === "rejected").toBe(true);
  });

  it("a wall-clock deadline ends the room when it passes", async () => {
    const room = await createRoom(app, { scenario, protocol: "sao", seats: { upstream: "human", downstream: "hardliner" }, deadline: { seconds: 1 } });
    const up = await join(app, room.id, room.invites["upstream"]!);
    await up.request("PUT", "/preferences", upstreamPrefs);
    const running = await up.waitFor((v) => v["status"] === "running", "running");
    expect(running["deadlineAt"]).toBeTruthy();
    const end = await up.waitFor((v) => v["status"] === "failed", "timed out", 15_000);
    expect(end["reason"]).toBe("timeout");
  });
});

describeStores("restart recovery", (fresh) => {
  let clock = Date.parse("2026-12-01T10:00:00.000Z");
  const now = () => clock;
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
  });
  const open = async (db: string) => {
    const a = await testApp(db, { builtins: false, now });
    apps.push(a);
    return a;
  };

  /** A person against an agent: the person makes `moves` offers, the agent answers each. */
  async function play(app: FastifyInstance, scenario: string, restartAfter: number | null, db: string): Promise<{ events: Body[]; app: FastifyInstance }> {
    const room = await createRoom(app, { scenario, protocol: "sao", seats: { upstream: "human", downstream: "boulware" }, deadline: { rounds: 50 }, seed: 11 });
    let up = await join(app, room.id, room.invites["upstream"]!);
    await up.request("PUT", "/preferences", upstreamPrefs);
    await up.waitFor((v) => v["status"] === "running", "running");
    let convener = room.convener;
    for (let i = 0; i < 6; i++) {
      if (i === restartAfter) {
        await app.close();
        app = await open(db);
        up = new RoomClient(app, room.id, up.token);
        convener = new RoomClient(app, room.id, convener.token);
      }
      const view = await up.waitFor((v) => (v["turn"] as { parties: string[] }).parties.includes("upstream") || v["status"] !== "running", "its turn");
      if (view["status"] !== "running") break;
      const r = await up.act({ type: "offer", package: { share: "equal", flow: 40 - i * 3 } });
      expect(r.statusCode, r.body).toBe(200);
    }
    await up.waitFor((v) => (v["turn"] as { parties: string[] }).parties.includes("upstream") || v["status"] !== "running", "settled down");
    const events = (await convener.events()).events.map((e) => ({ ...e, at: undefined, commitment: undefined }));
    return { events, app };
  }

  it("a restarted server replays the room: the agent goes on exactly as without the restart", async () => {
    const dbA = await fresh();
    const a = await open(dbA);
    const scenarioA = await uploadWater(a);
    const straight = await play(a, scenarioA, null, dbA);
    const dbB = await fresh();
    const b = await open(dbB);
    const scenarioB = await uploadWater(b);
    const restarted = await play(b, scenarioB, 3, dbB);
    expect(restarted.events.length).toBeGreaterThan(8);
    const strip = (events: Body[]) => events.map((e) => (e["type"] === "room-created" ? { type: e["type"] } : e));
    expect(strip(restarted.events)).toEqual(strip(straight.events));
  }, 60_000);

  it("a deadline timer that fires before the server's clock reaches the deadline waits for it", async () => {
    const db = await fresh();
    const app = await open(db);
    const scenario = await uploadWater(app);
    const room = await createRoom(app, { scenario, protocol: "sao", seats: { upstream: "human", downstream: "hardliner" }, deadline: { seconds: 1 } });
    const up = await join(app, room.id, room.invites["upstream"]!);
    await up.request("PUT", "/preferences", upstreamPrefs);
    await up.waitFor((v) => v["status"] === "running", "running");
    // The server's clock stands still: the timer fires after a second of real time, too early by that clock.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await up.view())["status"]).toBe("running");
    clock += 2000;
    const end = await up.waitFor((v) => v["status"] === "failed", "timed out", 15_000);
    expect(end["reason"]).toBe("timeout");
  });

  it("a deadline that passed while the server was down fires at start", async () => {
    const db = await fresh();
    let app = await open(db);
    const scenario = await uploadWater(app);
    const room = await createRoom(app, { scenario, protocol: "sao", seats: { upstream: "human", downstream: "hardliner" }, deadline: { seconds: 3600 } });
    const up = await join(app, room.id, room.invites["upstream"]!);
    await up.request("PUT", "/preferences", upstreamPrefs);
    await up.waitFor((v) => v["status"] === "running", "running");
    await app.close();
    clock += 2 * 3_600_000;
    app = await open(db);
    const end = await new RoomClient(app, room.id, up.token).waitFor((v) => v["status"] === "failed", "timed out", 15_000);
    expect(end["reason"]).toBe("timeout");
  });
});

describeStores("an engine whose write fails", (fresh) => {
  const apps: FastifyInstance[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const a of apps.splice(0)) await a.close();
  });
  const over = (v: Body) => ["settled", "failed"].includes(String(v["status"]));
  const agentRoom = { protocol: "sao", seats: { upstream: "boulware", downstream: "conceder" }, deadline: { rounds: 40 }, seed: 3 };

  /** The room ends, its seqs are contiguous from room-created and room-started, and its log verifies. */
  async function ended(room: { convener: RoomClient }): Promise<void> {
    await room.convener.waitFor(over, "finished", 60_000);
    const { events } = await room.convener.events();
    expect(events.map((e) => e["seq"])).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    expect(events.slice(0, 2).map((e) => e["type"])).toEqual(["room-created", "room-started"]);
    expect(verifyExport((await room.convener.request("GET", "/export")).body).ok).toBe(true);
  }

  it("a room of agents whose first engine move fails to commit still plays to its end (the engine is driven again)", async () => {
    const app = await testApp(await fresh(), { builtins: false });
    apps.push(app);
    const scenario = await uploadWater(app);
    const commit = vi.spyOn(RoomStore.prototype, "commit").mockRejectedValueOnce(new Error("disk I/O error (test)"));
    const room = await createRoom(app, { scenario, ...agentRoom });
    await ended(room);
    expect(commit.mock.settledResults[0]?.type).toBe("rejected");
  });

  it("when the room cannot even be reloaded after the failed commit, the next move reloads it first: nothing uncommitted is kept", async () => {
    const app = await testApp(await fresh(), { builtins: false });
    apps.push(app);
    const scenario = await uploadWater(app);
    const events = vi.spyOn(RoomStore.prototype, "events");
    const commit = vi.spyOn(RoomStore.prototype, "commit");
    // The second engine move fails, and so does the read that would take its events back.
    commit.mockImplementationOnce(RoomStore.prototype.commit).mockImplementationOnce(async () => {
      events.mockRejectedValueOnce(new Error("database unavailable (test)"));
      throw new Error("disk I/O error (test)");
    });
    const room = await createRoom(app, { scenario, ...agentRoom });
    await ended(room);
    expect(commit.mock.settledResults[1]?.type).toBe("rejected");
    expect(events.mock.settledResults.some((r) => r.type === "rejected")).toBe(true);
  });

  it("a room restarted right after room-created (before any engine move) plays to its end", async () => {
    const db = await fresh();
    let app = await testApp(db, { builtins: false });
    apps.push(app);
    const scenario = await uploadWater(app);
    // The engine's first move never commits in the first process.
    vi.spyOn(RoomStore.prototype, "commit").mockRejectedValue(new Error("killed (test)"));
    const room = await createRoom(app, { scenario, ...agentRoom });
    expect((await room.convener.events()).events.map((e) => e["type"])).toEqual(["room-created"]);
    await app.close();
    vi.restoreAllMocks();
    app = await testApp(db, { builtins: false });
    apps.push(app);
    await ended({ convener: new RoomClient(app, room.id, room.convener.token) });
  });
});
