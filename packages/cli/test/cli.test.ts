import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario, outcomeUtilities } from "@parley/core";
import { readScenarioFile } from "@parley/formats/node";
import { fixtures, geniusRoot, parley, repoRoot } from "./run-cli.js";
import { hasGeniusCorpus } from "../../../test/corpus.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const hasGenius = hasGeniusCorpus;

describe("parley analyze", () => {
  it("analyze (no argument) reports on the built-in scenario", async () => {
    const r = await parley(["analyze"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/Pareto frontier: \d+ points/);
    expect(r.stdout).toContain("Nash");
    expect(r.stdout).toContain("Framework:");
    expect(r.stdout.includes("\u001b[")).toBe(false); // no colour when stdout is not a terminal
  });

  it("analyze --json prints the documented object", async () => {
    const r = await parley(["analyze", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Array.isArray(j.parties)).toBe(true);
    expect(typeof j.outcomes).toBe("number");
    expect(j.rational.count).toBeGreaterThan(0);
    expect(j.rational.fraction).toBeCloseTo(j.rational.count / j.outcomes, 12);
    expect(j.pareto.count).toBe(j.pareto.points.length);
    for (const p of j.pareto.points) expect(p).toHaveLength(j.parties.length);
    for (const key of ["nash", "kalaiSmorodinsky", "egalitarian", "maxWelfare"]) {
      expect(j[key].length).toBeGreaterThan(0);
      for (const s of j[key]) {
        expect(s.utilities).toHaveLength(j.parties.length);
        expect(Object.keys(s.outcome)).toEqual(j.issues);
        // every solution point is on the frontier
        expect(j.pareto.points).toContainEqual(s.utilities);
      }
    }
  });

  it("analyze --framework ID evaluates one framework; an unknown id lists the known ones", async () => {
    const all = JSON.parse((await parley(["analyze", "--json"])).stdout);
    const id = all.frameworks[0].framework.id;
    const one = JSON.parse((await parley(["analyze", "--json", "--framework", id])).stdout);
    expect(one.frameworks.map((f: { framework: { id: string } }) => f.framework.id)).toEqual([id]);
    const bad = await parley(["analyze", "--framework", "no-such-draft"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`frameworks: ${id}`);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([[[]], [["examples/ceasefire-talks.yaml"]]])("analyze --method merge agrees with enumeration to the last bit (%j)", async (file) => {
    // The built-in scenario has cross-issue red lines and points exactly on reservation values.
    const a = JSON.parse((await parley(["analyze", "--json", ...file])).stdout);
    const b = JSON.parse((await parley(["analyze", "--json", "--method", "merge", ...file])).stdout);
    const key = (p: number[]) => p.map(String).join();
    expect(b.pareto.points.map(key).sort()).toEqual(a.pareto.points.map(key).sort());
    expect(b.nash.map((s: { utilities: number[] }) => key(s.utilities))).toEqual(a.nash.map((s: { utilities: number[] }) => key(s.utilities)));
    expect(b.rational).toEqual({ count: null, fraction: null });
  });

  it("analyze --method sample is seeded and marked approximate", async () => {
    const a = await parley(["analyze", "--json", "--method", "sample", "--samples", "3000", "--seed", "4"]);
    const b = await parley(["analyze", "--json", "--method", "sample", "--samples", "3000", "--seed", "4"]);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).exact).toBe(false);
  });

  it("analyze of a missing file exits 2 without a stack trace", async () => {
    const r = await parley(["analyze", "nope.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nope.yaml: no such file or folder");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("bad options exit 2 with a usage hint", async () => {
    for (const args of [["analyze", "--method", "guess"], ["analyze", "--limit", "-3"], ["frobnicate"]]) {
      const r = await parley(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(0);
    }
  });

  it("--help works for the program and each command", async () => {
    for (const args of [["--help"], ["analyze", "--help"], ["validate", "--help"], ["convert", "--help"], ["schema", "--help"]]) {
      const r = await parley(args);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stdout).toContain("Usage:");
    }
  });

  it.skipIf(!hasGenius)("analyze of a non-linear space too large to enumerate solves it exactly (method solve)", async () => {
    const r = await parley(["analyze", "--json", "--no-survival", path.join(geniusRoot, "anac/y2014/10issues")]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.method).toBe("solve");
    expect(j.exact).toBe(true);
    expect(j.solver.gap).toBe(0);
    expect(j.solver.timeLimit).toBeNull();
    const points: number[][] = j.pareto.points;
    expect(points.length).toBeGreaterThan(1);
    for (const p of points) expect(points.some((q) => q !== p && q[0]! >= p[0]! && q[1]! >= p[1]!)).toBe(false);
    expect(points).toContainEqual(j.nash[0].utilities);
  });

  it.skipIf(!hasGenius)("analyze --time-limit gives an anytime frontier with its gap, and enumeration still exits 3 with advice", async () => {
    const r = await parley(["analyze", "--json", "--no-survival", "--time-limit", "0.001", path.join(geniusRoot, "anac/y2014/30issues")]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.exact).toBe(false);
    expect(j.solver.timeLimit).toBe(0.001);
    expect(j.solver.gap === null || j.solver.gap > 0).toBe(true);
    const e = await parley(["analyze", "--method", "enumerate", path.join(geniusRoot, "anac/y2014/10issues")]);
    expect(e.code).toBe(3);
    expect(e.stderr).toContain("PARLEY_ERR_SPACE_TOO_LARGE");
    expect((await parley(["analyze", "--time-limit", "0", path.join(geniusRoot, "anac/y2014/10issues")])).code).toBe(2);
  });

  it.skipIf(!hasGenius)("analyze of a GENIUS folder names parties after the profile files", async () => {
    const r = await parley(["analyze", "--json", path.join(geniusRoot, "anac/y2011/Laptop")]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).parties).toEqual(["laptop_buyer_utility", "laptop_seller_utility"]);
  });
});

describe("parley validate", () => {
  it("validate reports every problem like a compiler and exits 2", async () => {
    const r = await parley(["validate", path.join(fixtures, "broken-scenario.yaml")]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split("\n").filter((l) => /: error PARLEY_FMT_/.test(l));
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l).toMatch(/broken-scenario\.yaml:\d+:\d+: error PARLEY_FMT_[A-Z]+/);
    expect(r.stderr).toMatch(/\d+ errors?/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("validate reports YAML syntax errors with their line", async () => {
    const r = await parley(["validate", path.join(fixtures, "broken-syntax.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken-syntax\.yaml:\d+:\d+: error PARLEY_FMT_SYNTAX/);
  });

  it("validate accepts the example scenario", async () => {
    const r = await parley(["validate", "examples/ceasefire-talks.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(": ok");
  });
});

describe("the README", () => {
  it("its scenario example validates and analyses", async () => {
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const file = path.join(tmp, "readme.yaml");
    writeFileSync(file, yaml);
    expect((await parley(["validate", file])).code).toBe(0);
    const r = await parley(["analyze", "--json", file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).parties).toEqual(["upstream", "downstream"]);
  });
});

describe("parley convert and schema", () => {
  it("convert native → GENIUS → native keeps every utility (red lines and frameworks are warned about)", async () => {
    const out = path.join(tmp, "genius-out");
    const w = await parley(["convert", "examples/ceasefire-talks.yaml", out]);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).toMatch(/warning/);
    // Each warning names the file it is about (not "<input>").
    expect(w.stderr).toMatch(/^examples\/ceasefire-talks\.yaml: warning PARLEY_FMT_GENIUS/m);
    expect(w.stderr).not.toContain("<input>");
    const back = path.join(tmp, "back.yaml");
    expect((await parley(["convert", out, back])).code).toBe(0);
    const original = await readScenarioFile(path.join(repoRoot, "examples/ceasefire-talks.yaml"));
    const converted = await readScenarioFile(back);
    if (!original.ok || !converted.ok) throw new Error("could not read the scenarios back");
    const ca = compileScenario(original.value);
    const cb = compileScenario(converted.value);
    const a = outcomeUtilities(ca);
    const b = outcomeUtilities(cb);
    expect(b.size).toBe(a.size);
    // GENIUS orders parties by profile file name, so match them by id.
    expect(cb.parties.map((p) => p.party.id).sort()).toEqual(ca.parties.map((p) => p.party.id).sort());
    ca.parties.forEach((party, p) => {
      const q = cb.parties.findIndex((x) => x.party.id === party.party.id);
      let worst = 0;
      for (let j = 0; j < a.size; j++) worst = Math.max(worst, Math.abs(a.utilities[p]![j]! - b.utilities[q]![j]!));
      expect(worst, party.party.id).toBeLessThanOrEqual(1e-12);
    });
  });

  it("convert GENIUS → YAML writes a file that analyses to the same numbers", async () => {
    if (!hasGenius) return;
    const file = path.join(tmp, "laptop.yaml");
    const c = await parley(["convert", path.join(geniusRoot, "anac/y2011/Laptop"), file]);
    expect(c.code, c.stderr).toBe(0);
    const a = JSON.parse((await parley(["analyze", "--json", path.join(geniusRoot, "anac/y2011/Laptop")])).stdout);
    const b = JSON.parse((await parley(["analyze", "--json", file])).stdout);
    const key = (p: number[]) => p.map((x) => x.toFixed(12)).join();
    expect(b.pareto.points.map(key).sort()).toEqual(a.pareto.points.map(key).sort());
    expect(b.nash.map((s: { utilities: number[] }) => key(s.utilities))).toEqual(a.nash.map((s: { utilities: number[] }) => key(s.utilities)));
  });

  it("convert never overwrites an input it cannot write, and rejects unknown extensions", async () => {
    const r = await parley(["convert", "examples/ceasefire-talks.yaml", path.join(tmp, "x.txt")]);
    expect(r.code).toBe(2);
  });

  it("schema prints the checked-in JSON Schema", async () => {
    const r = await parley(["schema"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(path.join(repoRoot, "schema/scenario.schema.json"), "utf8")));
  });
});

describe("the parley process", () => {
  it("exits with code 2 and a compiler-style message for a broken file", async () => {
    const bad = path.join(tmp, "bad.yaml");
    writeFileSync(bad, "parley: 1\nid: x\nname: X\nissues: 7\nparties: []\n");
    const run = promisify(execFile);
    const err = await run(process.execPath, ["--import", "tsx", "--conditions=@parley/source", "packages/cli/src/main.ts", "validate", bad], {
      cwd: repoRoot,
    }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr).toMatch(/bad\.yaml:4:\d+: error PARLEY_FMT_SCHEMA/);
  });
});
