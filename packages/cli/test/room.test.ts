// `parley room …` against a real server listening on a random port (in process, SQLite; PostgreSQL
// under PARLEY_TEST_PG): create, play a seat remotely to the end, status, watch, export → audit verify.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeStores, testApp } from "../../server/test/helpers.js";
import { QUAD_SCENARIO_ID, quadScenarioYaml } from "../../../test/room-fixture.js";
import { parley } from "./run-cli.js";

delete process.env["PARLEY_ROOM_TOKEN"];
const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-room-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describeStores("parley room against a running server", (fresh) => {
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
    await app?.close();
  });

  it("create → play a seat remotely to the end → status, watch, export; the export verifies", async () => {
    const created = await parley(["room", "create", QUAD_SCENARIO_ID, "--protocol", "stacked", "--seat", "north=human", "--seat", "south=boulware(e=0.2)", "--seat", "east=human", "--rounds", "20", "--seed", "3", "--server", server, "--json"]);
    expect(created.code, created.stderr).toBe(0);
    const room = JSON.parse(created.stdout) as { id: string; url: string; conveneToken: string; invites: Record<string, string> };
    expect(Object.keys(room.invites).sort()).toEqual(["east", "north"]);
    expect(room.url).toBe(`${server}/api/rooms/${room.id}`);

    // The text form names what to do next.
    const text = await parley(["room", "create", QUAD_SCENARIO_ID, "--protocol", "sao", "--seat", "north=human", "--seat", "south=linear", "--server", server]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^room \S+\nurl http:\/\/127\.0\.0\.1:\d+\/api\/rooms\/\S+\nconvene token \S+\ninvites/);
    expect(text.stdout).toContain("parley room play");

    const before = await parley(["room", "status", room.id, "--token", room.conveneToken, "--server", server]);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain(`room ${room.id}: open`);
    expect(before.stdout).toContain("north (human, not joined, no preferences)");

    const [north, east] = await Promise.all([
      parley(["room", "play", room.url, "--invite", room.invites.north!, "--agent", "conceder(e=3)", "--json"]),
      parley(["room", "play", room.url, "--invite", room.invites.east!, "--agent", "linear", "--quiet"]),
    ]);
    expect(north.code, north.stderr).toBe(0);
    expect(east.code, east.stderr).toBe(0);
    const result = JSON.parse(north.stdout) as { status: string; seq: number; party: string; actions: number; utility: number | null };
    expect(result.party).toBe("north");
    expect(["settled", "failed"]).toContain(result.status);
    expect(result.actions).toBeGreaterThan(0);
    expect(east.stdout).toContain(`room ${room.id}: ${result.status}`);

    const status = await parley(["room", "status", room.id, "--token", room.conveneToken, "--server", server, "--json"]);
    expect(JSON.parse(status.stdout)).toMatchObject({ id: room.id, role: "convener", seq: result.seq, view: { status: result.status } });

    // watch on a room that has ended prints every event once, in order, and returns.
    const watch = await parley(["room", "watch", room.id, "--token", room.conveneToken, "--server", server, "--json"]);
    expect(watch.code, watch.stderr).toBe(0);
    const seqs = watch.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { seq: number }).seq);
    expect(seqs).toEqual(Array.from({ length: result.seq }, (_, i) => i + 1));
    const after = await parley(["room", "watch", room.id, "--token", room.conveneToken, "--server", server, "--after", String(result.seq - 2)]);
    expect(after.stdout.trim().split("\n")).toHaveLength(3); // the status line and the last two events

    const out = path.join(tmp, `${room.id}.json`);
    const exported = await parley(["room", "export", room.id, "--token", room.conveneToken, "--server", server, "--out", out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`${result.seq} entries`);
    const verify = await parley(["audit", "verify", out]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const log = JSON.parse(readFileSync(out, "utf8")) as { entries: { json: string }[] };
    expect(log.entries).toHaveLength(result.seq);
  });

  it("refused requests: a bad token, an unknown room, a used invite, a rule of the room (exit 2 with the server's code)", async () => {
    const created = await parley(["room", "create", QUAD_SCENARIO_ID, "--protocol", "sao", "--seat", "north=human", "--seat", "south=linear", "--server", server, "--json"]);
    const room = JSON.parse(created.stdout) as { id: string; url: string; conveneToken: string; invites: Record<string, string> };
    const cases: [string[], string][] = [
      [["room", "status", room.id, "--token", "nope", "--server", server], "PARLEY_HTTP_BAD_TOKEN"],
      [["room", "status", "no-such-room", "--token", room.conveneToken, "--server", server], "PARLEY_HTTP_ROOM_NOT_FOUND"],
      [["room", "create", "no-such-scenario", "--seat", "north=human", "--server", server], "no-such-scenario"],
      [["room", "create", QUAD_SCENARIO_ID, "--protocol", "sao", "--seat", "north=human", "--seat", "nobody=linear", "--server", server], 'no party "nobody"'],
      [["room", "create", QUAD_SCENARIO_ID, "--protocol", "sao", "--seat", "north=human", "--seat", "south=linear", "--seat", "east=linear", "--server", server], "PARLEY_ROOM_BAD_SPEC"],
      [["room", "play", room.url, "--invite", "forged", "--agent", "linear"], "PARLEY_HTTP_BAD_TOKEN"],
    ];
    for (const [args, code] of cases) {
      const r = await parley(args);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(code);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    // An invite is one-time: playing with it twice is refused the second time.
    const first = parley(["room", "play", room.url, "--invite", room.invites.north!, "--agent", "linear", "--quiet"]);
    await new Promise((r) => setTimeout(r, 300));
    const second = await parley(["room", "play", room.url, "--invite", room.invites.north!, "--agent", "linear"]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("PARLEY_HTTP_INVITE_USED");
    expect((await first).code).toBe(0);
  });

  it("invite: the convener's own browser link, a seat's new link, refused combinations; create prints the workbench links", async () => {
    const created = await parley(["room", "create", QUAD_SCENARIO_ID, "--protocol", "sao", "--seat", "north=human", "--seat", "south=linear", "--server", server, "--json"]);
    expect(created.code, created.stderr).toBe(0);
    const room = JSON.parse(created.stdout) as { id: string; conveneToken: string; invites: Record<string, string>; links: Record<string, string> };
    expect(room.links).toEqual({ north: `${server}/#/rooms/${room.id}/join?invite=${encodeURIComponent(room.invites.north!)}` });

    const own = await parley(["room", "invite", room.id, "--role", "convener", "--token", room.conveneToken, "--server", server, "--json"]);
    expect(own.code, own.stderr).toBe(0);
    const got = JSON.parse(own.stdout) as { invite: string; role: string; link: string };
    expect(got).toMatchObject({ role: "convener", link: `${server}/#/rooms/${room.id}/join?invite=${encodeURIComponent(got.invite)}` });
    const joined = await fetch(`${server}/api/rooms/${room.id}/join`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ invite: got.invite }) });
    expect(await joined.json()).toMatchObject({ role: "convener" });

    const seat = await parley(["room", "invite", room.id, "--role", "seat", "--party", "north", "--token", room.conveneToken, "--server", server]);
    expect(seat.code, seat.stderr).toBe(0);
    expect(seat.stdout).toMatch(new RegExp(`^invite for the seat of north \\(one-time\\): \\S+\nlink to open in a browser: ${server.replace(/[.]/g, "\\.")}/#/rooms/${room.id}/join\\?invite=\\S+\n$`));

    const noParty = await parley(["room", "invite", room.id, "--role", "seat", "--token", room.conveneToken, "--server", server]);
    expect(noParty.code).toBe(2);
    expect(noParty.stderr).toContain("--party");
    const agentSeat = await parley(["room", "invite", room.id, "--role", "seat", "--party", "south", "--token", room.conveneToken, "--server", server]);
    expect(agentSeat.code).toBe(2);
    expect(agentSeat.stderr).toContain("PARLEY_HTTP_BAD_REQUEST");
    const noMediator = await parley(["room", "invite", room.id, "--role", "mediator", "--token", room.conveneToken, "--server", server]);
    expect(noMediator.code).toBe(2);
    const asSeat = await fetch(`${server}/api/rooms/${room.id}/join`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ invite: room.invites.north }) });
    const seatToken = ((await asSeat.json()) as { token: string }).token;
    const forbidden = await parley(["room", "invite", room.id, "--role", "observer", "--token", seatToken, "--server", server]);
    expect(forbidden.code).toBe(2);
    expect(forbidden.stderr).toContain("PARLEY_HTTP_ROLE_FORBIDDEN");

    const text = await parley(["room", "create", QUAD_SCENARIO_ID, "--protocol", "sao", "--seat", "north=human", "--seat", "south=linear", "--server", server]);
    expect(text.stdout).toMatch(new RegExp(`\n  north +${server.replace(/[.]/g, "\\.")}/#/rooms/\\S+/join\\?invite=\\S+\n`));
    expect(text.stdout).toContain("parley room invite");
  });
});
