// Hostile files are refused quickly, with an error that names the limit, before anything that size
// is allocated (issue: "no input crashes, hangs or floods Parley").
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeText, formatLimitsFromEnv, parseGeniusDomain } from "@parley/formats";
import { readGeniusFolder, readGeniusFolderSync, readScenarioFile } from "@parley/formats/node";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-limits-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const domain = (issues: string) =>
  `<negotiation_template><utility_space number_of_issues="1"><objective index="0" name="root" type="objective" etype="objective">${issues}</objective></utility_space></negotiation_template>`;
const integerIssue = (upper: string) => `<issue index="1" name="x" type="integer" etype="integer" vtype="integer" lowerbound="0" upperbound="${upper}"/>`;
const profile = (upper: string) =>
  `<utility_space><objective index="0" name="root" type="objective" etype="objective"><issue index="1" name="x" type="integer" etype="integer" vtype="integer" lowerbound="0" upperbound="${upper}"><evaluator ftype="linear" slope="0.000001" offset="0"/></issue><weight index="1" value="1"/></objective></utility_space>`;

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

describe("GENIUS sizes", () => {
  it("an integer issue of 10^12 values is refused at its upperbound, with the limit and how to raise it", async () => {
    const dir = folder("big-int", { "domain.xml": domain(integerIssue("999999999999")), "a.xml": profile("999999999999"), "b.xml": profile("999999999999") });
    const r = await readGeniusFolder(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const limit = r.issues.find((i) => i.code === "PARLEY_FMT_LIMIT");
    expect(limit).toMatchObject({ file: path.join(dir, "domain.xml"), line: 1 });
    expect(limit!.message).toMatch(/1,000,000,000,000 values.*limit is 1,000,000 \(set PARLEY_MAX_ISSUE_VALUES to raise it\)/);
  });
  it("the limit can be raised", () => {
    const r = parseGeniusDomain(domain(integerIssue("1500000")), { limits: { valuesPerIssue: 2_000_000 } });
    expect(r.ok).toBe(true);
    expect(parseGeniusDomain(domain(integerIssue("1500000"))).ok).toBe(false);
  });
  it("10^4 issues are refused before they are read", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `<issue index="${i + 1}" name="i${i}" type="discrete"><item index="1" value="a"/></issue>`).join("");
    const r = parseGeniusDomain(domain(many));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/10,000 issues.*PARLEY_MAX_ISSUES/);
  });
  it("a deep or unterminated XML file gets one short message", () => {
    const deep = "<a>".repeat(200_000);
    const r = parseGeniusDomain(deep, { file: "deep.xml" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "PARLEY_FMT_LIMIT", file: "deep.xml", line: 1, column: 193 });
    const shallowButOpen = "<a>" + "<b>x</b>".repeat(50_000);
    const s = parseGeniusDomain(shallowButOpen);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.issues[0]!.message.length).toBeLessThanOrEqual(300);
  });
  it("problems of the folder as a whole name the folder, not <input>", () => {
    const dir = folder("no-domain", { "a.xml": profile("3") });
    const r = readGeniusFolderSync(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) for (const i of r.issues) expect(i.file).toBeDefined();
  });
});

describe("encodings", () => {
  it("UTF-16 is refused as an unsupported encoding, not a schema error", async () => {
    const file = path.join(tmp, "utf16.yaml");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("parley: 1\nid: x\n", "utf16le")]));
    const r = await readScenarioFile(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/unsupported encoding.*UTF-8/);
  });
  it("invalid UTF-8 is reported at its first bad byte, never replaced silently", () => {
    const bytes = Buffer.concat([Buffer.from("parley: 1\nname: caf"), Buffer.from([0xe9]), Buffer.from(" x\n")]);
    const r = decodeText(bytes, "bad.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ file: "bad.yaml", line: 2, column: 10 });
    expect(decodeText(Buffer.from("caf\u00e9 ✓ 𝄞"), undefined)).toEqual({ ok: true, text: "caf\u00e9 ✓ 𝄞" });
  });
  it("a file over the byte limit is refused before it is read", async () => {
    const file = path.join(tmp, "big.yaml");
    writeFileSync(file, "x".repeat(2048));
    const r = await readScenarioFile(file, { limits: { fileBytes: 1024 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "PARLEY_FMT_LIMIT" });
  });
});

describe("limits from the environment", () => {
  it("reads PARLEY_MAX_* and reports values that are not positive whole numbers", () => {
    expect(formatLimitsFromEnv({ PARLEY_MAX_ISSUES: "5_000", PARLEY_MAX_DEPTH: "-1", OTHER: "1" })).toEqual({
      limits: { issues: 5000 },
      problems: [expect.stringMatching(/PARLEY_MAX_DEPTH=-1 is not a positive whole number/)],
    });
  });
});
