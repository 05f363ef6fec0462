// API body fuzz: mutations of a valid body of every POST/PUT route, and the formats suite's hostile
// shapes (packages/formats/test/fuzz/shapes.ts: giant native files and GENIUS folders) as uploads,
// all through app.inject(). Properties: every reply is below 500, in the documented error shape with
// a registered code; after the batch the server still answers /api/health. `npm test` runs a small
// budget with the suite's fixed seed; `npm run fuzz` (PARLEY_FUZZ=long) a larger one with a fresh seed.
// A crash found is kept in `regressions` below.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parleyErrorCodes } from "@parley/core";
import { arbitraryShape, geniusFiles as shapeFiles, nativeText, type Shape } from "../../formats/test/fuzz/shapes.js";
import { httpErrorCodes, httpErrors } from "../src/errors.js";
import { geniusFiles, json, testApp, waitForIdle, waterYaml } from "./helpers.js";

const long = process.env["PARLEY_FUZZ"] === "long";
const registered = new Set<string>([...httpErrorCodes, ...parleyErrorCodes]);
const shapeRegressions = JSON.parse(readFileSync(new URL("../../formats/test/fuzz/regressions.json", import.meta.url), "utf8")) as Shape[];

let app: FastifyInstance;
let simulationId: string;
let tournamentId: string;
beforeAll(async () => {
  app = await testApp(":memory:", { limits: { rounds: 200, tournamentRuns: 40, tournamentJobs: 2, simulationJobs: 8, workers: 1 } });
  simulationId = json<{ id: string }>(await app.inject({ method: "POST", url: "/api/simulations", payload: { scenarioId: "ceasefire-talks", rounds: 5 } })).id;
  tournamentId = json<{ id: string }>(
    await app.inject({ method: "POST", url: "/api/tournaments", payload: { competitors: ["boulware", "linear"], scenarios: [{ id: "ceasefire-talks" }], rounds: 5 } }),
  ).id;
});
afterAll(async () => {
  await waitForIdle(app);
  await app.close();
}, 90_000);

/** The reply is below 500; an error is in the documented shape with a registered code and its status. */
function expectDocumented(r: { statusCode: number; body: string }, what: string): void {
  expect(r.statusCode, `${what}: ${r.body.slice(0, 300)}`).toBeLessThan(500);
  if (r.statusCode < 400) return;
  const body = JSON.parse(r.body) as Record<string, unknown>;
  expect(body, what).toMatchObject({ statusCode: r.statusCode, code: expect.any(String), error: expect.any(String), message: expect.any(String) });
  expect(registered.has(body["code"] as string), `${what}: ${String(body["code"])}`).toBe(true);
  if (body["code"] as string in httpErrors) expect(httpErrors[body["code"] as keyof typeof httpErrors].status).toBe(r.statusCode);
}

/** A valid body of every POST/PUT route. */
const routes: { method: "POST" | "PUT"; url: () => string; body: unknown }[] = [
  { method: "POST", url: () => "/api/scenarios", body: { format: "yaml", text: waterYaml } },
  { method: "POST", url: () => "/api/scenarios", body: { format: "genius", files: geniusFiles, id: "g", name: "G" } },
  { method: "PUT", url: () => "/api/scenarios/ceasefire-talks", body: { format: "json", text: JSON.stringify({ parley: 1, id: "j", name: "J", issues: [], parties: [] }) } },
  {
    method: "POST",
    url: () => "/api/simulations",
    body: { scenarioId: "ceasefire-talks", version: 1, protocol: "sao", seats: ["government", "movement"], agents: ["boulware", "conceder(e=3)"], rounds: 50, seed: 3 },
  },
  { method: "POST", url: () => "/api/simulations", body: { scenarioId: "ceasefire-talks", protocol: "shuttle", exclude: ["government"], framework: "x", mediator: "hill-climb" } },
  {
    method: "POST",
    url: () => "/api/tournaments",
    body: { competitors: ["boulware", "linear"], scenarios: [{ id: "ceasefire-talks", version: 1, seats: ["government", "movement"] }], protocol: "sao", rounds: 20, repetitions: 1, rotate: true, selfPlay: false, seed: 2 },
  },
  { method: "POST", url: () => `/api/simulations/${simulationId}/rerun`, body: undefined },
  { method: "POST", url: () => `/api/tournaments/${tournamentId}/rerun`, body: undefined },
];

