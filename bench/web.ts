// Workbench benchmarks in Debian's chromium against the real server (packages/web/e2e/harness.ts):
//   (w1) page ready: navigation → the built-in scenario's stance matrix visible (the overview's
//        party list when the server cannot give the framework report);
//   (w2) drawing 10^5 outcomes on the outcome-space canvas, timed in the page with performance.now
//        around the draw (window.__parleyMetrics.outcomeDraw), plus the worker's time to compute them.
// Run alone: `tsx --conditions=@parley/source bench/web.ts [--size smoke]`; bench/run.ts can call
// webBenchmarks(). Without /usr/bin/chromium it returns no measurement and says why.
import { pathToFileURL } from "node:url";
import { parseScenario, stringifyScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import type { Browser } from "playwright-core";
import { buildWeb, chromiumAvailable, CHROMIUM, launchBrowser, startServer, type TestServer } from "../packages/web/e2e/harness.js";
import type { Measurement } from "./harness.js";
import { randomAdditiveScenario } from "./random-scenario.js";

interface PageMetrics {
  readonly outcomeDraw?: { readonly ms: number; readonly rasterMs: number; readonly points: number };
  readonly outcomeSpace?: { readonly ms: number; readonly source: string; readonly count: number };
  readonly stanceMatrixReady?: number;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function metricsOf(page: import("playwright-core").Page): Promise<PageMetrics> {
  return page.evaluate(() => ((globalThis as unknown as { __parleyMetrics?: PageMetrics }).__parleyMetrics ?? {}) as PageMetrics);
}

/** The built-in scenario's id (what `parley analyze` reads without a file). */
function builtinId(): string {
  const parsed = parseScenario(readBuiltinScenarioText());
  if (!parsed.ok) throw new Error("the built-in scenario does not parse");
  return parsed.value.id;
}

/** (w1): a fresh browser context per run (no HTTP cache), median of `runs` after a warm-up (which also fills the server's cache). */
async function pageReady(browser: Browser, server: TestServer, runs: number): Promise<Measurement> {
  const id = builtinId();
  const frameworks = await fetch(`${server.url}/api/scenarios/${id}/frameworks`);
  await frameworks.arrayBuffer();
  const matrix = frameworks.status === 200;
  const hash = matrix ? `#/scenarios/${id}/frameworks` : `#/scenarios/${id}`;
  const target = matrix ? "stance-matrix" : "party-list";
  const times: number[] = [];
  for (let r = 0; r <= runs; r++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(`${server.url}/${hash}`);
    await page.getByTestId(target).waitFor({ timeout: 60_000 });
    const ms = performance.now() - t0;
    if (r > 0) times.push(ms);
    await context.close();
  }
  return {
    name: `(w1) page ready: built-in scenario → ${matrix ? "stance matrix" : "overview (no framework report on this server)"} visible`,
    medianMs: median(times),
    runsMs: times,
    detail: `${id}, navigation to visible, fresh context, chromium headless, 1280×800`,
  };
}

/** (w2): a 10×10×10×10×10 two-party scenario (10^5 outcomes) drawn on the canvas. */
async function drawOutcomes(browser: Browser, server: TestServer, runs: number): Promise<Measurement[]> {
  const scenario = { ...randomAdditiveScenario(5, 10, 2, 4242), id: "bench-1e5", name: "Benchmark: 10^5 outcomes" };
  const created = await fetch(`${server.url}/api/scenarios`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ format: "yaml", text: stringifyScenario(scenario) }),
  });
  const body = (await created.json()) as { id?: string; message?: string };
  if (!created.ok || !body.id) throw new Error(`could not store the benchmark scenario: ${body.message ?? created.status}`);
  const draw: number[] = [];
  const raster: number[] = [];
  const compute: number[] = [];
  let source = "";
  for (let r = 0; r <= runs; r++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/#/scenarios/${body.id}/outcomes`);
    const canvas = page.getByTestId("outcome-canvas");
    await canvas.waitFor();
    for (let k = 0; k < 600 && (await canvas.getAttribute("data-points")) !== "100000"; k++) await page.waitForTimeout(50);
    const m = await metricsOf(page);
    if (!m.outcomeDraw || m.outcomeDraw.points !== 100_000) throw new Error("the outcome space was not drawn");
    if (r > 0) {
      draw.push(m.outcomeDraw.ms);
      raster.push(m.outcomeDraw.rasterMs);
      if (m.outcomeSpace) compute.push(m.outcomeSpace.ms);
    }
    source = m.outcomeSpace?.source ?? "?";
    await page.close();
  }
  return [
    {
      name: "(w2) draw 10^5 outcomes on the canvas (in the page)",
      medianMs: median(draw),
      runsMs: draw,
      detail: `rasterise ${median(raster).toFixed(1)} ms of it; offscreen ImageData, then one drawImage`,
    },
    {
      name: "(w2') compute the 10^5 outcomes' utilities for the plot",
      medianMs: compute.length ? median(compute) : NaN,
      runsMs: compute,
      detail: `in the ${source}`,
    },
  ];
}

/** The workbench benchmarks, or [] (with a note on stderr) when chromium is not installed. */
export async function webBenchmarks(runs: number, smoke: boolean): Promise<Measurement[]> {
  if (!chromiumAvailable()) {
    console.warn(`web benchmarks skipped: ${CHROMIUM} not found`);
    return [];
  }
  await buildWeb();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const n = smoke ? 1 : runs;
    return [await pageReady(browser, server, n), ...(await drawOutcomes(browser, server, n))];
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const smoke = process.argv.includes("--size") && process.argv[process.argv.indexOf("--size") + 1] === "smoke";
  for (const m of await webBenchmarks(5, smoke)) console.log(`${m.name.padEnd(72)} ${m.medianMs.toFixed(1).padStart(8)} ms  ${m.detail}`);
}
