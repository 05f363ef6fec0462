import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parley, repoRoot } from "./run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-statement-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const args = (file: string, overrides: Record<string, string> = {}) => {
  const flags: Record<string, string> = {
    id: "s-new",
    date: "2026-03-05",
    speaker: "A spokesperson",
    party: "russia",
    paraphrase: "Said that some elements were acceptable.",
    about: "eu",
    stance: "partial",
    outlet: "Outlet",
    url: "https://example.org/x",
    confidence: "M",
    ...overrides,
  };
  return ["statement", "add", file, ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v])];
};

describe("parley statement add", () => {
  const original = readFileSync(path.join(repoRoot, "packages/formats/scenarios/peace-talks-2025.yaml"), "utf8");
  it("appends a valid statement, keeping the rest of the file, and the file still validates", async () => {
    const file = path.join(tmp, "talks.yaml");
    writeFileSync(file, original);
    const r = await parley(args(file, { about: "eu,28-point/5", voice: "spokesperson" }));
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, "utf8");
    // Taking the new block out gives the original file back, byte for byte.
    const start = text.indexOf("\n  - id: s-new\n");
    const end = text.indexOf("\n\n", start + 1);
    expect(start).toBeGreaterThan(0);
    expect(text.slice(0, start) + text.slice(end + 1)).toBe(original);
    expect(text).toContain("about: [eu, 28-point/5]");
    expect(text).toContain("  - id: s-new\n    date: 2026-03-05\n    speaker: A spokesperson\n    voice: spokesperson\n");
    expect((await parley(["validate", file])).code).toBe(0);
    const t = await parley(["timeline", file, "--from", "2026-03-05", "--json"]);
    expect(t.stdout).toContain("s-new");
  });
  it("adds a statement with several claims (--claim STANCE=SUBJECT,…), and refuses to mix them with --stance", async () => {
    const file = path.join(tmp, "claims.yaml");
    writeFileSync(file, original);
    const base = args(file).filter((x, k, all) => !["--about", "--stance"].includes(x) && !["--about", "--stance"].includes(all[k - 1]!));
    const r = await parley([...base, "--claim", "deny=us-russia-27", "--claim", "partial=us-russia-27,28-point/21"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("    claims:\n      - {stance: deny, about: [us-russia-27]}\n      - {stance: partial, about: [us-russia-27, 28-point/21]}\n");
    const t = JSON.parse((await parley(["timeline", file, "--from", "2026-03-05", "--json"])).stdout) as { entries: { id: string; stance: string; claims?: unknown[] }[] };
    expect(t.entries.find((e) => e.id === "s-new")).toMatchObject({ stance: "deny", claims: [{ stance: "deny" }, { stance: "partial" }] });
    const mixed = await parley([...args(path.join(tmp, "claims.yaml"), { id: "s-mixed" }), "--claim", "deny=us-russia-27"]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain("give --stance with --about, or --claim (repeatable), not both");
  });

  it("leaves the file unchanged when the statement does not fit, and says why", async () => {
    const file = path.join(tmp, "talks2.yaml");
    writeFileSync(file, original);
    const r = await parley(args(file, { party: "atlantis" }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PARLEY_FMT_REFERENCE.*atlantis/);
    expect(r.stderr).toContain("the file is unchanged");
    expect(readFileSync(file, "utf8")).toBe(original);
    const dry = await parley([...args(file), "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("- id: s-new");
    expect(readFileSync(file, "utf8")).toBe(original);
  });
});
