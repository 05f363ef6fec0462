// Room benchmark (issue 11, §7): 100 concurrent rooms with 4 seats each, every seat played over a
// real WebSocket by a playSeat client (@parley/client) with a built-in agent, so the server is
// measured end to end: REST actions and views, the per-room queue, one SQLite transaction per
// command with its audit entries and signed head, the broadcast to every seat.
// Reported: events/s over the run; latency from an action's request to the delivery of the event it
// made to every seat of the room (p50, p99); the server's memory per room (its RSS at the peak of
// the run minus before, over the rooms). The server runs in a child process (start.ts under tsx, a
// temp SQLite file, rate limit off, no worker threads: rooms never use them); the 400 clients run in
// this process, on the same 2 cores.
// Run alone: `npx tsx --conditions=@parley/source bench/rooms.ts [--size smoke] [--rooms N]`;
// bench/run.ts calls roomBenchmarks(smoke).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { parse as parseYaml } from "yaml";
import { negotiatorFromSpec, type RoomEvent } from "@parley/core";
import { playSeat, RoomClient, type SeatResult, type WebSocketConstructor } from "@parley/client";
import type { Measurement } from "./harness.js";
import { startChild, stopChild } from "./server.js";
import { QUAD_PARTIES, QUAD_SCENARIO_ID, quadScenarioYaml } from "../test/room-fixture.js";

const WS = WebSocket as unknown as WebSocketConstructor;
const AGENTS = ["boulware(e=0.2)", "conceder(e=3)", "linear", "boulware(e=0.5)"];

export interface RoomBenchResult {
  readonly rooms: number;
  readonly seats: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly rssBeforeMb: number;
  readonly rssPeakMb: number;
  readonly kbPerRoom: number;
  readonly load: readonly number[];
  readonly outcomes: Readonly<Record<string, number>>;
}

/** The child's resident set size (Linux /proc), in bytes. */
function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : 0;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

export async function runRoomBench(roomCount: number, rounds: number): Promise<RoomBenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "parley-bench-rooms-"));
  const { url, child } = await startChild({ PARLEY_DB: path.join(dir, "rooms.sqlite"), PARLEY_WORKERS: "0", PARLEY_UPLOAD_RATE_LIMIT: "off" });
  const server = url.origin;
  try {
    const up = await fetch(`${server}/api/scenarios`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ format: "yaml", text: quadScenarioYaml }) });
    if (up.status !== 201) throw new Error(`upload failed: ${await up.text()}`);
    const file = parseYaml(quadScenarioYaml) as { parties: { id: string; preferences: Record<string, unknown> }[] };
    const prefs = (party: string) => file.parties.find((p) => p.id === party)!.preferences;

    /** Creates `n` rooms, joins 4 clients to each, plays them all; returns timings. */
    const play = async (n: number, measure: boolean) => {
      const sent = new Map<string, number>(); // room/seq → the action's start
      const arrived = new Map<string, number[]>(); // room/seq → arrival per seat
      const seats: { client: RoomClient; party: string; room: string; agent: string }[] = [];
      for (let r = 0; r < n; r++) {
        const convener = new RoomClient({ server });
        const created = await convener.create({ scenario: QUAD_SCENARIO_ID, protocol: "stacked", seats: Object.fromEntries(QUAD_PARTIES.map((p) => [p, "human"])), deadline: { rounds }, seed: r + 1 });
        for (const [k, party] of QUAD_PARTIES.entries()) {
          const client = new RoomClient({ server, WebSocket: WS });
          await client.join(created.id, created.invites[party]!);
          seats.push({ client, party, room: created.id, agent: AGENTS[k]! });
        }
      }
      const t0 = performance.now();
      const results: SeatResult[] = await Promise.all(
        seats.map(({ client, party, room, agent }) => {
          const act = client.act.bind(client);
          client.act = async (a) => {
            const start = performance.now();
            const r = await act(a);
            for (const e of r.events) if (!sent.has(`${room}/${e.seq}`)) sent.set(`${room}/${e.seq}`, start);
            return r;
          };
          return playSeat(client, negotiatorFromSpec(agent), {
            preferences: prefs(party),
            onEvent: (e: RoomEvent) => {
              const key = `${room}/${e.seq}`;
              const list = arrived.get(key) ?? [];
              list.push(performance.now());
              arrived.set(key, list);
            },
          });
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      if (!measure) return null;
      const latencies: number[] = [];
      for (const [key, start] of sent) {
        const list = arrived.get(key);
        if (list && list.length === 4) latencies.push(Math.max(...list) - start);
      }
      latencies.sort((a, b) => a - b);
      // One seat per room (seats are in room order, 4 each) says how many events its room has.
      const perRoom = results.filter((_, i) => i % 4 === 0);
      const events = perRoom.reduce((sum, r) => sum + r.seq, 0);
      const outcomes: Record<string, number> = {};
      for (const r of perRoom) outcomes[r.status] = (outcomes[r.status] ?? 0) + 1;
      return { seconds, latencies, events, outcomes };
    };

    await play(2, false); // warm-up: JIT, prepared statements
    const rssBefore = rssOf(child.pid!);
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!))), 100);
    const run = (await play(roomCount, true))!;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(child.pid!));
    return {
      rooms: roomCount,
      seats: roomCount * 4,
      events: run.events,
      seconds: run.seconds,
      eventsPerSecond: run.events / run.seconds,
      p50Ms: percentile(run.latencies, 50),
      p99Ms: percentile(run.latencies, 99),
      maxMs: run.latencies.at(-1) ?? NaN,
      rssBeforeMb: rssBefore / 2 ** 20,
      rssPeakMb: peak / 2 ** 20,
      kbPerRoom: (peak - rssBefore) / 1024 / roomCount,
      load: os.loadavg(),
      outcomes: run.outcomes,
    };
  } finally {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function roomBenchmarks(smoke: boolean): Promise<Measurement[]> {
  const rooms = smoke ? 10 : 100;
  const r = await runRoomBench(rooms, smoke ? 10 : 30);
  return [
    {
      name: `rooms: ${r.rooms} concurrent, 4 playSeat clients each over WebSockets`,
      medianMs: r.seconds * 1000,
      runsMs: [r.seconds * 1000],
      detail: `${r.events} events, ${r.eventsPerSecond.toFixed(0)} events/s; action → every seat p50 ${r.p50Ms.toFixed(0)} ms, p99 ${r.p99Ms.toFixed(0)} ms; server RSS +${r.kbPerRoom.toFixed(0)} KiB/room (${r.rssBeforeMb.toFixed(0)} → ${r.rssPeakMb.toFixed(0)} MiB); load ${r.load.map((l) => l.toFixed(1)).join(" ")}`,
    },
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const smoke = process.argv.includes("--size") && process.argv[process.argv.indexOf("--size") + 1] === "smoke";
  const roomsArg = process.argv.includes("--rooms") ? Number(process.argv[process.argv.indexOf("--rooms") + 1]) : smoke ? 10 : 100;
  const r = await runRoomBench(roomsArg, smoke ? 10 : 30);
  console.log(JSON.stringify(r, null, 2));
}
