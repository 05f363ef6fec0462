// The accessibility check of the browser tests: axe-core (Deque's rules engine, MPL-2.0; a
// devDependency of @parley/web for this check only, never bundled into the app) injected into the
// page as its own axe.min.js and run on the whole document. A page passes when axe reports no
// violation of impact "serious" or "critical" (WCAG 2.x A/AA rules and axe's best practices).
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  /** The CSS selectors of the offending nodes and axe's summary of what to fix. */
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

/** The impacts that fail a page. */
export const FAILING_IMPACTS: readonly string[] = ["serious", "critical"];

/** Runs axe-core on the page as it is and returns every violation (all impacts). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    type Result = { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Result[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(" "), summary: n.failureSummary ?? "" })),
    }));
  });
}

/** The serious and critical violations, one line each (rule, impact, help, offending nodes), for an assertion. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const all = await axeViolations(page);
  return all
    .filter((v) => v.impact !== null && FAILING_IMPACTS.includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target}: ${n.summary.replace(/\s+/g, " ")}`).join(" | ")}`);
}
