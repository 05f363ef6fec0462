// The web app's files: served at /, index.html for client-side routes, JSON errors for /api.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, testApp } from "./helpers.js";

describe("static files with SPA fallback", () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "parley-web-"));
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Parley workbench</title><div id=root></div>");
    writeFileSync(path.join(dir, "assets", "app.js"), "console.log('parley')");
    app = await testApp(":memory:", { staticDir: dir, builtins: false });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("GET / serves index.html; files are served with their type", async () => {
    const r = await app.inject({ method: "GET", url: "/" });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain("Parley workbench");
    const js = await app.inject({ method: "GET", url: "/assets/app.js" });
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toMatch(/javascript/);
  });

  it("a client-side route (any other non-API GET) gets index.html", async () => {
    for (const url of ["/scenarios/ceasefire-talks", "/simulations/abc?tab=trace", "/deep/link/here"]) {
      const r = await app.inject({ method: "GET", url, headers: { accept: "text/html" } });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers["content-type"]).toMatch(/text\/html/);
      expect(r.body).toContain("Parley workbench");
    }
  });

  it("unknown API routes and other methods still get the JSON 404", async () => {
    const r = await app.inject({ method: "GET", url: "/api/nope" });
    expect(r.statusCode).toBe(404);
    expect(json(r)["code"]).toBe("PARLEY_HTTP_NOT_FOUND");
    const p = await app.inject({ method: "POST", url: "/somewhere", payload: {} });
    expect(p.statusCode).toBe(404);
    expect(json(p)["code"]).toBe("PARLEY_HTTP_NOT_FOUND");
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/docs/json" })).statusCode).toBe(200);
  });
});

describe("without the web app", () => {
  it("GET / is a small page pointing at /api and /docs; a missing staticDir is ignored", async () => {
    const app = await testApp(":memory:", { staticDir: path.join(os.tmpdir(), "parley-no-such-dir"), builtins: false });
    try {
      const r = await app.inject({ method: "GET", url: "/" });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain("/docs");
      expect((await app.inject({ method: "GET", url: "/elsewhere" })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
