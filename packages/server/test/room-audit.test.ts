// A room's audit log through the API: the export verifies offline (and a tampered one does not),
// proofs check against the signed heads, a seat's openings open its commitments, the key survives
// a restart; on SQLite and (when available) PostgreSQL.
import { openingProblem, parseAuditExport, verifyConsistency, verifyExport, verifyInclusion, fromHex, verifyTreeHead } from "@parley/audit";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeStores, json, testApp } from "./helpers.js";
import { createRoom, downstreamPrefs, join, RoomClient, upstreamPrefs, uploadWater, type Body } from "./room-helpers.js";

describeStores("a room's audit log", (fresh) => {
  let app: FastifyInstance;
  let db: string;
  let scenario: string;
  beforeAll(async () => {
    db = await fresh();
    app = await testApp(db, { builtins: false });
    scenario = await uploadWater(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function playedRoom() {
    const room = await createRoom(app, { scenario, protocol: "sao", seats: { upstream: "human", downstream: "human" } });
    const up = await join(app, room.id, room.invites["upstream"]!);
    const down = await join(app, room.id, room.invites["downstream"]!);
    expect((await up.request("PUT", "/preferences", upstreamPrefs)).statusCode).toBe(200);
    expect((await down.request("PUT", "/preferences", downstreamPrefs)).statusCode).toBe(200);
    await up.waitFor((v) => v["status"] === "running", "running");
    expect((await up.act({ type: "offer", package: { share: "equal", flow: 25 } })).statusCode).toBe(200);
    expect((await down.act({ type: "offer", package: { share: "by-population", flow: 30 } })).statusCode).toBe(200);
    return { room, up, down };
  }

  it("the export verifies with the served key; every event is an entry; private parts only as commitments", async () => {
    const { room } = await playedRoom();
    const key = json<{ algorithm: string; publicKey: string }>(await app.inject({ method: "GET", url: "/api/audit/key" }));
    expect(key.algorithm).toBe("ed25519");
    const r = await room.convener.request("GET", "/export");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-disposition"]).toContain(`${room.id}.audit.json`);
    const result = verifyExport(r.body, { publicKey: key.publicKey });
    expect(result.problem).toBeNull();
    expect(result.ok).toBe(true);
    const events = (await room.convener.events()).events;
    expect(result.entries).toBe(events.length);
    expect(result.commitments).toBe(2); // the two preferences
    const log = parseAuditExport(r.body);
    for (const [i, e] of log.entries.entries()) {
      const entry = JSON.parse(e.json) as Body;
      expect(entry).toMatchObject({ room: room.id, seq: i + 1, type: events[i]!["type"] });
      expect(entry).not.toHaveProperty("private");
    }
    expect(r.body).not.toContain("0.3141");
    expect(r.body).not.toContain("0.2718");
    // One signed head per command: the last covers every entry.
    expect(log.treeHeads.at(-1)!.treeSize).toBe(events.length);
  });

  it("a tampered export does not verify, naming the entry", async () => {
    const { room } = await playedRoom();
    const text = (await room.convener.request("GET", "/export")).body;
    const log = JSON.parse(text) as { entries: { json: string }[] };
    log.entries[2]!.json = log.entries[2]!.json.replace('"seat-joined"', '"seat-left"');
    const result = verifyExport(JSON.stringify(log));
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ entry: 2 });
    const dropped = JSON.parse(text) as { entries: unknown[] };
    dropped.entries.pop();
    expect(verifyExport(JSON.stringify(dropped)).ok).toBe(false);
  });

  it("inclusion and consistency proofs check against the signed head; bad sizes are 400", async () => {
    const { room, up } = await playedRoom();
    const head = json<{ logId: string; treeSize: number; rootHash: string; timestamp: number; signature: string }>(await up.request("GET", "/audit/head"));
    const key = json<{ publicKey: string }>(await app.inject({ method: "GET", url: "/api/audit/key" })).publicKey;
    expect(head.logId).toBe(room.id);
    expect(verifyTreeHead(head, fromHex(key)!)).toBe(true);
    for (let index = 0; index < head.treeSize; index++) {
      const p = json<{ leafHash: string; proof: string[]; treeSize: number; head: unknown }>(await up.request("GET", `/audit/inclusion?index=${index}`));
      expect(p.treeSize).toBe(head.treeSize);
      expect(p.head).toEqual(head);
      expect(verifyInclusion(index, head.treeSize, fromHex(p.leafHash)!, p.proof.map((h) => fromHex(h)!), fromHex(head.rootHash)!)).toBe(true);
    }
    const log = parseAuditExport((await up.request("GET", "/export")).body);
    const older = log.treeHeads[1]!;
    const c = json<{ proof: string[] }>(await up.request("GET", `/audit/consistency?from=${older.treeSize}&to=${head.treeSize}`));
    expect(verifyConsistency(older.treeSize, head.treeSize, fromHex(older.rootHash)!, fromHex(head.rootHash)!, c.proof.map((h) => fromHex(h)!))).toBe(true);
    expect((await up.request("GET", `/audit/inclusion?index=${head.treeSize}`)).statusCode).toBe(400);
    expect((await up.request("GET", `/audit/inclusion?index=0&size=${head.treeSize + 5}`)).statusCode).toBe(400);
    expect((await up.request("GET", `/audit/consistency?from=3&to=2`)).statusCode).toBe(400);
    expect((await up.request("GET", `/audit/inclusion`)).statusCode).toBe(400);
  });

  it("a seat's openings open its own commitments, and only its own", async () => {
    const { room, up, down } = await playedRoom();
    const log = (await up.request("GET", "/export")).body;
    const mine = json<{ entry: number; seq: number; type: string; salt: string; payload: Body }[]>(await up.request("GET", "/openings"));
    expect(mine.map((o) => o.type)).toEqual(["preferences-submitted"]);
    expect(JSON.stringify(mine)).toContain("0.3141");
    expect(JSON.stringify(mine)).not.toContain("0.2718");
    const entries = parseAuditExport(log).entries;
    expect(openingProblem(entries[mine[0]!.entry]!.json, mine[0]!)).toBeNull();
    const theirs = json<{ entry: number; salt: string; payload: Body }[]>(await down.request("GET", "/openings"));
    expect(openingProblem(entries[theirs[0]!.entry]!.json, { ...theirs[0]!, payload: mine[0]!.payload })).not.toBeNull();
    expect((await room.convener.request("GET", "/openings")).statusCode).toBe(403);
  });

  it("the signing key is created once: a restarted server signs with the same key and the log goes on", async () => {
    const { room, up } = await playedRoom();
    const key = json<{ publicKey: string }>(await app.inject({ method: "GET", url: "/api/audit/key" })).publicKey;
    await app.close();
    app = await testApp(db, { builtins: false });
    expect(json<{ publicKey: string }>(await app.inject({ method: "GET", url: "/api/audit/key" })).publicKey).toBe(key);
    // The session survives the restart; the room was replayed from its events.
    const reUp = new RoomClient(app, room.id, up.token);
    expect((await reUp.act({ type: "respond", response: "accept" })).statusCode).toBe(200);
    const result = verifyExport((await reUp.request("GET", "/export")).body, { publicKey: key });
    expect(result.ok).toBe(true);
    expect(result.entries).toBe((await reUp.events()).latest);
  });
});
