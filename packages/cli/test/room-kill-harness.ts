// The kill harness (docs/rooms.md, "Crash safety"): `parley serve` as a child process on a temp
// SQLite file (and on PostgreSQL under PARLEY_TEST_PG), rooms with agent seats run by the server and
// seats played remotely (playSeat, and `parley room play`), and SIGKILL at seeded random moments —
// while rooms run, and while the server is still starting and replaying — restarting on the same
// database each time. Checked: every event a client saw is still there, unchanged; seqs are
// contiguous; every room's export verifies; every room in the database reaches an end (agent seats
// resume; also the rooms whose creation a kill cut short of an answer); a wall-clock deadline that
// passed while the server was down fires at restart. The server's warnings and errors (an engine
// move that failed, a room that could not be replayed) are kept and shown when a check fails.
//
// It runs the built CLI (packages/cli/bin/parley.js → dist/, as `npm install` / `npm run build`
// leave it): under tsx a start costs seconds more, times ~70 starts.
//
// Two test files run it, one per store (room-kill.test.ts, room-kill-pg.test.ts), so that vitest
// can run the two side by side (with more than one worker): each takes minutes (50 kills, ~17 full
// restarts).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, it, onTestFinished } from "vitest";
import WebSocket from "ws";
import { verifyExport } from "@parley/audit";
import { createRng, negotiatorFromSpec, type RoomEvent } from "@parley/core";
import { playSeat, RoomClient, type RoomCreateRequest, type RoomStream, type SeatResult, type WebSocketConstructor } from "@parley/client";
import { connect } from "../../server/src/store/connect.js";
import { describeStore } from "../../server/test/helpers.js";
import { QUAD_SCENARIO_ID, quadScenarioYaml } from "../../../test/room-fixture.js";
import { parley, repoRoot } from "./run-cli.js";

const bin = path.join(repoRoot, "packages/cli/bin/parley.js");
const built = existsSync(path.join(repoRoot, "packages/cli/dist/bundle/main.js")) && existsSync(path.join(repoRoot, "packages/server/dist/index.js"));
const WS = WebSocket as unknown as WebSocketConstructor;
/** Reconnect fast: the server is back within seconds. */
const STREAM = { backoff: { initialMs: 50, maxMs: 400 }, idleMs: 20_000 } as const;
const OVER = new Set(["settled", "failed", "closed"]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** `parley serve` on the port and database; resolves once it answers (or rejects when it exits first). */
class Serve {
  child: ChildProcess | null = null;
  starts = 0;
  kills = 0;
  /** Time from spawn to the first answer, over the starts that got that far. */
  readyMs: number[] = [];
  private spawnedAt = 0;
  log = "";
  /** The server's warnings and errors (pino lines of level 40 and above), the last 40. */
  problems: string[] = [];
  constructor(
    readonly port: number,
    readonly db: string,
  ) {}
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  /** The tournament job queue (pg-boss, PostgreSQL only) is off: rooms do not use it, and its start costs ~2 s of each restart. */
  start(): void {
    this.starts++;
    this.spawnedAt = Date.now();
    const child = spawn(process.execPath, [bin, "serve", "--port", String(this.port), "--db", this.db], {
      env: { ...process.env, PARLEY_WORKERS: "0", PARLEY_RATE_LIMIT: "off", PARLEY_UPLOAD_RATE_LIMIT: "off", PARLEY_LOG: "1", PARLEY_QUEUE: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let partial = "";
    child.stdout!.on("data", (d: Buffer) => {
      const lines = (partial + d.toString()).split("\n");
      partial = lines.pop()!;
      for (const line of lines) {
        if (/^\{"level":[4-6]\d/.test(line)) this.problems = [...this.problems, line.slice(0, 2000)].slice(-40);
        else if (!line.startsWith("{")) this.log = (this.log + line + "\n").slice(-4000);
      }
    });
    child.stderr!.on("data", (d: Buffer) => (this.log = (this.log + d.toString()).slice(-4000)));
    this.child = child;
  }
  async ready(timeoutMs = 60_000): Promise<void> {
    const t0 = Date.now();
    for (;;) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) throw new Error(`parley serve exited ${this.child.exitCode}: ${this.log}`);
      try {
        const r = await fetch(`${this.url}/api/audit/key`);
        if (r.ok) {
          this.readyMs.push(Date.now() - this.spawnedAt);
          return;
        }
      } catch {
        // not yet
      }
      if (Date.now() - t0 > timeoutMs) throw new Error(`parley serve did not answer within ${timeoutMs} ms: ${this.log}`);
      await sleep(50);
    }
  }
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    this.kills++;
    const exited = new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())));
    child.kill("SIGKILL");
    await exited;
  }
}

