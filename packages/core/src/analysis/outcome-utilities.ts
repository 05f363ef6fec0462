import { ParleyError } from "../errors.js";
import type { CompiledScenario } from "../space/compile-scenario.js";

/** Called now and then during long work with how much is done out of how much. */
export type ProgressCallback = (done: number, total: number) => void;

export interface EnumerationOptions {
  /** The most outcomes to enumerate. Default 10,000,000. */
  readonly limit?: number;
  readonly onProgress?: ProgressCallback;
}

/** Every outcome's utility for every analysed party, and which outcomes are rational. */
export interface OutcomeUtilities {
  readonly size: number;
  /** `utilities[p][j]`: party p's utility of outcome j (mixed-radix order, last issue fastest). */
  readonly utilities: readonly Float64Array[];
  /** 1 when every party's utility is at least its reservation value and no red line is crossed. */
  readonly rational: Uint8Array;
  readonly rationalCount: number;
}

export const DEFAULT_ENUMERATION_LIMIT = 10_000_000;

/** Enumerate the outcome space and evaluate every party on every outcome. */
export function outcomeUtilities(compiled: CompiledScenario, options: EnumerationOptions = {}): OutcomeUtilities {
  const limit = options.limit ?? DEFAULT_ENUMERATION_LIMIT;
  const size = compiled.size;
  if (size > limit)
    throw new ParleyError(
      "PARLEY_ERR_SPACE_TOO_LARGE",
      `the outcome space has ${size.toExponential(3)} outcomes, more than the enumeration limit of ${limit}`,
    );
  const parties = compiled.parties;
  const k = parties.length;
  const n = compiled.radices.length;
  const radices = compiled.radices;
  const utilities = parties.map(() => new Float64Array(size));
  const rational = new Uint8Array(size);
  let rationalCount = 0;

  // Per party: additive contribution tables (fast path) or a general evaluator.
  const tables = parties.map((p) => p.utility.contributions);
  const forbid = new Array<Uint8Array | null>(n).fill(null);
  const rules = parties.flatMap((p) => p.redLines.filter((r) => r.kind === "require"));
  for (const p of parties)
    for (const r of p.redLines)
      if (r.kind === "forbid") {
        const m = (forbid[r.issue] ??= new Uint8Array(radices[r.issue]!));
        for (let x = 0; x < m.length; x++) if (r.mask[x]) m[x] = 1;
      }
  const reservation = Float64Array.from(parties, (p) => p.reservation);

  const idx = new Int32Array(n);
  const progressEvery = 1 << 18;
  for (let j = 0; j < size; j++) {
    let ok = true;
    for (let p = 0; p < k; p++) {
      const t = tables[p];
      let u: number;
      if (t) {
        u = 0;
        for (let i = 0; i < n; i++) u += t[i]![idx[i]!]!;
        if (u > 1) u = 1;
      } else u = parties[p]!.utility.evaluate(idx);
      utilities[p]![j] = u;
      if (u < reservation[p]!) ok = false;
    }
    if (ok) {
      for (let i = 0; i < n; i++) {
        const m = forbid[i];
        if (m && m[idx[i]!]) {
          ok = false;
          break;
        }
      }
      if (ok)
        for (const r of rules)
          if (r.kind === "require" && r.ifMask[idx[r.ifIssue]!] && !r.thenMask[idx[r.thenIssue]!]) {
            ok = false;
            break;
          }
      if (ok) {
        rational[j] = 1;
        rationalCount++;
      }
    }
    // Advance the mixed-radix counter (last issue fastest).
    for (let i = n - 1; i >= 0; i--) {
      if (++idx[i]! < radices[i]!) break;
      idx[i] = 0;
    }
    if (options.onProgress && (j & (progressEvery - 1)) === progressEvery - 1) options.onProgress(j + 1, size);
  }
  options.onProgress?.(size, size);
  return { size, utilities, rational, rationalCount };
}
