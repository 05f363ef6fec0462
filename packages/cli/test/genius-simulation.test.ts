// Simulations run to completion on every GENIUS scenario of the shared corpus whose space the
// agents can index (the issue's "runs on the GENIUS scenarios load and complete").
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileScenario, createProtocol, negotiatorFromSpec, parseAgentSpec, runNegotiation } from "@parley/core";
import { readGeniusFolderSync } from "@parley/formats/node";
import { geniusRoot } from "./run-cli.js";
import { hasGeniusCorpus } from "../../../test/corpus.js";

const available = hasGeniusCorpus;

function scenarioFolders(dir: string): string[] {
  const entries = readdirSync(dir).map((e) => path.join(dir, e));
  const xml = entries.filter((e) => e.endsWith(".xml"));
  if (xml.length > 0) return [dir];
  return entries.filter((e) => statSync(e).isDirectory()).flatMap(scenarioFolders);
}

/** Agents index their own utilities; spaces larger than this are left to the analysis tests. */
const MAX_OUTCOMES = 400_000;

describe.skipIf(!available)("simulation on the GENIUS corpus", () => {
  it("every loadable scenario up to 400k outcomes completes a seeded run without error", () => {
    const folders = scenarioFolders(geniusRoot);
    let ran = 0;
    for (const folder of folders) {
      const loaded = readGeniusFolderSync(folder);
      if (!loaded.ok) continue; // the interop suite checks loading
      const compiled = compileScenario(loaded.value);
      if (compiled.size > MAX_OUTCOMES || compiled.parties.length < 2) continue;
      const seats = compiled.parties.length;
      const agents = Array.from({ length: seats }, (_, i) => negotiatorFromSpec(parseAgentSpec(i % 2 ? "conceder" : "boulware")));
      const result = runNegotiation(compiled, agents, {
        protocol: createProtocol(seats === 2 ? "sao" : "stacked", { rounds: 200 }),
        seed: 7,
        trace: "final",
      });
      expect(result.status, `${folder}: ${JSON.stringify(result.trace.at(-1))}`).not.toBe("error");
      expect(["agreement", "timeout", "ended"]).toContain(result.status);
      if (result.agreement) {
        const idx = compiled.issues.map((issue, i) => compiled.values[i]!.indexOf(result.agreement![issue.id]!));
        expect(idx.every((k) => k >= 0)).toBe(true);
        expect(result.utilities).toEqual(compiled.parties.map((p) => p.utility.evaluate(idx)));
      }
      ran++;
    }
    expect(ran).toBeGreaterThan(100);
  });
});

describe.skipIf(!available)("simulation on the ANAC 2014 non-linear domains (10¹⁰ to 10⁵⁰ outcomes)", () => {
  const anac2014 = available ? readdirSync(path.join(geniusRoot, "anac/y2014")).sort() : [];
  it("all 12 domains exist", () => expect(anac2014).toHaveLength(12));
  it.each(anac2014)("%s: a seeded 1000-round run completes without enumerating, every offer a valid outcome", (name) => {
    const loaded = readGeniusFolderSync(path.join(geniusRoot, "anac/y2014", name));
    if (!loaded.ok) throw new Error(`cannot read ${name}`);
    const compiled = compileScenario(loaded.value);
    expect(compiled.size).toBeGreaterThanOrEqual(1e10);
    const agents = ["aspiration", "conceder"].map((s) => negotiatorFromSpec(parseAgentSpec(s)));
    const result = runNegotiation(compiled, agents, { protocol: createProtocol("sao", { rounds: 1000 }), seed: 3, trace: "full" });
    expect(result.status, JSON.stringify(result.trace.at(-1))).not.toBe("error");
    expect(result.rounds).toBeLessThanOrEqual(1000);
    const offers = result.trace.filter((e) => e.type === "offer");
    expect(offers.length).toBeGreaterThan(0);
    if (result.agreement) {
      const idx = compiled.issues.map((issue, i) => compiled.values[i]!.indexOf(result.agreement![issue.id]!));
      expect(idx.every((k) => k >= 0)).toBe(true);
      expect(result.utilities).toEqual(compiled.parties.map((p) => p.utility.evaluate(idx)));
      // Both sides accepted: each got at least its reservation value.
      result.utilities.forEach((u, i) => expect(u).toBeGreaterThanOrEqual(compiled.parties[i]!.reservation));
    }
  }, 60_000);
});
