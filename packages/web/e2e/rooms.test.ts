// Live rooms in real browsers: a human mediator and two human seats, each in its own browser context
// (its own cookies), and one agent seat the server plays, reach an agreement in a single-text room
// through the workbench alone: the seats join from their invite links, submit their preferences,
// rate the mediator's draft point by point and ratify. Every WebSocket frame and every API response
// each seat's context receives is recorded and searched for the other seat's private data.
import { mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe.js";
import { expectNoSeriousViolations, postJson, receivedText, recordedSession, timelineSeqs, waitForStatus, type RecordedSession } from "./room-session.js";
import { artifactsDir, buildWeb, chromiumAvailable, DOCS_IMAGE_MAX_BYTES, launchBrowser, refreshDocsImage, screenshot, startServer, webRoot, type TestServer } from "./harness.js";

const scenarioText = readFileSync(path.join(webRoot, "e2e/fixtures/harbour-talks.yaml"), "utf8");

/** With PARLEY_UPDATE_DOCS_IMAGES=1 the screenshot becomes docs/images/NAME (kept under the README's limit). */
function docsImage(shot: string, name: string): void {
  const target = refreshDocsImage(shot, name);
  const size = statSync(target, { throwIfNoEntry: false })?.size;
  if (size !== undefined) expect(size, name).toBeLessThan(DOCS_IMAGE_MAX_BYTES);
}

const status = (page: Page) => page.getByTestId("room-status");

/** A screenshot of the part of the page the locator covers (every element it matches) in e2e/artifacts/NAME.png. */
async function elementShot(target: Locator, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  // Page coordinates: the boxes are relative to the viewport, which may be scrolled.
  const boxes = await target.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height })));
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const clip = { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
  await target.first().page().screenshot({ path: file, clip, fullPage: true });
  return file;
}

