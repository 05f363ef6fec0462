import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { geniusRoot, parley, repoRoot } from "./run-cli.js";
import { hasGeniusCorpus } from "../../../test/corpus.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-simulate-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const hasGenius = hasGeniusCorpus;
/** The tests that name seats, frameworks and parties use the ceasefire example (the built-in scenario is the peace talks). */
const ceasefire = path.join(repoRoot, "examples/ceasefire-talks.yaml");

describe("parley simulate", () => {
  it("simulates on the built-in scenario and prints outcome, utilities, distances and a timeline", async () => {
    const r = await parley(["simulate", "--agents", "boulware,conceder,linear"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Timeline");
    expect(r.stdout).toContain("Outcome");
    expect(r.stdout).toMatch(/Distance to the Pareto frontier [\d.]+ · to the Nash point [\d.]+/);
    expect(r.stdout).toMatch(/us \(mediator, not seated\)/);
    expect(r.stdout.includes("\u001b[")).toBe(false);
  });

  it("--json prints agreement, utilities, rounds, distances and the trace", async () => {
    const r = await parley(["simulate", ceasefire, "--seats", "government,envoy", "--agents", "boulware,conceder", "--json", "--seed", "3"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.protocol).toBe("sao");
    expect(j.seats).toEqual(["government", "envoy"]);
    expect(j.utilities).toHaveLength(2);
    expect(typeof j.rounds).toBe("number");
    expect(Array.isArray(j.trace)).toBe(true);
    expect(j.trace[0]).toMatchObject({ seq: 0, type: "offer", sender: 0, senderId: "government" });
    if (j.agreement) {
      expect(j.status).toBe("agreement");
      expect(j.paretoDistance).toBeGreaterThanOrEqual(0);
      expect(j.nashDistance).toBeGreaterThanOrEqual(j.paretoDistance - 1e-12);
    }
    // the same seed gives the same run
    const again = await parley(["simulate", ceasefire, "--seats", "government,envoy", "--agents", "boulware,conceder", "--json", "--seed", "3"]);
    expect(again.stdout).toBe(r.stdout);
  });

  it.each([
    ["stacked", []],
    ["single-text", ["--mediator", "hill-climb"]],
    ["single-text", ["--framework", "envoy-draft"]],
    ["shuttle", ["--exclude", "kessa"]],
  ])("runs the %s protocol %j", async (protocol, extra) => {
    const r = await parley(["simulate", ceasefire, "--protocol", protocol, "--agents", "conceder,conceder,conceder", "--steps", "30", "--json", ...extra]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.protocol).toBe(protocol);
    expect(["agreement", "timeout", "ended", "rejected"]).toContain(j.status);
    expect(j.rounds).toBeLessThanOrEqual(30);
    if (protocol === "shuttle" && j.status === "agreement") expect(j.trace.some((e: { type: string }) => e.type === "ratify")).toBe(true);
  });

  it("--trace FILE writes the full result", async () => {
    const file = path.join(tmp, "trace.json");
    const r = await parley(["simulate", ceasefire, "--seats", "movement,kessa", "--agents", "linear,linear", "--trace", file]);
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(file, "utf8"));
    expect(j.trace.length).toBeGreaterThan(0);
    expect(j.seats).toEqual(["movement", "kessa"]);
  });

  it.each([
    [["--agents", "boulware,conceder"], /3 seats \(government, movement, kessa\) but 2 agents/],
    [["--agents", "boulware,nobody,linear"], /unknown negotiator "nobody"/],
    [["--protocol", "sao"], /bilateral.*--protocol stacked/],
    [["--seats", "government,ghost"], /no party "ghost"/],
    [["--protocol", "stacked", "--exclude", "kessa"], /shuttle protocol only/],
    [["--protocol", "shuttle", "--exclude", "envoy"], /not a seat/],
    [["--protocol", "single-text", "--framework", "nope"], /no framework "nope"/],
    [["--protocol", "nope"], /Allowed choices are sao, stacked, single-text, shuttle/],
  ])("explains bad usage %j (exit 2)", async (args, message) => {
    const r = await parley(["simulate", ceasefire, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.skipIf(!hasGenius)("simulates a GENIUS scenario (both profiles seated)", async () => {
    const r = await parley(["simulate", path.join(geniusRoot, "anac/y2011/Amsterdam"), "--agents", "boulware,conceder", "--steps", "1000", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.status).toBe("agreement");
    expect(j.seats).toHaveLength(2);
    expect(j.paretoDistance).toBeGreaterThanOrEqual(0);
  });

  it.skipIf(!hasGenius)("simulates on an ANAC 2014 domain (10¹⁰ outcomes) and measures the run against the solver's exact frontier", async () => {
    const r = await parley(["simulate", path.join(geniusRoot, "anac/y2014/10issues"), "--protocol", "sao", "--agents", "aspiration,conceder", "--steps", "1000", "--seed", "1", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.status).not.toBe("error");
    expect(j.rounds).toBeLessThanOrEqual(1000);
    expect(j.notes.join(" ")).toContain("exact frontier by mixed-integer programming");
    expect(j.paretoDistance).toBeGreaterThanOrEqual(0);
    expect(j.nashDistance).toBeGreaterThanOrEqual(0);
  });
});
