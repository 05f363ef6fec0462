// The briefing's outcome-space plot as data: every outcome (or a seeded sample) binned on a grid for
// one pair of parties, the pair's Pareto frontier among the rational outcomes, the reservation
// values, and each framework's worst-to-best completion. Binning keeps the drawing small whatever the
// size of the space.
import { frontier2d } from "../analysis/frontier-2d.js";
import { evaluateFramework } from "../analysis/evaluate-framework.js";
import { analysisDefaults, outcomeUtilities } from "../analysis/outcome-utilities.js";
import { sampleOutcomes } from "../analysis/sample-outcomes.js";
import { ParleyError } from "../errors.js";
import type { Framework } from "../model/framework.js";
import { createRng } from "../random/rng.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import { didYouMean } from "../text/suggest.js";

export interface OutcomePlotOptions {
  /** The parties on the x and y axes (default: the most opposed pair, see `mostOpposedPair`). */
  readonly pair?: readonly [string, string];
  /** Enumerate spaces up to this many outcomes (default analysisDefaults.plotEnumerationLimit); sample larger ones. */
  readonly limit?: number;
  /** Outcomes drawn from larger spaces (default analysisDefaults.plotSampleSize), with `seed` (default 1). */
  readonly sampleSize?: number;
  readonly seed?: number;
  /** Cells per side of the grid the outcomes are counted in (default 60). */
  readonly grid?: number;
}

export interface PlotCell {
  /** Column (x) and row (y) of the cell, 0 at the bottom left. */
  readonly i: number;
  readonly j: number;
  /** Outcomes in the cell, and how many of them are rational. */
  readonly count: number;
  readonly rational: number;
}

export interface PlotFramework {
  readonly id: string;
  readonly name: string;
  /** Worst and best completion of its open issues, per axis. */
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export interface OutcomePlot {
  readonly x: { readonly id: string; readonly name: string; readonly reservation: number };
  readonly y: { readonly id: string; readonly name: string; readonly reservation: number };
  /** How the pair was chosen. */
  readonly pairChoice: "given" | "most-opposed";
  /** Outcomes in the space, outcomes drawn (all of them unless sampled), and the rational ones drawn. */
  readonly size: number;
  readonly drawn: number;
  readonly sampled: boolean;
  readonly rationalCount: number;
  readonly grid: number;
  /** The non-empty cells, row by row. */
  readonly cells: readonly PlotCell[];
  /** The pair's Pareto frontier among the rational outcomes drawn, by increasing x. */
  readonly frontier: readonly (readonly [number, number])[];
  readonly frameworks: readonly PlotFramework[];
}

/**
 * The outcome-space plot of a compiled scenario for two of its analysed parties, with `frameworks`
 * marked. Null when fewer than two parties have preferences.
 */
export function outcomePlot(compiled: CompiledScenario, frameworks: readonly Framework[], options: OutcomePlotOptions = {}): OutcomePlot | null {
  if (compiled.parties.length < 2) return null;
  const limit = options.limit ?? analysisDefaults.plotEnumerationLimit;
  const sampled = compiled.size > limit;
  const columns = sampled
    ? sampleOutcomes(compiled, options.sampleSize ?? analysisDefaults.plotSampleSize, createRng(options.seed ?? analysisDefaults.seed))
    : (() => {
        const all = outcomeUtilities(compiled, { limit });
        return { columns: all.utilities, rational: all.rational, rationalCount: all.rationalCount };
      })();
  const ids = compiled.parties.map((cp) => cp.party.id);
  const [px, py] = options.pair ? pairIndices(ids, options.pair) : mostOpposedPair(columns.columns);
  const xs = columns.columns[px]!;
  const ys = columns.columns[py]!;
  const grid = options.grid ?? 60;
  const counts = new Map<number, { count: number; rational: number }>();
  const cellOf = (u: number) => Math.min(grid - 1, Math.max(0, Math.floor(u * grid)));
  for (let k = 0; k < xs.length; k++) {
    const key = cellOf(ys[k]!) * grid + cellOf(xs[k]!);
    const cell = counts.get(key) ?? { count: 0, rational: 0 };
    cell.count++;
    if (columns.rational[k]) cell.rational++;
    counts.set(key, cell);
  }
  const cells = [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([key, c]): PlotCell => ({ i: key % grid, j: Math.floor(key / grid), ...c }));
  const axis = (p: number) => ({ id: ids[p]!, name: compiled.parties[p]!.party.name, reservation: compiled.parties[p]!.reservation });
  return {
    x: axis(px),
    y: axis(py),
    pairChoice: options.pair ? "given" : "most-opposed",
    size: compiled.size,
    drawn: xs.length,
    sampled,
    rationalCount: columns.rationalCount,
    grid,
    cells,
    frontier: frontier2d({ xs, ys, rational: columns.rational }),
    frameworks: frameworks.map((fw): PlotFramework => {
      const ev = evaluateFramework(compiled, fw);
      const u = (p: number) => [ev.parties[p]!.utility.min, ev.parties[p]!.utility.max] as const;
      return { id: fw.id, name: fw.name, x: u(px), y: u(py) };
    }),
  };
}

function pairIndices(ids: readonly string[], pair: readonly [string, string]): [number, number] {
  const found = pair.map((id) => {
    const p = ids.indexOf(id);
    if (p < 0) {
      const hint = didYouMean(id, ids);
      throw new ParleyError("PARLEY_ERR_UNKNOWN_PARTY", `no analysed party "${id}" to plot; parties with preferences: ${ids.join(", ")}${hint && `.${hint}`}`);
    }
    return p;
  });
  if (found[0] === found[1]) throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", `plot two different parties, not "${pair[0]}" twice`);
  return [found[0]!, found[1]!];
}

/**
 * The two parties whose utilities are least correlated over the outcomes (Pearson; the first such
 * pair in scenario order on ties): where the plot shows the most conflict.
 */
export function mostOpposedPair(columns: readonly ArrayLike<number>[]): [number, number] {
  const n = columns[0]?.length ?? 0;
  const stats = columns.map((c) => {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += c[k]!;
    const mean = n > 0 ? sum / n : 0;
    let ss = 0;
    for (let k = 0; k < n; k++) ss += (c[k]! - mean) ** 2;
    return { mean, sd: Math.sqrt(ss) };
  });
  let best: [number, number] = [0, 1];
  let lowest = Infinity;
  for (let a = 0; a < columns.length; a++)
    for (let b = a + 1; b < columns.length; b++) {
      const ca = columns[a]!;
      const cb = columns[b]!;
      let cov = 0;
      for (let k = 0; k < n; k++) cov += (ca[k]! - stats[a]!.mean) * (cb[k]! - stats[b]!.mean);
      const den = stats[a]!.sd * stats[b]!.sd;
      const r = den > 0 ? cov / den : 0;
      if (r < lowest - 1e-12) {
        lowest = r;
        best = [a, b];
      }
    }
  return best;
}
