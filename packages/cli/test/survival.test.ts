// `parley analyze --json`'s nashSurvival against a reference written out plainly here: the sampling as
// robustness did it before the survival certificates (packages/core/src/framework/nash-survival.ts)
// and a plain depth-first search for each sample's largest Nash product. Same seed → same samples →
// the same `stable` and `dealPossible` shares, on the built-in scenario (readings drawn on and off)
// and on GENIUS folders of two, three and five parties.
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  applyReadings,
  compileScenario,
  createRng,
  outcomeIndices,
  readingsConflict,
  valueScore,
  type CompiledScenario,
  type Reading,
  type Scenario,
  type Value,
} from "@parley/core";
import { hasGeniusCorpus } from "../../../test/corpus.js";
import { loadScenario } from "../src/load-scenario.js";
import { geniusRoot, parley, repoRoot } from "./run-cli.js";

interface Survival {
  readonly samples: number;
  readonly stable: number | null;
  readonly dealPossible: number;
}

/** The largest Nash product over the rational outcomes (−Infinity: none), utilities summed in issue order and capped at 1. */
function bestProduct(compiled: CompiledScenario, contributions: readonly (readonly Float64Array[])[], d: readonly number[], start: number): number {
  const k = compiled.parties.length;
  const n = compiled.radices.length;
  const lines = compiled.parties.flatMap((cp) => cp.redLines);
  const allowed = compiled.radices.map((r, i) => Array.from({ length: r }, (_, x) => !lines.some((l) => l.kind === "forbid" && l.issue === i && l.mask[x] === 1)));
  const requires = lines.flatMap((l) => (l.kind === "require" ? [l] : []));
  // rest[i][p]: party p's largest sum over issues i … n − 1.
  const rest = Array.from({ length: n + 1 }, () => new Array<number>(k).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let p = 0; p < k; p++) rest[i]![p] = rest[i + 1]![p]! + Math.max(...contributions[p]![i]!.filter((_, x) => allowed[i]![x]));
  const idx = new Array<number>(n).fill(0);
  let best = start;
  const visit = (i: number, prefix: readonly number[]) => {
    if (i === n) {
      let prod = 1;
      for (let p = 0; p < k; p++) {
        const u = Math.min(1, prefix[p]!);
        if (u < d[p]!) return;
        prod *= u - d[p]!;
      }
      if (prod > best) best = prod;
      return;
    }
    for (let x = 0; x < compiled.radices[i]!; x++) {
      if (!allowed[i]![x]) continue;
      idx[i] = x;
      if (requires.some((l) => Math.max(l.ifIssue, l.thenIssue) === i && l.ifMask[idx[l.ifIssue]!] === 1 && l.thenMask[idx[l.thenIssue]!] !== 1)) continue;
      const next = prefix.map((s, p) => s + contributions[p]![i]![x]!);
      // Cut (with a margin far above rounding) when a party cannot reach its reservation value, or the product of everyone's best cannot beat the best found.
      const tops = next.map((s, p) => Math.min(1, s + rest[i + 1]![p]!) - d[p]!);
      if (tops.some((t) => t < -1e-9)) continue;
      if (best > 0 && tops.reduce((a, t) => a * Math.max(0, t), 1) * (1 + 1e-9) + 1e-12 < best) continue;
      visit(i + 1, next);
    }
  };
  visit(0, new Array<number>(k).fill(0));
  return best;
}

/**
 * robustness's samples for `analyze` (weights ±25 %, reservation values ±0.05, each reading not
 * selected drawn on with probability ½ unless it conflicts with one already on), each decided by
 * bestProduct: stable when the nominal package is rational and within 1e-12 of the best.
 */