/** Hostile leaf values. */
const hostile = fc.oneof(
  fc.anything(),
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53, 0.5, "", " ", "\u0000", "../../etc/passwd", "%00", "__proto__", "constructor", null, true, [], {}),
  fc.string({ maxLength: 2000 }),
  fc.integer({ min: 1, max: 4000 }).map((n) => "x".repeat(n * 100)),
  fc.array(fc.constant("boulware"), { maxLength: 200 }),
);

type Json = unknown;
/** Replace the value at a random path of `value` (or delete it, or add a key) with a hostile one. */
function mutation(value: Json): fc.Arbitrary<Json> {
  return fc.tuple(fc.array(fc.nat(), { minLength: 0, maxLength: 4 }), fc.constantFrom("replace", "delete", "add", "wrap"), hostile, fc.string({ maxLength: 12 })).map(([steps, op, leaf, key]) => {
    const root = structuredClone(value) as Json;
    if (root === undefined || root === null || typeof root !== "object") return op === "wrap" ? [root] : leaf;
    let parent = root as Record<string, Json>;
    let at = "";
    for (const step of steps) {
      const keys = Object.keys(parent);
      if (keys.length === 0) break;
      at = keys[step % keys.length]!;
      const next = parent[at];
      if (next === null || typeof next !== "object") break;
      parent = next as Record<string, Json>;
      at = "";
    }
    const keys = Object.keys(parent);
    const target = at !== "" ? at : (keys[(steps[0] ?? 0) % Math.max(1, keys.length)] ?? key);
    if (op === "delete") delete parent[target];
    else if (op === "add") parent[key === "__proto__" ? "proto" : key] = leaf;
    else if (op === "wrap") parent[target] = [parent[target]];
    else parent[target] = leaf;
    return root;
  });
}

const mutatedRequest = fc.integer({ min: 0, max: routes.length - 1 }).chain((i) =>
  fc.tuple(fc.constant(i), fc.array(fc.constant(null), { maxLength: 2 }).chain((extra) => extra.reduce<fc.Arbitrary<Json>>((acc) => acc.chain(mutation), mutation(routes[i]!.body)))),
);

/** A shape as an upload body: native text as YAML, a GENIUS folder as its files. */
function shapeUpload(shape: Shape): unknown {
  const text = nativeText(shape);
  if (text !== null) return { format: "yaml", text };
  return { format: "genius", files: Object.entries(shapeFiles(shape)!).map(([name, t]) => ({ name, text: t })), id: "fuzz" };
}

async function send(method: "POST" | "PUT", url: string, body: unknown) {
  const payload = body === undefined ? undefined : (JSON.stringify(body) ?? "null");
  return app.inject({ method, url, ...(payload !== undefined ? { headers: { "content-type": "application/json" }, payload } : {}) });
}

/** Crashes found by this suite, kept as regression cases: [route index, body]. */
const regressions: [number, unknown][] = [];

describe("API body fuzz", () => {
  it.each(regressions.map((r, i) => [i, r] as const))("regression %s", async (_, [i, body]) => {
    const route = routes[i]!;
    expectDocumented(await send(route.method, route.url(), body), `${route.method} ${route.url()}`);
  });

  it(`mutated bodies of every POST/PUT route${long ? " (long run)" : ""}`, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedRequest, async ([i, body]) => {
        const route = routes[i]!;
        expectDocumented(await send(route.method, route.url(), body), `${route.method} ${route.url()} ${JSON.stringify(body)?.slice(0, 200)}`);
      }),
      { numRuns: long ? 1000 : 60 },
    );
  }, 120_000);

  it("the formats suite's kept hostile files as uploads (POST and PUT)", async () => {
    for (const [n, shape] of shapeRegressions.entries()) {
      const r = await send(n % 2 === 0 ? "POST" : "PUT", n % 2 === 0 ? "/api/scenarios" : "/api/scenarios/ceasefire-talks", shapeUpload(shape));
      expectDocumented(r, shape.kind);
    }
  }, 120_000);

  it(`random hostile shapes as uploads${long ? " (full size)" : " (a quarter of full size)"}`, async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryShape(long ? 1 : 0.25), async (shape) => {
        expectDocumented(await send("POST", "/api/scenarios", shapeUpload(shape)), JSON.stringify(shape));
      }),
      { numRuns: long ? 200 : 8 },
    );
  }, 300_000);

  it("after the batch the server still answers", async () => {
    const health = await app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    expect(json(health)["status"]).toBe("ok");
    expect((await app.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks" })).statusCode).toBe(200);
  });
});
