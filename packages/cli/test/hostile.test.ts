// The hostile inputs of the hardening issue, through the real command in a child process with a
// capped heap: every one ends with exit 0, 2, 3 or 4 (never a crash, a stack trace or a hang).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { geniusFiles, nativeText, type Shape } from "../../formats/test/fuzz/shapes.js";
import { repoRoot } from "./run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-hostile-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `parley ARGS` from source, with at most 512 MB of heap; killed after 60 s. */
function parley(args: string[]): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--max-old-space-size=512", "--conditions=@parley/source", "--import", "tsx", "packages/cli/src/main.ts", ...args],
      { cwd: repoRoot, timeout: 60_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, signal: (error as { signal?: string } | null)?.signal ?? null, stdout, stderr }),
    );
  });
}

function file(name: string, text: string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, text);
  return p;
}
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
  return dir;
}

// The shapes are the formats fuzz suite's (one generator for every suite).
const native = (name: string, shape: Shape) => file(name, nativeText(shape)!);
const genius = (name: string, shape: Shape) => folder(name, geniusFiles(shape)!);

const cases: [string, () => string[], number][] = [
  ["a GENIUS integer issue of 10^12 values", () => ["analyze", genius("big-int", { kind: "genius-wide-integer", upper: 999_999_999_999 })], 2],
  ["a YAML alias bomb", () => ["validate", native("bomb.yaml", { kind: "alias-bomb", anchor: 10_000, aliases: 999, nested: false })], 2],
  ["a valid issue of 10^5 options", () => ["validate", native("many.yaml", { kind: "many-options", options: 100_000, duplicate: false })], 0],
  ["a GENIUS folder of 10^4 issues", () => ["analyze", genius("wide", { kind: "genius-many-issues", issues: 10_000 })], 2],
  ["a million-deep flow sequence", () => ["validate", native("deep.yaml", { kind: "deep-flow", depth: 1_000_000, open: "[" })], 2],
  ["an unterminated deep XML file", () => ["analyze", genius("deep-xml", { kind: "genius-deep", depth: 400_000, closed: false })], 2],
  ["a UTF-16 file", () => ["validate", file("utf16.yaml", "\ufeffparley: 1\n")], 2],
  ["an audit log export 100,000 brackets deep", () => ["audit", "verify", file("deep-audit.json", "[".repeat(100_000))], 2],
  ["an audit log entry 100,000 brackets deep", () => ["audit", "verify", file("deep-entry.json", deepAuditEntry())], 4],
];

/** The sample audit log with entry 2 replaced by a valid but 100,000-deep JSON array. */
function deepAuditEntry(): string {
  const log = JSON.parse(readFileSync(path.join(repoRoot, "examples/audit/sample-room.json"), "utf8"));
  log.entries[2].json = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
  return JSON.stringify(log);
}

describe("hostile inputs end with exit 0, 2, 3 or 4, never a crash", () => {
  it.each(cases)("%s", async (_, args, expected) => {
    const argv = args();
    if (argv[1]!.endsWith("utf16.yaml")) writeFileSync(argv[1]!, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("parley: 1\n", "utf16le")]));
    const r = await parley(argv);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(expected);
    expect(r.stderr).not.toMatch(/\n\s+at |FATAL|heap|call stack/i);
    expect(r.stderr.length).toBeLessThan(20_000);
  }, 90_000);
});
