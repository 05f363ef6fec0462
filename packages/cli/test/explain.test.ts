// `parley framework`'s "Why" block on the built-in scenario: every verdict explained by the red
// lines that bind (with the statements they cite) and the deciding issues; ‡ where it rests on M/L sources.
import { compileScenario, frameworkReport, type FrameworkReport, type VerdictExplanation } from "@parley/core";
import { describe, expect, it } from "vitest";
import { frameworkText } from "../src/commands/framework.js";
import { loadScenario } from "../src/load-scenario.js";
import { parley, repoRoot } from "./run-cli.js";

/** The lines of one party's explanation in one framework's "Why" block. */
function whyBlock(stdout: string, framework: string, party: string): string[] {
  const section = stdout.split("\nFramework: ").find((s) => s.includes(`(${framework})`))!;
  const why = section.slice(section.indexOf("\n  Why")).split("\n\n")[0]!.split("\n");
  const start = why.findIndex((l) => l.startsWith(`  ${party} `));
  const end = why.findIndex((l, i) => i > start && /^ {2}\S/.test(l));
  return why.slice(start, end < 0 ? undefined : end);
}

async function builtin(args: readonly string[] = []): Promise<{ text: string; report: FrameworkReport }> {
  const text = await parley(["framework", ...args]);
  expect(text.code, text.stderr).toBe(0);
  const json = await parley(["framework", ...args, "--json"]);
  return { text: text.stdout, report: JSON.parse(json.stdout) as FrameworkReport };
}

const explanation = (r: FrameworkReport, fw: string, party: string): VerdictExplanation => r.frameworks.find((f) => f.id === fw)!.verdicts[party]!.explanation;

describe("parley framework: Why", () => {
  it("explains Ukraine's rejection of the 28-point draft by its crossed red lines and the statements they cite", async () => {
    const { text, report } = await builtin(["--framework", "28-point"]);
    const e = explanation(report, "28-point", "ukraine");
    expect(e.verdict).toBe("reject");
    const crossed = e.redLines.filter((r) => r.status === "crossed");
    expect(crossed.map((r) => r.id)).toContain("no-recognition");
    const block = whyBlock(text, "28-point", "ukraine");
    expect(block[0]).toMatch(new RegExp(`^ {2}ukraine reject: crosses ${crossed.length} red lines`));
    const joined = block.join("\n").replace(/\n +/g, " ");
    for (const r of crossed) {
      expect(joined).toContain(`✖ ${r.id}: `);
      expect(r.grounds.cites.length).toBeGreaterThan(0);
      for (const s of r.grounds.cites) expect(joined).toContain(`${s.id} [${s.confidence}]`);
    }
    // no-recognition rests on Zelensky's statement on point 14, on record (H)
    expect(joined).toMatch(/✖ no-recognition: recognition ≠ de-facto\/de-jure — s-zelensky-point-14 \[H\]/);
    expect(e.statements["s-zelensky-point-14"]).toMatchObject({ party: "ukraine", confidence: "H" });
    // the deciding issues with their losses
    const top = e.issues.find((x) => x.issue === e.topIssues[0])!;
    expect(joined).toContain(`loses most on: ${top.issue}=${String(top.best.value)} −${top.best.loss.toFixed(3)}`);
  });

  it("marks ‡ exactly the verdicts that rest on M/L sources (as of 25 November 2025: orderings only later statements support)", async () => {
    const { text, report } = await builtin(["--as-of", "2025-11-25"]);
    let marked = 0;
    for (const fw of report.frameworks)
      for (const [party, v] of Object.entries(fw.verdicts)) {
        const head = whyBlock(text, fw.id, party)[0]!;
        expect(head.startsWith(`  ${party} ${v.verdict}${v.explanation.restsOnWeakSources ? " ‡" : ""}:`), head).toBe(true);
        if (v.explanation.restsOnWeakSources) {
          marked++;
          expect(v.explanation.weakGrounds.length).toBeGreaterThan(0);
        }
      }
    expect(marked).toBeGreaterThan(0);
    expect(text.replace(/\n +/g, " ")).toContain("‡ every reason for the verdict rests on M/L sources");
  });

  it("frameworkText keeps the Why block within 80 columns", async () => {
    const loaded = await loadScenario(undefined, repoRoot, {});
    const report = frameworkReport(compileScenario(loaded.scenario), { amendments: { limit: 3, fixLimit: 3 } });
    const text = frameworkText(report, { color: false, width: 80 });
    const why = text.split("\n  Why").slice(1).flatMap((s) => s.split("\n\n")[0]!.split("\n").slice(1));
    expect(why.length).toBeGreaterThan(12);
    for (const line of why) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});
