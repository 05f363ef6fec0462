// Tournaments on the PostgreSQL job queue (docs/distributed-tournaments.md) against the local
// executor: runs per second of an ANAC-scale tournament (10 agents × the bilateral ANAC 2010–2013
// scenarios × both roles, 1000-round SAOP) played
//   - locally on 2 piscina worker threads (the `parley tournament` executor),
//   - by 1 `parley worker` process (concurrency 1), by 2 processes (concurrency 1 each), and by 1
//     process with concurrency 2,
// each queue measurement on a fresh database of a private PostgreSQL cluster (PARLEY_TEST_PG=1, as
// the tests) or of PARLEY_TEST_DATABASE_URL. Workers are started and idle first; the time runs from
// queueing the tournament to its last result. The leaderboards are checked equal to the local one.
//
//   PARLEY_TEST_PG=1 npx tsx --conditions=@parley/source bench/distributed-tournament.ts [--size smoke|sample|full]
//
// smoke: 4 agents × 3 scenarios × 1 repetition; sample (default): 10 agents × every 5th scenario × 1
// repetition; full: 10 agents × all scenarios × 3 repetitions (27,270 runs: long). Not part of
// `npm run bench` (it needs PostgreSQL and spawns processes).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkTournament, compileScenario, scoreRecords, simulationReference, type Scenario } from "@parley/core";
import { readGeniusFolderSync } from "@parley/formats/node";
import { TournamentQueue } from "@parley/server/queue";
import { runTournament } from "../packages/cli/src/tournament/run-tournament.js";
import { freshDatabase as freshPgDatabase, startPostgres } from "../packages/server/test/pg.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const geniusRoot = path.resolve(repoRoot, process.env["PARLEY_SHARED_DIR"] ?? "../shared", "data/genius");
const size = process.argv.includes("--size") ? process.argv[process.argv.indexOf("--size") + 1]! : "sample";
if (!["smoke", "sample", "full"].includes(size)) throw new Error(`--size is smoke, sample or full, not ${size}`);

const AGENTS = ["boulware", "linear", "conceder", "hardliner", "aspiration", "random", "tit-for-tat", "nice-tit-for-tat", "micro", "boa"];
const ROUNDS = 1000;

/** The bilateral ANAC 2010–2013 scenarios of the GENIUS corpus (folder order). */
function anacScenarios(): { id: string; scenario: Scenario }[] {
  const out: { id: string; scenario: Scenario }[] = [];
  for (const year of ["y2010", "y2011", "y2012", "y2013"]) {
    const dir = path.join(geniusRoot, "anac", year);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const r = readGeniusFolderSync(path.join(dir, name));
      if (!r.ok) continue;
      if (r.value.parties.filter((p) => p.preferences).length !== 2) continue;
      out.push({ id: `anac/${year}/${name}`, scenario: r.value });
    }
  }
  return out;
}

const all = anacScenarios();
if (all.length === 0) throw new Error(`no ANAC scenarios under ${geniusRoot} (the GENIUS corpus beside the checkout)`);
const scenarios = size === "smoke" ? all.slice(0, 3) : size === "sample" ? all.filter((_, i) => i % 5 === 0) : all;
const agents = size === "smoke" ? AGENTS.slice(0, 4) : AGENTS;
const repetitions = size === "full" ? 3 : 1;

const compiled = scenarios.map((s) => compileScenario(s.scenario));
const checked = checkTournament({
  competitors: agents,
  scenarios: scenarios.map((s, i) => ({ id: s.id, compiled: compiled[i]! })),
  protocol: "sao",
  rounds: ROUNDS,
  repetitions,
  rotate: true,
  selfPlay: false,
  seed: 1,
});
if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join("; "));
const { plan } = checked;
const timeLimitMs = 60_000;

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" / ");
console.log(
  `Distributed tournament benchmark (${size}) — node ${process.version}, ${os.cpus().length} cores; ${plan.runs.length} runs: ${agents.length} agents × ${scenarios.length} ANAC 2010–2013 scenarios × both roles × ${repetitions} repetition${repetitions === 1 ? "" : "s"}, SAOP ${ROUNDS} rounds`,
);
console.log(`load average at start (1 / 5 / 15 min): ${load()}\n`);

interface Figure {
  readonly name: string;
  readonly ms: number;
  readonly board: string;
}
const figures: Figure[] = [];
const report = (f: Figure) => {
  figures.push(f);
  console.log(`${f.name.padEnd(44)} ${(f.ms / 1000).toFixed(1).padStart(7)} s  ${((plan.runs.length / f.ms) * 1000).toFixed(1).padStart(7)} runs/s   (load ${load()})`);
};
const boardOf = (scores: ReturnType<typeof scoreRecords>) => JSON.stringify(scores);

// ── local: the CLI's executor on 2 worker threads ──────────────────────────
{
  const references = compiled.map((c, s) => simulationReference(c, checked.seats[s]!).reference);
  const t0 = performance.now();
  const result = await runTournament({
    plan,
    context: { scenarios: scenarios.map((s) => s.scenario), protocol: "sao", rounds: ROUNDS },
    references,
    compiled,
    threads: 2,
    timeLimitMs,
  });
  report({ name: "local: piscina, 2 threads", ms: performance.now() - t0, board: boardOf(scoreRecords(result.records)) });
}

// ── the queue ────────────────────────────────────────────────────────────────
const server = await startPostgres();
if (!server) throw new Error("the queue needs PostgreSQL: set PARLEY_TEST_PG=1 (private cluster) or PARLEY_TEST_DATABASE_URL");
let n = 0;
const freshDatabase = () => freshPgDatabase(server.url, `parley_bench_${process.pid}_${++n}`);

function startWorker(url: string, concurrency: number): { child: ChildProcess; ready: Promise<void>; exited: Promise<void> } {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=@parley/source", path.join(repoRoot, "packages/cli/src/main.ts"), "worker", "--queue", url, "--concurrency", String(concurrency)],
    { cwd: repoRoot, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const ready = new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("at a time from")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`a worker exited (${code}) before it was ready: ${out}`)));
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { child, ready, exited };
}

async function onQueue(name: string, processes: number, concurrency: number): Promise<void> {
  const url = await freshDatabase();
  const queue = await TournamentQueue.open(url);
  const workers = Array.from({ length: processes }, () => startWorker(url, concurrency));
  try {
    await Promise.all(workers.map((w) => w.ready));
    const t0 = performance.now();
    await queue.enqueue(
      { hash: plan.hash, input: plan.input, scenarios: scenarios.map((s) => s.scenario), settings: { protocol: "sao", rounds: ROUNDS }, timeLimitMs },
      "bench",
      plan.runs.length,
    );
    for (;;) {
      const [t] = await queue.status();
      if (t!.complete) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const ms = performance.now() - t0;
    report({ name, ms, board: boardOf(scoreRecords(await queue.records(plan.hash))) });
  } finally {
    for (const w of workers) w.child.kill("SIGTERM");
    await Promise.all(workers.map((w) => w.exited));
    await queue.close();
  }
}

try {
  await onQueue("queue: 1 worker process (concurrency 1)", 1, 1);
  await onQueue("queue: 2 worker processes (concurrency 1)", 2, 1);
  await onQueue("queue: 1 worker process (concurrency 2)", 1, 2);
} finally {
  await server.stop();
}
const same = figures.every((f) => f.board === figures[0]!.board);
console.log(`\nleaderboards equal to the local one: ${same ? "yes" : "NO"}; load average at the end: ${load()}`);
if (!same) process.exitCode = 1;
