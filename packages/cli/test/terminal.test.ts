// Text from a file never reaches a terminal raw: names, paths and messages with escape sequences.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { terminalSafe } from "../src/terminal-text.js";
import { parley, repoRoot } from "./run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-term-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CLEAR = "\u001b[2J";
const TITLE = "\u001b]0;pwned\u0007";
const CSI8 = "\u009b31m";
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe("terminalSafe", () => {
  it("escapes every control character but tab and newline", () => {
    expect(terminalSafe(`a${CLEAR}b${TITLE}\r\n\tc${CSI8}`, { colour: false })).toBe("a\\u001b[2Jb\\u001b]0;pwned\\u0007\\u000d\n\tc\\u009b31m");
  });
  it("lets Parley's colour sequences through only when colour is on", () => {
    expect(terminalSafe("\u001b[1mbold\u001b[22m", { colour: true })).toBe("\u001b[1mbold\u001b[22m");
    expect(terminalSafe("\u001b[1mbold\u001b[22m", { colour: false })).toBe("\\u001b[1mbold\\u001b[22m");
    expect(terminalSafe(CLEAR + TITLE, { colour: true })).toBe("\\u001b[2J\\u001b]0;pwned\\u0007");
  });
  it("never leaves a raw control character (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)) }), (s) => {
        const out = terminalSafe(s, { colour: false });
        expect(RAW_CONTROL.test(out)).toBe(false);
        // Reversible: the escapes are JSON's, so a JSON string of the output reads back as the input.
        expect(JSON.parse(`"${out.replace(/\\(?!u[0-9a-f]{4})/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`)).toBe(s);
      }),
    );
  });
});

describe("the CLI escapes text from files", () => {
  const example = readFileSync(path.join(repoRoot, "examples/ceasefire-talks.yaml"), "utf8");
  const hostile = example.replace(/^name: .*$/m, `name: "Talks ${CLEAR.replace("\u001b", "\\e")} ${TITLE.replace("\u001b", "\\e").replace("\u0007", "\\a")}"`);

  it("in reports", async () => {
    const file = path.join(tmp, "hostile.yaml");
    writeFileSync(file, hostile);
    const r = await parley(["analyze", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Talks \\u001b[2J");
    expect(RAW_CONTROL.test(r.stdout)).toBe(false);
    const json = await parley(["analyze", file, "--json"]);
    expect(RAW_CONTROL.test(json.stdout)).toBe(false);
    JSON.parse(json.stdout);
  });

  it("in error messages, paths included", async () => {
    const file = path.join(tmp, `bad${CLEAR.replace("\u001b", "\u001b")}.yaml`);
    writeFileSync(file, hostile.replace(/^issues:/m, `colour${TITLE}: 1\nissues:`));
    const r = await parley(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain("\\u001b[2J");
    expect(RAW_CONTROL.test(r.stderr + r.stdout)).toBe(false);
  });
});
