// Property: whatever body POST /api/scenarios (or PUT) gets, the answer is never a 500, and every
// error has the one JSON shape with a stable code.
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { geniusFiles, json, testApp, waterYaml } from "./helpers.js";

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp(":memory:", { builtins: false });
});
afterAll(async () => {
  await app.close();
});

/** A text with a few random edits: characters deleted, inserted or replaced. */
const mutated = (text: string) =>
  fc
    .array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 12 }), fc.string({ maxLength: 12, unit: fc.constantFrom(...":-[]{}#,\n \"'&*!|>0123456789abcxyz.") })), {
      minLength: 1,
      maxLength: 4,
    })
    .map((edits) => {
      let out = text;
      for (const [at, cut, insert] of edits) {
        const i = Math.min(at, out.length);
        out = out.slice(0, i) + insert + out.slice(i + cut);
      }
      return out;
    });

const body = fc.oneof(
  fc.anything(),
  fc.record(
    {
      format: fc.oneof(fc.constantFrom("yaml", "json", "genius"), fc.string()),
      text: fc.oneof(fc.string(), mutated(waterYaml), fc.anything()),
      files: fc.oneof(
        fc.array(fc.record({ name: fc.string(), text: fc.oneof(fc.string(), mutated(geniusFiles[1]!.text)) }), { maxLength: 4 }),
        fc.constant(geniusFiles),
        fc.anything(),
      ),
      id: fc.oneof(fc.string(), fc.anything()),
      name: fc.string(),
    },
    { requiredKeys: [] },
  ),
  fc.record({ format: fc.constant("yaml"), text: mutated(waterYaml) }),
  fc.record({ format: fc.constant("json"), text: mutated(JSON.stringify({ parley: 1, id: "j", name: "J", issues: [], parties: [] })) }),
  fc.record({
    format: fc.constant("genius"),
    files: fc.array(fc.oneof(...geniusFiles.map((f) => fc.record({ name: fc.constant(f.name), text: mutated(f.text) }))), { minLength: 1, maxLength: 4 }),
  }),
);

const allowed = new Set([200, 201, 400, 404, 413, 415, 422]);

describe("POST /api/scenarios with random bodies", () => {
  it("never answers 500; errors always have the JSON shape with a code", async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (payload, asPut) => {
        const text = JSON.stringify(payload) ?? "null";
        const r = await app.inject({
          method: asPut ? "PUT" : "POST",
          url: asPut ? "/api/scenarios/water-sharing" : "/api/scenarios",
          headers: { "content-type": "application/json" },
          payload: text,
        });
        expect(allowed.has(r.statusCode), `${r.statusCode} ${r.body.slice(0, 500)}`).toBe(true);
        const reply = json<{ statusCode?: number; code?: string; error?: string; message?: string }>(r);
        if (r.statusCode >= 400) {
          expect(reply.statusCode).toBe(r.statusCode);
          expect(reply.code).toMatch(/^PARLEY_(HTTP|ERR)_[A-Z_]+$/);
          expect(typeof reply.error).toBe("string");
          expect(typeof reply.message).toBe("string");
        }
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  it("raw bytes that are not JSON get 400 PARLEY_HTTP_BAD_JSON, never 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (raw) => {
        const r = await app.inject({ method: "POST", url: "/api/scenarios", headers: { "content-type": "application/json" }, payload: raw });
        expect(r.statusCode).toBeLessThan(500);
        expect(json<{ code: string }>(r).code).toMatch(/^PARLEY_HTTP_/);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
