// Starting a live room from the workbench (docs/workbench.md, Live rooms): the scenario's simulation
// tab's "Start a live room" form — a server refusal shown next to its field, then a room with one
// human seat and two agents — lands on the convener's console with the seat's invite link; that link,
// opened in another browser context, seats the person, who submits preferences.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb, chromiumAvailable, DOCS_IMAGE_MAX_BYTES, launchBrowser, refreshDocsImage, screenshot, startServer, webRoot, type TestServer } from "./harness.js";
import { expectNoSeriousViolations, postJson, recordedSession, type RecordedSession } from "./room-session.js";

const scenarioText = readFileSync(path.join(webRoot, "e2e/fixtures/harbour-talks.yaml"), "utf8");

function docsImage(shot: string, name: string): void {
  const size = statSync(refreshDocsImage(shot, name), { throwIfNoEntry: false })?.size;
  if (size !== undefined) expect(size, name).toBeLessThan(DOCS_IMAGE_MAX_BYTES);
}

describe.skipIf(!chromiumAvailable())("starting a live room from the scenario page", () => {
  let browser: Browser;
  let server: TestServer;
  const sessions: RecordedSession[] = [];

  beforeAll(async () => {
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    await postJson(`${server.url}/api/scenarios`, { format: "yaml", text: scenarioText });
  });

  afterAll(async () => {
    for (const s of sessions) await s.context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it("creates a room with two agents and a person, shows the seat's link, and the person joins from it", async () => {
    const convener = await recordedSession(browser);
    sessions.push(convener);
    const page = convener.page;
    await page.goto(`${server.url}/#/scenarios/harbour-talks/simulate`);
    const form = page.getByTestId("room-start");
    await form.waitFor();
    await page.getByTestId("room-protocol").selectOption("single-text");
    await page.getByLabel("Who holds the seat of Port authority").fill("human");
    await page.getByTestId("room-seat-shippers").fill("no-such-agent");
    await page.getByTestId("room-seat-city").fill("conceder");
    // The form's own check, next to its field.
    await page.getByTestId("room-rounds").fill("0");
    await page.getByTestId("room-start-submit").click();
    expect(await page.getByTestId("room-error-rounds").textContent()).toContain("rounds must be a whole number above 0");
    // The server's refusal (an unknown agent), shown in the form.
    await page.getByTestId("room-rounds").fill("60");
    await page.getByTestId("room-start-submit").click();
    const refusal = page.locator('[data-testid^="room-error-"]');
    await refusal.first().waitFor();
    expect(await refusal.first().textContent()).toMatch(/no-such-agent/);
    await expectNoSeriousViolations(page, "the start-a-room form with a refusal");
    // Keyboard only: fix the seat and submit with Enter.
    await page.getByTestId("room-seat-shippers").fill("boulware");
    await page.getByTestId("room-seat-shippers").press("Enter");
    await page.getByTestId("convener-console").waitFor();
    const roomId = /^#\/rooms\/([^/?]+)$/.exec(await page.evaluate(() => location.hash))?.[1];
    expect(roomId).toBeDefined();
    const link = page.getByTestId("invite-link-seat-port").locator("input");
    const url = await link.inputValue();
    expect(url).toContain(`#/rooms/${roomId}/join?invite=`);
    // Only the human seat has a link (the agents hold theirs on the server; the mediator is the engine).
    expect(await page.locator('[data-testid^="invite-link-"]').count()).toBe(1);
    await expectNoSeriousViolations(page, "the convener's console of a room just started");
    docsImage(await screenshot(page, "40-room-started-convener"), "workbench-room-started.png");

    const port = await recordedSession(browser);
    sessions.push(port);
    await port.page.goto(url);
    await port.page.getByTestId("seat-preferences").waitFor();
    await port.page.getByTestId("pref-submit").click();
    // The agents submitted theirs at creation: the room starts, and asks the person for a rating.
    await port.page.getByTestId("seat-rating").waitFor();
    // The seat checks, in its browser, that the log commits to the preferences it submitted.
    await port.page.getByTestId("seat-commitment-check").click();
    await port.page.locator('[data-testid="seat-commitment-result"][data-ok]').waitFor();
    expect(await port.page.getByTestId("seat-commitment-result").textContent()).toMatch(/^Verified: event #\d+ commits to what you submitted, in the signed log of \d+ entries\.$/);
    await expectNoSeriousViolations(port.page, "the seat after checking its submission");
    docsImage(await screenshot(port.page, "41-room-seat-commitment"), "workbench-room-seat-commitment.png");
    // The convener sees the seat's progress.
    await page.getByTestId("convener-seats").getByText(/has not rated draft 1|rated draft 1/).first().waitFor();
    expect([...convener.errors, ...port.errors]).toEqual([]);
  }, 120_000);
});
