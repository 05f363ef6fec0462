// Host and Origin checks (DNS rebinding, cross-site writes): every route refuses a Host that is not a
// loopback name or a configured host (421), and a state-changing request from another site (403).
import { describe, expect, it } from "vitest";
import { hostAllowlist, splitHost } from "../src/host-check.js";
import { serverConfigFromEnv } from "../src/start.js";
import { json, testApp, waterYaml } from "./helpers.js";

const upload = { format: "yaml", text: waterYaml };

describe("hostAllowlist(configured)", () => {
  it("loopback names with any port; configured names with any port, or name:port exactly", () => {
    const allowed = hostAllowlist(["parley.lan", "box:8080"]);
    for (const ok of ["127.0.0.1", "127.0.0.1:4600", "localhost:5173", "LOCALHOST", "[::1]:4600", "[::1]", "parley.lan", "parley.lan:9", "box:8080"])
      expect(allowed(ok), ok).toBe(true);
    for (const bad of ["attacker.example", "attacker.example:4600", "box", "box:8081", "127.0.0.2", "localhost.attacker.example", "", "a b", "127.0.0.1:4600@evil", "[::2]"])
      expect(allowed(bad), bad).toBe(false);
    expect(splitHost("[::1]:80")).toEqual({ name: "[::1]", port: "80" });
    expect(() => hostAllowlist(["http://x/"])).toThrow(/not a host name/);
  });

  it("PARLEY_ALLOWED_HOSTS: a comma-separated list; a bad entry is an error", () => {
    expect(serverConfigFromEnv({ PARLEY_ALLOWED_HOSTS: "parley.lan, box:8080" }).allowedHosts).toEqual(["parley.lan", "box:8080"]);
    expect(serverConfigFromEnv({}).allowedHosts).toBeUndefined();
    expect(() => serverConfigFromEnv({ PARLEY_ALLOWED_HOSTS: "x/y" })).toThrow(/not a host name/);
  });
});

describe("the Host check on every route", () => {
  it("Host: attacker.example → 421 PARLEY_HTTP_HOST_NOT_ALLOWED on the API, the docs, the pages and unknown paths", async () => {
    const app = await testApp(":memory:", { builtins: false });
    try {
      for (const [method, url] of [
        ["GET", "/api/health"],
        ["GET", "/api/scenarios"],
        ["POST", "/api/scenarios"],
        ["GET", "/docs/json"],
        ["GET", "/"],
        ["GET", "/api/nothing-here"],
        ["DELETE", "/api/scenarios/x"],
      ] as const) {
        const r = await app.inject({ method, url, headers: { host: "attacker.example:4600" }, ...(method === "POST" ? { payload: upload } : {}) });
        expect(r.statusCode, `${method} ${url}`).toBe(421);
        expect(json(r)).toMatchObject({ statusCode: 421, code: "PARLEY_HTTP_HOST_NOT_ALLOWED", error: "Misdirected Request" });
        expect(json<{ message: string }>(r).message).toContain('"attacker.example:4600"');
      }
      // Nothing was stored by the refused upload.
      expect(json<unknown[]>(await app.inject({ method: "GET", url: "/api/scenarios" }))).toEqual([]);
      for (const host of ["127.0.0.1:4600", "localhost:5173", "[::1]:4600", "localhost"])
        expect((await app.inject({ method: "GET", url: "/api/health", headers: { host } })).statusCode, host).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("configured hosts are answered (allowedHosts)", async () => {
    const app = await testApp(":memory:", { builtins: false, allowedHosts: ["parley.lan"] });
    try {
      expect((await app.inject({ method: "GET", url: "/api/health", headers: { host: "parley.lan:4600" } })).statusCode).toBe(200);
      expect((await app.inject({ method: "GET", url: "/api/health", headers: { host: "other.lan" } })).statusCode).toBe(421);
    } finally {
      await app.close();
    }
  });
});

describe("the Origin check on state-changing requests", () => {
  it("POST, PUT, DELETE with a foreign or opaque Origin → 403 PARLEY_HTTP_ORIGIN_NOT_ALLOWED; loopback pages (the Vite dev server too) are fine", async () => {
    const app = await testApp(":memory:", { builtins: false });
    try {
      for (const origin of ["http://attacker.example", "null", "https://127.0.0.1.attacker.example", "file://", "not a url"]) {
        const r = await app.inject({ method: "POST", url: "/api/scenarios", headers: { origin, host: "127.0.0.1:4600" }, payload: upload });
        expect(r.statusCode, origin).toBe(403);
        expect(json(r)).toMatchObject({ statusCode: 403, code: "PARLEY_HTTP_ORIGIN_NOT_ALLOWED", error: "Forbidden" });
      }
      expect(json<unknown[]>(await app.inject({ method: "GET", url: "/api/scenarios" }))).toEqual([]);
      const same = await app.inject({ method: "POST", url: "/api/scenarios", headers: { origin: "http://127.0.0.1:4600", host: "127.0.0.1:4600" }, payload: upload });
      expect(same.statusCode).toBe(201);
      const vite = await app.inject({ method: "PUT", url: "/api/scenarios/water-sharing", headers: { origin: "http://localhost:5173", host: "localhost:5173" }, payload: upload });
      expect(vite.statusCode).toBe(200);
      const del = await app.inject({ method: "DELETE", url: "/api/scenarios/water-sharing", headers: { origin: "http://attacker.example" } });
      expect(del.statusCode).toBe(403);
      // Reading with a foreign Origin is answered (the browser keeps the reply from the other page).
      expect((await app.inject({ method: "GET", url: "/api/scenarios", headers: { origin: "http://attacker.example" } })).statusCode).toBe(200);
      // Without an Origin (curl, the CLI) writes are fine.
      expect((await app.inject({ method: "DELETE", url: "/api/scenarios/water-sharing" })).statusCode).toBe(204);
    } finally {
      await app.close();
    }
  });
});
