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
