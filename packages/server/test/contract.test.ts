// The API contract is what the server sends: real replies parse with the zod schemas of
// src/api/contract.ts (the web app's types come from them), and the OpenAPI document shows them.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  agentsSchema,
  analysisSchema,
  frameworksSchema,
  healthSchema,
  outcomesSchema,
  protocolsSchema,
  scenarioDetailSchema,
  scenarioListSchema,
  simulationListSchema,
  simulationSchema,
  timelineSchema,
  tournamentListSchema,
  tournamentSchema,
} from "../src/api/contract.js";
import { json, testApp, waitForJob } from "./helpers.js";

describe("the API contract", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(":memory:");
  });
  afterAll(async () => {
    await app?.close();
  });

  /** GET `url` and parse the reply with `schema`: a mismatch fails with zod's path and message. */
  const check = async (schema: z.ZodType, url: string) => {
    const r = await app.inject({ method: "GET", url });
    expect(r.statusCode, url).toBe(200);
    const parsed = schema.safeParse(json(r));
    expect(parsed.success ? "ok" : parsed.error.issues.slice(0, 3), url).toBe("ok");
    return json(r);
  };

  it("registries, scenarios and analyses (every framework's report and verdicts included)", async () => {
    await check(healthSchema, "/api/health");
    await check(agentsSchema, "/api/agents");
    await check(protocolsSchema, "/api/protocols");
    await check(scenarioListSchema, "/api/scenarios");
    await check(scenarioDetailSchema, "/api/scenarios/ceasefire-talks");
    const analysis = await check(analysisSchema, "/api/scenarios/ceasefire-talks/analysis");
    expect((analysis["frameworks"] as unknown[]).length).toBeGreaterThan(0);
    const report = await check(frameworksSchema, "/api/scenarios/peace-talks-2025/frameworks");
    expect((report["frameworks"] as unknown[]).length).toBeGreaterThan(0);
    await check(outcomesSchema, "/api/scenarios/ceasefire-talks/outcomes?limit=500");
    await check(timelineSchema, "/api/scenarios/peace-talks-2025/timeline");
  });

  it("a scenario without a rational outcome: the conflicts", async () => {
    const yaml = `parley: 1
id: no-deal
name: No deal
issues:
  - { id: a, kind: categorical, options: [x, y] }
parties:
  - { id: p, name: P, preferences: { reservation: 0.9, weights: { a: 1 }, values: { a: [x, y] } } }
  - { id: q, name: Q, preferences: { reservation: 0.9, weights: { a: 1 }, values: { a: [y, x] } } }
`;
    expect((await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: yaml } })).statusCode).toBe(201);
    const analysis = await check(analysisSchema, "/api/scenarios/no-deal/analysis");
    expect(analysis["conflicts"]).toMatchObject({ sets: expect.any(Array) });
  });

  it("a non-linear space too large to enumerate: the solver's exact frontier (auto), and an anytime one under timeLimit", async () => {
    const issues = Array.from({ length: 12 }, (_, i) => `  - { id: i${i}, kind: integer, min: 0, max: 9 }`).join("\n");
    const rects = (shift: number) =>
      Array.from({ length: 16 }, (_, k) => `        - { utility: ${5 + ((k * 7 + shift) % 40)}, includes: { i${(k + shift) % 12}: [${k % 5}, ${(k % 5) + 4}], i${(k * 5 + shift + 1) % 12}: [${(k + shift) % 6}, 9] } }`).join("\n");
    const yaml = `parley: 1
id: big-nonlinear
name: Big non-linear
issues:
${issues}
parties:
  - id: p
    name: P
    preferences:
      utility:
        kind: hyper-rectangles
        rectangles:
${rects(0)}
  - id: q
    name: Q
    preferences:
      utility:
        kind: hyper-rectangles
        rectangles:
${rects(3)}
`;
    const created = await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: yaml } });
    expect(created.statusCode, created.body).toBe(201);
    const exact = await check(analysisSchema, "/api/scenarios/big-nonlinear/analysis");
    expect(exact).toMatchObject({ method: "solve", exact: true, outcomes: 1e12, solver: { gap: 0 } });
    const points = exact["pareto"] as { points: number[][] };
    expect(points.points.length).toBeGreaterThan(0);
    const quick = await check(analysisSchema, "/api/scenarios/big-nonlinear/analysis?method=solve&timeLimit=0.000001");
    expect(quick).toMatchObject({ method: "solve", exact: false, solver: { timeLimit: 0.000001 } });
    const enumerate = await app.inject({ method: "GET", url: "/api/scenarios/big-nonlinear/analysis?method=enumerate" });
    expect(json(enumerate)["code"]).toBe("PARLEY_ERR_SPACE_TOO_LARGE");
    // A simulation there: the agents do not enumerate, the run is measured against the solver's frontier.
    const sim = json<{ id: string }>(
      await app.inject({ method: "POST", url: "/api/simulations", payload: { scenarioId: "big-nonlinear", seats: ["p", "q"], agents: ["aspiration", "conceder"], rounds: 200 } }),
    );
    await waitForJob(app, `/api/simulations/${sim.id}`);
    const done = await check(simulationSchema, `/api/simulations/${sim.id}`);
    const result = done["result"] as { status: string; paretoDistance: number | null };
    expect(result.status).not.toBe("error");
    expect(result.paretoDistance).toBeGreaterThanOrEqual(0);
  });

  it("simulations and tournaments: the job, its result with the trace, the lists", async () => {
    const sim = json<{ id: string }>(
      await app.inject({ method: "POST", url: "/api/simulations", payload: { scenarioId: "ceasefire-talks", seats: ["government", "movement"], agents: ["boulware", "conceder"], rounds: 50 } }),
    );
    await waitForJob(app, `/api/simulations/${sim.id}`);
    const done = await check(simulationSchema, `/api/simulations/${sim.id}`);
    expect(((done["result"] as { trace: unknown[] }).trace).length).toBeGreaterThan(0);
    await check(simulationListSchema, "/api/simulations");

    const t = json<{ id: string }>(
      await app.inject({
        method: "POST",
        url: "/api/tournaments",
        payload: { competitors: ["boulware", "linear"], scenarios: [{ id: "ceasefire-talks", seats: ["government", "movement"] }], rounds: 30 },
      }),
    );
    await waitForJob(app, `/api/tournaments/${t.id}`);
    const finished = await check(tournamentSchema, `/api/tournaments/${t.id}`);
    expect(finished["status"]).toBe("done");
    await check(tournamentListSchema, "/api/tournaments");
  });

  it("the OpenAPI document describes the replies (no opaque objects for analyses, jobs and their results)", async () => {
    const doc = json<{ components: { schemas: Record<string, unknown> } }>(await app.inject({ method: "GET", url: "/docs/json" }));
    for (const name of ["FrameworkEvaluation", "FrameworkReportEntry", "VerdictExplanation", "Constraint", "RedLine", "TraceEvent", "SimulationResult", "TournamentRun", "CompetitorScore", "SimulationSummary", "TournamentSummary"])
      expect(Object.keys(doc.components.schemas), name).toContain(name);
  });
});
