// The built analysis worker in chromium on a non-linear space too large to enumerate: it loads
// @parley/solve and HiGHS's WebAssembly (served by the real server from the Vite build) and answers
// with the same exact frontier as @parley/solve in Node.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scenario } from "@parley/core";
import { analyzeBySolver } from "@parley/solve";
import { buildWeb, chromiumAvailable, distDir, launchBrowser, openPage, startServer, type TestServer } from "./harness.js";

/** Hyper-rectangles on 8 issues of 8 values: 16,777,216 outcomes, past the browser's 5 million. */
const scenario: Scenario = {
  id: "rects-big",
  name: "Rectangles",
  frameworks: [],
  issues: Array.from({ length: 8 }, (_, i) => ({ id: `i${i}`, kind: "integer" as const, min: 0, max: 7 })),
  parties: [0, 1].map((p) => ({
    id: `p${p}`,
    name: `p${p}`,
    role: "party" as const,
    preferences: {
      reservation: 0.1,
      utility: {
        kind: "hyper-rectangles" as const,
        rectangles: Array.from({ length: 12 }, (_, r) => ({
          utility: 1 + ((r * 7 + p * 3) % 9),
          includes: [
            { issue: `i${(r + 3 * p) % 8}`, min: (r + p) % 4, max: 3 + ((r * (p + 1)) % 5) },
            { issue: `i${(r * 3 + p + 1) % 8}`, min: 0, max: (r + 2 * p) % 8 },
          ],
        })),
      },
    },
  })),
};

describe.skipIf(!chromiumAvailable())("the analysis worker's solver in chromium", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a 16.7-million-outcome non-linear space: the worker's exact frontier equals Node's", async () => {
    const worker = readdirSync(path.join(distDir, "assets")).find((f) => /^analysis\.worker-.*\.js$/.test(f));
    expect(worker).toBeDefined();
    const { page, errors } = await openPage(browser);
    const wasm: string[] = [];
    page.on("response", (r) => r.url().endsWith(".wasm") && wasm.push(`${r.status()} ${r.headers()["content-type"]}`));
    await page.goto(`${server.url}/`);
    const answer = await page.evaluate(
      ({ url, scenario }) =>
        new Promise<unknown>((resolve) => {
          const w = new Worker(url, { type: "module" });
          w.onmessage = (e: MessageEvent) => resolve(e.data);
          w.onerror = (e) => resolve({ ok: false, error: e.message });
          w.postMessage({ id: 7, type: "analyze", scenario });
        }),
      { url: `${server.url}/assets/${worker}`, scenario },
    );
    const reply = answer as { id: number; ok: boolean; error?: string; result: { method: string; exact: boolean; outcomes: number; solver: { gap: number }; pareto: { points: number[][] } } };
    expect(reply.ok, reply.error).toBe(true);
    expect(reply.result).toMatchObject({ method: "solve", exact: true, outcomes: 8 ** 8, solver: { gap: 0 } });
    expect(wasm).toEqual(["200 application/wasm"]);
    const node = await analyzeBySolver(scenario);
    expect(reply.result.pareto.points).toEqual(node.pareto.points.map((p) => p.utilities));
    expect(errors).toEqual([]);
  });
});
