// @parley/client against the real server on a listening port (SQLite, and PostgreSQL under
// PARLEY_TEST_PG): seats played by playSeat over real WebSockets, a stream cut mid-room that
// resumes without gap or duplicate, privacy of what a seat receives, refused tokens.
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import { negotiatorFromSpec, type RoomEvent } from "@parley/core";
import { playSeat, RoomApiError, RoomClient, type WebSocketConstructor } from "@parley/client";
import { describeStores, testApp } from "../../server/test/helpers.js";
import { QUAD_SCENARIO_ID, quadScenarioYaml } from "../../../test/room-fixture.js";

/** The ws constructor, recording every socket it opens in `list` (a test cuts them). */
const recording = (list: WebSocket[]) =>
  class extends WebSocket {
    constructor(url: string) {
      super(url);
      list.push(this);
    }
  } as unknown as WebSocketConstructor;
const sockets: WebSocket[] = [];
const RecordingWS = recording(sockets);

/** The native preferences of a quad party, as the scenario models them. */
async function modelled(client: RoomClient, party: string): Promise<Record<string, unknown>> {
  const { parse } = await import("yaml");
  const v = await client.scenario(QUAD_SCENARIO_ID, 1);
  return (parse(v.yaml) as { parties: { id: string; preferences: Record<string, unknown> }[] }).parties.find((p) => p.id === party)!.preferences;
}

const contiguous = (events: readonly RoomEvent[]) => events.every((e, i) => e.seq === i + 1);

