import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parley } from "./run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-lint-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const scenario = (voice: string) => `parley: 1
id: t
name: T
issues:
  - {id: x, kind: categorical, options: [a, b]}
parties:
  - id: p
    preferences:
      values: {x: [a, b]}
      redLines:
        - id: no-b
          forbid: {x: b}
          provenance: {cites: [s1]}
statements:
  - {id: s1, date: 2025-01-02, speaker: S, voice: ${voice}, party: p, paraphrase: Said., stance: reject, source: {outlet: W}, confidence: H}
`;

describe("parley lint", () => {
  it("exits 0 and says so when the file follows its rules", async () => {
    const file = path.join(tmp, "good.yaml");
    writeFileSync(file, scenario("principal"));
    const r = await parley(["lint", file], tmp);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `${file}: no findings\n`, ""]);
  });

  it("lists each finding like a compiler and exits 4; --json gives the same findings", async () => {
    writeFileSync(path.join(tmp, "bad.yaml"), scenario("unnamed"));
    const r = await parley(["lint", "bad.yaml"], tmp);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^bad\.yaml:11:11: error red-line-voice at parties\[0\]\.preferences\.redLines\[0\]: Red line "no-b" of p cites no statement by p whose voice is principal or spokesperson \(s1: unnamed\)/);
    expect(r.stderr).toBe('parley: bad.yaml: 1 error (docs/scenario-format.md, "Checking the modelling rules")\n');
    const json = await parley(["lint", "bad.yaml", "--json"], tmp);
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stdout)).toMatchObject({
      file: "bad.yaml",
      errors: 1,
      warnings: 0,
      findings: [{ rule: "red-line-voice", severity: "error", file: "bad.yaml", line: 11, column: 11, path: "parties[0].preferences.redLines[0]" }],
    });
  });

  it("reports a file that does not load as bad input (exit 2), and refuses a folder", async () => {
    writeFileSync(path.join(tmp, "broken.yaml"), "parley: 1\nid: t\n");
    const broken = await parley(["lint", "broken.yaml"], tmp);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("broken.yaml: the scenario could not be loaded");
    const folder = await parley(["lint", "."], tmp);
    expect([folder.code, folder.stderr]).toEqual([2, "parley: .: lint checks a native .yaml/.json scenario file, not a folder\n"]);
    expect((await parley(["lint", "missing.yaml"], tmp)).code).toBe(2);
  });
});