interface Watched {
  readonly id: string;
  readonly convener: RoomClient;
  readonly stream: RoomStream;
  /** Every event a client saw (the convener's stream, and the replies to the seats' actions), by seq. */
  readonly seen: Map<number, string>;
  readonly seats: Promise<SeatResult>[];
  /** Kills that happened while this room was running (it had begun and was not over). */
  interrupted: number;
  deadline?: { at: string | null };
}

const eventKey = (e: RoomEvent) => JSON.stringify({ seq: e.seq, at: e.at, type: e.type, actor: e.actor, public: e.public, commitment: e.commitment ?? null });

/** The harness on one store; room-kill.test.ts (SQLite) and room-kill-pg.test.ts (PostgreSQL) run it side by side. */
export const killHarness = (store: "sqlite" | "postgres") => describeStore(store, "kill -9 harness", (fresh, dialect) => {
  // PARLEY_KILLS: fewer (or more) kills for a quick local run.
  const KILLS = Number(process.env["PARLEY_KILLS"]) || 50;
  it.skipIf(!built)(`${KILLS} SIGKILLs of parley serve across running rooms: nothing seen is lost, seqs contiguous, logs verify, rooms end, deadlines fire`, { timeout: 900_000 }, async () => {
    const began = Date.now();
    const rng = createRng(dialect === "sqlite" ? 20261203 : 20261204);
    const serve = new Serve(await freePort(), await fresh());
    // A failing check leaves no server behind, and shows what the server complained about.
    onTestFinished(({ task }) => {
      void serve.child?.kill("SIGKILL");
      if (task.result?.state === "fail" && serve.problems.length > 0) console.error(`the server's warnings and errors:\n${serve.problems.join("\n")}`);
    });
    serve.start();
    await serve.ready();
    const up = await fetch(`${serve.url}/api/scenarios`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ format: "yaml", text: quadScenarioYaml }) });
    expect(up.status, await up.clone().text()).toBe(201);

    const rooms: Watched[] = [];
    const watch = (id: string, convener: RoomClient): Watched => {
      const seen = new Map<number, string>();
      const stream = convener.stream(STREAM);
      const w: Watched = { id, convener, stream, seen, seats: [], interrupted: 0 };
      void (async () => {
        for await (const e of stream) seen.set(e.seq, eventKey(e));
      })();
      rooms.push(w);
      return w;
    };
    const modelled = async (c: RoomClient, party: string) => {
      const { parse } = await import("yaml");
      const v = await c.scenario(QUAD_SCENARIO_ID, 1);
      return (parse(v.yaml) as { parties: { id: string; preferences: Record<string, unknown> }[] }).parties.find((p) => p.id === party)!.preferences;
    };
    const create = async (request: Omit<RoomCreateRequest, "scenario">) => {
      const convener = new RoomClient({ server: serve.url, WebSocket: WS });
      const created = await convener.create({ scenario: QUAD_SCENARIO_ID, seed: Math.floor(rng() * 1e9), ...request });
      return { created, w: watch(created.id, convener) };
    };
    /** A seat played from here with playSeat; the replies to its actions count as seen. */
    const remote = async (w: Watched, invite: string, party: string, agent: string) => {
      const c = new RoomClient({ server: serve.url, WebSocket: WS });
      await c.join(w.id, invite);
      const preferences = await modelled(c, party);
      const act = c.act.bind(c);
      c.act = async (a) => {
        const r = await act(a);
        for (const e of r.events) w.seen.set(e.seq, eventKey(e));
        return r;
      };
      w.seats.push(playSeat(c, negotiatorFromSpec(agent), { preferences, seed: 1, stream: STREAM }));
    };

    // Long-lived rooms: remote seats beside the server's agents (they span many kills).
    for (const protocol of ["stacked", "single-text"] as const) {
      const { created, w } = await create({ protocol, seats: { north: "human", south: "boulware(e=0.2)", east: "human", west: "conceder" }, deadline: { rounds: 40 } });
      await remote(w, created.invites.north!, "north", "boulware(e=0.5)");
      await remote(w, created.invites.east!, "east", "linear");
    }
    // A seat played by `parley room play` (in process, through the same client).
    const cliRoom = await create({ protocol: "sao", seats: { north: "human", south: "linear" }, deadline: { rounds: 40 } });
    const cliPlay = parley(["room", "play", `${serve.url}/api/rooms/${cliRoom.created.id}`, "--invite", cliRoom.created.invites.north!, "--agent", "boulware(e=0.3)", "--quiet", "--json"]);
    // The deadline room: a seat that joins and never acts; 3 s of wall clock from the start.
    const dl = await create({ protocol: "sao", seats: { north: "human", south: "linear" }, deadline: { seconds: 3, rounds: 1000 } });
    const idle = new RoomClient({ server: serve.url });
    await idle.join(dl.w.id, dl.created.invites.north!);
    await idle.submitPreferences(await modelled(idle, "north"));
    dl.w.deadline = { at: null };
    let deadlineChecked = false;

    for (let k = 0; k < KILLS; k++) {
      // Fresh agent rooms each round, so that kills land in the middle of agent play.
      const count = 1 + Math.floor(rng() * 2);
      for (let j = 0; j < count; j++) {
        const protocol = (["stacked", "single-text", "sao"] as const)[Math.floor(rng() * 3)]!;
        const seats: Record<string, string> = protocol === "sao" ? { north: "boulware", south: "conceder" } : { north: "boulware(e=0.3)", south: "conceder", east: "linear", west: "boulware" };
        await create({ protocol, seats, deadline: { rounds: 60 } }).catch(() => undefined);
      }
      if (!deadlineChecked) {
        // Kill right away, stay down past the deadline, restart: the deadline fires at once.
        const view = (await dl.w.convener.view()).view;
        expect(view.status).toBe("running");
        dl.w.deadline = { at: view.deadlineAt };
        await serve.kill();
        await sleep(Math.max(0, Date.parse(view.deadlineAt!) - Date.now()) + 500);
        serve.start();
        await serve.ready();
        const t0 = Date.now();
        let after = (await dl.w.convener.view()).view;
        while (after.status === "running" && Date.now() - t0 < 10_000) {
          await sleep(50);
          after = (await dl.w.convener.view()).view;
        }
        expect(after).toMatchObject({ status: "failed", reason: "timeout" });
        deadlineChecked = true;
        continue;
      }
      // Note which rooms are mid-play, wait a seeded moment, kill.
      await sleep(Math.floor(rng() * 1200));
      const running = await Promise.all(
        rooms.map(async (w) => {
          try {
            return OVER.has((await w.convener.view()).view.status) ? null : w;
          } catch {
            return null;
          }
        }),
      );
      await serve.kill();
      for (const w of running) if (w && w.seen.size > 0) w.interrupted++;
      serve.start();
      // Often kill again while it starts (migrations, replay of unfinished rooms): cheap kills.
      while (rng() < 0.65 && k < KILLS - 1) {
        await sleep(300 + Math.floor(rng() * 1200));
        await serve.kill();
        k++;
        serve.start();
      }
      await serve.ready();
    }
    expect(serve.kills).toBeGreaterThanOrEqual(KILLS);
    expect(deadlineChecked).toBe(true);

    // Every room in the database reaches an end: the watched ones and those whose creation a kill
    // cut short of an answer (read from the database itself).
    const t0 = Date.now();
    const db = connect(serve.db).db;
    let total = 0;
    try {
      for (;;) {
        const all = await db.selectFrom("rooms").select(["id", "status", "last_seq"]).execute();
        total = all.length;
        const open = all.filter((r) => !OVER.has(r.status));
        if (open.length === 0) break;
        if (Date.now() - t0 > 180_000)
          throw new Error(
            `${open.length} of ${all.length} rooms have not ended three minutes after the last kill: ${open.map((r) => `${r.id} ${r.status} at seq ${r.last_seq}`).join(", ")}\nthe server's warnings and errors:\n${serve.problems.join("\n")}`,
          );
        await sleep(200);
      }
    } finally {
      await db.destroy();
    }
    expect(total).toBeGreaterThanOrEqual(rooms.length);
    for (const w of rooms) expect(OVER.has((await w.convener.view()).view.status), w.id).toBe(true);
    const seatResults = await Promise.all(rooms.flatMap((w) => w.seats));
    const cli = await cliPlay;
    expect(cli.code, cli.stderr).toBe(0);
    expect(OVER.has((JSON.parse(cli.stdout) as { status: string }).status)).toBe(true);

    const key = ((await (await fetch(`${serve.url}/api/audit/key`)).json()) as { publicKey: string }).publicKey;
    for (const w of rooms) {
      const view = (await w.convener.view()).view;
      const stored = await w.convener.allEvents();
      // Seqs contiguous, up to the room's last.
      expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: view.seq }, (_, i) => i + 1));
      // No event a client saw is lost or changed.
      while (w.stream.lastSeq < view.seq) await sleep(20);
      w.stream.close();
      const byseq = new Map(stored.map((e) => [e.seq, eventKey(e)]));
      for (const [seq, seen] of w.seen) expect(byseq.get(seq), `room ${w.id} seq ${seq}`).toBe(seen);
      // The log verifies, against the server's key, and holds every event.
      const exported = await w.convener.exportLog();
      const audit = verifyExport(JSON.stringify(exported), { publicKey: key });
      expect(audit.problem, `room ${w.id}`).toBeNull();
      expect(audit.entries).toBe(view.seq);
    }
    for (const r of seatResults) expect(OVER.has(r.status)).toBe(true);
    // The deadline's no-agreement came after the deadline passed.
    const dlEvents = await dl.w.convener.allEvents();
    const timeout = dlEvents.find((e) => e.type === "no-agreement");
    expect(timeout?.public).toEqual({ reason: "timeout" });
    expect(Date.parse(timeout!.at)).toBeGreaterThanOrEqual(Date.parse(dl.w.deadline!.at!));
    // The harness is not vacuous: many rooms were mid-play at a kill, and some across several.
    const interrupted = rooms.filter((w) => w.interrupted > 0);
    expect(interrupted.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...rooms.map((w) => w.interrupted))).toBeGreaterThanOrEqual(3);
    console.log(
      `kill harness [${dialect}]: ${serve.kills} kills, ${serve.starts} starts, ${total} rooms in the database, ${rooms.length} watched (${interrupted.length} interrupted mid-play, up to ${Math.max(...rooms.map((w) => w.interrupted))} times), ${rooms.reduce((n, w) => n + w.seen.size, 0)} events seen by clients, all verified; ${((Date.now() - began) / 1000).toFixed(0)} s; a start answered after ${Math.round(serve.readyMs.reduce((a, b) => a + b, 0) / serve.readyMs.length)} ms on average (${serve.readyMs.length} starts)`,
    );
    await serve.kill();
  });
});
