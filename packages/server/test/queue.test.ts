// The server's tournaments on the PostgreSQL job queue (BuildAppOptions.queue, on with DATABASE_URL):
// runs played by a separate worker, progress still streamed, the same results as the server's own
// threads; cancelling cancels the queued runs and a re-run brings them back.
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUN_QUEUE, startQueueWorker, TournamentQueue } from "../src/queue/index.js";
import { serverConfigFromEnv } from "../src/start.js";
import { json, parseSse, testApp, waitForIdle, waitForJob } from "./helpers.js";
import { freshSchema, pgMode, skipNotice, startPostgres, type PgServer } from "./pg.js";

const request = {
  competitors: ["boulware", "conceder", "linear"],
  scenarios: [
    { id: "ceasefire-talks", seats: ["government", "movement"] },
    { id: "ceasefire-talks", seats: ["movement", "kessa"] },
  ],
  protocol: "sao",
  rounds: 40,
  repetitions: 2,
  seed: 5,
};

interface Tournament {
  status: string;
  progress: { done: number; total: number };
  results: { plan: string; runs: { index: number; scenario: string; version: number }[]; scores: unknown } | null;
  error: unknown;
}

describe("the queue follows the store", () => {
  it("is on for a PostgreSQL store (DATABASE_URL or PARLEY_DB), off for SQLite or with PARLEY_QUEUE=off", () => {
    const url = "postgres://parley@db/parley";
    expect(serverConfigFromEnv({ DATABASE_URL: url }).queue).toBe(url);
    expect(serverConfigFromEnv({ PARLEY_DB: url }).queue).toBe(url);
    expect(serverConfigFromEnv({ DATABASE_URL: url, PARLEY_QUEUE: "off" }).queue).toBeUndefined();
    expect(serverConfigFromEnv({}).queue).toBeUndefined();
    expect(serverConfigFromEnv({ DATABASE_URL: url, PARLEY_QUEUE_WORKERS: "0" }).queueWorkers).toBe(0);
    expect(() => serverConfigFromEnv({ PARLEY_QUEUE: "maybe" })).toThrow(/PARLEY_QUEUE must be "on" or "off"/);
  });
});

describe.skipIf(!pgMode())("server tournaments on the job queue [postgres]", () => {
  let server: PgServer | undefined;
  const drops: (() => Promise<void>)[] = [];
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => {});
    for (const drop of drops) await drop().catch(() => {});
    await server?.stop();
  }, 60_000);
  if (!pgMode()) skipNotice();

  const fresh = async () => {
    const schema = await freshSchema(server!.url);
    drops.push(schema.drop);
    return schema.url;
  };
  const post = (app: FastifyInstance, url: string, payload?: unknown) =>
    app.inject({ method: "POST", url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  it("a separate worker plays the runs; progress streams; the results equal the server's own threads'", async () => {
    const url = await fresh();
    const app = await testApp(url, { queue: url, queueWorkers: 0 });
    apps.push(app);
    const r = await post(app, "/api/tournaments", request);
    expect(r.statusCode).toBe(202);
    const { id } = json<{ id: string }>(r);
    const stream = app.inject({ method: "GET", url: `/api/tournaments/${id}/events` });
    // Nobody plays the runs yet: the tournament waits on the queue.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(json<Tournament>(await app.inject({ method: "GET", url: `/api/tournaments/${id}` }))).toMatchObject({ status: "running", progress: { done: 0, total: 24 } });

    const queue = await TournamentQueue.open(url);
    const worker = await startQueueWorker(queue, { concurrency: 1, pollMs: 100 });
    try {
      const events = parseSse((await stream).body);
      expect(events.at(-1)!.event).toBe("result");
      const progress = events.filter((e) => e.event === "progress").map((e) => (e.data as { done: number }).done);
      expect(progress.length).toBeGreaterThan(2);
      expect(progress.at(-1)).toBe(24);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
      expect(worker.recorded()).toBe(24);
    } finally {
      await worker.stop();
      await queue.close();
    }
    const queued = await waitForJob<Tournament>(app, `/api/tournaments/${id}`);
    expect(queued).toMatchObject({ status: "done", error: null, progress: { done: 24, total: 24 } });

    // The same request on the server's own threads (no queue).
    const local = await testApp(await fresh());
    apps.push(local);
    const { id: localId } = json<{ id: string }>(await post(local, "/api/tournaments", request));
    const own = await waitForJob<Tournament>(local, `/api/tournaments/${localId}`, 60_000);
    expect(own.status).toBe("done");
    expect(queued.results).toEqual(own.results);
    expect(queued.results!.runs[0]).toMatchObject({ scenario: "ceasefire-talks", version: own.results!.runs[0]!.version });
  }, 120_000);

  it("cancelling cancels the queued runs; a re-run brings them back and the server's own lanes finish it", async () => {
    const url = await fresh();
    // No lanes of its own at first: nothing is played before the cancel.
    const idle = await testApp(url, { queue: url, queueWorkers: 0 });
    apps.push(idle);
    const { id } = json<{ id: string }>(await post(idle, "/api/tournaments", request));
    const t0 = Date.now();
    while (json<Tournament>(await idle.inject({ method: "GET", url: `/api/tournaments/${id}` })).status !== "running") {
      if (Date.now() - t0 > 20_000) throw new Error("the tournament did not start");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await idle.inject({ method: "DELETE", url: `/api/tournaments/${id}` })).statusCode).toBe(200);
    const cancelled = await waitForJob<Tournament>(idle, `/api/tournaments/${id}`);
    expect(cancelled.status).toBe("cancelled");
    const queue = await TournamentQueue.open(url);
    try {
      const states = await countJobs(queue);
      expect(states).toEqual({ cancelled: 24 });
    } finally {
      await queue.close();
    }
    await waitForIdle(idle);
    await idle.close();
    apps.splice(apps.indexOf(idle), 1);

    // The same database with the server's own lanes: the re-run resumes the cancelled jobs.
    const app = await testApp(url, { queue: url, queueWorkers: 1 });
    apps.push(app);
    expect((await post(app, `/api/tournaments/${id}/rerun`)).statusCode).toBe(202);
    const done = await waitForJob<Tournament>(app, `/api/tournaments/${id}`, 60_000);
    expect(done).toMatchObject({ status: "done", progress: { done: 24, total: 24 } });
    expect(done.results!.runs).toHaveLength(24);
  }, 120_000);
});

/** Jobs of the run queue by state. */
async function countJobs(queue: TournamentQueue): Promise<Record<string, number>> {
  const { rows } = await sql<{ state: string; n: string }>`select state, count(*) as n from ${sql.table(`${queue.bossSchema}.job`)} where name = ${RUN_QUEUE} group by state`.execute(queue.db);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}
