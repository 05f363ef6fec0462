import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PARLEY_VERSION as CORE_VERSION, renderBriefing } from "@parley/core";
import { parseScenario } from "@parley/formats";
import { afterAll, describe, expect, it } from "vitest";
import { PARLEY_VERSION } from "../src/version.js";
import { parley, repoRoot } from "./run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-report-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const yaml = `parley: 1
id: small
name: Small talks
issues:
  - {id: a, kind: categorical, options: [x, y, z]}
  - {id: n, kind: integer, min: 0, max: 4}
parties:
  - id: p
    name: Party P
    preferences:
      reservation: 0.4
      weights: {a: 1, n: 1}
      values: {a: [x, y, z], n: increasing}
      redLines:
        - {id: no-z, forbid: {a: z}}
  - id: q
    name: Party Q
    preferences:
      reservation: 0.3
      weights: {a: 1, n: 3}
      values: {a: [z, y, x], n: decreasing}
frameworks:
  - id: f1
    name: First draft
    date: 2025-02-01
    points:
      - {id: "1", number: 1, text: "a is y", sets: {a: y}}
  - id: f2
    name: Second draft
    date: 2025-03-01
    points:
      - {id: "1", number: 1, text: "a is x, n is 4", sets: {a: x, n: 4}}
statements:
  - {id: s1, date: 2025-02-02, speaker: Q's envoy, party: q, paraphrase: Q rejects the first draft., about: [{framework: f1}], stance: reject, source: {outlet: Wire, url: "https://example.org/s1"}, confidence: M}
readings:
  - id: high
    label: P holds out
    provenance: {assumption: a higher walk-away value}
    parties:
      p: {reservation: 0.95}
`;
const scenarioFile = path.join(tmp, "small.yaml");
writeFileSync(scenarioFile, yaml);
const scenario = (() => {
  const r = parseScenario(yaml);
  if (!r.ok) throw new Error("the test scenario does not parse");
  return r.value;
})();

describe("parley report", () => {
  it("writes the core's briefing for the options given, and says where", async () => {
    const out = path.join(tmp, "b.html");
    const r = await parley(["report", scenarioFile, "--out", out, "--date", "2026-02-03", "--framework", "f2", "--reading", "high", "--as-of", "2025-03"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: briefing written \\(\\d+ KiB\\)\\n$`));
    const expected = renderBriefing(scenario, { generated: { version: PARLEY_VERSION, date: "2026-02-03" }, framework: "f2", readings: ["high"], asOf: "2025-03" });
    expect(readFileSync(out, "utf8")).toBe(expected);
    expect(expected).toContain("<strong>P holds out</strong>");
    expect(expected).toContain('data-framework="f2"');
    expect(expected).not.toContain('data-framework="f1"');
  });

  it("replaces an existing file in one step (no temp file left) and dates the briefing today by default", async () => {
    const out = path.join(tmp, "again.html");
    writeFileSync(out, "old");
    const r = await parley(["report", "small.yaml", "--out", "again.html", "--pair", "q,p"], tmp);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain(`Parley ${PARLEY_VERSION}, ${new Date().toISOString().slice(0, 10)}`);
    expect(html).toContain("Party Q against Party P:");
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("fails with a clear message, and writes nothing, on a bad folder, a folder as output or a bad option", async () => {
    const dir = path.join(tmp, "a-folder");
    mkdirSync(dir);
    const cases: [string[], RegExp][] = [
      [["report", scenarioFile, "--out", path.join(tmp, "missing", "b.html")], /the folder .*missing does not exist/],
      [["report", scenarioFile, "--out", dir], /is a folder: give --out a file name/],
      [["report", scenarioFile, "--out", path.join(tmp, "x.html"), "--reading", "hihg"], /unknown reading "hihg"\. Did you mean "high"\?/],
      [["report", scenarioFile, "--out", path.join(tmp, "x.html"), "--framework", "f3"], /no framework "f3"/],
      [["report", scenarioFile, "--out", path.join(tmp, "x.html"), "--pair", "p"], /--pair takes two party ids/],
      [["report", scenarioFile, "--out", path.join(tmp, "x.html"), "--pair", "p,r"], /no analysed party "r"/],
      [["report", scenarioFile], /required option '--out <file>'/],
    ];
    for (const [args, message] of cases) {
      const r = await parley(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(existsSync(path.join(tmp, "x.html"))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("names the version of the packages (the CLI's and the core's constants agree with package.json)", () => {
    for (const pkg of ["cli", "core"]) {
      const version = (JSON.parse(readFileSync(path.join(repoRoot, `packages/${pkg}/package.json`), "utf8")) as { version: string }).version;
      expect(PARLEY_VERSION).toBe(version);
      expect(CORE_VERSION).toBe(version);
    }
  });

  it("briefs on the built-in scenario by default", async () => {
    const out = path.join(tmp, "builtin.html");
    const r = await parley(["report", "--out", out, "--date", "2026-01-01"], repoRoot);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<h1>US-mediated Russia–Ukraine talks");
    expect([...html.matchAll(/data-section="framework"/g)]).toHaveLength(4);
  });
});
