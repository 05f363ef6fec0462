// The workbench in a real browser against the real server: the built-in scenario, its stance
// matrix, the outcome space, a simulation and its replay, a GENIUS import, a broken file's problems
// at their line, the timeline, and a tournament. Screenshots go to e2e/artifacts/.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildWeb,
  chromiumAvailable,
  CHROMIUM,
  DOCS_IMAGE_MAX_BYTES,
  launchBrowser,
  openPage,
  refreshDocsImage,
  screenshot,
  startServer,
  type TestServer,
} from "./harness.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const LAPTOP = path.resolve(here, "../../../../shared/data/genius/anac/y2011/Laptop");
const TINY = path.join(here, "fixtures/genius-tiny");
/** The built-in scenario (packages/formats/scenarios/peace-talks-2025.yaml) and the smaller ceasefire example. */
const BUILTIN = "peace-talks-2025";
const CEASEFIRE = "ceasefire-talks";

/** window.__parleyMetrics, as src/lib/metrics.ts records it. */
interface PageWithMetrics {
  __parleyMetrics?: { outcomeDraw?: { ms: number; points: number }; workerAnalysis?: { ms: number; key: string } };
}

const available = chromiumAvailable();
if (!available) console.warn(`[parley e2e] ${CHROMIUM} not found: skipping the workbench browser tests (install Debian's chromium to run them).`);

/** Whether the server can answer an endpoint that depends on optional core exports (501 otherwise). */
async function serves(server: TestServer, url: string): Promise<boolean> {
  const response = await fetch(`${server.url}${url}`);
  await response.arrayBuffer();
  return response.status !== 501;
}

