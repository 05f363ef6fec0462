// E2E harness: build the workbench, start the real server on it (temp SQLite, 127.0.0.1, a free
// port) and drive Debian's chromium with playwright-core. Shared by the e2e tests and bench/web.ts.
// Never downloads a browser: when /usr/bin/chromium is missing the tests skip with a notice.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";

export const webRoot = fileURLToPath(new URL("../", import.meta.url));
export const distDir = path.join(webRoot, "dist");
export const artifactsDir = path.join(webRoot, "e2e", "artifacts");
export const CHROMIUM = process.env["PARLEY_CHROMIUM"] ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

/** Build packages/web into dist/ (skipped with PARLEY_WEB_SKIP_BUILD=1 when dist/ exists). */
export async function buildWeb(): Promise<void> {
  if (process.env["PARLEY_WEB_SKIP_BUILD"] === "1" && existsSync(path.join(distDir, "index.html"))) return;
  const { build } = await import("vite");
  await build({ configFile: path.join(webRoot, "vite.config.ts"), logLevel: "warn" });
}

export interface TestServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The real server (buildApp from @parley/server) on a temp SQLite db, serving dist/. */
export async function startServer(): Promise<TestServer> {
  const { buildApp } = await import("@parley/server");
  const dir = mkdtempSync(path.join(tmpdir(), "parley-web-e2e-"));
  const app = await buildApp({ db: path.join(dir, "parley.sqlite"), staticDir: distDir, logger: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page at 1280×800 that fails the test on uncaught page errors (collected in `errors`). */
export async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return { page, errors };
}

/** docs/images/: the screenshots the README shows, taken by these tests. */
export const docsImagesDir = path.join(webRoot, "../../docs/images");
/** The README's images stay small. */
export const DOCS_IMAGE_MAX_BYTES = 300_000;

/**
 * Copy a screenshot into docs/images/NAME when PARLEY_UPDATE_DOCS_IMAGES=1 (`npm run docs:images`),
 * so that the README shows the workbench as the tests see it. Off by default: a test run leaves the
 * working tree as it was. Returns the docs image's path.
 */
export function refreshDocsImage(artifact: string, name: string): string {
  const target = path.join(docsImagesDir, name);
  if (process.env["PARLEY_UPDATE_DOCS_IMAGES"] === "1") {
    mkdirSync(docsImagesDir, { recursive: true });
    copyFileSync(artifact, target);
  }
  return target;
}

/** Save a full-page screenshot to e2e/artifacts/NAME.png. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