describeStores("@parley/client against the server", (fresh) => {
  let app: FastifyInstance;
  let server: string;
  beforeAll(async () => {
    app = await testApp(await fresh(), { builtins: false });
    await app.listen({ port: 0, host: "127.0.0.1" });
    server = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const r = await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: quadScenarioYaml } });
    expect(r.statusCode, r.body).toBe(201);
  });
  afterAll(async () => {
    for (const s of sockets) s.terminate();
    await app?.close();
  });

  /** A room with human seats for `people` and agents for the rest; a joined client per person. */
  async function room(protocol: "sao" | "stacked" | "single-text", seats: Record<string, string>) {
    const convener = new RoomClient({ server, WebSocket: RecordingWS });
    const created = await convener.create({ scenario: QUAD_SCENARIO_ID, protocol, seats, deadline: { rounds: 30 }, seed: 7 });
    const people: Record<string, RoomClient> = {};
    for (const party of Object.keys(seats).filter((p) => seats[p] === "human")) {
      const c = new RoomClient({ server, WebSocket: RecordingWS });
      const joined = await c.join(created.id, created.invites[party]!);
      expect(joined).toMatchObject({ role: "seat", party });
      people[party] = c;
    }
    return { convener, created, people };
  }

  it("two remote seats play an alternating-offers room to its end with their own agents; each sees every event once, in order", async () => {
    const { convener, people } = await room("sao", { north: "human", south: "human" });
    const seen: Record<string, RoomEvent[]> = { north: [], south: [] };
    const [n, s] = await Promise.all(
      (["north", "south"] as const).map(async (party, k) =>
        playSeat(people[party]!, negotiatorFromSpec(k === 0 ? "boulware(e=0.2)" : "conceder(e=3)"), {
          preferences: await modelled(people[party]!, party),
          onEvent: (e) => seen[party]!.push(e),
        }),
      ),
    );
    const final = await convener.view();
    expect(["settled", "failed"]).toContain(final.view.status);
    for (const r of [n!, s!]) expect(r).toMatchObject({ status: final.view.status, final: final.view.final, seq: final.view.seq });
    expect(n!.actions + s!.actions).toBeGreaterThan(1);
    const stored = await convener.allEvents();
    expect(contiguous(stored)).toBe(true);
    for (const party of ["north", "south"]) {
      expect(seen[party]!.map((e) => e.seq)).toEqual(stored.map((e) => e.seq));
      // A seat reads its own private parts, never the other seat's.
      const other = party === "north" ? "south" : "north";
      const text = JSON.stringify(seen[party]);
      const own = seen[party]!.find((e) => e.type === "preferences-submitted" && (e.public as { party: string }).party === party);
      const theirs = seen[party]!.find((e) => e.type === "preferences-submitted" && (e.public as { party: string }).party === other);
      expect(own?.private).toBeDefined();
      expect(theirs?.private).toBeUndefined();
      expect(text).not.toContain(JSON.stringify(theirs ? stored.find((e) => e.seq === theirs.seq)!.private ?? "∅" : "∅"));
    }
    // The agents' own utilities of the final package, as the seats report them, are the view's.
    const northView = await people.north!.view();
    expect(n!.utility).toBe(northView.view.you?.utility.final ?? null);
  });

  it("a single-text room with two remote seats and two agent seats run by the server ends; the remote seats rated every draft", async () => {
    const { convener, people } = await room("single-text", { north: "human", south: "human", east: "linear", west: "boulware" });
    const actions: string[] = [];
    const ratedDrafts: (number | undefined)[] = [];
    const results = await Promise.all(
      (["north", "south"] as const).map(async (party) =>
        playSeat(people[party]!, negotiatorFromSpec("conceder"), {
          preferences: await modelled(people[party]!, party),
          onAction: (a) => {
            actions.push(`${party}:${a.type}`);
            if (a.type === "rate") ratedDrafts.push(a.draft);
          },
        }),
      ),
    );
    const final = (await convener.view()).view;
    expect(["settled", "failed"]).toContain(final.status);
    for (const r of results) expect(r.status).toBe(final.status);
    const events = await convener.allEvents();
    const drafts = events.filter((e) => e.type === "draft-published").length;
    const rated = (party: string) => events.filter((e) => e.type === "draft-rated" && (e.public as { party: string }).party === party).length;
    expect(drafts).toBeGreaterThan(0);
    // Every draft but possibly the last (the room may end while it is open) was rated by each remote seat.
    for (const party of ["north", "south"]) expect(rated(party)).toBeGreaterThanOrEqual(drafts - 1);
    expect(actions.filter((a) => a.endsWith(":rate")).length).toBe(rated("north") + rated("south"));
    // Each rating named the draft it rated.
    expect(ratedDrafts.every((d) => Number.isInteger(d) && d! >= 1 && d! <= drafts)).toBe(true);
  });

  it("a rating names its draft: sent again once that draft is over, it is refused (PARLEY_ROOM_NOT_NOW) instead of rating the next one", async () => {
    const convener = new RoomClient({ server, WebSocket: RecordingWS });
    const created = await convener.create({ scenario: QUAD_SCENARIO_ID, protocol: "single-text", mediator: "human", seats: { north: "human", south: "linear" }, deadline: { rounds: 30 }, seed: 7 });
    const north = new RoomClient({ server, WebSocket: RecordingWS });
    await north.join(created.id, created.invites.north!);
    await north.submitPreferences(await modelled(north, "north"));
    const mediator = new RoomClient({ server, WebSocket: RecordingWS });
    await mediator.join(created.id, created.invites["mediator"]!);
    const until = async (check: (v: Awaited<ReturnType<RoomClient["view"]>>["view"]) => boolean) => {
      for (let t0 = Date.now(); !check((await mediator.view()).view); await new Promise((r) => setTimeout(r, 20)))
        if (Date.now() - t0 > 20_000) throw new Error("the room did not get there");
    };
    await until((v) => v.status === "running");
    const text = (k: number) => ({ aid: `aid-${k}`, border: "border-1", police: "police-1", courts: "courts-1" });
    const points = { aid: { rating: "acceptable" }, border: { rating: "acceptable" }, police: { rating: "acceptable" }, courts: { rating: "needs-change" } } as const;
    await mediator.act({ type: "publish-draft", package: text(1) });
    const first = await north.act({ type: "rate", draft: 1, points, overall: "accept" });
    expect(first.events.find((e) => e.type === "draft-rated")?.public).toEqual({ draft: 1, party: "north" });
    // The agent rates too, the draft is decided, the mediator publishes the next one.
    await until((v) => v.draft === null);
    await mediator.act({ type: "publish-draft", package: text(2) });
    // North's rating of draft 1, sent again (a retry after a lost answer), is refused…
    const late = await north.act({ type: "rate", draft: 1, points, overall: "accept" }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(late).toBeInstanceOf(RoomApiError);
    expect(late).toMatchObject({ code: "PARLEY_ROOM_NOT_NOW" });
    expect((await north.view()).view.you?.ratings).not.toHaveProperty("2");
    // …where the same rating without its number would have been taken as a rating of draft 2.
    const unnamed = await north.act({ type: "rate", points, overall: "accept" });
    expect(unnamed.events.find((e) => e.type === "draft-rated")?.public).toEqual({ draft: 2, party: "north" });
  });

  it("a stream cut under it resumes after its last seq: no gap, no duplicate", async () => {
    const { convener, people } = await room("sao", { north: "human", south: "human" });
    const mine: WebSocket[] = [];
    const watcher = new RoomClient({ server, room: convener.room, token: convener.token!, WebSocket: recording(mine) });
    const stream = watcher.stream();
    const got: number[] = [];
    let cuts = 0;
    const watching = (async () => {
      for await (const e of stream) {
        got.push(e.seq);
        // Cut the connection every 5 events, as a network would.
        if (e.seq % 5 === 0) {
          cuts++;
          mine[mine.length - 1]!.terminate();
        }
      }
    })();
    const results = await Promise.all(
      (["north", "south"] as const).map(async (party) => playSeat(people[party]!, negotiatorFromSpec("linear"), { preferences: await modelled(people[party]!, party) })),
    );
    const last = results[0]!.seq;
    while (stream.lastSeq < last) await new Promise((r) => setTimeout(r, 20));
    stream.close();
    await watching;
    expect(cuts).toBeGreaterThan(0);
    expect(got).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    // Each cut made a new connection that asked for what follows the last event received.
    expect(stream.stats.connections).toBeGreaterThanOrEqual(2);
    const resumed = mine.map((s) => Number(new URL(s.url).searchParams.get("after")));
    expect(resumed[0]).toBe(0);
    expect(resumed.slice(1).every((a, i) => a >= resumed[i]! && a > 0)).toBe(true);
  });

  it("refused tokens and unknown rooms are RoomApiErrors with the server's code; a stream with a bad token ends with the error", async () => {
    const { created } = await room("sao", { north: "human", south: "linear" });
    const bad = new RoomClient({ server, room: created.id, token: "not-a-token", WebSocket: RecordingWS });
    await expect(bad.view()).rejects.toMatchObject({ name: "RoomApiError", status: 401 });
    await expect(bad.stream().next()).rejects.toMatchObject({ status: 401 });
    const nowhere = new RoomClient({ server, room: "no-such-room", token: created.conveneToken });
    const e = await nowhere.view().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RoomApiError);
    expect((e as RoomApiError).status).toBe(404);
    // A replayed invite (room() exchanged it already)
    const replay = await new RoomClient({ server }).join(created.id, created.invites.north!).catch((x: unknown) => x);
    expect(replay).toBeInstanceOf(RoomApiError);
    expect([409, 410]).toContain((replay as RoomApiError).status);
  });

  it("playSeat refuses a token that is not a seat's, and a seat without preferences to submit", async () => {
    const { convener, people } = await room("sao", { north: "human", south: "linear" });
    await expect(playSeat(convener, negotiatorFromSpec("linear"))).rejects.toMatchObject({ code: "PARLEY_ROOM_FORBIDDEN" });
    await expect(playSeat(people.north!, negotiatorFromSpec("linear"))).rejects.toMatchObject({ code: "PARLEY_ROOM_BAD_PREFERENCES" });
  });
});
