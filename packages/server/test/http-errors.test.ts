// Every error the server can give is in the one documented shape { statusCode, code, error, message }
// with a registered code: Node-level rejections (431 headers too large, 400 not HTTP), URLs Fastify
// cannot decode, body parse errors, 404s (unknown paths and methods); and every route validates its
// query string strictly (unknown parameters and malformed values → 400 PARLEY_HTTP_VALIDATION).
import net from "node:net";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpErrorCodes, httpErrors, type HttpErrorCode } from "../src/errors.js";
import { json, testApp, waitForIdle, waterYaml } from "./helpers.js";

/** The reply is an error in the documented shape, with this code and the code's registered status. */
function expectError(r: { statusCode: number; body: string }, code: HttpErrorCode): void {
  expect(httpErrorCodes).toContain(code);
  expect(r.statusCode, r.body).toBe(httpErrors[code].status);
  const body = JSON.parse(r.body) as Record<string, unknown>;
  expect(body).toMatchObject({ statusCode: r.statusCode, code, error: expect.any(String), message: expect.any(String) });
  expect(Object.keys(body).filter((k) => !["statusCode", "code", "error", "message", "issues"].includes(k))).toEqual([]);
}

/** Send raw bytes to a listening server and read the whole answer. */
function raw(port: number, request: string): Promise<{ statusCode: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    socket.on("data", (chunk) => (data += chunk.toString()));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", body = ""] = data.split("\r\n\r\n");
      resolve({ statusCode: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body });
    });
    socket.write(request);
  });
}

let app: FastifyInstance;
let port: number;
let simulationId: string;
let tournamentId: string;
beforeAll(async () => {
  app = await testApp(":memory:", { limits: { bodyBytes: 64 * 1024 } });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  port = typeof address === "object" && address ? address.port : 0;
  simulationId = json<{ id: string }>(await app.inject({ method: "POST", url: "/api/simulations", payload: { scenarioId: "ceasefire-talks", rounds: 5 } })).id;
  tournamentId = json<{ id: string }>(
    await app.inject({ method: "POST", url: "/api/tournaments", payload: { competitors: ["boulware", "linear"], scenarios: [{ id: "ceasefire-talks", seats: ["government", "movement"] }], rounds: 5 } }),
  ).id;
});
afterAll(async () => {
  await waitForIdle(app);
  await app.close();
}, 90_000);

