// The mediator's, the convener's and the observer's consoles in real browsers (chromium), each role in
// its own browser context: the convener hands out links from its console; the human mediator asks the
// engine for suggestions and starts a draft from one; an observer's browser checks the audit log from
// the served proofs as the room moves on; in a shuttle room the mediator and a seat talk privately;
// the mediator and the convener close rooms. Every WebSocket frame and /api/ response each context
// receives is recorded and searched for what another role must not see.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb, chromiumAvailable, DOCS_IMAGE_MAX_BYTES, launchBrowser, refreshDocsImage, screenshot, startServer, webRoot, type TestServer } from "./harness.js";
import { bodiesOf, expectNoSeriousViolations, lastBodyOf, postJson, receivedText, recordedSession, timelineSeqs, waitForStatus, type RecordedSession } from "./room-session.js";
import { statSync } from "node:fs";

const scenarioText = readFileSync(path.join(webRoot, "e2e/fixtures/harbour-talks.yaml"), "utf8");

interface Created {
  readonly id: string;
  readonly conveneToken: string;
  readonly invites: Record<string, string>;
}
type Suggestion = { package: Record<string, string | number>; seats?: { atOrAboveWalkAway: number; crossingRedLines: number; of: number } } | null;
interface Suggestions {
  seq: number;
  nextText?: Suggestion;
  nash: Suggestion;
  kalaiSmorodinsky: Suggestion;
  improvement?: Suggestion;
  notes: string[];
}

/** With PARLEY_UPDATE_DOCS_IMAGES=1 the screenshot becomes docs/images/NAME (kept under the README's limit). */
function docsImage(shot: string, name: string): void {
  const size = statSync(refreshDocsImage(shot, name), { throwIfNoEntry: false })?.size;
  if (size !== undefined) expect(size, name).toBeLessThan(DOCS_IMAGE_MAX_BYTES);
}

const issues = ["berths", "fees", "years"] as const;