describe.skipIf(!chromiumAvailable())("live rooms in chromium", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    await buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    await postJson(`${server.url}/api/scenarios`, { format: "yaml", text: scenarioText });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a mediator and two seats reach an agreement through the UI; no seat receives the other's private data", async () => {
    const room = await postJson<{ id: string; invites: Record<string, string> }>(`${server.url}/api/rooms`, {
      scenario: "harbour-talks",
      protocol: "single-text",
      seats: { port: "human", shippers: "human", city: "boulware" },
      mediator: "human",
      seed: 7,
    });
    expect(Object.keys(room.invites).sort()).toEqual(["mediator", "port", "shippers"]);
    const link = (who: string) => `${server.url}/#/rooms/${room.id}/join?invite=${encodeURIComponent(room.invites[who]!)}`;

    const mediator = await recordedSession(browser);
    const port = await recordedSession(browser);
    const shippers = await recordedSession(browser, 390);
    for (const [s, who] of [
      [mediator, "mediator"],
      [port, "port"],
      [shippers, "shippers"],
    ] as const) {
      await s.page.goto(link(who));
      await s.page.getByTestId("room-page").waitFor();
      // The spent invite leaves the address bar.
      await s.page.waitForFunction((id) => location.hash === `#/rooms/${id}`, room.id);
    }
    expect(await port.page.getByTestId("room-role").textContent()).toBe("the seat of port");
    expect(await mediator.page.getByTestId("room-role").textContent()).toBe("mediator");

    // Preferences: each seat starts from the modelled ones and changes them, with the keyboard too.
    // Port: walk-away 0.31, "south" never, "shared" moved above "north" (a button pressed with Enter).
    await port.page.getByTestId("seat-preferences").waitFor();
    // The notice asks for the preferences, visibly and in a live region.
    expect(await port.page.getByTestId("room-notice").textContent()).toBe("Your answer is needed: submit your preferences; the room starts when every seat has.");
    expect(await port.page.getByTestId("room-notice").getAttribute("aria-live")).toBe("polite");
    expect(await port.page.getByTestId("room-notice-box").getAttribute("data-needed")).toBe("1");
    await expectNoSeriousViolations(port.page, "the seat's preferences form");
    await port.page.getByTestId("pref-reservation").fill("0.31");
    await port.page.getByLabel("never accept south").check();
    await port.page.getByRole("button", { name: "Move shared up" }).focus();
    await port.page.keyboard.press("Enter");
    // The move is announced.
    expect(await port.page.getByTestId("pref-order-said-berths").textContent()).toBe("shared moved to place 1 of 3 (berths).");
    expect(await port.page.locator('[data-testid="pref-berths"] .pref-option').allTextContents()).toEqual(["shared", "north", "south"]);
    expect(await port.page.locator('[data-testid="pref-berths"] li').first().getAttribute("data-option")).toBe("shared");
    // The preview follows the form: the compromise (berths shared, fees medium; years open) under port's
    // edited order (shared first: 1) and modelled weights 2:1:1 is worth 0.5 + 0.125 + 0–0.25.
    expect(await port.page.locator('[data-testid="pref-preview"] tr[data-framework="compromise"] td').allTextContents()).toEqual(["63%–88%", "none"]);
    await port.page.getByLabel("never accept medium").check();
    expect(await port.page.locator('[data-testid="pref-preview"] tr[data-framework="compromise"] td').nth(1).textContent()).toBe("never fees = medium");
    await port.page.getByLabel("never accept medium").uncheck();
    await port.page.getByTestId("pref-submit").click();
    await port.page.getByTestId("pref-submitted").waitFor();
    await port.page.getByTestId("room-notice").getByText("Waiting for the other seats to join and submit their preferences.").waitFor();
    // Shippers (on a phone-wide screen): walk-away 0.27, "north" never, and "shared" dragged with the
    // pointer from second to first place (modelled: south, shared, north). The preview follows the
    // drag: the compromise under weights 1:2:1 is worth 0.25·0.5 + 0.5·0.5 + 0–0.25 before, and
    // 0.25·1 + 0.5·0.5 + 0–0.25 after.
    await shippers.page.getByTestId("pref-reservation").fill("0.27");
    await shippers.page.getByLabel("never accept north").check();
    const shippersCompromise = shippers.page.locator('[data-testid="pref-preview"] tr[data-framework="compromise"] td').first();
    expect(await shippersCompromise.textContent()).toBe("38%–63%");
    const handle = (await shippers.page.getByTestId("drag-berths-shared").boundingBox())!;
    const south = (await shippers.page.locator('[data-testid="pref-berths"] li[data-option="south"]').boundingBox())!;
    await shippers.page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await shippers.page.mouse.down();
    await shippers.page.mouse.move(handle.x + handle.width / 2, south.y + 2, { steps: 6 });
    // Mid-drag: the option is already in its new place, outlined.
    expect(await shippers.page.locator('[data-testid="pref-berths"] li').evaluateAll((li) => li.map((l) => l.getAttribute("data-option")))).toEqual(["shared", "south", "north"]);
    expect(await shippers.page.locator('[data-testid="pref-berths"] li.dragging').getAttribute("data-option")).toBe("shared");
    docsImage(await elementShot(shippers.page.getByTestId("pref-berths"), "30-room-seat-drag-phone"), "workbench-room-seat-phone-drag.png");
    await shippers.page.mouse.up();
    expect(await shippers.page.getByTestId("pref-order-said-berths").textContent()).toBe("shared moved to place 1 of 3 (berths).");
    expect(await shippersCompromise.textContent()).toBe("50%–75%");
    expect(await shippers.page.locator('[data-testid="pref-berths"] li.dragging').count()).toBe(0);
    docsImage(await screenshot(shippers.page, "30-room-seat-preferences-phone"), "workbench-room-seat-phone.png");
    await expectNoSeriousViolations(shippers.page, "the seat's preferences form at 390 px");
    await shippers.page.getByTestId("pref-submit").click();

    // Every seat has joined and submitted: the engine starts the room; the mediator's turn.
    for (const s of [mediator, port, shippers]) await s.page.waitForFunction(() => document.querySelector('[data-testid="room-status"]')?.textContent === "running");
    await mediator.page.getByTestId("mediator-compose").waitFor();
    expect(await mediator.page.getByTestId("room-notice").textContent()).toBe("Your answer is needed.");
    // The mediator starts the draft from the framework (berths shared, fees medium) and sets the years.
    await mediator.page.getByTestId("compose-start").selectOption("framework:compromise");
    expect(await mediator.page.getByTestId("compose-berths").inputValue()).toBe("shared");
    expect(await mediator.page.getByTestId("compose-fees").inputValue()).toBe("medium");
    await mediator.page.getByTestId("compose-years").fill("3");
    await expectNoSeriousViolations(mediator.page, "the mediator's compose form");
    await screenshot(mediator.page, "31-room-mediator-compose");
    await mediator.page.getByTestId("compose-publish").click();

    // The seats rate draft 1 point by point, with a comment each.
    for (const [s, comment] of [
      [port, "port-secret-comment"],
      [shippers, "shippers-secret-comment"],
    ] as const) {
      await s.page.getByTestId("seat-rating").waitFor();
      expect(await s.page.getByTestId("room-notice").textContent()).toBe("Your answer is needed: rate draft 1 point by point and as a whole.");
      expect(await s.page.getByTestId("room-deadline").textContent()).toMatch(/^Deadline: round 100 \(now round \d+\)\.$/);
      if (s === shippers) {
        await s.page.evaluate(() => scrollTo(0, 0));
        docsImage(await screenshot(s.page, "32-room-seat-notice-phone", false), "workbench-room-seat-phone-notice.png");
      }
      await s.page.getByLabel("Comment on fees").fill(comment);
      await s.page.getByTestId("rate-fees").selectOption("needs-change");
      await s.page.getByTestId("rate-overall-accept").check();
      if (s === port) docsImage(await screenshot(s.page, "32-room-seat-rating"), "workbench-room-seat.png");
      await expectNoSeriousViolations(s.page, "the seat's draft rating");
      await s.page.getByTestId("rate-submit").click();
      await s.page.getByTestId("seat-draft-rated").or(s.page.getByTestId("seat-text")).first().waitFor();
      await s.page.locator('[data-testid="room-notice-box"][data-needed="0"]').waitFor();
    }
    // The agent rates too; the mediator sees the counts per point, never a seat's own rating.
    await mediator.page.getByTestId("mediator-aggregates").waitFor();
    await mediator.page.waitForFunction(() => /3 of 3 seats/.test(document.querySelector('[data-testid="mediator-aggregates"] h2')?.textContent ?? ""));
    const feesRow = await mediator.page.locator('[data-testid="mediator-aggregates"] tr[data-issue="fees"] td').allTextContents();
    expect(Number(feesRow[1])).toBeGreaterThanOrEqual(2); // both people said "needs-change"
    docsImage(await screenshot(mediator.page, "33-room-mediator-aggregates"), "workbench-room-mediator.png");
    await expectNoSeriousViolations(mediator.page, "the mediator's aggregates");
    // Draft 1 became the text; the mediator calls the vote.
    await mediator.page.getByTestId("mediator-text").waitFor();
    await mediator.page.getByTestId("call-ratification").click();
    // Port votes first and sees its vote; the shippers' vote completes the ratification.
    await port.page.getByTestId("ratify-accept").waitFor();
    await expectNoSeriousViolations(port.page, "the seat's ratification vote");
    await port.page.getByTestId("ratify-accept").click();
    await port.page.getByTestId("seat-ratify").getByText("You voted accept").waitFor();
    await shippers.page.getByTestId("ratify-accept").click();
    for (const s of [mediator, port, shippers]) await s.page.waitForFunction(() => document.querySelector('[data-testid="room-status"]')?.textContent === "settled", undefined, { timeout: 20_000 });
    await port.page.getByTestId("seat-final").waitFor();
    expect(await port.page.locator('[data-testid="seat-final"] td[data-issue="berths"]').textContent()).toBe("shared");
    expect(await port.page.locator('[data-testid="seat-final"] td[data-issue="years"]').textContent()).toBe("3");
    // The history computed in the browser agrees with the server's utility of the agreement for this seat.
    const finalTitle = (await port.page.locator('[data-testid="seat-final"] h2').textContent()) ?? "";
    const worth = /worth (\d+%)/.exec(finalTitle)?.[1];
    expect(worth).toBeDefined();
    const historyRows = await port.page.locator('[data-testid="seat-history"] tbody tr').allTextContents();
    expect(historyRows.some((r) => r.includes("Draft 1 (mediator)"))).toBe(true);
    expect(historyRows.find((r) => r.includes("Agreement"))).toContain(worth!);
    // The plot of the history: one marker per package, the walk-away line at 31%.
    const plot = port.page.getByTestId("seat-utility-plot");
    expect(await plot.locator("svg [data-kind]").count()).toBe(historyRows.length);
    expect(await plot.locator("figcaption").textContent()).toContain("your walk-away level 31%");
    // The outcome space from port's side: its 45 outcomes by port's own submitted preferences
    // (berths shared > north > south, fees high > medium > low, years increasing; weights 2:1:1),
    // counted here by hand, the agreement (shared, medium, 3 years: 75%) marked.
    const us: number[] = [];
    for (const b of [1, 0.5, 0]) for (const f of [1, 0.5, 0]) for (let y = 1; y <= 5; y++) us.push(0.5 * b + 0.25 * f + 0.25 * ((y - 1) / 4));
    const share = (k: number) => `${Math.round((k / 45) * 100)}%`;
    const space = port.page.getByTestId("seat-space");
    expect(await space.getByTestId("seat-space-plot").locator("svg").getAttribute("data-counted")).toBe("45");
    expect(Number(await space.getByTestId("seat-space-mark").getAttribute("data-utility"))).toBeCloseTo(0.75, 12);
    expect(await space.locator("figcaption").textContent()).toBe(
      `All 45 outcomes of the scenario by their worth to you, in bands of 5%: under your own preferences only, no other seat's. ` +
        `${share(us.filter((u) => u < 0.75 - 1e-9).length)} of them are worth less to you than the agreement (75%); ` +
        `${share(us.filter((u) => u < 0.31).length)} are below your walk-away level (31%); 15 cross your red lines.`,
    );
    // The table alternative, opened by keyboard: every band's count, summing to the space.
    await space.locator("summary").focus();
    await port.page.keyboard.press("Enter");
    const counts = (await space.locator('[data-testid="seat-space-table"] tbody tr td:nth-of-type(1)').allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(45);
    expect(counts[15]).toBe(us.filter((u) => u >= 0.75 - 1e-9 && u < 0.8 - 1e-9).length);
    expect(await space.getByTestId("seat-space-frameworks").textContent()).toContain("Compromise 63%–88%");
    docsImage(await elementShot(port.page.getByTestId("seat-history").or(space), "34-room-seat-outlook"), "workbench-room-seat-outlook.png");
    await screenshot(port.page, "34-room-seat-settled");
    // The same at 390 px (the shippers' phone), and the settled notice.
    expect(await shippers.page.getByTestId("room-notice").textContent()).toBe("The room is settled: there is an agreement.");
    await shippers.page.getByTestId("seat-space-plot").waitFor();
    docsImage(await elementShot(shippers.page.getByTestId("seat-history").or(shippers.page.getByTestId("seat-space")), "34-room-seat-outlook-phone"), "workbench-room-seat-phone-outlook.png");
    await expectNoSeriousViolations(shippers.page, "the seat's agreement and outlook at 390 px");
    await expectNoSeriousViolations(port.page, "the seat's agreement and history");
    await expectNoSeriousViolations(mediator.page, "the mediator's agreement");
    expect(await status(mediator.page).textContent()).toBe("settled");

    // The timeline has every event once, in order, in every console.
    for (const s of [mediator, port, shippers]) {
      const seqs = await timelineSeqs(s.page);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }

    // Privacy: what each seat's browser received holds its own private data and never the other's.
    const own = { port: ['"reservation":0.31', "port-secret-comment"], shippers: ['"reservation":0.27', "shippers-secret-comment"] };
    expect(port.received.length).toBeGreaterThan(10);
    for (const secret of own.port) {
      expect(receivedText(port)).toContain(secret);
      expect(receivedText(shippers)).not.toContain(secret);
      expect(receivedText(mediator)).not.toContain(secret);
    }
    for (const secret of own.shippers) {
      expect(receivedText(shippers)).toContain(secret);
      expect(receivedText(port)).not.toContain(secret);
      expect(receivedText(mediator)).not.toContain(secret);
    }
    // Seats never receive the aggregates (they would reveal the other seat's rating).
    for (const s of [port, shippers]) expect(receivedText(s)).not.toContain('"needs-change":');
    expect(receivedText(mediator)).toContain('"needs-change":');
    for (const s of [mediator, port, shippers]) {
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
  });

  it("alternating offers (stacked, three seats): an offer, a counter-offer composed point by point, an accept; a seat offline meanwhile catches up without gap or duplicate", async () => {
    const room = await postJson<{ id: string; conveneToken: string; invites: Record<string, string> }>(`${server.url}/api/rooms`, {
      scenario: "harbour-talks",
      protocol: "stacked",
      seats: { port: "human", shippers: "human", city: "boulware" },
      deadline: { seconds: 3600 },
      seed: 11,
    });
    const port = await recordedSession(browser);
    const shippers = await recordedSession(browser);
    // The shippers' browser can be taken offline: its sockets closed and new ones refused until back.
    await shippers.page.addInitScript(() => {
      const Native = window.WebSocket;
      const w = window as unknown as { __sockets: WebSocket[]; __offline: boolean };
      w.__sockets = [];
      w.__offline = false;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(w.__offline ? "ws://127.0.0.1:9/offline" : url, protocols);
          w.__sockets.push(this);
        }
      } as typeof WebSocket;
    });
    for (const [s, who] of [
      [port, "port"],
      [shippers, "shippers"],
    ] as const) {
      await s.page.goto(`${server.url}/#/rooms/${room.id}/join?invite=${encodeURIComponent(room.invites[who]!)}`);
      await s.page.getByTestId("pref-submit").click();
      // The last submission starts the room, and the form gives way to the offers.
      await s.page.getByTestId("pref-submitted").or(s.page.locator('[data-testid="room-page"][data-status="running"]')).first().waitFor();
    }
    await port.page.getByTestId("offer-send").waitFor();
    await expectNoSeriousViolations(port.page, "the seat's opening offer (stacked)");
    // The notice: the opening offer is asked for, and the wall-clock deadline is an hour away.
    expect(await port.page.getByTestId("room-notice").textContent()).toBe("Your answer is needed: make an offer.");
    expect(await port.page.getByTestId("room-deadline").textContent()).toMatch(/^Deadline .+, in (59|60) minutes\.$/);
    expect(await port.page.getByTestId("room-turn").textContent()).toBe("Waiting for you");

    // The shippers go offline; the port opens with an offer meanwhile.
    await shippers.page.evaluate(() => {
      const w = window as unknown as { __sockets: WebSocket[]; __offline: boolean };
      w.__offline = true;
      for (const s of w.__sockets) s.close();
    });
    await shippers.page.getByTestId("room-live").getByText("reconnecting…").waitFor();
    await port.page.getByTestId("counter-start").selectOption("framework:compromise");
    await port.page.getByTestId("counter-years").fill("4");
    await port.page.getByTestId("offer-send").click();
    await port.page.waitForFunction(() => /shippers/.test(document.querySelector('[data-testid="room-turn"]')?.textContent ?? ""));
    const heldOffline = await shippers.page.locator('[data-testid="room-timeline"] li').count();
    // Back online: the stream resumes after the last event it had.
    await shippers.page.evaluate(() => {
      (window as unknown as { __offline: boolean }).__offline = false;
    });
    await shippers.page.getByTestId("room-live").getByText("live").waitFor({ timeout: 20_000 });
    await shippers.page.getByTestId("offer-accept").waitFor();
    expect(await shippers.page.locator('[data-testid="seat-offer"] td[data-issue="years"]').first().textContent()).toBe("4");
    expect(await shippers.page.locator('[data-testid="room-timeline"] li').count()).toBeGreaterThan(heldOffline);
    expect(await shippers.page.getByTestId("room-notice").textContent()).toBe("Your answer is needed: accept the offer from port, make a counter-offer, or end the negotiation.");

    // The shippers counter with lower fees and fewer years; the agent (city) and then the port accept.
    await shippers.page.getByTestId("counter-start").selectOption("the offer on the table");
    await shippers.page.getByTestId("counter-fees").selectOption("low");
    await shippers.page.getByTestId("counter-years").fill("2");
    await screenshot(shippers.page, "35-room-seat-counter-offer");
    await expectNoSeriousViolations(shippers.page, "the seat's counter-offer (stacked)");
    await shippers.page.getByTestId("offer-send").click();
    await port.page.getByTestId("offer-accept").waitFor({ timeout: 20_000 });
    await port.page.getByTestId("offer-accept").click();
    for (const s of [port, shippers]) await s.page.waitForFunction(() => document.querySelector('[data-testid="room-status"]')?.textContent === "settled", undefined, { timeout: 20_000 });
    expect(await shippers.page.locator('[data-testid="seat-final"] td[data-issue="fees"]').textContent()).toBe("low");
    expect(await shippers.page.locator('[data-testid="seat-final"] td[data-issue="years"]').textContent()).toBe("2");
    // The shippers' history: the port's offer, its own counter-offer (a filled marker), the agreement.
    const kinds = await shippers.page.locator('[data-testid="seat-history"] tbody tr th').allTextContents();
    expect(kinds.slice(0, 2)).toEqual(["Offer from port", "Offer from you"]);
    expect(kinds[kinds.length - 1]).toBe("Agreement");
    expect(await shippers.page.locator('[data-testid="seat-utility-plot"] svg [data-mine="1"]').count()).toBe(kinds.filter((k) => k === "Offer from you").length);
    expect(await shippers.page.getByTestId("seat-space").locator("figcaption").textContent()).toMatch(/^All 45 outcomes .* than the agreement \(\d+%\);/);
    await screenshot(shippers.page, "35-room-seat-offers-settled");
    await expectNoSeriousViolations(shippers.page, "the seat's history of offers (stacked)");

    // Both timelines: every event exactly once, numbered 1 … n, the same n.
    const seqs = (s: RecordedSession) => timelineSeqs(s.page);
    const a = await seqs(port);
    expect(a).toEqual(a.map((_, i) => i + 1));
    await shippers.page.waitForFunction((n) => document.querySelectorAll('[data-testid="room-timeline"] li').length === n, a.length);
    expect(await seqs(shippers)).toEqual(a);

    // An observer, invited by the convener, sees the public record and verifies the audit log in its browser.
    const r = await fetch(`${server.url}/api/rooms/${room.id}/invites`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${room.conveneToken}` },
      body: JSON.stringify({ role: "observer" }),
    });
    const { invite } = (await r.json()) as { invite: string };
    const observer = await recordedSession(browser);
    await observer.page.goto(`${server.url}/#/rooms/${room.id}/join?invite=${encodeURIComponent(invite)}`);
    await observer.page.getByTestId("room-page").waitFor();
    expect(await observer.page.getByTestId("room-role").textContent()).toBe("observer");
    await observer.page.getByTestId("audit-verify").focus();
    await observer.page.keyboard.press("Enter");
    await observer.page.getByTestId("audit-result").getByText("Log verified").waitFor();
    expect(await observer.page.getByTestId("audit-result").textContent()).toContain(`${a.length} entries`);
    await screenshot(observer.page, "36-room-observer-audit");
    await expectNoSeriousViolations(observer.page, "the observer's view with the audit panel verified");
    for (const s of [port, shippers, observer]) {
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
  });

  it("after an agreement the engine offers a package both seats prefer: the seat's improvement vote, notice and history on a phone", async () => {
    // Two human seats and a human mediator; the mediator and the port act through the API, the
    // shippers in a phone-wide browser. The mediator's draft (north berths, medium fees, 3 years) is
    // worth 0.5 to the port and 0.375 to the shippers; shared berths would be worth more to both.
    const room = await postJson<{ id: string; invites: Record<string, string> }>(`${server.url}/api/rooms`, {
      scenario: "harbour-talks",
      protocol: "single-text",
      seats: { port: "human", shippers: "human" },
      mediator: "human",
      seed: 5,
    });
    const join = async (who: string) => (await postJson<{ token: string }>(`${server.url}/api/rooms/${room.id}/join`, { invite: room.invites[who] })).token;
    const call = async <T>(method: string, route: string, body: unknown, token: string): Promise<T> => {
      const r = await fetch(`${server.url}/api/rooms/${room.id}${route}`, { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: body === null ? null : JSON.stringify(body) });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${route}: ${r.status} ${text}`);
      return JSON.parse(text) as T;
    };
    const mediatorToken = await join("mediator");
    const portToken = await join("port");
    await call("PUT", "/preferences", { reservation: 0.13, weights: { berths: 2, fees: 1, years: 1 }, values: { berths: ["shared", "north", "south"], fees: ["high", "medium", "low"], years: "increasing" } }, portToken);
    const shippers = await recordedSession(browser, 390);
    await shippers.page.goto(`${server.url}/#/rooms/${room.id}/join?invite=${encodeURIComponent(room.invites["shippers"]!)}`);
    await shippers.page.getByTestId("pref-submit").click();
    await waitForStatus(shippers.page, "running");
    await call("POST", "/actions", { type: "publish-draft", package: { berths: "north", fees: "medium", years: 3 } }, mediatorToken);
    const acceptable = { rating: "acceptable" };
    await call("POST", "/actions", { type: "rate", draft: 1, points: { berths: acceptable, fees: acceptable, years: acceptable }, overall: "accept" }, portToken);
    await shippers.page.getByTestId("rate-submit").click();
    // Draft 1 becomes the text; the mediator calls the vote; both accept.
    for (let k = 0; ; k++) {
      const got = await call<{ view: { text: unknown; turn: { mediator: boolean } } }>("GET", "", null, mediatorToken);
      if (got.view.text && got.view.turn.mediator) break;
      if (k > 200) throw new Error("draft 1 never became the text");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await call("POST", "/actions", { type: "call-ratification" }, mediatorToken);
    await call("POST", "/actions", { type: "ratify", vote: "accept" }, portToken);
    await shippers.page.getByTestId("ratify-accept").click();

    // The engine proposes an improvement: the shippers are asked, see its worth, and it is in their history.
    await waitForStatus(shippers.page, "improving");
    const panel = shippers.page.getByTestId("seat-improvement");
    await panel.waitFor();
    expect(await shippers.page.getByTestId("room-notice").textContent()).toBe("Your answer is needed: accept the improvement every seat may prefer, or keep the agreement.");
    const improvementWorth = Number(/worth (\d+)%/.exec((await panel.locator("h2").textContent()) ?? "")?.[1]);
    const rows = await shippers.page.locator('[data-testid="seat-history"] tbody tr').evaluateAll((tr) => tr.map((r) => [r.querySelector("th")?.textContent, r.querySelector("td.num")?.textContent]));
    const worthOf = (label: string) => Number(/^(\d+)%/.exec(rows.find((r) => r[0] === label)?.[1] ?? "")?.[1]);
    expect(worthOf("Agreement")).toBe(38); // north 0, medium 0.5·0.5, 3 years 0.25·0.5
    expect(worthOf("Improvement proposed")).toBe(improvementWorth);
    expect(improvementWorth).toBeGreaterThan(38);
    expect(await shippers.page.getByTestId("seat-space-mark").locator("text").textContent()).toBe("the agreement");
    docsImage(await elementShot(shippers.page.getByTestId("room-notice-box").or(panel), "37-room-seat-improvement-phone"), "workbench-room-seat-phone-improvement.png");
    await expectNoSeriousViolations(shippers.page, "the seat's improvement vote at 390 px");
    await call("POST", "/actions", { type: "improvement-vote", vote: "accept" }, portToken);
    await shippers.page.getByTestId("improve-accept").click();
    await waitForStatus(shippers.page, "settled");
    expect(await panel.count()).toBe(0);
    expect(await shippers.page.locator('[data-testid="seat-final"] h2').textContent()).toBe(`Agreement (worth ${improvementWorth}% to you)`);
    // The port's walk-away level never reaches the shippers' browser.
    expect(receivedText(shippers)).not.toContain('"reservation":0.13');
    expect(shippers.errors).toEqual([]);
    await shippers.context.close();
  });

  it("a spent or wrong invite says so instead of showing a room", async () => {
    const s = await recordedSession(browser);
    await s.page.goto(`${server.url}/#/rooms/room-nope/join?invite=nope`);
    await s.page.getByTestId("room-error").waitFor();
    expect(await s.page.getByTestId("room-error").textContent()).toMatch(/PARLEY_HTTP_/);
    await expectNoSeriousViolations(s.page, "a refused invite");
    // The check itself can fail: an unnamed button added to the page is reported (critical).
    await s.page.evaluate(() => document.querySelector('[data-testid="room-error"]')?.append(document.createElement("button")));
    expect((await seriousViolations(s.page)).map((v) => v.split(" ")[0])).toEqual(["button-name"]);
    await s.context.close();
  });
});
