// Live rooms in the workbench (issue 12): the time from a seat's action in its browser to the event's
// appearance in the other seats' browsers. Four human seats of a `stacked` room, each in its own
// browser context of one Debian chromium, against the real server (packages/web/e2e/harness.ts);
// the seat whose turn it is sends an offer from its console (a click), and each other page records,
// with a MutationObserver, when the event's line appears in its timeline. Clocks: Date.now() in Node
// and in the pages (one machine, one clock). Reported: the median and p95 over actions of the time
// until the event is in every other browser, and the median per browser.
// Run alone: `tsx --conditions=@parley/source bench/web-rooms.ts [--actions N]`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { buildWeb, chromiumAvailable, CHROMIUM, launchBrowser, startServer, webRoot } from "../packages/web/e2e/harness.js";
import type { Measurement } from "./harness.js";

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

/** The e2e fixture with a fourth party (tugs), so a room has four human seats. */
function scenarioText(): string {
  const base = readFileSync(path.join(webRoot, "e2e/fixtures/harbour-talks.yaml"), "utf8");
  const tugs = `  - id: tugs
    name: Tug operators
    role: party
    preferences:
      weights: { berths: 1, fees: 1, years: 1 }
      values: { berths: [north, south, shared], fees: [high, medium, low], years: increasing }
`;
  return base.replace("frameworks:\n", `${tugs}frameworks:\n`);
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`POST ${url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/**
 * In the page: the time (Date.now) each timeline line first appeared, by seq. Given as source text:
 * tsx's transform would add helpers (__name) the page does not have to a function passed in.
 */
const WATCH_TIMELINE = `(() => {
  const seen = (window.__seen = {});
  const note = () => {
    for (const li of document.querySelectorAll('[data-testid="room-timeline"] li')) {
      const seq = Number(li.getAttribute("data-seq"));
      if (!(seq in seen)) seen[seq] = Date.now();
    }
  };
  note();
  new MutationObserver(note).observe(document.body, { childList: true, subtree: true });
})()`;

export async function webRoomBenchmarks(actions: number): Promise<Measurement[]> {
  if (!chromiumAvailable()) {
    console.warn(`web room benchmarks skipped: ${CHROMIUM} not found`);
    return [];
  }
  await buildWeb();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    await post(`${server.url}/api/scenarios`, { format: "yaml", text: scenarioText() });
    const parties = ["port", "shippers", "city", "tugs"];
    const room = await post<{ id: string; invites: Record<string, string> }>(`${server.url}/api/rooms`, {
      scenario: "harbour-talks",
      protocol: "stacked",
      seats: Object.fromEntries(parties.map((p) => [p, "human"])),
      deadline: { rounds: 1000 },
      seed: 1,
    });
    const pages: Page[] = [];
    for (const p of parties) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/#/rooms/${room.id}/join?invite=${encodeURIComponent(room.invites[p]!)}`);
      await page.getByTestId("pref-submit").click();
      pages.push(page);
    }
    for (const page of pages) {
      await page.locator('[data-testid="room-page"][data-status="running"]').waitFor();
      await page.evaluate(WATCH_TIMELINE);
    }
    const toAll: number[] = [];
    const perBrowser: number[] = [];
    for (let a = 0; a < actions; a++) {
      const actor = pages[a % pages.length]!;
      await actor.getByTestId("offer-send").waitFor();
      const next = (await actor.locator('[data-testid="room-timeline"] li').count()) + 1;
      // Vary the offer so every action is a new package.
      await actor.getByTestId("counter-years").fill(String(1 + (a % 5)));
      const t0 = Date.now();
      await actor.getByTestId("offer-send").click();
      const others = pages.filter((p) => p !== actor);
      const seen = await Promise.all(
        others.map(async (p) => {
          await p.waitForFunction(`${next} in window.__seen`, undefined, { polling: 20 });
          return (await p.evaluate(`window.__seen[${next}]`)) as number;
        }),
      );
      for (const t of seen) perBrowser.push(t - t0);
      toAll.push(Math.max(...seen) - t0);
    }
    const load = (await import("node:os")).loadavg()[0]!.toFixed(1);
    return [
      {
        name: "(wr1) a seat's offer (click) → its event in all 3 other browsers, 4 seats",
        medianMs: quantile(toAll, 0.5),
        runsMs: toAll,
        detail: `p95 ${quantile(toAll, 0.95)} ms over ${actions} actions; per browser median ${quantile(perBrowser, 0.5)} ms; load average ${load}`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--actions");
  const actions = i > 0 ? Number(process.argv[i + 1]) : 40;
  for (const m of await webRoomBenchmarks(actions)) console.log(`${m.name.padEnd(80)} ${m.medianMs.toFixed(1).padStart(8)} ms  ${m.detail}`);
}
