// Every route through app.inject(), on SQLite and (when available) PostgreSQL.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { analysisReportJson, analyzeScenario, frameworkReport, timeline } from "@parley/core";
import { parseScenario, stringifyScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import { Store } from "../src/store/store.js";
import { brokenYaml, describeStores, examplesDir, geniusFiles, json, parseSse, testApp, waitForJob, waterYaml, type FreshDatabase } from "./helpers.js";

const builtinScenarioYaml = readBuiltinScenarioText();

/** The built-in scenario (it has statements and events). */
const builtinId = parseOk(builtinScenarioYaml).id;

type ErrorBody = {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  issues?: { code: string; file?: string; line?: number; column?: number; path: (string | number)[]; message: string }[];
};

describeStores("the Parley API", (fresh: FreshDatabase, dialect) => {
  let app: FastifyInstance;
  let db: string;
  beforeAll(async () => {
    db = await fresh();
    app = await testApp(db);
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (url: string) => app.inject({ method: "GET", url });
  const post = (url: string, payload: unknown) => app.inject({ method: "POST", url, payload: payload as object });
  const put = (url: string, payload: unknown) => app.inject({ method: "PUT", url, payload: payload as object });

  describe("health and registries", () => {
    it("GET /api/health reports the store and the queues", async () => {
      const r = await get("/api/health");
      expect(r.statusCode).toBe(200);
      expect(json(r)).toMatchObject({ status: "ok", store: dialect, jobs: { simulations: { running: 0, queued: 0 } } });
    });
    it("GET /api/agents lists the strategies registry with parameters", async () => {
      const agents = json<{ name: string; parameters: { name: string; default: unknown }[] }[]>(await get("/api/agents"));
      const names = agents.map((a) => a.name);
      expect(names).toContain("boulware");
      expect(names).toContain("conceder");
      const boulware = agents.find((a) => a.name === "boulware")!;
      expect(boulware.parameters.find((p) => p.name === "e")?.default).toBe(0.2);
    });
    it("GET /api/protocols lists the four protocols", async () => {
      const protocols = json<{ name: string; maxSeats: number | null }[]>(await get("/api/protocols"));
      expect(protocols.map((p) => p.name)).toEqual(["sao", "stacked", "single-text", "shuttle"]);
      expect(protocols[0]!.maxSeats).toBe(2);
      expect(protocols[1]!.maxSeats).toBeNull();
    });
    it("GET /api/schema/scenario is the native format's JSON Schema", async () => {
      const r = await get("/api/schema/scenario");
      expect(r.statusCode).toBe(200);
      expect(json(r)["$id"]).toBe("urn:parley:schema:scenario:1");
    });
    it("GET /docs/json is an OpenAPI document of every route; /docs is the UI", async () => {
      const spec = json<{ openapi: string; paths: Record<string, unknown> }>(await get("/docs/json"));
      expect(spec.openapi).toBe("3.1.0");
      for (const p of [
        "/api/health",
        "/api/scenarios",
        "/api/scenarios/{id}",
        "/api/scenarios/{id}/versions/{version}",
        "/api/scenarios/{id}/analysis",
        "/api/scenarios/{id}/outcomes",
        "/api/simulations",
        "/api/simulations/{id}/events",
        "/api/tournaments",
        "/api/agents",
      ])
        expect(Object.keys(spec.paths)).toContain(p);
      const ui = await get("/docs/");
      expect(ui.statusCode).toBe(200);
      expect(ui.headers["content-type"]).toMatch(/text\/html/);
    });
  });

  describe("scenarios", () => {
    it("loads the built-in scenario and the example files at start", async () => {
      const list = json<{ id: string; builtin: boolean; version: number; parties: string[]; issues: number; frameworks: number }[]>(await get("/api/scenarios"));
      const ceasefire = list.find((s) => s.id === "ceasefire-talks");
      expect(ceasefire).toMatchObject({ builtin: true, version: 1, issues: 6, frameworks: 1 });
      expect(ceasefire!.parties).toContain("government");
      // The tournament config in examples/ is not a scenario.
      expect(list.every((s) => s.builtin)).toBe(true);
    });

    it("POST /api/scenarios (yaml) → 201 {id, version}; GET returns the model and the YAML as uploaded", async () => {
      const r = await post("/api/scenarios", { format: "yaml", text: waterYaml });
      expect(r.statusCode).toBe(201);
      expect(json(r)).toEqual({ id: "water-sharing", version: 1, warnings: [] });
      expect(r.headers["location"]).toBe("/api/scenarios/water-sharing");
      const s = json<{ id: string; version: number; name: string; yaml: string; format: string; scenario: { issues: unknown[] } }>(await get("/api/scenarios/water-sharing"));
      expect(s).toMatchObject({ id: "water-sharing", version: 1, name: "Water sharing", format: "yaml" });
      expect(s.yaml).toBe(waterYaml);
      expect(s.scenario.issues).toHaveLength(2);
    });

    it("POST the same scenario again gets a new id (-2); JSON and GENIUS uploads work", async () => {
      expect(json(await post("/api/scenarios", { format: "yaml", text: waterYaml }))["id"]).toBe("water-sharing-2");
      const asJson = stringifyScenario({ ...parseOk(waterYaml), id: "water-json" }, { format: "json" });
      const rj = await post("/api/scenarios", { format: "json", text: asJson });
      expect(rj.statusCode).toBe(201);
      const sj = json<{ format: string; yaml: string }>(await get("/api/scenarios/water-json"));
      expect(sj.format).toBe("json");
      expect(sj.yaml).toMatch(/^parley: 1/m);
      const rg = await post("/api/scenarios", { format: "genius", files: geniusFiles });
      expect(rg.statusCode).toBe(201);
      expect(json(rg)["id"]).toBe("tiny");
      const sg = json<{ scenario: { parties: { id: string }[] } }>(await get("/api/scenarios/tiny"));
      expect(sg.scenario.parties.map((p) => p.id)).toEqual(["buyer", "seller"]);
    });

    it("broken YAML → 400 PARLEY_HTTP_INVALID_SCENARIO with line numbers", async () => {
      const r = await post("/api/scenarios", { format: "yaml", text: brokenYaml });
      expect(r.statusCode).toBe(400);
      const body = json<ErrorBody>(r);
      expect(body).toMatchObject({ statusCode: 400, code: "PARLEY_HTTP_INVALID_SCENARIO", error: "Bad Request" });
      expect(body.issues![0]).toMatchObject({ code: "PARLEY_FMT_SYNTAX" });
      expect(body.issues![0]!.line).toBeGreaterThanOrEqual(4);
    });

    it("a schema problem is reported at its line, column and field path", async () => {
      const text = waterYaml.replace("reservation: 0.3", "reservation: 3");
      const body = json<ErrorBody>(await post("/api/scenarios", { format: "yaml", text }));
      expect(body.code).toBe("PARLEY_HTTP_INVALID_SCENARIO");
      const issue = body.issues!.find((i) => i.code === "PARLEY_FMT_VALUE")!;
      expect(issue).toMatchObject({ line: 12, path: ["parties", 0, "preferences", "reservation"] });
      expect(issue.column).toBeGreaterThan(0);
    });

    it("a broken GENIUS file → 400 with the file and line", async () => {
      const files = [geniusFiles[0]!, { name: "buyer.xml", text: "<utility_space>\n<objective>\n</utility_space>" }, geniusFiles[2]!];
      const body = json<ErrorBody & { issues: { file?: string; line?: number }[] }>(await post("/api/scenarios", { format: "genius", files }));
      expect(body.code).toBe("PARLEY_HTTP_INVALID_SCENARIO");
      expect(body.issues.some((i) => i.file === "buyer.xml" && i.line !== undefined)).toBe(true);
    });

    it("a body that does not match the API → 400 PARLEY_HTTP_VALIDATION with field paths", async () => {
      const r = await post("/api/scenarios", { format: "yaml", text: 42 });
      const body = json<ErrorBody>(r);
      expect(r.statusCode).toBe(400);
      expect(body.code).toBe("PARLEY_HTTP_VALIDATION");
      expect(body.issues![0]!.path).toEqual(["body", "text"]);
      const bad = json<ErrorBody>(await post("/api/scenarios", { format: "xml" }));
      expect(bad.issues![0]!.path).toEqual(["body", "format"]);
    });

    it("a body that is not JSON → 400 PARLEY_HTTP_BAD_JSON; another content type → 415", async () => {
      const r = await app.inject({ method: "POST", url: "/api/scenarios", headers: { "content-type": "application/json" }, payload: "{nope" });
      expect(r.statusCode).toBe(400);
      expect(json(r)["code"]).toBe("PARLEY_HTTP_BAD_JSON");
      const t = await app.inject({ method: "POST", url: "/api/scenarios", headers: { "content-type": "text/csv" }, payload: "a,b" });
      expect(t.statusCode).toBe(415);
      expect(json(t)["code"]).toBe("PARLEY_HTTP_UNSUPPORTED_MEDIA_TYPE");
    });

    it("PUT makes a new version; versions are listed and readable; the old one is unchanged", async () => {
      const v2 = waterYaml.replace("name: Water sharing", "name: Water sharing (revised)");
      const r = await put("/api/scenarios/water-sharing", { format: "yaml", text: v2 });
      expect(r.statusCode).toBe(200);
      expect(json(r)).toMatchObject({ id: "water-sharing", version: 2 });
      const versions = json<{ version: number; name: string }[]>(await get("/api/scenarios/water-sharing/versions"));
      expect(versions.map((v) => [v.version, v.name])).toEqual([
        [1, "Water sharing"],
        [2, "Water sharing (revised)"],
      ]);
      expect(json(await get("/api/scenarios/water-sharing"))["version"]).toBe(2);
      expect(json(await get("/api/scenarios/water-sharing/versions/1"))["name"]).toBe("Water sharing");
      expect(json(await get("/api/scenarios/water-sharing?version=1"))["yaml"]).toBe(waterYaml);
      const list = json<{ id: string; name: string; version: number }[]>(await get("/api/scenarios"));
      expect(list.find((s) => s.id === "water-sharing")).toMatchObject({ name: "Water sharing (revised)", version: 2 });
    });

    it("PUT with a broken file keeps the current version", async () => {
      const r = await put("/api/scenarios/water-sharing", { format: "yaml", text: brokenYaml });
      expect(r.statusCode).toBe(400);
      expect(json(await get("/api/scenarios/water-sharing"))["version"]).toBe(2);
    });

    it("unknown scenarios and versions → 404 with a code", async () => {
      for (const [url, code] of [
        ["/api/scenarios/nope", "PARLEY_HTTP_SCENARIO_NOT_FOUND"],
        ["/api/scenarios/nope/versions", "PARLEY_HTTP_SCENARIO_NOT_FOUND"],
        ["/api/scenarios/water-sharing/versions/9", "PARLEY_HTTP_VERSION_NOT_FOUND"],
        ["/api/scenarios/water-sharing/analysis?version=9", "PARLEY_HTTP_VERSION_NOT_FOUND"],
        ["/api/scenarios/nope/outcomes", "PARLEY_HTTP_SCENARIO_NOT_FOUND"],
        ["/api/simulations/nope", "PARLEY_HTTP_SIMULATION_NOT_FOUND"],
        ["/api/tournaments/nope", "PARLEY_HTTP_TOURNAMENT_NOT_FOUND"],
        ["/api/nothing-here", "PARLEY_HTTP_NOT_FOUND"],
      ] as const) {
        const r = await get(url);
        expect(r.statusCode, url).toBe(404);
        expect(json<ErrorBody>(r), url).toMatchObject({ statusCode: 404, code, error: "Not Found" });
      }
      expect((await put("/api/scenarios/nope", { format: "yaml", text: waterYaml })).statusCode).toBe(404);
    });

    it("DELETE removes a scenario (204); it is gone from the API and its id is not reused", async () => {
      expect((await app.inject({ method: "DELETE", url: "/api/scenarios/water-sharing-2" })).statusCode).toBe(204);
      expect((await get("/api/scenarios/water-sharing-2")).statusCode).toBe(404);
      expect((await app.inject({ method: "DELETE", url: "/api/scenarios/water-sharing-2" })).statusCode).toBe(404);
      expect(json<{ id: string }[]>(await get("/api/scenarios")).map((s) => s.id)).not.toContain("water-sharing-2");
      expect(json(await post("/api/scenarios", { format: "yaml", text: waterYaml }))["id"]).toBe("water-sharing-3");
    });
  });

  describe("analyses", () => {
    it("GET …/analysis is the analyze --json object; the second request is served from the cache", async () => {
      const first = await get("/api/scenarios/ceasefire-talks/analysis");
      expect(first.statusCode).toBe(200);
      expect(first.headers["x-parley-cache"]).toBe("miss");
      const report = json<{ parties: string[]; method: string; pareto: { count: number }; nash: unknown[] }>(first);
      expect(report.method).toBe("enumerate");
      expect(report.pareto.count).toBeGreaterThan(0);
      const second = await get("/api/scenarios/ceasefire-talks/analysis");
      expect(second.headers["x-parley-cache"]).toBe("hit");
      expect(second.body).toBe(first.body);
      // Other parameters are another entry; the store holds both.
      const third = await get("/api/scenarios/ceasefire-talks/analysis?method=sample&samples=2000&seed=3");
      expect(third.headers["x-parley-cache"]).toBe("miss");
      expect(json(third)["exact"]).toBe(false);
      const store = await Store.open(db);
      try {
        expect(await store.countCached({ scenarioId: "ceasefire-talks", kind: "analysis" })).toBe(2);
      } finally {
        await store.close();
      }
    });

    it("the analysis equals the CLI's analyze --json for the same scenario", async () => {
      const body = json(await get("/api/scenarios/water-sharing/analysis?version=1"));
      // One builder (core's analysisReportJson) serves the CLI, the server and the workbench.
      const expected = JSON.parse(JSON.stringify(analysisReportJson(analyzeScenario(parseOk(waterYaml)))));
      expect(body).toEqual(expected);
    });

    it("a cached result survives a restart (it is in the store)", async () => {
      const again = await testApp(db);
      try {
        const r = await again.inject({ method: "GET", url: "/api/scenarios/ceasefire-talks/analysis" });
        expect(r.headers["x-parley-cache"]).toBe("hit");
      } finally {
        await again.close();
      }
    });

    it("an unknown framework → 400 with the core's code; a bad method → 400 validation", async () => {
      const r = await get("/api/scenarios/ceasefire-talks/analysis?framework=nope");
      expect(r.statusCode).toBe(400);
      expect(json(r)["code"]).toBe("PARLEY_ERR_UNKNOWN_FRAMEWORK");
      const m = await get("/api/scenarios/ceasefire-talks/analysis?method=guess");
      expect(json<ErrorBody>(m).issues![0]!.path).toEqual(["querystring", "method"]);
    });

    it("GET …/outcomes gives one utility column per party and the rational flags", async () => {
      const r = await get("/api/scenarios/water-sharing/outcomes?parties=downstream,upstream");
      const body = json<{ parties: string[]; count: number; total: number; utilities: number[][]; rational: number[]; truncated: boolean }>(r);
      expect(body).toMatchObject({ parties: ["downstream", "upstream"], count: 93, total: 93, truncated: false });
      expect(body.utilities).toHaveLength(2);
      expect(body.utilities[0]).toHaveLength(93);
      expect(body.rational).toHaveLength(93);
      expect(body.rational.some((x) => x === 1)).toBe(true);
      const sample = json<{ count: number; truncated: boolean; utilities: number[][] }>(await get("/api/scenarios/water-sharing/outcomes?limit=10"));
      expect(sample).toMatchObject({ count: 10, truncated: true });
      expect(sample.utilities).toHaveLength(2);
      const bad = await get("/api/scenarios/water-sharing/outcomes?parties=nobody");
      expect(bad.statusCode).toBe(400);
      expect(json(bad)["code"]).toBe("PARLEY_ERR_UNKNOWN_PARTY");
    });

    it("GET …/frameworks is the framework report (parley framework --json), cached", async () => {
      const r = await get("/api/scenarios/ceasefire-talks/frameworks");
      expect(r.statusCode).toBe(200);
      expect(r.headers["x-parley-cache"]).toBe("miss");
      expect(json(r)).toEqual(JSON.parse(JSON.stringify(frameworkReport(parseOk(readFileSync(path.join(examplesDir, "ceasefire-talks.yaml"), "utf8"))))));
      expect(json<{ frameworks: { id: string }[] }>(r).frameworks[0]!.id).toBe("envoy-draft");
      expect((await get("/api/scenarios/ceasefire-talks/frameworks")).headers["x-parley-cache"]).toBe("hit");
    });

    it("GET …/timeline lists statements and events in date order, filtered", async () => {
      const r = await get(`/api/scenarios/${builtinId}/timeline`);
      expect(r.statusCode).toBe(200);
      const entries = json<{ entries: { date: string; type: string }[] }>(r).entries;
      expect(entries.length).toBeGreaterThan(0);
      const dates = entries.map((e) => e.date);
      expect([...dates].sort()).toEqual(dates);
      const party = parseOk(builtinScenarioYaml).parties[0]!.id;
      const some = json<{ entries: unknown[] }>(await get(`/api/scenarios/${builtinId}/timeline?party=${party}&from=2026`)).entries;
      expect(some.length).toBeLessThan(entries.length);
      expect(some).toEqual(timeline(parseOk(builtinScenarioYaml), { party, from: "2026" }).map((e) => JSON.parse(JSON.stringify(e))));
      const r2 = await get(`/api/scenarios/${builtinId}/timeline?party=nobody`);
      expect(r2.statusCode).toBe(400);
      expect(json(r2)["code"]).toBe("PARLEY_ERR_UNKNOWN_PARTY");
    });
  });

  describe("simulations", () => {
    it("POST /api/simulations → 202; the job runs to completion with trace and metrics", async () => {
      const r = await post("/api/simulations", {
        scenarioId: "ceasefire-talks",
        protocol: "sao",
        seats: ["government", "movement"],
        agents: ["boulware", "conceder(e=3)"],
        rounds: 60,
        seed: 7,
      });
      expect(r.statusCode).toBe(202);
      const { id, status } = json<{ id: string; status: string }>(r);
      expect(status).toBe("queued");
      const done = await waitForJob<{ status: string; result: { status: string; trace: unknown[]; paretoDistance: number | null; nashDistance: number | null; seats: string[] } }>(
        app,
        `/api/simulations/${id}`,
      );
      expect(done.status).toBe("done");
      expect(done.result.seats).toEqual(["government", "movement"]);
      expect(done.result.trace.length).toBeGreaterThan(0);
      expect(typeof done.result.paretoDistance).toBe("number");
      expect(typeof done.result.nashDistance).toBe("number");
      // The same request gives the same run.
      const again = json<{ id: string }>(
        await post("/api/simulations", { scenarioId: "ceasefire-talks", protocol: "sao", seats: ["government", "movement"], agents: ["boulware", "conceder(e=3)"], rounds: 60, seed: 7 }),
      );
      const second = await waitForJob<{ status: string; result: unknown }>(app, `/api/simulations/${again.id}`);
      expect(second.result).toEqual(done.result);
    });

    it("GET …/events streams the status and the final result", async () => {
      const { id } = json<{ id: string }>(await post("/api/simulations", { scenarioId: "water-sharing", agents: ["linear", "boulware"], rounds: 30 }));
      const r = await get(`/api/simulations/${id}/events`);
      expect(r.statusCode).toBe(200);
      expect(r.headers["content-type"]).toMatch(/^text\/event-stream/);
      const events = parseSse(r.body);
      const last = events.at(-1)!;
      expect(last.event).toBe("result");
      expect(last.data).toMatchObject({ id, status: "done" });
      // After the end, the stream gives the result at once.
      const after = parseSse((await get(`/api/simulations/${id}/events`)).body);
      expect(after).toHaveLength(1);
      expect(after[0]!.event).toBe("result");
      expect((await get("/api/simulations/nope/events")).statusCode).toBe(404);
    });

    it("multilateral protocols: stacked by default for 3 seats; single-text and shuttle with their options", async () => {
      const seats = ["government", "movement", "kessa"];
      const a = json<{ id: string }>(await post("/api/simulations", { scenarioId: "ceasefire-talks", seats, agents: ["linear", "linear", "linear"], rounds: 40 }));
      expect((await waitForJob<{ status: string; result: { protocol: string } }>(app, `/api/simulations/${a.id}`)).result.protocol).toBe("stacked");
      const b = json<{ id: string }>(
        await post("/api/simulations", { scenarioId: "ceasefire-talks", seats, agents: ["linear", "conceder", "boulware"], protocol: "single-text", mediator: "hill-climb", framework: "envoy-draft", rounds: 40 }),
      );
      expect((await waitForJob<{ status: string }>(app, `/api/simulations/${b.id}`)).status).toBe("done");
      const c = json<{ id: string }>(
        await post("/api/simulations", { scenarioId: "ceasefire-talks", seats, agents: ["linear", "conceder", "boulware"], protocol: "shuttle", exclude: ["kessa"], rounds: 40 }),
      );
      expect((await waitForJob<{ status: string }>(app, `/api/simulations/${c.id}`)).status).toBe("done");
    });

    it("bad simulation requests → 400 with a code, before any job is created", async () => {
      const cases: [unknown, string][] = [
        [{ scenarioId: "ceasefire-talks", seats: ["government", "movement"], agents: ["boulware"] }, "PARLEY_ERR_BAD_ARGUMENT"],
        [{ scenarioId: "ceasefire-talks", seats: ["government", "movement"], agents: ["nobody", "linear"] }, "PARLEY_ERR_UNKNOWN_STRATEGY"],
        [{ scenarioId: "ceasefire-talks", seats: ["government", "movement"], agents: ["boulware(e=-1)", "linear"] }, "PARLEY_ERR_BAD_PARAMETER"],
        [{ scenarioId: "ceasefire-talks", seats: ["government", "movement", "kessa"], protocol: "sao", agents: ["linear", "linear", "linear"] }, "PARLEY_ERR_BAD_ARGUMENT"],
        [{ scenarioId: "ceasefire-talks", seats: ["government", "nobody"] }, "PARLEY_ERR_UNKNOWN_PARTY"],
        [{ scenarioId: "ceasefire-talks", seats: ["government", "movement"], mediator: "hill-climb" }, "PARLEY_ERR_BAD_ARGUMENT"],
        [{ scenarioId: "ceasefire-talks", protocol: "tennis" }, "PARLEY_HTTP_VALIDATION"],
        [{ scenarioId: "ceasefire-talks", rounds: 0 }, "PARLEY_HTTP_VALIDATION"],
      ];
      for (const [body, code] of cases) {
        const r = await post("/api/simulations", body);
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
        expect(json(r)["code"], JSON.stringify(body)).toBe(code);
      }
      const missing = await post("/api/simulations", { scenarioId: "nope" });
      expect(missing.statusCode).toBe(404);
    });
  });

  describe("tournaments", () => {
    it("POST /api/tournaments → 202; a small tournament runs to its leaderboard, with progress events", async () => {
      const r = await post("/api/tournaments", {
        competitors: ["boulware", "conceder", "linear"],
        scenarios: [{ id: "water-sharing" }, { id: "ceasefire-talks", seats: ["government", "movement"] }],
        protocol: "sao",
        rounds: 40,
        repetitions: 2,
        seed: 5,
      });
      expect(r.statusCode).toBe(202);
      const { id } = json<{ id: string }>(r);
      const events = parseSse((await get(`/api/tournaments/${id}/events`)).body);
      expect(events.at(-1)!.event).toBe("result");
      const t = await waitForJob<{
        status: string;
        progress: { done: number; total: number };
        config: { scenarios: { id: string; version: number; seats: string[] }[] };
        results: { plan: string; runs: { status: string }[]; scores: { competitors: { competitor: string; rank: number }[] } };
        error: unknown;
      }>(app, `/api/tournaments/${id}`);
      expect(t.error).toBe(null);
      expect(t.status).toBe("done");
      // 3 competitors, 2 seats, rotate, no self-play: 6 seatings × 2 repetitions × 2 scenarios.
      expect(t.progress).toEqual({ done: 24, total: 24 });
      expect(t.results.runs).toHaveLength(24);
      expect(t.results.scores.competitors.map((c) => c.competitor).sort()).toEqual(["boulware", "conceder", "linear"]);
      expect(t.config.scenarios[0]).toMatchObject({ id: "water-sharing", version: 2, seats: ["upstream", "downstream"] });
    });

    it("bad tournaments → 400 with the core's code; too many runs → 422 PARLEY_ERR_LIMIT", async () => {
      const bad = await post("/api/tournaments", { competitors: ["boulware", "boulware"], scenarios: [{ id: "water-sharing" }] });
      expect(json(bad)["code"]).toBe("PARLEY_ERR_BAD_ARGUMENT");
      const unknown = await post("/api/tournaments", { competitors: ["boulware", "nobody"], scenarios: [{ id: "water-sharing" }] });
      expect(json(unknown)["code"]).toBe("PARLEY_ERR_UNKNOWN_STRATEGY");
      const none = await post("/api/tournaments", { competitors: ["boulware"], scenarios: [{ id: "water-sharing" }] });
      expect(json(none)["code"]).toBe("PARLEY_ERR_BAD_ARGUMENT");
      const missing = await post("/api/tournaments", { competitors: ["boulware", "linear"], scenarios: [{ id: "nope" }] });
      expect(missing.statusCode).toBe(404);
      const six = ["boulware", "linear", "conceder", "hardliner", "random", "nice"];
      const big = await post("/api/tournaments", { competitors: six, scenarios: [{ id: "water-sharing" }], repetitions: 1000, selfPlay: true });
      expect(big.statusCode).toBe(422);
      expect(json(big)["code"]).toBe("PARLEY_ERR_LIMIT");
    });
  });

  describe("jobs across restarts", () => {
    it("jobs left queued or running by a stopped server are marked interrupted at start", async () => {
      const location = await fresh();
      const store = await Store.open(location);
      try {
        await store.insertSimulation({ id: "left-over", scenarioId: "x", version: 1, request: {} });
        await store.insertTournament({ id: "left-over-t", config: {}, total: 3 });
      } finally {
        await store.close();
      }
      const next = await testApp(location, { builtins: false });
      try {
        const sim = json<{ status: string; error: { code: string } }>(await next.inject({ method: "GET", url: "/api/simulations/left-over" }));
        expect(sim).toMatchObject({ status: "interrupted", error: { code: "PARLEY_HTTP_JOB_INTERRUPTED" } });
        const t = json<{ status: string }>(await next.inject({ method: "GET", url: "/api/tournaments/left-over-t" }));
        expect(t.status).toBe("interrupted");
        expect(json<unknown[]>(await next.inject({ method: "GET", url: "/api/scenarios" }))).toEqual([]);
      } finally {
        await next.close();
      }
    });
  });
});

function parseOk(text: string) {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
