// Tournaments on the PostgreSQL job queue (docs/distributed-tournaments.md), on a private cluster
// (PARLEY_TEST_PG=1, as the server's PostgreSQL suite): worker processes, one killed with SIGKILL
// mid-run; every run recorded exactly once; the same leaderboard and runs as a local tournament.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAILED_QUEUE, leaseSeconds, RUN_QUEUE, RUN_RETRIES, runJobId, startQueueWorker, TournamentQueue } from "@parley/server/queue";
import { freshDatabase as freshPgDatabase, skipNotice, startPostgres, type PgServer } from "../../server/test/pg.js";
import { parley, repoRoot } from "./run-cli.js";

describe("queue helpers", () => {
  it("gives each run a job id that sorts in run order within a plan, and a lease longer than the time limit", () => {
    const plan = "0123456789abcdef0123456789abcdef";
    const ids = [0, 1, 9, 10, 255, 4096].map((i) => runJobId(plan, i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(runJobId("fedcba9876543210fedcba", 3)).not.toBe(runJobId(plan, 3));
    expect(leaseSeconds(60_000)).toBe(95);
    expect(leaseSeconds(1)).toBe(6);
  });
});

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-queue-"));
let server: PgServer | undefined;
beforeAll(async () => {
  server = await startPostgres();
  if (!server) skipNotice();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** A fresh database on the test server (pg-boss keeps its jobs in a schema of its own, so each test gets a database). */
const freshDatabase = (name: string) => freshPgDatabase(server!.url, name);

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const example = path.join(repoRoot, "examples/ceasefire-talks.yaml");
/** 36 runs of 10–300 ms each (three seats, 4000 rounds), long enough for a worker to be killed while it plays. */
const config = (name: string) => {
  const file = path.join(tmp, name);
  writeFileSync(
    file,
    `competitors: [boulware, linear, "conceder(e=3)"]
scenarios:
  - { path: ${example}, seats: [government, movement, kessa] }
protocol: stacked
rounds: 4000
repetitions: 6
seed: 23
timeLimitMs: 8000
`,
  );
  return file;
};

function startWorker(url: string, concurrency: number): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=@parley/source", path.join(repoRoot, "packages/cli/src/main.ts"), "worker", "--queue", url, "--concurrency", String(concurrency), "--until-done"],
    { cwd: repoRoot, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

const withoutTime = (r: { wallMs: number }) => ({ ...r, wallMs: 0 });
const lines = (file: string) =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { index: number; wallMs: number });

describe.skipIf(!process.env["PARLEY_TEST_PG"] && !process.env["PARLEY_TEST_DATABASE_URL"] && !process.env["DATABASE_URL"])("tournaments on the PostgreSQL queue", () => {
  it(
    "three worker processes, one killed with SIGKILL mid-run: every run is recorded exactly once, and the results equal a local run's",
    async () => {
      const url = await freshDatabase("parley_queue_kill");
      const file = config("kill.yaml");
      const queued = await parley(["tournament", file, "--queue", url]);
      expect(queued.code, queued.stderr).toBe(0);
      expect(queued.stdout).toMatch(/Queued tournament [0-9a-f]{12}: 36 runs — 36 new jobs, 0 already done/);
      // Enqueueing again adds nothing: jobs are keyed by plan hash and run index.
      const again = await parley(["tournament", file, "--queue", url]);
      expect(again.stdout).toMatch(/36 runs — 0 new jobs, 0 already done, 36 already queued/);

      const victim = startWorker(url, 2);
      const others = [startWorker(url, 1), startWorker(url, 1)];
      const victimName = `${os.hostname()}:${victim.child.pid}`;
      // Kill the victim once it has recorded a run: it is then playing its next ones.
      const deadline = Date.now() + 90_000;
      for (;;) {
        const [row] = await query<{ n: string }>(url, "SELECT count(*) AS n FROM queued_runs WHERE worker = $1", [victimName]);
        if (Number(row!.n) >= 1) break;
        if (Date.now() > deadline) throw new Error(`the victim recorded nothing: ${victim.output()}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      victim.child.kill("SIGKILL");
      expect(await victim.exited).toBeNull();
      const codes = await Promise.all(others.map((w) => w.exited));
      expect(codes, others.map((w) => w.output()).join("\n")).toEqual([0, 0]);

      const runs = await query<{ idx: number; worker: string; attempt: number }>(url, "SELECT idx, worker, attempt FROM queued_runs ORDER BY idx");
      expect(runs.map((r) => r.idx)).toEqual(Array.from({ length: 36 }, (_, i) => i));
      // The runs the victim held were retried after their lease ran out, by the other workers.
      const retried = runs.filter((r) => r.attempt > 1);
      expect(retried.length).toBeGreaterThan(0);
      for (const r of retried) expect(r.worker).not.toBe(victimName);
      // Every job completed once; none failed for good.
      const jobs = await query<{ state: string; n: string }>(url, "SELECT state, count(*) AS n FROM pgboss.job WHERE name = $1 GROUP BY state", [RUN_QUEUE]);
      expect(jobs.map((j) => [j.state, Number(j.n)])).toEqual([["completed", 36]]);

      const status = await parley(["tournament", "status", "--queue", url, "--json"]);
      const [t] = JSON.parse(status.stdout).tournaments;
      expect(t).toMatchObject({ total: 36, done: 36, failed: 0, complete: true, state: "complete" });

      const out = path.join(tmp, "kill-queue");
      const results = await parley(["tournament", "results", "--queue", url, "--out", out]);
      expect(results.code, results.stderr).toBe(0);
      const local = path.join(tmp, "kill-local");
      const ran = await parley(["tournament", file, "--out", local, "--threads", "2"]);
      expect(ran.code, ran.stderr).toBe(0);
      const a = JSON.parse(readFileSync(path.join(out, "results.json"), "utf8"));
      const b = JSON.parse(readFileSync(path.join(local, "results.json"), "utf8"));
      expect(a.scores).toEqual(b.scores);
      expect(a.plan).toEqual(b.plan);
      expect(a.settings).toEqual(b.settings);
      expect(a.runs.map(withoutTime)).toEqual(b.runs.map(withoutTime));
      expect(readFileSync(path.join(out, "competitors.csv"), "utf8")).toBe(readFileSync(path.join(local, "competitors.csv"), "utf8"));
      expect(lines(path.join(out, "runs.jsonl")).map(withoutTime)).toEqual(lines(path.join(local, "runs.jsonl")).sort((x, y) => x.index - y.index).map(withoutTime));
      // The leaderboard printed is the local one's.
      const board = (text: string) => text.slice(text.indexOf("rank"), text.indexOf("Results:"));
      expect(board(results.stdout)).toBe(board(ran.stdout));
    },
    240_000,
  );

  it("records a run that failed every attempt as error RUN_FAILED, and the tournament completes", async () => {
    const url = await freshDatabase("parley_queue_failed");
    const file = config("failed.yaml");
    expect((await parley(["tournament", file, "--queue", url])).code).toBe(0);
    const queue = await TournamentQueue.open(url);
    try {
      // Fail the first run's job on every attempt, as a worker that dies each time would.
      for (let attempt = 0; attempt <= RUN_RETRIES; attempt++) {
        const [job] = await queue.boss.fetch<{ plan: string; index: number }>(RUN_QUEUE, { batchSize: 1 });
        expect(job!.data.index).toBe(0);
        await queue.boss.fail(RUN_QUEUE, job!.id, { message: `attempt ${attempt + 1} died` });
      }
      const [dead] = await query<{ n: string }>(url, "SELECT count(*) AS n FROM pgboss.job WHERE name = $1", [FAILED_QUEUE]);
      expect(Number(dead!.n)).toBe(1);
      const worker = await startQueueWorker(queue, { concurrency: 2, pollMs: 200 });
      const deadline = Date.now() + 120_000;
      while (!(await queue.status())[0]!.complete) {
        if (Date.now() > deadline) throw new Error("the tournament did not complete");
        await new Promise((r) => setTimeout(r, 200));
      }
      await worker.stop();
      const [t] = await queue.status();
      expect(t).toMatchObject({ total: 36, done: 36, failed: 1, complete: true });
      const records = await queue.records(t!.plan);
      expect(records).toHaveLength(36);
      expect(records[0]).toMatchObject({ index: 0, status: "error", agreement: null, rounds: 0, error: { code: "RUN_FAILED" } });
      expect(records[0]!.error!.message).toContain(`failed ${RUN_RETRIES + 1} times (last: attempt 3 died)`);
      expect(records.slice(1).every((r) => r.status !== "error")).toBe(true);
    } finally {
      await queue.close();
    }
    // The results say it: the failed run counts as an error of both its competitors.
    const out = path.join(tmp, "failed-queue");
    const results = await parley(["tournament", "results", "--queue", url, "--out", out]);
    expect(results.code, results.stderr).toBe(0);
    expect(results.stdout).toMatch(/errors 1\n/);
  }, 180_000);

  it("says what is wrong with a bad queue URL or an incomplete tournament, without a stack trace", async () => {
    const notPg = await parley(["worker", "--queue", "mysql://localhost/x"]);
    expect(notPg.code).toBe(2);
    expect(notPg.stderr).toContain("give a postgres:// URL");
    const url = await freshDatabase("parley_queue_errors");
    const empty = await parley(["tournament", "status", "--queue", url]);
    expect(empty.stdout).toContain("No tournament in the queue");
    const noResults = await parley(["tournament", "results", "--queue", url, "--out", path.join(tmp, "none")]);
    expect(noResults.code).toBe(2);
    expect(noResults.stderr).toContain("no tournament in the queue");
    expect((await parley(["tournament", config("errors.yaml"), "--queue", url])).code).toBe(0);
    const early = await parley(["tournament", "results", "--queue", url, "--out", path.join(tmp, "early")]);
    expect(early.code).toBe(3);
    expect(early.stderr).toMatch(/is not complete: 0 of 36 runs have a result/);
    expect(early.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const badUrl = new URL(url);
    badUrl.pathname = "/no_such_database";
    const missing = await parley(["tournament", "status", "--queue", badUrl.toString()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot open the queue at .*no_such_database.*does not exist/);
  });
});
