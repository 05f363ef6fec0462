// Shared by the server's tests: apps on fresh databases (SQLite, and PostgreSQL when available),
// small fixtures, and helpers for jobs and server-sent events.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe } from "vitest";
import { buildApp, type BuildAppOptions } from "../src/app.js";
import { freshSchema, pgMode, skipNotice, startPostgres, type PgServer } from "./pg.js";

export const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../examples");

/** Gives a location (SQLite file or PostgreSQL URL) of a new, empty database each call. */
export type FreshDatabase = () => Promise<string>;

/**
 * Declare `body` once per store: SQLite (a temp file) and PostgreSQL (a fresh schema on the server
 * of test/pg.ts; skipped with a notice when there is none).
 */
export function describeStores(title: string, body: (fresh: FreshDatabase, dialect: "sqlite" | "postgres") => void): void {
  describeStore("sqlite", title, body);
  describeStore("postgres", title, body);
}

/** Declare `body` for one store (a file of its own runs beside the other store's, e.g. the kill harness). */
export function describeStore(dialect: "sqlite" | "postgres", title: string, body: (fresh: FreshDatabase, dialect: "sqlite" | "postgres") => void): void {
  if (dialect === "sqlite") {
    describe(`${title} [sqlite]`, () => {
      let dir: string | undefined;
      afterAll(() => {
        if (dir) rmSync(dir, { recursive: true, force: true });
      });
      let n = 0;
      body(async () => {
        dir ??= mkdtempSync(path.join(os.tmpdir(), "parley-server-test-"));
        return path.join(dir, `db-${++n}.sqlite`);
      }, "sqlite");
    });
    return;
  }
  if (!pgMode()) {
    skipNotice();
    describe.skip(`${title} [postgres]`, () => body(async () => "", "postgres"));
    return;
  }
  describe(`${title} [postgres]`, () => {
    let server: PgServer | undefined;
    const drops: (() => Promise<void>)[] = [];
    beforeAll(async () => {
      server = await startPostgres();
    }, 120_000);
    afterAll(async () => {
      for (const drop of drops) await drop().catch(() => {});
      await server?.stop();
    }, 60_000);
    body(async () => {
      if (!server) throw new Error("no PostgreSQL server");
      const schema = await freshSchema(server.url);
      drops.push(schema.drop);
      return schema.url;
    }, "postgres");
  });
}

/** An app on the given database, with the repository's examples and no rate limits unless asked. */
export function testApp(db: string, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  return buildApp({ db, examplesDir, ...options, limits: { rateLimit: false, uploadRateLimit: false, ...options.limits } });
}

export const json = <T = Record<string, unknown>>(r: LightMyRequestResponse): T => JSON.parse(r.body) as T;

/** A small two-party scenario (3 × 31 outcomes) with a framework. */
export const waterYaml = `parley: 1
id: water-sharing
name: Water sharing
issues:
  - { id: share, kind: categorical, options: [equal, by-population, by-area] }
  - { id: flow, kind: integer, min: 10, max: 40 }
parties:
  - id: upstream
    name: Upstream state
    role: party
    preferences:
      reservation: 0.3
      weights: { share: 2, flow: 1 }
      values:
        share: [by-area, equal, by-population]
        flow: decreasing
  - id: downstream
    name: Downstream state
    role: party
    preferences:
      reservation: 0.25
      weights: { share: 1, flow: 1 }
      values:
        share: { by-population: 1, equal: 0.6, by-area: 0 }
        flow: increasing
frameworks:
  - id: draft
    name: Draft
    points:
      - { number: 1, text: Equal shares, sets: { share: equal } }
`;

/** The same scenario with a line broken at line 4 (an unclosed flow sequence). */
export const brokenYaml = waterYaml.replace("options: [equal, by-population, by-area] }", "options: [equal, by-population, by-area }");

const geniusDomain = `<negotiation_template>
<utility_space>
<objective index="0" name="root">
<issue index="1" name="a" type="discrete"><item value="x"/><item value="y"/></issue>
<issue index="2" name="n" type="integer" lowerbound="0" upperbound="2"/>
</objective>
</utility_space>
</negotiation_template>`;

const geniusProfile = (ex: number, ey: number, slope: number): string => `<utility_space>
<objective index="0" name="root">
<issue index="1" name="a" type="discrete"><item value="x" evaluation="${ex}"/><item value="y" evaluation="${ey}"/></issue>
<issue index="2" name="n" type="integer" lowerbound="0" upperbound="2"><evaluator ftype="linear" slope="${slope}" offset="0"/></issue>
<weight index="1" value="0.6"/>
<weight index="2" value="0.4"/>
</objective>
<reservation value="0.2"/>
</utility_space>`;

/** A GENIUS folder: one domain, two profiles. */
export const geniusFiles = [
  { name: "Tiny-domain.xml", text: geniusDomain },
  { name: "buyer.xml", text: geniusProfile(1, 2, 0.5) },
  { name: "seller.xml", text: geniusProfile(2, 1, -0.5) },
];

/** Poll GET `url` until the job has ended (done, failed, cancelled or interrupted). */
export async function waitForJob<T extends { status: string }>(app: FastifyInstance, url: string, timeoutMs = 30_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const r = await app.inject({ method: "GET", url });
    const body = json<T>(r);
    if (body.status !== "queued" && body.status !== "running") return body;
    if (Date.now() - t0 > timeoutMs) throw new Error(`job at ${url} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Poll /api/health until no simulation or tournament is queued or running (close an app only then:
 * a worker's reply arriving while the pool is destroyed is an uncaught error in piscina).
 */
export async function waitForIdle(app: FastifyInstance, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const { jobs } = json<{ jobs: { simulations: { running: number; queued: number }; tournaments: { running: number; queued: number } } }>(
      await app.inject({ method: "GET", url: "/api/health" }),
    );
    if (jobs.simulations.running + jobs.simulations.queued + jobs.tournaments.running + jobs.tournaments.queued === 0) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`jobs still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Server-sent events of a body: `event:` / `data:` blocks (comments skipped). */
export function parseSse(text: string): { event: string; data: unknown }[] {
  const out: { event: string; data: unknown }[] = [];
  for (const block of text.split("\n\n")) {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    if (data.length > 0) out.push({ event, data: JSON.parse(data.join("\n")) });
  }
  return out;
}
