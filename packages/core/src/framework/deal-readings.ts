// Which readings decide "a deal is possible": the deal check under each reading alone and under
// combinations of them, and the smallest sets of readings that flip the answer of the model as loaded.
import type { Reading } from "../model/reading.js";
import type { Scenario } from "../model/scenario.js";
import { applyReadings, readingsConflict } from "../readings/apply.js";
import { compileScenario } from "../space/compile-scenario.js";
import { dealCheck, type DealCheckOptions } from "./deal-check.js";

export interface ReadingDeciders {
  /** `subsets`: every combination of the readings that can be selected together (k ≤ maxAll); `singles`: each reading alone, and all of them when they can be selected together. */
  readonly scheme: "subsets" | "singles";
  /** Readings selected for the analysis: the base every combination is added to. */
  readonly base: readonly string[];
  /** Whether a deal is possible under the base. */
  readonly nominal: boolean;
  /** Every combination checked, smallest first: the readings added to the base and the answer. */
  readonly evaluated: readonly { readonly readings: readonly string[]; readonly possible: boolean }[];
  /** The minimal combinations whose answer differs from the nominal one (no proper subset of one flips it). */
  readonly deciders: readonly (readonly string[])[];
}

export interface ReadingDecidersOptions {
  /** Readings in force (the base); the others are combined on top of it. Default none. */
  readonly selected?: readonly string[];
  /** Applied to the scenario after the readings, before the check (e.g. an as-of cut). */
  readonly prepare?: (scenario: Scenario) => Scenario;
  /** Every combination up to this many readings (2^k checks at most); singles (and all) beyond. Default 6. */
  readonly maxAll?: number;
  readonly deal?: DealCheckOptions;
}

/**
 * The deal check under combinations of the scenario's readings (other than the selected ones, and
 * compatible with them and with each other). Combinations are checked by size; a combination that
 * contains a smaller one already found to flip the answer is not checked (it cannot be minimal).
 * Returns null when the scenario has no other readings.
 */
export function readingDeciders(scenario: Scenario, options: ReadingDecidersOptions = {}): ReadingDeciders | null {
  const base = [...(options.selected ?? [])];
  const baseReadings = (scenario.readings ?? []).filter((r) => base.includes(r.id));
  const others = (scenario.readings ?? []).filter(
    (r) => !base.includes(r.id) && baseReadings.every((b) => readingsConflict(b, r).length === 0),
  );
  if (others.length === 0) return null;
  const prepare = options.prepare ?? ((s: Scenario) => s);
  const possible = (ids: readonly string[]) =>
    dealCheck(compileScenario(prepare(applyReadings(scenario, [...base, ...ids]))), { ...options.deal, conflicts: false }).possible;
  const nominal = possible([]);
  const k = others.length;
  const maxAll = options.maxAll ?? 6;
  const compatible = (set: readonly Reading[]) => set.every((a, i) => set.slice(i + 1).every((b) => readingsConflict(a, b).length === 0));
  let candidates: Reading[][];
  if (k <= maxAll) {
    candidates = [];
    for (let mask = 1; mask < 1 << k; mask++) {
      const set = others.filter((_, i) => mask & (1 << i));
      if (compatible(set)) candidates.push(set);
    }
    candidates.sort((a, b) => a.length - b.length);
  } else {
    candidates = others.map((r) => [r]);
    if (compatible(others)) candidates.push(others);
  }
  const evaluated: { readings: string[]; possible: boolean }[] = [];
  const deciders: string[][] = [];
  for (const set of candidates) {
    const ids = set.map((r) => r.id);
    if (deciders.some((d) => d.every((id) => ids.includes(id)))) continue;
    const answer = possible(ids);
    evaluated.push({ readings: ids, possible: answer });
    if (answer !== nominal) deciders.push(ids);
  }
  return { scheme: k <= maxAll ? "subsets" : "singles", base, nominal, evaluated, deciders };
}