describe.skipIf(!chromiumAvailable())("the mediator's, convener's and observer's consoles in chromium", () => {
  let browser: Browser;
  let server: TestServer;
  const sessions: RecordedSession[] = [];
  const open = async (width?: number) => {
    const s = await recordedSession(browser, width);
    sessions.push(s);
    return s;
  };
  const joinLink = (room: string, invite: string) => `${server.url}/#/rooms/${room}/join?invite=${encodeURIComponent(invite)}`;
  const join = async (s: RecordedSession, room: string, invite: string) => {
    await s.page.goto(joinLink(room, invite));
    await s.page.getByTestId("room-page").waitFor();
    await s.page.waitForFunction((id) => location.hash === `#/rooms/${id}`, room);
  };

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

  it("convener links, engine suggestions as the start of a draft, an agreement; an observer's browser verifies the log from the served proofs", async () => {
    const room = await postJson<Created>(`${server.url}/api/rooms`, {
      scenario: "harbour-talks",
      protocol: "single-text",
      seats: { port: "human", shippers: "human", city: "boulware" },
      mediator: "human",
      seed: 7,
    });
    // The convener opens its console from a link of its own, and hands out a new link for the port.
    const convener = await open();
    const { invite: convenerInvite } = await postJson<{ invite: string }>(`${server.url}/api/rooms/${room.id}/invites`, { role: "convener" }, room.conveneToken);
    await join(convener, room.id, convenerInvite);
    await convener.page.getByTestId("convener-console").waitFor();
    expect(await convener.page.getByTestId("room-role").textContent()).toBe("convener");
    expect(await convener.page.locator('[data-testid="convener-seats"] tr[data-party="port"] td').nth(1).textContent()).toBe("has not joined");
    await convener.page.getByTestId("invite-seat-port").click();
    const portLink = await convener.page.locator('[data-testid="invite-link-seat-port"] input').inputValue();
    expect(portLink).toMatch(new RegExp(`#/rooms/${room.id}/join\\?invite=`));
    await convener.page.getByTestId("invite-observer").click();
    const observerLink = await convener.page.locator('[data-testid="invite-link-observer"] input').inputValue();
    await expectNoSeriousViolations(convener.page, "the convener's console with two links");
    docsImage(await screenshot(convener.page, "40-room-convener"), "workbench-room-convener.png");

    const mediator = await open();
    const port = await open();
    const shippers = await open();
    const observer = await open();
    await port.page.goto(portLink.replace(/^https?:\/\/[^/]+/, server.url));
    await port.page.getByTestId("room-page").waitFor();
    await join(shippers, room.id, room.invites["shippers"]!);
    await join(mediator, room.id, room.invites["mediator"]!);
    await observer.page.goto(observerLink.replace(/^https?:\/\/[^/]+/, server.url));
    await observer.page.getByTestId("room-page").waitFor();
    expect(await port.page.getByTestId("room-role").textContent()).toBe("the seat of port");
    expect(await observer.page.getByTestId("room-role").textContent()).toBe("observer");
    // The original port invite still works once (the new link did not revoke it), but the seat has joined: refused.
    const spare = await fetch(`${server.url}/api/rooms/${room.id}/join`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ invite: room.invites["port"] }) });
    expect(spare.status).toBe(409);

    // Preferences with walk-away levels found nowhere else (the privacy search below looks for them).
    await port.page.getByTestId("pref-reservation").fill("0.31");
    await port.page.getByTestId("pref-submit").click();
    await port.page.getByTestId("pref-submitted").waitFor();
    await shippers.page.getByTestId("pref-reservation").fill("0.27");
    await shippers.page.getByTestId("pref-submit").click();
    for (const s of [mediator, port, shippers, observer, convener]) await waitForStatus(s.page, "running");
    await convener.page.waitForFunction(() => !/has not joined/.test(document.querySelector('[data-testid="convener-seats"]')?.textContent ?? ""));

    // The mediator asks the engine (by keyboard) and sees packages and counts, never a seat's numbers.
    await mediator.page.getByTestId("suggest-ask").focus();
    await mediator.page.keyboard.press("Enter");
    await mediator.page.getByTestId("suggestion-nash").locator("table").waitFor();
    const first = await lastBodyOf<Suggestions>(mediator, `GET /api/rooms/${room.id}/suggestions`);
    expect(first.nash).not.toBeNull();
    expect(first.nextText).not.toBeNull();
    expect(first).not.toHaveProperty("improvement");
    for (const key of ["nextText", "nash", "kalaiSmorodinsky"] as const) {
      const shown = await mediator.page.locator(`[data-testid="suggestion-${key}"] td[data-issue]`).allTextContents();
      expect(shown).toEqual(issues.map((i) => String(first[key]!.package[i])));
      expect(await mediator.page.getByTestId(`suggestion-${key}-counts`).textContent()).toBe(
        `${first[key]!.seats!.atOrAboveWalkAway} of 3 seats at or above their walk-away; ${first[key]!.seats!.crossingRedLines === 0 ? "no seat" : `${first[key]!.seats!.crossingRedLines} of 3`} crossing a red line`,
      );
    }
    await expectNoSeriousViolations(mediator.page, "the mediator's engine suggestions");
    docsImage(await screenshot(mediator.page, "41-room-mediator-suggestions"), "workbench-room-suggestions.png");

    // Start the draft from the Nash package, publish it.
    await mediator.page.getByTestId("compose-start").selectOption({ label: "engine: Nash bargaining package" });
    for (const i of issues) expect(await mediator.page.getByTestId(`compose-${i}`).inputValue()).toBe(String(first.nash!.package[i]));
    await mediator.page.getByTestId("compose-publish").click();
    for (const s of [port, shippers]) {
      await s.page.getByTestId("seat-rating").waitFor();
      await s.page.getByTestId("rate-overall-accept").check();
      await s.page.getByTestId("rate-submit").click();
    }
    // The room moved on: the suggestions follow it (a new seq) without asking again.
    await mediator.page.getByTestId("mediator-text").waitFor();
    await mediator.page.waitForFunction((seq) => !new RegExp(`#${seq};`).test(document.querySelector('[data-testid="suggestions-seq"]')?.textContent ?? ""), first.seq);
    expect(await mediator.page.locator('[data-testid="mediator-text"] td[data-issue]').allTextContents()).toEqual(issues.map((i) => String(first.nash!.package[i])));
    await mediator.page.getByTestId("call-ratification").click();
    for (const s of [port, shippers]) {
      await s.page.getByTestId("ratify-accept").waitFor();
      await s.page.getByTestId("ratify-accept").click();
    }
    for (const s of [mediator, port, shippers, observer, convener]) await waitForStatus(s.page, "settled");
    // The Nash package is on every seat's frontier: no improvement is left to suggest.
    await mediator.page.getByTestId("suggestion-improvement").getByText("No package is better for every seat.").waitFor();

    // The observer's browser: every event proven by its own inclusion proof, the heads by consistency.
    const seqs = await timelineSeqs(mediator.page);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    await observer.page
      .waitForFunction((n) => document.querySelector('[data-testid="log-proofs-result"]')?.textContent?.includes(`events #1–#${n} each proven in the signed tree of ${n} entries`), seqs.length, { timeout: 20_000 })
      .catch(async (e: unknown) => {
        throw new Error(
          `${String(e)}; the observer's check says: ${await observer.page.getByTestId("log-proofs-result").textContent()} (${seqs.length} events); errors ${observer.errors.join("; ")}; audit requests: ${observer.received
            .filter((r) => r.includes("/audit"))
            .map((r) => r.slice(0, 120))
            .join(" | ")}`,
        );
      });
    expect(await observer.page.getByTestId("log-proofs-result").textContent()).toMatch(/consistency proofs? checked/);
    expect(await timelineSeqs(observer.page)).toEqual(seqs);
    const inclusions = observer.received.filter((r) => r.startsWith(`GET /api/rooms/${room.id}/audit/inclusion`)).length;
    expect(inclusions).toBe(seqs.length); // one proof per event, each asked once
    expect(observer.received.some((r) => r.startsWith(`GET /api/rooms/${room.id}/audit/consistency`))).toBe(true);
    expect(observer.received.some((r) => r.startsWith(`GET /api/rooms/${room.id}/export`))).toBe(false); // not the whole log
    await expectNoSeriousViolations(observer.page, "the observer's view with the log checked live");
    docsImage(await screenshot(observer.page, "42-room-observer-proofs"), "workbench-room-observer.png");
    // A later visit: the head this browser saw last is the starting point of a consistency check.
    await observer.page.reload();
    await observer.page.getByTestId("log-proofs-result").getByText(`saw on an earlier visit (${seqs.length} entries)`).waitFor({ timeout: 20_000 });

    // Privacy: the suggestions reach the mediator alone; each walk-away level only its own seat.
    const everyone = { convener, mediator, port, shippers, observer };
    for (const [role, s] of Object.entries(everyone)) {
      const text = receivedText(s);
      expect(text.includes('"kalaiSmorodinsky"'), `${role} received the suggestions`).toBe(role === "mediator");
      expect(text.includes('"reservation":0.31'), `${role} received port's walk-away`).toBe(role === "port");
      expect(text.includes('"reservation":0.27'), `${role} received the shippers' walk-away`).toBe(role === "shippers");
      expect(s.errors, role).toEqual([]);
    }
    // Every number in the mediator's suggestions is the seq, a count of seats, or an issue's value.
    for (const body of bodiesOf<Suggestions>(mediator, `GET /api/rooms/${room.id}/suggestions`))
      JSON.stringify(body, (key, v: unknown) => {
        if (typeof v === "number" && key !== "seq" && key !== "years") expect(Number.isInteger(v) && v >= 0 && v <= 3, `${key}: ${v}`).toBe(true);
        return v;
      });
  });

  it("shuttle: a private channel per seat between the mediator and that seat; the mediator closes the room", async () => {
    const room = await postJson<Created>(`${server.url}/api/rooms`, { scenario: "harbour-talks", protocol: "shuttle", seats: { port: "human", shippers: "human" }, mediator: "human", seed: 5 });
    const mediator = await open();
    const port = await open();
    const shippers = await open(390);
    await join(mediator, room.id, room.invites["mediator"]!);
    await join(port, room.id, room.invites["port"]!);
    await join(shippers, room.id, room.invites["shippers"]!);
    for (const s of [port, shippers]) await s.page.getByTestId("pref-submit").click();
    for (const s of [mediator, port, shippers]) await waitForStatus(s.page, "running");

    // The mediator writes to the port with a package attached; the port answers.
    await mediator.page.getByTestId("channel-port-text").fill("MEDIATOR-TO-PORT-SECRET: would shared berths work?");
    await mediator.page.getByTestId("channel-port-attach").check();
    await mediator.page.getByTestId("channel-port-pkg-berths").selectOption("shared");
    await mediator.page.getByTestId("channel-port-send").click();
    await port.page.getByTestId("channel-port").getByText("MEDIATOR-TO-PORT-SECRET", { exact: false }).waitFor();
    expect(await port.page.getByTestId("channel-port").textContent()).toContain("berths shared");
    await port.page.getByTestId("channel-port-text").fill("PORT-TO-MEDIATOR-SECRET: only with high fees");
    await port.page.getByTestId("channel-port-send").focus();
    await port.page.keyboard.press("Enter");
    await mediator.page.getByTestId("channel-port").getByText("PORT-TO-MEDIATOR-SECRET", { exact: false }).waitFor();
    // The shippers' channel is their own: empty, and nothing of the port's reached their browser.
    expect(await mediator.page.getByTestId("channel-shippers").textContent()).toContain("Nothing yet.");
    await expectNoSeriousViolations(mediator.page, "the mediator's private channels (shuttle)");
    await expectNoSeriousViolations(port.page, "the seat's private channel (shuttle)");
    docsImage(await screenshot(mediator.page, "43-room-mediator-shuttle"), "workbench-room-shuttle.png");

    // The mediator closes the room: a reason, then the confirmation.
    await mediator.page.getByTestId("close-reason").fill("talks suspended");
    await mediator.page.getByTestId("close-room").click();
    await mediator.page.getByTestId("close-confirm").click();
    for (const s of [mediator, port, shippers]) {
      await waitForStatus(s.page, "closed");
      await s.page.getByTestId("room-timeline").getByText("Closed by the mediator: talks suspended").waitFor();
    }
    const seqs = await timelineSeqs(shippers.page);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(await timelineSeqs(port.page)).toEqual(seqs);

    for (const secret of ["MEDIATOR-TO-PORT-SECRET", "PORT-TO-MEDIATOR-SECRET"]) {
      expect(receivedText(mediator)).toContain(secret);
      expect(receivedText(port)).toContain(secret);
      expect(receivedText(shippers)).not.toContain(secret);
    }
    for (const s of [mediator, port, shippers]) expect(s.errors).toEqual([]);
  });

  it("the convener closes a room that has not started from its console", async () => {
    const room = await postJson<Created>(`${server.url}/api/rooms`, { scenario: "harbour-talks", protocol: "sao", seats: { port: "human", shippers: "human" } });
    const convener = await open();
    const { invite } = await postJson<{ invite: string }>(`${server.url}/api/rooms/${room.id}/invites`, { role: "convener" }, room.conveneToken);
    await join(convener, room.id, invite);
    await convener.page.getByTestId("close-room").click();
    await convener.page.getByTestId("close-confirm").click();
    await waitForStatus(convener.page, "closed");
    await convener.page.getByTestId("room-timeline").getByText(/Closed by the convener$/).waitFor();
    expect(await convener.page.getByTestId("convener-console").getByTestId("room-close").count()).toBe(0);
    const r = await fetch(`${server.url}/api/rooms/${room.id}/join`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ invite: room.invites["port"] }) });
    expect(r.status).toBe(409); // PARLEY_ROOM_OVER: a closed room takes no one in
    expect(convener.errors).toEqual([]);
  });
});