function referenceSurvival(nominal: Scenario, analysed: Scenario, nash: Readonly<Record<string, Value>> | null, samples: number, seed: number): Survival {
  const rng = createRng(seed);
  const varied = nominal.readings ?? [];
  const bases = new Map<string, CompiledScenario>();
  const compiledAnalysed = compileScenario(analysed);
  const nominalIdx = nash ? outcomeIndices(compiledAnalysed, nash) : null;
  let stable = 0;
  let deals = 0;
  for (let s = 0; s < samples; s++) {
    const on: Reading[] = [];
    for (const r of varied) if (rng() < 0.5 && on.every((x) => readingsConflict(x, r).length === 0)) on.push(r);
    const key = on.map((r) => r.id).join(",");
    if (varied.length > 0 && !bases.has(key)) bases.set(key, compileScenario(applyReadings(nominal, on.map((r) => r.id))));
    const compiled = varied.length > 0 ? bases.get(key)! : compiledAnalysed;
    const contributions = compiled.parties.map((cp) => {
      const u = cp.party.preferences!.utility;
      if (u.kind !== "linear-additive") throw new Error("linear-additive parties only");
      const weights = compiled.issues.map((issue) => u.weights[issue.id] ?? 0);
      const w = weights.map((x) => {
        const [lo, hi] = [Math.max(0, x * 0.75), x * 1.25];
        return lo + (hi - lo) * rng();
      });
      const sum = w.reduce((a, b) => a + b, 0);
      const scale = sum > 0 ? weights.reduce((a, b) => a + b, 0) / sum : 0;
      return compiled.issues.map((issue, i) => Float64Array.from(compiled.values[i]!, (v) => w[i]! * scale * (u.values[issue.id] ? valueScore(u.values[issue.id]!, issue, v) : 0)));
    });
    const d = compiled.parties.map((cp) => Math.min(1, Math.max(0, cp.reservation + 0.05 * (2 * rng() - 1))));
    let own: number | null = null;
    if (nominalIdx && !compiled.parties.some((cp) => cp.redLines.some((l) => (l.kind === "forbid" ? l.mask[nominalIdx[l.issue]!] === 1 : l.ifMask[nominalIdx[l.ifIssue]!] === 1 && l.thenMask[nominalIdx[l.thenIssue]!] !== 1)))) {
      own = 1;
      for (let p = 0; p < d.length && own !== null; p++) {
        let u = 0;
        for (let i = 0; i < nominalIdx.length; i++) u += contributions[p]![i]![nominalIdx[i]!]!;
        u = Math.min(1, u);
        own = u < d[p]! ? null : own * (u - d[p]!);
      }
    }
    const best = bestProduct(compiled, contributions, d, own ?? -Infinity);
    if (best > -Infinity) deals++;
    if (own !== null && own >= best - 1e-12) stable++;
  }
  return { samples, stable: nash ? stable / samples : null, dealPossible: deals / samples };
}

async function analyzed(args: readonly string[]) {
  const r = await parley(["analyze", ...args, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { nash: { outcome: Record<string, Value> }[]; nashSurvival: Survival & { readings: string[] } };
}

describe("analyze's nashSurvival equals the plain reference", () => {
  it("on the built-in scenario, its readings drawn on and off", async () => {
    for (const seed of [1, 7]) {
      const json = await analyzed(["--seed", String(seed), "--survival-samples", "60"]);
      const loaded = await loadScenario(undefined, repoRoot);
      expect(json.nashSurvival.readings.length).toBeGreaterThan(0);
      expect(json.nashSurvival).toMatchObject(referenceSurvival(loaded.nominal, loaded.scenario, json.nash[0]?.outcome ?? null, 60, seed));
    }
  });

  it.skipIf(!hasGeniusCorpus).each(["anac/y2011/Energy", "anac/y2010/Travel", "anac/y2015/group9-vacation", "anac/y2015/group9-killer_robot", "anac/y2012/BarbecueB"])("on GENIUS %s (200 samples)", async (folder) => {
    const dir = path.join(geniusRoot, folder);
    const json = await analyzed([dir]);
    const loaded = await loadScenario(dir, repoRoot);
    expect(json.nashSurvival.samples).toBe(200);
    expect(json.nashSurvival).toMatchObject(referenceSurvival(loaded.nominal, loaded.scenario, json.nash[0]?.outcome ?? null, 200, 1));
  });
});
