// The analyze report's wording: every column labelled, tied solutions numbered, the method named as
// what was done, long lines wrapped at the terminal's width.
import { describe, expect, it } from "vitest";
import { runCli, type CliIo } from "@parley/cli";
import { repoRoot } from "./run-cli.js";

async function analyze(args: string[], columns?: number): Promise<string> {
  let stdout = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: () => {}, stdoutIsTty: false, stderrIsTty: false, cwd: repoRoot, ...(columns ? { columns } : {}) };
  expect(await runCli(["analyze", ...args], io)).toBe(0);
  return stdout;
}

describe("parley analyze, the text report", () => {
  it("labels the parties' columns and says what they mean", async () => {
    const out = await analyze([]);
    expect(out).toMatch(/party\s+reservation\s+best rational/);
    expect(out).toContain("best rational: the most this party gets in any rational outcome");
    expect(out).toContain("every outcome enumerated, exact");
  });
  it("numbers tied solutions in the table as below it", async () => {
    const out = await analyze([]);
    const rows = out.split("\n").filter((l) => /^\s+Egalitarian \d\s+\d/.test(l));
    const blocks = out.split("\n").filter((l) => /^\s+Egalitarian \d$/.test(l));
    expect(rows.length).toBe(blocks.length);
    expect(out.split("\n").some((l) => /^\s{10,}\d\.\d{4}/.test(l))).toBe(false); // no unlabelled row
  });
  it('names the merge path "exact frontier (merge)"', async () => {
    const out = await analyze(["--method", "merge"]);
    expect(out).toContain("exact frontier (merge), exact");
    expect(out).not.toMatch(/merge frontier:/);
  });
  it("wraps the outcome lines at the terminal's width", async () => {
    for (const columns of [72, 140]) {
      const lines = (await analyze([], columns)).split("\n").filter((l) => /\b[\w-]+=[\w.-]+/.test(l) && !l.includes("opposition level"));
      expect(lines.length).toBeGreaterThan(10);
      for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(columns);
    }
  });
});
