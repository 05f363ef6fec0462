// The briefing in a real browser: the file `parley report` writes opens from file:// without a single
// other request, shows its sections and prints to PDF; and the workbench's "Download briefing" gives
// the same HTML the core renders for the page's view.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PARLEY_VERSION, renderBriefing } from "@parley/core";
import { parseScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import { buildWeb, chromiumAvailable, DOCS_IMAGE_MAX_BYTES, launchBrowser, openPage, refreshDocsImage, screenshot, startServer, type TestServer } from "./harness.js";

const BUILTIN = "peace-talks-2025";
const builtin = (() => {
  const r = parseScenario(readBuiltinScenarioText());
  if (!r.ok) throw new Error("the built-in scenario does not parse");
  return r.value;
})();
const SECTIONS = ["summary", "framework", "deal", "outcome-space", "timeline", "sources"];

describe.skipIf(!chromiumAvailable())("the briefing in chromium", () => {
  let browser: Browser;
  let server: TestServer;
  const dir = mkdtempSync(path.join(tmpdir(), "parley-briefing-e2e-"));

  beforeAll(async () => {
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens from file:// with no other request, shows every section and prints to PDF, a page or more per section", async () => {
    const file = path.join(dir, "briefing.html");
    writeFileSync(file, renderBriefing(builtin, { generated: { version: PARLEY_VERSION, date: "2026-03-03" } }));
    const url = pathToFileURL(file).href;
    const { page, errors } = await openPage(browser);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    // Anything but the file itself is refused (and recorded above).
    await page.context().route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url);
    await page.waitForLoadState("load");
    for (const section of SECTIONS) expect(await page.locator(`[data-section="${section}"]`).first().isVisible(), section).toBe(true);
    expect(await page.locator('[data-section="framework"]').count()).toBe(builtin.frameworks.length);
    expect(await page.locator("h1").textContent()).toBe(builtin.name);
    // The plots are drawn: the outcome space has its agreement-zone cells and a marker per framework.
    expect(await page.locator("#outcome-space svg rect.zone").count()).toBeGreaterThan(0);
    // One marker per framework in the plot, and one in its legend.
    expect(await page.locator("#outcome-space svg .mk").count()).toBe(2 * builtin.frameworks.length);
    expect(await page.locator("#timeline svg .ev").count()).toBeGreaterThan(0);
    const shot = await screenshot(page, "20-briefing", false);
    expect(statSync(refreshDocsImage(shot, "briefing.png"), { throwIfNoEntry: false })?.size ?? 0).toBeLessThan(DOCS_IMAGE_MAX_BYTES);

    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    // Each section starts a page (three frameworks: eight sections), and none runs to hundreds.
    expect(pages).toBeGreaterThanOrEqual(SECTIONS.length - 1 + builtin.frameworks.length);
    expect(pages).toBeLessThan(60);
    expect(requested).toEqual([url]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the workbench's Download briefing gives the core's briefing of the page's view, as of its date and for the framework chosen", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/scenarios/${BUILTIN}`);
    await page.getByTestId("briefing-download").waitFor();
    const today = () => new Date().toISOString().slice(0, 10);
    const save = async () => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("briefing-download").click()]);
      return { name: download.suggestedFilename(), html: readFileSync((await download.path())!, "utf8") };
    };

    const all = await save();
    expect(all.name).toBe(`${BUILTIN}-briefing.html`);
    expect(all.html).toBe(renderBriefing(builtin, { generated: { version: PARLEY_VERSION, date: today() } }));
    for (const section of SECTIONS) expect(all.html).toContain(`data-section="${section}"`);

    await page.goto(`${server.url}/#/scenarios/${BUILTIN}/frameworks?asof=2025-11-30`);
    await page.getByTestId("briefing-framework").selectOption("28-point");
    const one = await save();
    expect(one.name).toBe(`${BUILTIN}-briefing-28-point-as-of-2025-11-30.html`);
    expect(one.html).toBe(renderBriefing(builtin, { generated: { version: PARLEY_VERSION, date: today() }, asOf: "2025-11-30", framework: "28-point" }));
    expect(one.html.match(/data-section="framework"/g)).toHaveLength(1);

    // With a reading applied from the link: the briefing names it and is the core's under it.
    await page.goto(`${server.url}/#/scenarios/${BUILTIN}/frameworks?readings=reservation-0.55`);
    await page.getByTestId("briefing-framework").selectOption("");
    const read = await save();
    expect(read.html).toBe(renderBriefing(builtin, { generated: { version: PARLEY_VERSION, date: today() }, readings: ["reservation-0.55"] }));
    expect(read.html).toMatch(/data-field="readings"><strong>[^<]+<\/strong> \(<code>reservation-0\.55<\/code>\)/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
