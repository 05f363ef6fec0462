// Seeded uniform sampling of an outcome space: the one way Parley draws outcomes, so that the same
// seed gives the same points in the CLI's sample analysis, the server's outcome plot and the
// browser's worker.
import { crossesRedLine } from "../preferences/compile-red-lines.js";
import type { Rng } from "../random/rng.js";
import type { CompiledScenario } from "../space/compile-scenario.js";

export interface OutcomeSample {
  readonly count: number;
  /** The drawn outcomes' option indices, row after row: outcome j is `indices[j·n … j·n + n)` (n issues). */
  readonly indices: Int32Array;
  /** One utility column per analysed party (scenario order), `count` long. */
  readonly columns: Float64Array[];
  /** 1 where the outcome is rational for every party (at least its reservation value, no red line crossed). */
  readonly rational: Uint8Array;
  readonly rationalCount: number;
}

/**
 * Draw `count` outcomes uniformly, with replacement: for each outcome, one `rng()` per issue in
 * issue order picks its option. Works on spaces of any size (no outcome numbering involved).
 */
export function sampleOutcomes(compiled: CompiledScenario, count: number, rng: Rng): OutcomeSample {
  const n = compiled.radices.length;
  const parties = compiled.parties;
  const indices = new Int32Array(count * n);
  const columns = parties.map(() => new Float64Array(count));
  const rational = new Uint8Array(count);
  let rationalCount = 0;
  for (let j = 0; j < count; j++) {
    const idx = indices.subarray(j * n, j * n + n);
    for (let i = 0; i < n; i++) idx[i] = Math.floor(rng() * compiled.radices[i]!);
    let ok = true;
    for (let p = 0; p < parties.length; p++) {
      const party = parties[p]!;
      const u = party.utility.evaluate(idx);
      columns[p]![j] = u;
      if (ok && (u < party.reservation || party.redLines.some((line) => crossesRedLine(line, idx)))) ok = false;
    }
    if (ok) {
      rational[j] = 1;
      rationalCount++;
    }
  }
  return { count, indices, columns, rational, rationalCount };
}

/** Outcome j of a sample, as option indices (a view into the sample). */
export function sampledOutcome(sample: OutcomeSample, j: number): Int32Array {
  const n = sample.count > 0 ? sample.indices.length / sample.count : 0;
  return sample.indices.subarray(j * n, j * n + n);
}
