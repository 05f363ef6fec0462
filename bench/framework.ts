// Framework analysis benchmark: every framework analysis of docs/framework-analysis.md together on
// one scenario (the issue's target: the built-in scenario in under a second). bench/run.ts calls
// `builtinFrameworkBenchmark(runs)` (or `frameworkBenchmark(scenario, runs)` for another scenario).
import {
  adjustedWinner,
  compareFrameworks,
  compileScenario,
  createRng,
  excludeParty,
  frameworkReport,
  robustness,
  type Scenario,
} from "@parley/core";
import { parseScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import { measure, type Measurement } from "./harness.js";

export interface FrameworkBenchOptions {
  /** Robustness samples. Default 200 (the CLI's default). */
  readonly samples?: number;
}

/** One run of every analysis; returns counts for the report line. */
export function allFrameworkAnalyses(scenario: Scenario, options: FrameworkBenchOptions = {}) {
  const compiled = compileScenario(scenario);
  const report = frameworkReport(compiled); // stance matrices, verdicts, amendments and fixes, deal check
  const frameworks = scenario.frameworks;
  let comparisons = 0;
  for (const a of frameworks)
    for (const b of frameworks)
      if (a !== b) {
        compareFrameworks(compiled, a, b);
        comparisons++;
      }
  let exclusions = 0;
  for (const cp of compiled.parties) {
    excludeParty(compiled, cp.party.id);
    exclusions++;
    for (const f of frameworks) {
      excludeParty(compiled, cp.party.id, { framework: f });
      exclusions++;
    }
  }
  const robust = robustness(compiled, { samples: options.samples ?? 200, rng: createRng(1) });
  // Adjusted Winner between the first two parties, with the issues as items and their weights as points.
  const [p, q] = compiled.parties;
  const additive = (x: typeof p) => (x?.party.preferences?.utility.kind === "linear-additive" ? x.party.preferences.utility : null);
  const [up, uq] = [additive(p), additive(q)];
  if (up && uq) {
    const points = (weights: Readonly<Record<string, number>>) => {
      const w = compiled.issues.map((i) => weights[i.id] ?? 0);
      const total = w.reduce((a, b) => a + b, 0);
      return w.map((x) => (total > 0 ? (100 * x) / total : 100 / w.length));
    };
    adjustedWinner(
      compiled.issues.map((i) => i.id),
      points(up.weights),
      points(uq.weights),
    );
  }
  return { frameworks: report.frameworks.length, comparisons, exclusions, samples: robust.samples, deal: report.dealPossible };
}

/** Time every framework analysis together on `scenario` (median of `runs` after a warm-up). */
export function frameworkBenchmark(scenario: Scenario, runs: number, options: FrameworkBenchOptions = {}): Measurement {
  return measure(
    `framework analyses (report, compare, exclude, robustness ×${options.samples ?? 200}, AW) on ${scenario.id}`,
    runs,
    () => allFrameworkAnalyses(scenario, options),
    (r) =>
      `${r.frameworks} framework(s), ${r.comparisons} comparisons, ${r.exclusions} exclusions, ${r.samples} samples, deal ${r.deal ? "possible" : "impossible"}`,
  );
}

/** The same on the built-in scenario. */
export function builtinFrameworkBenchmark(runs: number, options: FrameworkBenchOptions = {}): Measurement {
  const parsed = parseScenario(readBuiltinScenarioText(), { file: "built-in scenario" });
  if (!parsed.ok) throw new Error(`the built-in scenario does not parse: ${parsed.issues.map((i) => i.message).join("; ")}`);
  return frameworkBenchmark(parsed.value, runs, options);
}
