// Limits: body size (413), rate limit and full queues (429), tournament size (422), outcomes cap,
// rounds and enumeration limits; and stopping running jobs when the app closes.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Store } from "../src/store/store.js";
import { json, parseSse, testApp, waitForJob, waterYaml } from "./helpers.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "parley-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => path.join(dir, `db-${++n}.sqlite`);

describe("server limits", () => {
  it("a body over the limit → 413 PARLEY_HTTP_BODY_TOO_LARGE", async () => {
    const app = await testApp(":memory:", { builtins: false, limits: { bodyBytes: 2048 } });
    try {
      const r = await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: "#".repeat(4096) } });
      expect(r.statusCode).toBe(413);
      expect(json(r)).toMatchObject({ statusCode: 413, code: "PARLEY_HTTP_BODY_TOO_LARGE", error: "Payload Too Large" });
      expect(json<{ message: string }>(r).message).toContain("2048");
      // Under the limit is fine.
      expect((await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: waterYaml } })).statusCode).toBe(201);
    } finally {
      await app.close();
    }
  });

  it("the heavy endpoints are rate-limited per client → 429 PARLEY_HTTP_RATE_LIMITED", async () => {
    const app = await testApp(":memory:", { limits: { rateLimit: { max: 3, windowMs: 60_000 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/analysis" })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const r = await app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/outcomes?limit=5" });
      expect(r.statusCode).toBe(200); // a separate budget per route
      const limited = await app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/analysis" });
      expect(json(limited)).toMatchObject({ statusCode: 429, code: "PARLEY_HTTP_RATE_LIMITED", error: "Too Many Requests" });
      expect(limited.headers["retry-after"]).toBeDefined();
      // Light endpoints are not limited.
      for (let i = 0; i < 5; i++) expect((await app.inject({ method: "GET", url: "/api/scenarios" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("a full job queue → 429 PARLEY_HTTP_QUEUE_FULL; closing the app interrupts the running job", async () => {
    const db = freshFile();
    const app = await testApp(db, { limits: { tournamentJobs: 1 } });
    const big = {
      competitors: ["boulware", "conceder", "linear", "hardliner"],
      scenarios: [{ id: "ceasefire-talks", seats: ["government", "movement"] }],
      rounds: 5000,
      repetitions: 200,
    };
    let id: string;
    let events: Promise<{ body: string }> | undefined;
    try {
      const first = await app.inject({ method: "POST", url: "/api/tournaments", payload: big });
      expect(first.statusCode).toBe(202);
      id = json<{ id: string }>(first).id;
      const second = await app.inject({ method: "POST", url: "/api/tournaments", payload: big });
      expect(second.statusCode).toBe(429);
      expect(json(second)).toMatchObject({ code: "PARLEY_HTTP_QUEUE_FULL", error: "Too Many Requests" });
      // Let it start, then shut down mid-run.
      for (let i = 0; i < 200; i++) {
        const t = json<{ status: string; progress: { done: number } }>(await app.inject({ method: "GET", url: `/api/tournaments/${id}` }));
        if (t.status === "running") break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      events = app.inject({ method: "GET", url: `/api/tournaments/${id}/events` });
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await app.close();
    }
    // The event stream open during the shutdown got the final state, then ended.
    const last = parseSse((await events!).body).at(-1)!;
    expect(last.event).toBe("result");
    expect(last.data).toMatchObject({ id, status: "interrupted", error: { code: "PARLEY_HTTP_JOB_INTERRUPTED" } });
    const store = await Store.open(db);
    try {
      const t = await store.getTournament(id);
      expect(t).toMatchObject({ status: "interrupted", error: { code: "PARLEY_HTTP_JOB_INTERRUPTED" } });
      expect(t!.progress.done).toBeLessThan(t!.progress.total);
    } finally {
      await store.close();
    }
  });

  it("simulation queue: one more than the limit is refused", async () => {
    const app = await testApp(":memory:", { limits: { simulationJobs: 1 } });
    try {
      const body = { scenarioId: "ceasefire-talks", seats: ["government", "movement"], agents: ["boulware", "conceder"], rounds: 2000 };
      const replies = await Promise.all([1, 2, 3].map(() => app.inject({ method: "POST", url: "/api/simulations", payload: body })));
      const codes = replies.map((r) => r.statusCode).sort();
      expect(codes[0]).toBe(202);
      expect(codes).toContain(429);
      const accepted = replies.filter((r) => r.statusCode === 202).map((r) => json<{ id: string }>(r).id);
      for (const sid of accepted) expect((await waitForJob<{ status: string }>(app, `/api/simulations/${sid}`)).status).toBe("done");
      // With the queue empty again, a new one is accepted.
      expect((await app.inject({ method: "POST", url: "/api/simulations", payload: body })).statusCode).toBe(202);
    } finally {
      await app.close();
    }
  });

  it("a tournament over the run limit → 422 PARLEY_ERR_LIMIT", async () => {
    const app = await testApp(":memory:", { limits: { tournamentRuns: 10 } });
    try {
      const r = await app.inject({
        method: "POST",
        url: "/api/tournaments",
        payload: { competitors: ["boulware", "conceder", "linear"], scenarios: [{ id: "ceasefire-talks", seats: ["government", "movement"] }], repetitions: 2 },
      });
      expect(r.statusCode).toBe(422);
      expect(json(r)).toMatchObject({ code: "PARLEY_ERR_LIMIT", error: "Unprocessable Entity" });
      expect(json<{ message: string }>(r).message).toContain("12 runs");
    } finally {
      await app.close();
    }
  });

  it("outcomes are capped; rounds and enumeration have limits", async () => {
    const app = await testApp(":memory:", { builtins: false, limits: { outcomes: 50, rounds: 100, enumeration: 50 } });
    try {
      await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: waterYaml } });
      const o = json<{ count: number; total: number; truncated: boolean }>(await app.inject({ method: "GET", url: "/api/scenarios/water-sharing/outcomes?limit=1000" }));
      expect(o).toEqual(expect.objectContaining({ count: 50, total: 93, truncated: true }));
      const sim = await app.inject({ method: "POST", url: "/api/simulations", payload: { scenarioId: "water-sharing", rounds: 500 } });
      expect(sim.statusCode).toBe(422);
      expect(json(sim)).toMatchObject({ code: "PARLEY_ERR_LIMIT" });
      expect(json<{ message: string }>(sim).message).toContain("limit of 100");
      // 93 outcomes > 50: enumeration is refused (422), the additive merge method still works.
      const e = await app.inject({ method: "GET", url: "/api/scenarios/water-sharing/analysis?method=enumerate" });
      expect(e.statusCode).toBe(422);
      expect(json(e)["code"]).toBe("PARLEY_ERR_SPACE_TOO_LARGE");
      const auto = await app.inject({ method: "GET", url: "/api/scenarios/water-sharing/analysis?limit=100000" });
      expect(auto.statusCode).toBe(200);
      expect(json(auto)["method"]).toBe("merge");
    } finally {
      await app.close();
    }
  });
});