describe("Node-level and framework rejections are in the error shape", () => {
  it("headers over Node's limit → 431 PARLEY_HTTP_HEADERS_TOO_LARGE", async () => {
    const r = await raw(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(40_000)}\r\n\r\n`);
    expectError(r, "PARLEY_HTTP_HEADERS_TOO_LARGE");
    expect(r.headers).toMatch(/content-type: application\/json/i);
  });

  it("bytes that are not HTTP → 400 PARLEY_HTTP_BAD_REQUEST", async () => {
    const r = await raw(port, "HELLO THERE\r\n\r\n");
    expectError(r, "PARLEY_HTTP_BAD_REQUEST");
    expect(json<{ message: string }>(r as unknown as LightMyRequestResponse).message).toContain("not valid HTTP");
  });

  it("a URL that does not decode → 400 PARLEY_HTTP_BAD_REQUEST", async () => {
    expectError(await app.inject({ method: "GET", url: "/api/scenarios/%E0%A4%A" }), "PARLEY_HTTP_BAD_REQUEST");
  });

  it("unknown paths and methods → 404 PARLEY_HTTP_NOT_FOUND", async () => {
    for (const [method, url] of [
      ["GET", "/api/nothing"],
      ["PATCH", "/api/health"],
      ["PROPFIND", "/api/scenarios"],
      ["DELETE", "/api"],
    ] as const)
      expectError(await app.inject({ method: method as "GET", url }), "PARLEY_HTTP_NOT_FOUND");
  });

  it("bodies: not JSON, empty, another media type, too large", async () => {
    const post = (payload: string, type = "application/json") => app.inject({ method: "POST", url: "/api/scenarios", headers: { "content-type": type }, payload });
    expectError(await post("{"), "PARLEY_HTTP_BAD_JSON");
    expectError(await post(""), "PARLEY_HTTP_BAD_JSON");
    expectError(await post('{"__proto__": {"x": 1}}'), "PARLEY_HTTP_BAD_JSON");
    expectError(await post("format=yaml", "application/x-www-form-urlencoded"), "PARLEY_HTTP_UNSUPPORTED_MEDIA_TYPE");
    expectError(await post(JSON.stringify({ format: "yaml", text: "#".repeat(70_000) })), "PARLEY_HTTP_BODY_TOO_LARGE");
  });
});

describe("strict query strings on every route", () => {
  /** Every route of the OpenAPI document, with its path parameters filled in. */
  async function routes(): Promise<{ method: string; url: string }[]> {
    const doc = json<{ paths: Record<string, Record<string, unknown>> }>(await app.inject({ method: "GET", url: "/docs/json" }));
    const out: { method: string; url: string }[] = [];
    for (const [template, methods] of Object.entries(doc.paths)) {
      const id = template.startsWith("/api/simulations") ? simulationId : template.startsWith("/api/tournaments") ? tournamentId : "ceasefire-talks";
      const url = template.replace("{id}", id).replace("{version}", "1");
      for (const method of Object.keys(methods)) out.push({ method: method.toUpperCase(), url });
    }
    return out;
  }
  const bodies: Record<string, unknown> = {
    "POST /api/scenarios": { format: "yaml", text: waterYaml },
    "PUT /api/scenarios/ceasefire-talks": { format: "yaml", text: waterYaml },
    "POST /api/simulations": { scenarioId: "ceasefire-talks" },
    "POST /api/tournaments": { competitors: ["boulware"], scenarios: [{ id: "ceasefire-talks" }] },
    "POST /api/rooms": { scenario: "ceasefire-talks", seats: {} },
    "POST /api/rooms/ceasefire-talks/join": { invite: "x" },
    "POST /api/rooms/ceasefire-talks/invites": { role: "observer" },
    "PUT /api/rooms/ceasefire-talks/preferences": {},
    "POST /api/rooms/ceasefire-talks/actions": { type: "start" },
  };
  /** Required query parameters. */
  const queries: Record<string, string> = {
    "GET /api/rooms/ceasefire-talks/audit/inclusion": "index=0&",
    "GET /api/rooms/ceasefire-talks/audit/consistency": "from=0&",
  };

  it("an unknown parameter → 400 PARLEY_HTTP_VALIDATION at [querystring], on every route", async () => {
    const list = await routes();
    expect(list.length).toBeGreaterThan(20);
    for (const { method, url } of list) {
      const body = bodies[`${method} ${url}`];
      const r = await app.inject({ method: method as "GET", url: `${url}?${queries[`${method} ${url}`] ?? ""}bogus=1`, ...(body ? { payload: body as object } : {}) });
      expectError(r, "PARLEY_HTTP_VALIDATION");
      const issue = json<{ issues: { path: string[]; message: string }[] }>(r).issues[0]!;
      expect(issue.path[0], `${method} ${url}`).toBe("querystring");
      expect(issue.message).toContain("bogus");
    }
  });

  it("malformed values are refused, never coerced", async () => {
    const bad = [
      "/api/simulations?limit=1e400",
      "/api/simulations?limit=1e2",
      "/api/simulations?limit=0x10",
      "/api/simulations?limit=%205",
      "/api/simulations?limit=",
      "/api/simulations?limit=5&limit=6",
      "/api/simulations?offset=1.5",
      "/api/simulations?offset=-1",
      "/api/tournaments?status=bogus",
      "/api/scenarios/ceasefire-talks?version=abc",
      "/api/scenarios/ceasefire-talks?version=0",
      "/api/scenarios/ceasefire-talks/versions/1e0",
      "/api/scenarios/ceasefire-talks/analysis?seed=-1",
      "/api/scenarios/ceasefire-talks/analysis?seed=4294967296",
      "/api/scenarios/ceasefire-talks/analysis?method=fast",
      "/api/scenarios/ceasefire-talks/analysis?samples=99999999999999999999",
      "/api/scenarios/ceasefire-talks/analysis?framework=",
      "/api/scenarios/ceasefire-talks/outcomes?parties=",
      "/api/scenarios/ceasefire-talks/outcomes?parties=government,,movement",
      "/api/scenarios/ceasefire-talks/timeline?party=",
    ];
    for (const url of bad) expectError(await app.inject({ method: "GET", url }), "PARLEY_HTTP_VALIDATION");
    // Well-formed values still work.
    expect((await app.inject({ method: "GET", url: "/api/simulations?limit=2&offset=0&status=done" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/outcomes?parties=government,movement&limit=10&seed=0" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks?version=1" })).statusCode).toBe(200);
  });
});