describe.skipIf(!available)("the workbench in chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const fresh = async () => {
    if (page) await page.close();
    ({ page, errors } = await openPage(browser));
  };
  /** Page errors other than the failed requests a test provokes on purpose. */
  const pageErrors = () => errors.filter((e) => !/status of (400|501)/.test(e));

  it("lists the built-in scenario and opens it: parties, issues, preferences, sources", async () => {
    await fresh();
    await page.goto(`${server.url}/`);
    await page.getByTestId(`scenario-row-${BUILTIN}`).waitFor();
    await screenshot(page, "01-scenario-list");
    await page.getByTestId(`scenario-row-${BUILTIN}`).getByTestId("scenario-link").click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/scenarios/${BUILTIN}`);
    await page.getByTestId("party-list").waitFor();
    expect(await page.getByTestId("party-list").locator("li").count()).toBe(4);
    expect(await page.getByTestId("issue-list").locator("tbody tr").count()).toBe(13);
    expect(await page.getByTestId("red-lines-russia").locator("li").count()).toBeGreaterThan(0);
    // A red line's sources: the cited statement's paraphrase and outlet on hover.
    const chip = page.getByTestId("red-lines-russia").getByTestId("sources").first();
    await chip.hover();
    const tip = page.getByTestId("red-lines-russia").locator(".tip-body").first();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/“.+”/);
    await screenshot(page, "02-scenario-overview", false);
    expect(pageErrors()).toEqual([]);
  });

  it("shows the stance matrix of the built-in scenario, its verdicts, and two frameworks side by side", async () => {
    expect(await serves(server, `/api/scenarios/${BUILTIN}/frameworks`)).toBe(true);
    await fresh();
    const start = Date.now();
    await page.goto(`${server.url}/#/scenarios/${BUILTIN}/frameworks`);
    await page.getByTestId("stance-matrix").waitFor({ timeout: 60_000 });
    const readyMs = Date.now() - start;
    const points = await page.getByTestId("stance-matrix").locator("tbody tr").count();
    expect(points).toBeGreaterThan(5);
    expect(await page.getByTestId("deal-check").getAttribute("data-deal")).toMatch(/possible|impossible/);
    expect(await page.getByTestId("verdict-russia").textContent()).toMatch(/depends|accepts|rejects/);
    // Declared stances carry their source on hover.
    const declared = page.getByTestId("stance-matrix").getByTestId("declared-stance").first();
    await declared.hover();
    const tip = page.getByTestId("stance-matrix").locator(".tip-body:visible").first();
    await expect.poll(() => tip.textContent()).toContain("Source:");
    await screenshot(page, "03-stance-matrix", false);
    console.info(`[parley e2e] stance matrix (${points} points) visible ${readyMs} ms after navigation`);
    // Version comparison.
    const options = await page.getByTestId("compare-select").locator("option").count();
    expect(options).toBeGreaterThan(1);
    await page.getByTestId("compare-select").selectOption({ index: 1 });
    await page.getByTestId("framework-comparison").waitFor();
    expect(await page.getByTestId("framework-comparison").getByTestId("stance-matrix").count()).toBe(2);
    await screenshot(page, "04-framework-comparison", false);
    expect(pageErrors()).toEqual([]);
  });

  it("draws every outcome on the canvas, with the frontier and the solutions", async () => {
    await fresh();
    await page.goto(`${server.url}/#/scenarios/${CEASEFIRE}/outcomes`);
    const canvas = page.getByTestId("outcome-canvas");
    await expect.poll(() => canvas.getAttribute("data-points"), { timeout: 30_000 }).toBe("43092");
    const metrics = await page.evaluate(() => (window as unknown as PageWithMetrics).__parleyMetrics?.outcomeDraw);
    expect(metrics?.points).toBe(43092);
    expect(metrics!.ms).toBeGreaterThan(0);
    await page.getByTestId("parallel-coordinates").waitFor();
    // Switching the axes redraws from the worker's cache.
    await page.getByTestId("axis-y").selectOption("kessa");
    await expect.poll(() => page.getByTestId("outcome-stats").textContent()).toContain("43,092");
    await screenshot(page, "05-outcome-space");
    console.info(`[parley e2e] 43,092 outcomes drawn in ${metrics!.ms.toFixed(1)} ms`);
    expect(pageErrors()).toEqual([]);
  });

  it("draws the built-in scenario's 4.2 million outcomes, and re-analyses what-if weights in the worker", async () => {
    await fresh();
    await page.goto(`${server.url}/#/scenarios/${BUILTIN}/outcomes`);
    const canvas = page.getByTestId("outcome-canvas");
    await expect.poll(() => canvas.getAttribute("data-points"), { timeout: 90_000 }).toBe("4199040");
    const draw = await page.evaluate(() => (window as unknown as PageWithMetrics).__parleyMetrics?.outcomeDraw);
    await expect.poll(() => page.getByTestId("outcome-stats").textContent(), { timeout: 60_000 }).toMatch(/Pareto frontier\d/);
    const shot = await screenshot(page, "06-builtin-outcome-space", false);
    // The README's picture of the workbench (refreshed with npm run docs:images), kept small.
    const docsImage = refreshDocsImage(shot, "workbench-outcome-space.png");
    expect(statSync(docsImage).size).toBeLessThan(DOCS_IMAGE_MAX_BYTES);
    console.info(`[parley e2e] 4,199,040 outcomes drawn in ${draw!.ms.toFixed(1)} ms`);
    // A what-if weight: the analysis is recomputed in the worker.
    const slider = page.getByTestId("what-if").locator('input[type="range"]').first();
    await slider.fill("0.9");
    await expect.poll(() => page.getByTestId("outcome-stats").textContent()).toContain("what-if");
    await expect.poll(() => page.evaluate(() => (window as unknown as PageWithMetrics).__parleyMetrics?.workerAnalysis?.key ?? ""), { timeout: 90_000 }).toContain("#");
    await expect.poll(() => page.getByTestId("outcome-stats").locator(".loading").count(), { timeout: 90_000 }).toBe(0);
    expect(await page.getByTestId("outcome-stats").textContent()).toContain("analysis in the worker");
    const whatIf = await page.evaluate(() => (window as unknown as PageWithMetrics).__parleyMetrics?.workerAnalysis);
    console.info(`[parley e2e] what-if analysis of 4.2 million outcomes in the worker: ${whatIf!.ms.toFixed(0)} ms`);
    await screenshot(page, "06b-builtin-what-if", false);
    expect(pageErrors()).toEqual([]);
  });

  it("runs a simulation and replays it step by step", async () => {
    await fresh();
    await page.goto(`${server.url}/#/scenarios/${CEASEFIRE}/simulate`);
    await page.getByTestId("sim-run").waitFor();
    // Two seats, alternating offers.
    await page.getByTestId("seat-kessa").uncheck();
    await page.getByTestId("sim-protocol").selectOption("sao");
    await page.getByTestId("agent-government").fill("boulware");
    await page.getByTestId("agent-movement").fill("conceder");
    await page.getByTestId("sim-rounds").fill("60");
    await page.getByTestId("sim-run").click();
    await page.getByTestId("replay").waitFor({ timeout: 60_000 });
    const status = await page.getByTestId("run-status").textContent();
    expect(["agreement", "timeout", "ended", "rejected", "error"]).toContain(status);
    const total = Number((await page.getByTestId("replay-position").textContent())!.split("/")[1]);
    expect(total).toBeGreaterThan(1);
    await page.getByTestId("replay-start").click();
    await expect.poll(() => page.getByTestId("replay-position").textContent()).toBe(`0 / ${total}`);
    for (let k = 0; k < 3; k++) await page.getByTestId("replay-step-forward").click();
    await expect.poll(() => page.getByTestId("replay-position").textContent()).toBe(`3 / ${total}`);
    await page.getByTestId("replay-step-back").click();
    await expect.poll(() => page.getByTestId("replay-position").textContent()).toBe(`2 / ${total}`);
    expect(await page.getByTestId("current-event").textContent()).toMatch(/Round \d+ · /);
    // Play advances on its own.
    await page.getByTestId("replay-play").click();
    await expect.poll(async () => Number((await page.getByTestId("replay-position").textContent())!.split("/")[0])).toBeGreaterThan(3);
    await page.getByTestId("replay-play").click();
    await page.getByTestId("replay-slider").fill(String(Math.floor(total / 2)));
    await page.getByTestId("utility-over-time").locator("svg").first().waitFor();
    await screenshot(page, "07-simulation-replay");
    expect(pageErrors()).toEqual([]);
  });

  it("imports a GENIUS folder", async () => {
    await fresh();
    const folder = existsSync(LAPTOP) ? LAPTOP : TINY;
    if (folder === TINY) console.warn(`[parley e2e] ${LAPTOP} not found: importing the tiny GENIUS fixture instead.`);
    const files = readdirSync(folder)
      .filter((f) => f.endsWith(".xml"))
      .map((f) => path.join(folder, f));
    await page.goto(`${server.url}/`);
    await page.getByTestId("import-input").setInputFiles(files);
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 30_000 }).toMatch(/^#\/scenarios\/[^/]+$/);
    await page.getByTestId("party-list").waitFor();
    expect(await page.getByTestId("party-list").locator("li").count()).toBe(files.length - 1);
    await screenshot(page, "08-genius-import");
    await page.getByTestId("tab-outcomes").click();
    await expect.poll(() => page.getByTestId("outcome-canvas").getAttribute("data-points"), { timeout: 30_000 }).not.toBeNull();
    await screenshot(page, "09-genius-outcome-space");
    expect(pageErrors()).toEqual([]);
  });

  it("shows a broken file's problems beside their lines", async () => {
    await fresh();
    await page.goto(`${server.url}/`);
    await page.getByTestId("import-input").setInputFiles({
      name: "broken-scenario.yaml",
      mimeType: "application/yaml",
      buffer: readFileSync(path.join(here, "fixtures/broken-scenario.yaml")),
    });
    await page.getByTestId("import-error").waitFor();
    const lines = page.getByTestId("problem-line");
    await expect.poll(() => lines.count()).toBe(2);
    expect(await lines.nth(0).getAttribute("data-line")).toBe("15");
    expect(await lines.nth(0).textContent()).toContain("Reservation must be between 0 and 1");
    expect(await lines.nth(1).getAttribute("data-line")).toBe("16");
    expect(await lines.nth(1).textContent()).toContain('Unknown issue "size"');
    await page.getByTestId("import-error").scrollIntoViewIfNeeded();
    await screenshot(page, "10-validation-problems");
    expect(pageErrors()).toEqual([]);
  });

  it("filters the timeline by party, issue and point", async () => {
    expect(await serves(server, `/api/scenarios/${BUILTIN}/timeline`)).toBe(true);
    await fresh();
    await page.goto(`${server.url}/#/scenarios/${BUILTIN}/timeline`);
    await page.getByTestId("timeline").waitFor();
    const entries = () => page.getByTestId("timeline").locator("> li").count();
    const all = await entries();
    expect(all).toBe(117);
    await page.getByTestId("filter-party").selectOption("ukraine");
    await expect.poll(entries).toBeLessThan(all);
    const ukraine = await entries();
    await page.getByTestId("filter-issue").selectOption({ index: 1 });
    await expect.poll(entries).toBeLessThanOrEqual(ukraine);
    await page.getByTestId("filter-issue").selectOption("");
    await page.getByTestId("filter-point").selectOption({ index: 5 });
    await expect.poll(entries).toBeLessThanOrEqual(ukraine);
    await page.getByTestId("filter-point").selectOption("");
    await expect.poll(entries).toBe(ukraine);
    await screenshot(page, "11-timeline", false);
    expect(pageErrors()).toEqual([]);
  });

  it("runs a small tournament and drills into a run", async () => {
    await fresh();
    await page.goto(`${server.url}/#/tournaments`);
    await page.getByTestId("tournament-start").waitFor();
    await page.getByTestId("repetitions").fill("1");
    // Only the ceasefire example, seats government and movement (the defaults for its first two parties).
    for (const box of await page.getByTestId("tournament-scenarios").locator('input[type="checkbox"]:checked').all()) await box.uncheck();
    await page.getByTestId(`tournament-scenario-${CEASEFIRE}`).check();
    await page.getByTestId("tournament-start").click();
    await page.getByTestId("leaderboard").waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId("tournament-status").textContent()).toBe("done");
    expect(await page.getByTestId("leaderboard").locator("tbody tr").count()).toBe(3);
    await page.getByTestId("replay-run-0").click();
    await page.getByTestId("run-drill").getByTestId("replay").waitFor({ timeout: 60_000 });
    await page.getByTestId("run-drill").getByTestId("utility-over-time").locator("svg").first().waitFor();
    await screenshot(page, "12-tournament");
    expect(pageErrors()).toEqual([]);
  });
});
