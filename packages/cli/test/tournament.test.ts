import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario, negotiationReference, planTournament } from "@parley/core";
import { readScenarioFile } from "@parley/formats/node";
import { runTournament } from "../src/tournament/run-tournament.js";
import { parley, repoRoot } from "./run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-tournament-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const example = path.join(repoRoot, "examples/ceasefire-talks.yaml");

const config = (name: string, extra = "") => {
  const file = path.join(tmp, name);
  writeFileSync(
    file,
    `competitors: [boulware, linear, "conceder(e=3)"]
scenarios:
  - path: ${example}
    seats: [government, movement]
  - { path: ${example}, seats: [movement, kessa, government] }
protocol: stacked
rounds: 60
repetitions: 2
seed: 11
${extra}`,
  );
  return file;
};
const runs = (dir: string) =>
  readFileSync(path.join(dir, "runs.jsonl"), "utf8")
    .trim()
    .split("\n")
    .flatMap((l) => {
      try {
        return [JSON.parse(l)];
      } catch {
        return []; // a line cut short
      }
    })
    .sort((a, b) => a.index - b.index);
const withoutTime = (r: Record<string, unknown>) => ({ ...r, wallMs: 0 });

describe("parley tournament", () => {
  it("gives the same per-run results on 1 thread and on 2 worker threads, and writes JSON and CSV", async () => {
    const file = config("same.yaml");
    const one = await parley(["tournament", file, "--out", path.join(tmp, "one"), "--threads", "1"]);
    expect(one.code, one.stderr).toBe(0);
    const two = await parley(["tournament", file, "--out", path.join(tmp, "two"), "--threads", "2"]);
    expect(two.code, two.stderr).toBe(0);
    const a = runs(path.join(tmp, "one"));
    const b = runs(path.join(tmp, "two"));
    // 2 seats: 3·2 orderings, 3 seats: 3! orderings; × 2 repetitions
    expect(a).toHaveLength((6 + 6) * 2);
    expect(b.map(withoutTime)).toEqual(a.map(withoutTime));
    expect(one.stdout).toMatch(/Tournament: 24 runs/);
    expect(one.stdout).toContain("boulware");

    const results = JSON.parse(readFileSync(path.join(tmp, "one", "results.json"), "utf8"));
    expect(results.runs).toHaveLength(24);
    expect(results.scores.competitors.map((c: { rank: number }) => c.rank)).toEqual([1, 2, 3]);
    expect(results.plan.hash).toMatch(/^[0-9a-f]{16}$/);
    const csv = readFileSync(path.join(tmp, "one", "runs.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("index,scenario,seats,competitors,repetition,seed,status,agreement,utilities,rounds,wall_ms,pareto_distance,nash_distance,welfare,error");
    expect(csv.filter(Boolean)).toHaveLength(25);
    const board = readFileSync(path.join(tmp, "one", "competitors.csv"), "utf8");
    expect(board.split("\n")[0]).toBe("rank,competitor,appearances,mean_utility,agreement_rate,mean_pareto_distance,mean_nash_distance,fairness,errors,faults");
    expect(board).toContain('"conceder(e=3)"'.replace(/"/g, ""));
  });

  it("resumes an interrupted tournament: runs already in the journal are not run again", async () => {
    const file = config("resume.yaml");
    const out = path.join(tmp, "resume");
    expect((await parley(["tournament", file, "--out", out, "--threads", "2"])).code).toBe(0);
    const full = runs(out);
    // Interrupt: keep 10 runs, and a line cut short.
    const journal = path.join(out, "runs.jsonl");
    const lines = readFileSync(journal, "utf8").trim().split("\n");
    writeFileSync(journal, lines.slice(0, 10).join("\n") + "\n" + lines[10]!.slice(0, 30));
    const again = await parley(["tournament", file, "--out", out, "--threads", "2"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("10 resumed from the journal");
    expect(runs(out).map(withoutTime)).toEqual(full.map(withoutTime));
    // A changed plan (another seed) does not reuse them.
    expect((await parley(["tournament", file, "--out", out, "--threads", "1"])).stdout).toContain("24 resumed");
    writeFileSync(file, readFileSync(file, "utf8").replace("seed: 11", "seed: 12"));
    const other = await parley(["tournament", file, "--out", out, "--threads", "2"]);
    expect(other.stdout).not.toContain("resumed");
  });

  it("reports config problems with their line and column (exit 2)", async () => {
    const file = path.join(tmp, "bad.yaml");
    writeFileSync(
      file,
      `competitors: [boulware, nobody]
scenarios:
  - ${example}
  - missing/folder
protocol: single-text
rounds: -3
colour: blue
`,
    );
    const r = await parley(["tournament", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:5:11: error PARLEY_FMT_VALUE at protocol: Expected one of "sao", "stacked"/);
    expect(r.stderr).toMatch(/bad\.yaml:6:9: error PARLEY_FMT_VALUE at rounds/);
    expect(r.stderr).toMatch(/bad\.yaml:7:1: error PARLEY_FMT_SCHEMA at colour: Unknown field "colour"/);
    writeFileSync(file, `competitors: [boulware, nobody]\nscenarios:\n  - ${example}\n  - missing/folder\n`);
    const s = await parley(["tournament", file]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/bad\.yaml:1:25: error PARLEY_FMT_REFERENCE at competitors\[1\]: unknown negotiator "nobody"/);
    expect(s.stderr).toMatch(/bad\.yaml:3:5: error PARLEY_FMT_VALUE at scenarios\[0\]: .* 3 seats .* exactly 2/);
    expect(s.stderr).toMatch(/bad\.yaml:4:5: error PARLEY_FMT_IO at scenarios\[1\]: Cannot load scenario missing\/folder/);
    expect(s.stderr).not.toMatch(/\n\s+at /);
    expect((await parley(["tournament", path.join(tmp, "none.yaml")])).stderr).toContain("no such file");
  });

  it("records a run past its time limit as RUN_TIMEOUT and a failed worker as RUN_FAILED, and goes on", async () => {
    const loaded = await readScenarioFile(example);
    if (!loaded.ok) throw new Error("example");
    const seats = ["government", "movement"];
    const plan = planTournament({ competitors: ["a", "b"], scenarios: [{ id: "ex", seats }], seed: 1, repetitions: 2 });
    const reference = negotiationReference(compileScenario(loaded.value), seats);
    const result = await runTournament({
      plan,
      context: { scenarios: [loaded.value], protocol: "sao", rounds: 10 },
      references: [reference],
      compiled: [compileScenario(loaded.value)],
      threads: 2,
      timeLimitMs: 300,
      workerFile: pathToFileURL(path.join(repoRoot, "packages/cli/test/fixtures/hanging-worker.mjs")).href,
    });
    expect(result.records.map((r) => r.status)).toEqual(["agreement", "error", "error", "agreement"]);
    expect(result.records[1]!.error!.code).toBe("RUN_TIMEOUT");
    expect(result.records[1]!.utilities).toEqual(reference.reservation);
    expect(result.records[2]!.error).toMatchObject({ code: "RUN_FAILED", message: expect.stringContaining("blew up") });
  });

  it("the example config is valid", async () => {
    expect(existsSync(path.join(repoRoot, "examples/tournament.yaml"))).toBe(true);
    const r = await parley(["tournament", path.join(repoRoot, "examples/tournament.yaml"), "--out", path.join(tmp, "example"), "--threads", "2"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Tournament: 120 runs/);
  });
});
