// The hostile inputs of the hardening issue, through the real command in a child process with a
// capped heap: every one ends with exit 0, 2 or 3 (never a crash, a stack trace or a hang).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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

const header = "parley: 1\nid: h\nname: H\n";
const parties = "parties:\n  - id: p\n    name: P\n    role: party\n    preferences:\n      weights: { a: 1 }\n      values: { a: [o1, o0] }\n";
const geniusDomain = (issues: string) => `<negotiation_template><utility_space><objective index="0" name="root" type="objective" etype="objective">${issues}</objective></utility_space></negotiation_template>`;
const geniusProfile = (issue: string) => `<utility_space><objective index="0" name="root" type="objective" etype="objective">${issue}<weight index="1" value="1"/></objective></utility_space>`;
const bigInt = `<issue index="1" name="x" type="integer" etype="integer" vtype="integer" lowerbound="0" upperbound="999999999999"><evaluator ftype="linear" slope="0.000001" offset="0"/></issue>`;

const cases: [string, () => string[], number][] = [
  ["a GENIUS integer issue of 10^12 values", () => ["analyze", folder("big-int", { "d.xml": geniusDomain(bigInt), "a.xml": geniusProfile(bigInt), "b.xml": geniusProfile(bigInt) })], 2],
  [
    "a YAML alias bomb",
    () => {
      const options = Array.from({ length: 10_000 }, (_, i) => `o${i}`).join(", ");
      const aliases = Array.from({ length: 999 }, (_, i) => `  - { id: b${i}, kind: categorical, options: *opts }`).join("\n");
      return ["validate", file("bomb.yaml", `${header}issues:\n  - { id: a, kind: categorical, options: &opts [${options}] }\n${aliases}\n${parties}`)];
    },
    2,
  ],
  ["a valid issue of 10^5 options", () => ["validate", file("many.yaml", `${header}issues:\n  - { id: a, kind: categorical, options: [${Array.from({ length: 100_000 }, (_, i) => `o${i}`).join(", ")}] }\n${parties}`)], 0],
  [
    "a GENIUS folder of 10^4 issues",
    () => {
      const issues = Array.from({ length: 10_000 }, (_, i) => `<issue index="${i + 1}" name="i${i}" type="discrete"><item index="1" value="a"/><item index="2" value="b"/></issue>`).join("");
      return ["analyze", folder("wide", { "d.xml": geniusDomain(issues), "a.xml": geniusProfile(""), "b.xml": geniusProfile("") })];
    },
    2,
  ],
  ["a million-deep flow sequence", () => ["validate", file("deep.yaml", `${header}issues: ${"[".repeat(1_000_000)}`)], 2],
  ["an unterminated deep XML file", () => ["analyze", folder("deep-xml", { "d.xml": "<a>".repeat(400_000), "p.xml": "<b>" })], 2],
  ["a UTF-16 file", () => ["validate", file("utf16.yaml", "\ufeffparley: 1\n")], 2],
];

describe("hostile inputs end with exit 0, 2 or 3, never a crash", () => {
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
