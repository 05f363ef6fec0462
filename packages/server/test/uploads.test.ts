// Uploads (POST /api/scenarios, PUT /api/scenarios/:id) are parsed and checked on a worker thread,
// under the upload time limit and queue, with their own rate limit (one budget for POST and PUT).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { brokenYaml, geniusFiles, json, testApp, waterYaml } from "./helpers.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const standIn = pathToFileURL(path.join(here, "fixtures/stand-in-worker.mjs")).href;

describe("uploads on a worker thread", () => {
  it("a valid upload, a GENIUS folder and a broken file give the same replies as before (problems with their lines)", async () => {
    const app = await testApp(":memory:", { builtins: false, limits: { workers: 1 } });
    try {
      const ok = await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: waterYaml } });
      expect(ok.statusCode).toBe(201);
      expect(json(ok)).toEqual({ id: "water-sharing", version: 1, warnings: [] });
      const genius = await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "genius", files: geniusFiles } });
      expect(genius.statusCode).toBe(201);
      expect(json(genius)["id"]).toBe("tiny");
      const bad = await app.inject({ method: "PUT", url: "/api/scenarios/water-sharing", payload: { format: "yaml", text: brokenYaml } });
      expect(bad.statusCode).toBe(400);
      const body = json<{ code: string; issues: { code: string; line: number }[] }>(bad);
      expect(body.code).toBe("PARLEY_HTTP_INVALID_SCENARIO");
      expect(body.issues[0]).toMatchObject({ code: "PARLEY_FMT_SYNTAX", line: 5 });
      const health = json<{ workers: { threads: number } }>(await app.inject({ method: "GET", url: "/api/health" }));
      expect(health.workers.threads).toBeGreaterThan(0); // the upload started a thread
    } finally {
      await app.close();
    }
  });

  it("while an upload is being parsed the server keeps answering; past its time limit → 422 PARLEY_HTTP_TIME_LIMIT", async () => {
    // The stand-in worker never finishes an upload: the event loop is free only if parsing is off it.
    const app = await testApp(":memory:", { builtins: false, workerFile: standIn, limits: { workers: 1, uploadMs: 400 } });
    try {
      const upload = app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: waterYaml } }).then((r) => r);
      let seen = false;
      for (let i = 0; i < 500 && !seen; i++) {
        const h = await app.inject({ method: "GET", url: "/api/health" });
        expect(h.statusCode).toBe(200);
        seen = json<{ jobs: { uploads: { active: number } } }>(h).jobs.uploads.active === 1;
        if (!seen) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(seen).toBe(true);
      const r = await upload;
      expect(r.statusCode).toBe(422);
      expect(json(r)).toMatchObject({ statusCode: 422, code: "PARLEY_HTTP_TIME_LIMIT", error: "Unprocessable Entity" });
      expect(json<{ message: string }>(r).message).toContain("upload took longer");
    } finally {
      await app.close();
    }
  });

  it("a full upload queue → 429 PARLEY_HTTP_QUEUE_FULL", async () => {
    const app = await testApp(":memory:", { builtins: false, workerFile: standIn, limits: { workers: 1, uploadJobs: 1, uploadMs: 2000 } });
    try {
      const first = app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: waterYaml } }).then((r) => r);
      for (let i = 0; i < 500; i++) {
        const h = json<{ jobs: { uploads: { active: number } } }>(await app.inject({ method: "GET", url: "/api/health" }));
        if (h.jobs.uploads.active === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const second = await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: waterYaml } });
      expect(second.statusCode).toBe(429);
      expect(json(second)).toMatchObject({ code: "PARLEY_HTTP_QUEUE_FULL" });
      expect(json<{ message: string }>(second).message).toContain("upload queue");
      expect((await first).statusCode).toBe(422);
    } finally {
      await app.close();
    }
  });

  it("uploads have their own rate limit, one budget for POST and PUT → 429 PARLEY_HTTP_RATE_LIMITED", async () => {
    const app = await testApp(":memory:", { builtins: false, limits: { uploadRateLimit: { max: 2, windowMs: 60_000 }, rateLimit: { max: 100, windowMs: 60_000 } } });
    try {
      const post = await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: waterYaml } });
      expect(post.statusCode).toBe(201);
      const put = await app.inject({ method: "PUT", url: "/api/scenarios/water-sharing", payload: { format: "yaml", text: waterYaml } });
      expect(put.statusCode).toBe(200);
      const third = await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: waterYaml } });
      expect(third.statusCode).toBe(429);
      expect(json(third)).toMatchObject({ statusCode: 429, code: "PARLEY_HTTP_RATE_LIMITED", error: "Too Many Requests" });
      expect(json<{ message: string }>(third).message).toContain("at most 2 per 1 minute");
      expect(third.headers["retry-after"]).toBeDefined();
      // Reading is not limited, nor are the heavy endpoints' budgets spent.
      expect((await app.inject({ method: "GET", url: "/api/scenarios/water-sharing" })).statusCode).toBe(200);
      expect((await app.inject({ method: "GET", url: "/api/scenarios/water-sharing/outcomes?limit=5" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
