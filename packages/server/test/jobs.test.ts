// Jobs on worker threads: lists, cancelling (queued and running), time and memory limits, the
// analysis queue, and jobs a stopped server left unfinished (interrupted at start, then re-run:
// a tournament resumes from its stored runs). On SQLite and PostgreSQL.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../src/store/store.js";
import { describeStores, json, parseSse, testApp, waitForJob, type FreshDatabase } from "./helpers.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const standIn = pathToFileURL(path.join(here, "fixtures/stand-in-worker.mjs")).href;

/** A real server process on `db` (start.ts under tsx, as `parley serve` runs it); resolves once it listens. */
async function serverProcess(db: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@parley/source", path.join(here, "../src/start.ts")], {
    cwd: path.join(here, "../../.."),
    env: { ...process.env, PARLEY_PORT: "0", PARLEY_DB: db, PARLEY_WORKERS: "1", PARLEY_RATE_LIMIT: "off", PARLEY_STATIC_DIR: "", PARLEY_LOG: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stderr.on("data", (chunk: Buffer) => void (out += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  return { url, child, exited };
}

const simulation = { scenarioId: "ceasefire-talks", seats: ["government", "movement"], agents: ["boulware", "conceder"], rounds: 60, seed: 4 };
const tournament = {
  competitors: ["boulware", "linear"],
  scenarios: [{ id: "ceasefire-talks", seats: ["government", "movement"] }],
  rounds: 30,
  repetitions: 2,
  seed: 3,
};

interface Job {
  id: string;
  status: string;
  error: { code: string; message: string } | null;
}
interface TournamentJob extends Job {
  config: unknown;
  progress: { done: number; total: number };
  results: { plan: string; runs: { index: number; rounds: number }[]; scores: unknown } | null;
}

/** Poll until the job has the status (or has ended otherwise). */
async function waitForStatus(app: FastifyInstance, url: string, status: string): Promise<Job> {
  for (let i = 0; i < 3000; i++) {
    const job = json<Job>(await app.inject({ method: "GET", url }));
    if (job.status === status || !["queued", "running"].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${url} never became ${status}`);
}

describeStores("jobs", (fresh: FreshDatabase) => {
  describe("lists, re-run and cancel conflicts (real workers)", () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await testApp(await fresh());
    });
    afterAll(async () => {
      await app?.close();
    });

    it("GET /api/simulations: newest first, a page at a time, filtered by status; bad queries → 400", async () => {
      const ids: string[] = [];
      for (const seed of [1, 2, 3]) {
        const r = await app.inject({ method: "POST", url: "/api/simulations", payload: { ...simulation, seed } });
        expect(r.statusCode).toBe(202);
        ids.push(json<{ id: string }>(r).id);
        expect((await waitForJob<Job>(app, `/api/simulations/${ids.at(-1)}`)).status).toBe("done");
      }
      const bad = await app.inject({ method: "POST", url: "/api/simulations", payload: { ...simulation, agents: ["boulware", "nobody"] } });
      expect(bad.statusCode).toBe(400); // refused before a job exists: not listed

      const all = json<{ items: (Job & { result?: unknown; request: { seed: number } })[]; total: number; limit: number; offset: number }>(
        await app.inject({ method: "GET", url: "/api/simulations" }),
      );
      expect(all.total).toBe(3);
      expect(all.items.map((s) => s.request.seed)).toEqual([3, 2, 1]);
      expect(all.items[0]).not.toHaveProperty("result");
      const page = json<{ items: { id: string }[]; total: number }>(await app.inject({ method: "GET", url: "/api/simulations?limit=2&offset=1" }));
      expect(page).toMatchObject({ total: 3, limit: 2, offset: 1 });
      expect(page.items.map((s) => s.id)).toEqual([ids[1], ids[0]]);
      expect(json<{ items: unknown[]; total: number }>(await app.inject({ method: "GET", url: "/api/simulations?status=failed" })).total).toBe(0);
      expect(json<{ total: number }>(await app.inject({ method: "GET", url: "/api/simulations?status=done" })).total).toBe(3);

      for (const q of ["status=finished", "limit=0", "limit=201", "offset=-1", "limit=x"]) {
        const r = await app.inject({ method: "GET", url: `/api/simulations?${q}` });
        expect(r.statusCode, q).toBe(400);
        expect(json(r)).toMatchObject({ statusCode: 400, code: "PARLEY_HTTP_VALIDATION", error: "Bad Request" });
      }
    });

    it("a simulation stores its request as accepted: defaults, version and the resolved seats", async () => {
      const r = await app.inject({ method: "POST", url: "/api/simulations", payload: { scenarioId: "ceasefire-talks", rounds: 20 } });
      const sim = await waitForJob<Job & { request: { seats: string[]; version: number; seed: number }; result: { seats: string[] } }>(app, `/api/simulations/${json<{ id: string }>(r).id}`);
      expect(sim.status).toBe("done");
      expect(sim.request.seats.length).toBeGreaterThanOrEqual(2);
      expect(sim.request.seats).toEqual(sim.result.seats);
      expect(sim.request).toMatchObject({ version: 1, seed: 1 });
    });

    it("GET /api/tournaments lists tournaments without their results", async () => {
      const r = await app.inject({ method: "POST", url: "/api/tournaments", payload: tournament });
      const { id } = json<{ id: string }>(r);
      expect((await waitForJob<Job>(app, `/api/tournaments/${id}`)).status).toBe("done");
      const list = json<{ items: (Job & { progress: unknown })[]; total: number }>(await app.inject({ method: "GET", url: "/api/tournaments?status=done" }));
      expect(list.total).toBe(1);
      expect(list.items[0]).toMatchObject({ id, status: "done", progress: { done: 4, total: 4 } });
      expect(list.items[0]).not.toHaveProperty("results");
      expect(json<{ total: number }>(await app.inject({ method: "GET", url: "/api/tournaments?status=running" })).total).toBe(0);
      expect((await app.inject({ method: "GET", url: "/api/tournaments?offset=z" })).statusCode).toBe(400);
    });

    it("DELETE or re-run of a finished job → 409 PARLEY_HTTP_JOB_CONFLICT; unknown ids → 404", async () => {
      const { items } = json<{ items: Job[] }>(await app.inject({ method: "GET", url: "/api/simulations?limit=1" }));
      const done = items[0]!.id;
      const del = await app.inject({ method: "DELETE", url: `/api/simulations/${done}` });
      expect(del.statusCode).toBe(409);
      expect(json(del)).toMatchObject({ statusCode: 409, code: "PARLEY_HTTP_JOB_CONFLICT", error: "Conflict" });
      const rerun = await app.inject({ method: "POST", url: `/api/simulations/${done}/rerun` });
      expect(rerun.statusCode).toBe(409);
      expect(json<{ message: string }>(rerun).message).toContain("is done");
      const t = json<{ items: Job[] }>(await app.inject({ method: "GET", url: "/api/tournaments?limit=1" })).items[0]!.id;
      expect((await app.inject({ method: "DELETE", url: `/api/tournaments/${t}` })).statusCode).toBe(409);
      expect((await app.inject({ method: "POST", url: `/api/tournaments/${t}/rerun` })).statusCode).toBe(409);

      for (const [method, url, code] of [
        ["DELETE", "/api/simulations/nope", "PARLEY_HTTP_SIMULATION_NOT_FOUND"],
        ["POST", "/api/simulations/nope/rerun", "PARLEY_HTTP_SIMULATION_NOT_FOUND"],
        ["DELETE", "/api/tournaments/nope", "PARLEY_HTTP_TOURNAMENT_NOT_FOUND"],
        ["POST", "/api/tournaments/nope/rerun", "PARLEY_HTTP_TOURNAMENT_NOT_FOUND"],
      ] as const) {
        const r = await app.inject({ method, url });
        expect(r.statusCode, url).toBe(404);
        expect(json(r)["code"]).toBe(code);
      }
    });
  });

  describe("cancelling and limits (a stand-in worker that never finishes)", () => {
    it("DELETE cancels a running simulation (its worker is stopped) and a queued one; the pool goes on", async () => {
      const app = await testApp(await fresh(), { workerFile: standIn, limits: { workers: 1 } });
      try {
        const a = json<{ id: string }>(await app.inject({ method: "POST", url: "/api/simulations", payload: simulation })).id;
        expect((await waitForStatus(app, `/api/simulations/${a}`, "running")).status).toBe("running");
        const b = json<{ id: string }>(await app.inject({ method: "POST", url: "/api/simulations", payload: simulation })).id;
        expect(json<Job>(await app.inject({ method: "GET", url: `/api/simulations/${b}` })).status).toBe("queued");
        const events = app.inject({ method: "GET", url: `/api/simulations/${b}/events` });

        const cancelB = await app.inject({ method: "DELETE", url: `/api/simulations/${b}` });
        expect(cancelB.statusCode).toBe(200);
        expect(json(cancelB)).toMatchObject({ id: b, status: "cancelled", error: { code: "PARLEY_HTTP_JOB_CANCELLED" } });
        const last = parseSse((await events).body).at(-1)!;
        expect(last).toMatchObject({ event: "result", data: { id: b, status: "cancelled" } });

        const cancelA = await app.inject({ method: "DELETE", url: `/api/simulations/${a}` });
        expect(cancelA.statusCode).toBe(200);
        expect(json(cancelA)).toMatchObject({ id: a, status: "cancelled", error: { code: "PARLEY_HTTP_JOB_CANCELLED" } });
        expect((await app.inject({ method: "DELETE", url: `/api/simulations/${a}` })).statusCode).toBe(409);

        // The thread that was stopped is replaced: the next job runs (and is cancelled in turn).
        const c = json<{ id: string }>(await app.inject({ method: "POST", url: `/api/simulations/${a}/rerun` })).id;
        expect(c).toBe(a);
        expect((await waitForStatus(app, `/api/simulations/${a}`, "running")).status).toBe("running");
        expect(json(await app.inject({ method: "DELETE", url: `/api/simulations/${a}` }))).toMatchObject({ status: "cancelled" });
        const health = json<{ jobs: { simulations: { running: number; queued: number } } }>(await app.inject({ method: "GET", url: "/api/health" }));
        expect(health.jobs.simulations).toEqual({ running: 0, queued: 0 });
      } finally {
        await app.close();
      }
    });

    it("DELETE cancels a running tournament; its list shows it cancelled", async () => {
      const app = await testApp(await fresh(), { workerFile: standIn, limits: { workers: 1 } });
      try {
        const id = json<{ id: string }>(await app.inject({ method: "POST", url: "/api/tournaments", payload: tournament })).id;
        expect((await waitForStatus(app, `/api/tournaments/${id}`, "running")).status).toBe("running");
        const r = await app.inject({ method: "DELETE", url: `/api/tournaments/${id}` });
        expect(r.statusCode).toBe(200);
        expect(json(r)).toMatchObject({ id, status: "cancelled", error: { code: "PARLEY_HTTP_JOB_CANCELLED" }, progress: { done: 0, total: 4 } });
        expect(json<{ total: number }>(await app.inject({ method: "GET", url: "/api/tournaments?status=cancelled" })).total).toBe(1);
      } finally {
        await app.close();
      }
    });

    it("time limits: an analysis → 422 PARLEY_HTTP_TIME_LIMIT; a simulation fails with that code", async () => {
      const app = await testApp(await fresh(), { workerFile: standIn, limits: { workers: 1, analysisMs: 300, simulationMs: 300 } });
      try {
        const r = await app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/analysis" });
        expect(r.statusCode).toBe(422);
        expect(json(r)).toMatchObject({ statusCode: 422, code: "PARLEY_HTTP_TIME_LIMIT", error: "Unprocessable Entity" });
        expect(json<{ message: string }>(r).message).toContain("0.3 s");
        const o = await app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/outcomes" });
        expect(json(o)["code"]).toBe("PARLEY_HTTP_TIME_LIMIT");
        const id = json<{ id: string }>(await app.inject({ method: "POST", url: "/api/simulations", payload: simulation })).id;
        const sim = await waitForJob<Job>(app, `/api/simulations/${id}`);
        expect(sim).toMatchObject({ status: "failed", error: { code: "PARLEY_HTTP_TIME_LIMIT" } });
      } finally {
        await app.close();
      }
    });

    it("memory limit: a computation past the worker's heap limit → 422 PARLEY_HTTP_MEMORY_LIMIT", async () => {
      const app = await testApp(await fresh(), { workerFile: standIn, limits: { workers: 1, workerMemoryMb: 16 } });
      try {
        const r = await app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/frameworks" });
        expect(r.statusCode).toBe(422);
        expect(json(r)).toMatchObject({ code: "PARLEY_HTTP_MEMORY_LIMIT" });
        expect(json<{ message: string }>(r).message).toContain("16 MB");
      } finally {
        await app.close();
      }
    });

    it("a full analysis queue → 429 PARLEY_HTTP_QUEUE_FULL; cached results are still served", async () => {
      const db = await fresh();
      const warm = await testApp(db, { limits: { workers: 1 } });
      try {
        expect((await warm.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/analysis?method=sample&samples=1000" })).statusCode).toBe(200);
      } finally {
        await warm.close();
      }
      const app = await testApp(db, { workerFile: standIn, limits: { workers: 1, analysisJobs: 1 } });
      try {
        const first = app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/analysis" });
        for (let i = 0; i < 500; i++) {
          const h = json<{ jobs: { analyses: { active: number } } }>(await app.inject({ method: "GET", url: "/api/health" }));
          if (h.jobs.analyses.active === 1) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        const second = await app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/analysis?method=merge" });
        expect(second.statusCode).toBe(429);
        expect(json(second)).toMatchObject({ code: "PARLEY_HTTP_QUEUE_FULL", error: "Too Many Requests" });
        expect(json<{ message: string }>(second).message).toContain("analysis queue");
        const cached = await app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/analysis?method=sample&samples=1000" });
        expect(cached.statusCode).toBe(200);
        expect(cached.headers["x-parley-cache"]).toBe("hit");
        void first.catch(() => {});
      } finally {
        await app.close();
      }
    });
  });

  describe("after a crash", () => {
    it("kill -9 of a server process mid-tournament: the next server marks it interrupted, with its finished runs kept; it resumes", async () => {
      const db = await fresh();
      const server = await serverProcess(db);
      let id: string;
      let before: number;
      try {
        const big = { ...tournament, competitors: ["boulware", "linear", "conceder", "hardliner"], rounds: 2000, repetitions: 50 };
        const r = await fetch(`${server.url}/api/tournaments`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(big) });
        expect(r.status).toBe(202);
        id = ((await r.json()) as { id: string }).id;
        for (;;) {
          const t = (await (await fetch(`${server.url}/api/tournaments/${id}`)).json()) as TournamentJob;
          if (t.progress.done >= 8 || !["queued", "running"].includes(t.status)) {
            expect(t.status).toBe("running");
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        server.child.kill("SIGKILL");
      }
      expect(await server.exited).toBe("SIGKILL");

      const next = await testApp(db);
      try {
        const t = json<TournamentJob>(await next.inject({ method: "GET", url: `/api/tournaments/${id}` }));
        expect(t).toMatchObject({ status: "interrupted", error: { code: "PARLEY_HTTP_JOB_INTERRUPTED" } });
        before = t.progress.done;
        expect(before).toBeGreaterThanOrEqual(8);
        expect(before).toBeLessThan(t.progress.total);
        expect((await next.inject({ method: "POST", url: `/api/tournaments/${id}/rerun` })).statusCode).toBe(202);
        for (;;) {
          const now = json<TournamentJob>(await next.inject({ method: "GET", url: `/api/tournaments/${id}` }));
          if (now.progress.done > before || !["queued", "running"].includes(now.status)) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const stopped = json<TournamentJob>(await next.inject({ method: "DELETE", url: `/api/tournaments/${id}` }));
        expect(stopped.status).toBe("cancelled");
        expect(stopped.progress.done).toBeGreaterThan(before); // resumed from the stored runs, went on
      } finally {
        await next.close();
      }
    }, 120_000);

    it("jobs left running are interrupted at start; re-run finishes them; a tournament resumes from its stored runs", async () => {
      const db = await fresh();
      // A first server: the reference results.
      const first = await testApp(db);
      let simResult: unknown;
      let full: TournamentJob;
      try {
        const s = json<{ id: string }>(await first.inject({ method: "POST", url: "/api/simulations", payload: simulation })).id;
        simResult = json<{ result: unknown }>(await first.inject({ method: "GET", url: `/api/simulations/${(await waitForJob<Job>(first, `/api/simulations/${s}`)).id}` })).result;
        const t = json<{ id: string }>(await first.inject({ method: "POST", url: "/api/tournaments", payload: tournament })).id;
        full = await waitForJob<TournamentJob>(first, `/api/tournaments/${t}`);
        expect(full.status).toBe("done");
      } finally {
        await first.close();
      }
      // What a server killed mid-job leaves: rows still running, a tournament with 2 of its 4 runs stored.
      const store = await Store.open(db);
      try {
        const version = (await store.currentVersion("ceasefire-talks"))!;
        await store.insertSimulation({ id: "crashed-sim", scenarioId: "ceasefire-talks", version, request: { ...simulation, version } });
        await store.startSimulation("crashed-sim");
        await store.insertSimulation({ id: "crashed-queued", scenarioId: "ceasefire-talks", version, request: { ...simulation, version } });
        await store.insertTournament({ id: "crashed-t", config: full.config, total: 4 });
        await store.startTournament("crashed-t");
        const runs = full.results!.runs;
        // Marked (rounds 999) so that the test can tell a stored run from a recomputed one.
        await store.addTournamentRuns("crashed-t", [{ ...runs[0]!, rounds: 999 }, runs[1]!], 2);
      } finally {
        await store.close();
      }

      const next = await testApp(db);
      try {
        for (const id of ["crashed-sim", "crashed-queued"]) {
          const sim = json<Job>(await next.inject({ method: "GET", url: `/api/simulations/${id}` }));
          expect(sim).toMatchObject({ status: "interrupted", error: { code: "PARLEY_HTTP_JOB_INTERRUPTED" } });
        }
        const t = json<TournamentJob>(await next.inject({ method: "GET", url: "/api/tournaments/crashed-t" }));
        expect(t).toMatchObject({ status: "interrupted", progress: { done: 2, total: 4 } });
        expect(json<{ total: number }>(await next.inject({ method: "GET", url: "/api/simulations?status=interrupted" })).total).toBe(2);
        expect(json<{ total: number }>(await next.inject({ method: "GET", url: "/api/simulations?status=running" })).total).toBe(0);

        const rerun = await next.inject({ method: "POST", url: "/api/simulations/crashed-sim/rerun" });
        expect(rerun.statusCode).toBe(202);
        expect(json(rerun)).toEqual({ id: "crashed-sim", status: "queued" });
        expect(rerun.headers["location"]).toBe("/api/simulations/crashed-sim");
        const again = json<Job & { result: unknown }>(await next.inject({ method: "GET", url: `/api/simulations/${(await waitForJob<Job>(next, "/api/simulations/crashed-sim")).id}` }));
        expect(again).toMatchObject({ status: "done", error: null });
        expect(again.result).toEqual(simResult); // same request, same result

        expect((await next.inject({ method: "POST", url: "/api/tournaments/crashed-t/rerun" })).statusCode).toBe(202);
        const resumed = await waitForJob<TournamentJob>(next, "/api/tournaments/crashed-t");
        expect(resumed).toMatchObject({ status: "done", error: null, progress: { done: 4, total: 4 } });
        expect(resumed.results!.plan).toBe(full.results!.plan);
        expect(resumed.results!.runs.map((r) => r.index)).toEqual([0, 1, 2, 3]);
        expect(resumed.results!.runs[0]!.rounds).toBe(999); // kept, not run again
        expect(resumed.results!.runs.slice(1)).toEqual(full.results!.runs.slice(1));
      } finally {
        await next.close();
      }
    });
  });
});
