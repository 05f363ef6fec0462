// start.ts: the only module that listens. Loopback, a free port, graceful close; the environment.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DB, DEFAULT_PORT, serverConfigFromEnv, startServer } from "../src/start.js";
import { examplesDir } from "./helpers.js";

describe("startServer(options)", () => {
  it("listens on 127.0.0.1, prints its URL, creates the SQLite folder, and closes", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "parley-start-"));
    const lines: string[] = [];
    try {
      const db = path.join(dir, "nested", "parley.sqlite");
      const server = await startServer({ port: 0, db, signals: false, print: (l) => lines.push(l), examplesDir });
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[0]).toContain(server.url);
      expect(existsSync(db)).toBe(true);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", store: "sqlite" });
      const list = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { id: string }[];
      expect(list.map((s) => s.id)).toContain("ceasefire-talks");
      await server.close();
      await server.closed;
      await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("serverConfigFromEnv(env)", () => {
  it("defaults: port 4600, ./data/parley.sqlite", () => {
    expect(serverConfigFromEnv({})).toMatchObject({ port: DEFAULT_PORT, db: DEFAULT_DB, logger: false });
    expect(DEFAULT_PORT).toBe(4600);
  });
  it("PARLEY_PORT, PARLEY_DB, DATABASE_URL (PARLEY_DB wins), PARLEY_LOG", () => {
    expect(serverConfigFromEnv({ PARLEY_PORT: "5000", DATABASE_URL: "postgres://u@h/db", PARLEY_LOG: "1" })).toMatchObject({
      port: 5000,
      db: "postgres://u@h/db",
      logger: true,
    });
    expect(serverConfigFromEnv({ PARLEY_DB: "/tmp/x.sqlite", DATABASE_URL: "postgres://u@h/db" }).db).toBe("/tmp/x.sqlite");
  });
  it("PARLEY_RATE_LIMIT: requests per minute, or off", () => {
    expect(serverConfigFromEnv({ PARLEY_RATE_LIMIT: "120" }).rateLimit).toEqual({ max: 120, windowMs: 60_000 });
    expect(serverConfigFromEnv({ PARLEY_RATE_LIMIT: "off" }).rateLimit).toBe(false);
    expect(serverConfigFromEnv({}).rateLimit).toBeUndefined();
    expect(() => serverConfigFromEnv({ PARLEY_RATE_LIMIT: "lots" })).toThrow(/PARLEY_RATE_LIMIT/);
  });
  it("PARLEY_UPLOAD_RATE_LIMIT: uploads per minute, or off", () => {
    expect(serverConfigFromEnv({ PARLEY_UPLOAD_RATE_LIMIT: "10" }).uploadRateLimit).toEqual({ max: 10, windowMs: 60_000 });
    expect(serverConfigFromEnv({ PARLEY_UPLOAD_RATE_LIMIT: "off" }).uploadRateLimit).toBe(false);
    expect(serverConfigFromEnv({}).uploadRateLimit).toBeUndefined();
    expect(() => serverConfigFromEnv({ PARLEY_UPLOAD_RATE_LIMIT: "-3" })).toThrow(/PARLEY_UPLOAD_RATE_LIMIT/);
  });
  it("PARLEY_WORKERS: worker threads (0: none); anything else is an error", () => {
    expect(serverConfigFromEnv({ PARLEY_WORKERS: "3" }).workers).toBe(3);
    expect(serverConfigFromEnv({ PARLEY_WORKERS: "0" }).workers).toBe(0);
    expect(serverConfigFromEnv({}).workers).toBeUndefined();
    for (const bad of ["two", "-1", "1.5"]) expect(() => serverConfigFromEnv({ PARLEY_WORKERS: bad }), bad).toThrow(/PARLEY_WORKERS/);
  });
  it("a bad PARLEY_PORT is an error", () => {
    expect(() => serverConfigFromEnv({ PARLEY_PORT: "http" })).toThrow(/PARLEY_PORT/);
    expect(() => serverConfigFromEnv({ PARLEY_PORT: "70000" })).toThrow(/PARLEY_PORT/);
  });
});
