// End-to-end analysis (load excluded) of ANAC scenarios, side by side with NegMAS's figures.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileScenario, outcomeUtilities, paretoFrontier, type Scenario } from "@parley/core";
import { readGeniusFolderSync } from "@parley/formats/node";
import { measure, type Measurement } from "./harness.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const geniusRoot = path.resolve(here, "../../shared/data/genius");

function loadGeniusFolder(dir: string): Scenario {
  const result = readGeniusFolderSync(dir);
  if (!result.ok) throw new Error(`${dir}: ${result.issues.map((i) => i.message).join("; ")}`);
  return result.value;
}

/** The parts of ../shared/reference/negmas-baseline.json the benchmarks read. */
export interface NegmasBaseline {
  readonly a_pareto_frontier: { readonly results: readonly { scenario: string; negmas_pareto_frontier_end_to_end_s: number; pareto_points: number }[] };
  readonly c_synthetic_1e6: { readonly median_pareto_end_to_end_s: number };
}

export function geniusBenchmarks(baseline: NegmasBaseline | null, runs: number, smoke: boolean): (Measurement & { negmasMs?: number })[] {
  if (!existsSync(geniusRoot) || !baseline) return [];
  const out: (Measurement & { negmasMs?: number })[] = [];
  const rows = baseline.a_pareto_frontier.results;
  for (const row of smoke ? rows.slice(-1) : rows) {
    const folder = row.scenario.replace(/ \(first 3 profiles\)$/, "");
    const dir = path.join(geniusRoot, folder);
    if (!existsSync(dir)) continue;
    let scenario = loadGeniusFolder(dir);
    if (row.scenario.includes("first 3 profiles")) scenario = { ...scenario, parties: scenario.parties.slice(0, 3) };
    out.push({
      ...measure(`GENIUS ${folder}: utilities + Pareto`, runs, () => {
        const compiled = compileScenario(scenario);
        const all = outcomeUtilities(compiled);
        const cand = new Int32Array(all.rationalCount);
        let m = 0;
        for (let j = 0; j < all.size; j++) if (all.rational[j]) cand[m++] = j;
        return paretoFrontier(all.utilities as Float64Array[], cand).length;
      }, (n) => `${n} frontier points (NegMAS: ${row.pareto_points})`),
      negmasMs: row.negmas_pareto_frontier_end_to_end_s * 1000,
    });
  }
  return out;
}
