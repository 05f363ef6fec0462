// A browser session of a live room for the e2e tests: its own browser context (its own cookies), with
// everything the page receives recorded — each WebSocket frame and each /api/ response body, in
// arrival order, tagged with what it was — so a test can search it for another role's private data.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { seriousViolations } from "./axe.js";

export interface RecordedSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** `ws <frame>` or `GET /api/… <body>`, in arrival order. */
  readonly received: string[];
  readonly errors: string[];
}

export async function recordedSession(browser: Browser, width = 1280): Promise<RecordedSession> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const session: RecordedSession = { context, page, received: [], errors: [] };
  page.on("pageerror", (e) => session.errors.push(e.message));
  page.on("websocket", (ws) => ws.on("framereceived", (f) => session.received.push(`ws ${typeof f.payload === "string" ? f.payload : f.payload.toString("utf8")}`)));
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith("/api/")) return;
    const tag = `${response.request().method()} ${url.pathname}${url.search}`;
    response.text().then(
      (body) => session.received.push(`${tag} ${body}`),
      () => session.received.push(`${tag} (no body)`),
    );
  });
  return session;
}

/** Everything a session received, as one text to search. */
export const receivedText = (s: RecordedSession): string => s.received.join("\n");

/** The JSON bodies a session received from one route (`GET /api/rooms/ID/suggestions`, …). */
export function bodiesOf<T>(s: RecordedSession, route: string): T[] {
  return s.received.filter((r) => r.startsWith(`${route} `)).map((r) => JSON.parse(r.slice(route.length + 1)) as T);
}

/** The last body from `route` once one has been recorded (a response's body is read after the page has it). */
export async function lastBodyOf<T>(s: RecordedSession, route: string, timeoutMs = 10_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const last = bodiesOf<T>(s, route).at(-1);
    if (last !== undefined) return last;
    if (Date.now() - t0 > timeoutMs) throw new Error(`no response from ${route} recorded after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const text = await r.text();
  if (!r.ok) throw new Error(`POST ${url}: ${r.status} ${text}`);
  return JSON.parse(text) as T;
}

/** axe-core on the page as it is: no serious or critical violation (soft, so every state is reported). */
export async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  expect.soft(await seriousViolations(page), `accessibility of ${state}`).toEqual([]);
}

/** The page's room status, once it reads `status`. */
export async function waitForStatus(page: Page, status: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('[data-testid="room-status"]')?.textContent === s, status, { timeout });
}

/** The timeline's event numbers, oldest first. */
export async function timelineSeqs(page: Page): Promise<number[]> {
  return (await page.locator('[data-testid="room-timeline"] li').evaluateAll((li) => li.map((l) => Number(l.getAttribute("data-seq"))))).reverse();
}
