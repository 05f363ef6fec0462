import { ParleyError } from "../errors.js";
import type { CompiledScenario } from "../space/compile-scenario.js";

/** Called now and then during long work with how much is done out of how much. */
export type ProgressCallback = (done: number, total: number) => void;

export interface EnumerationOptions {
  /** The most outcomes to enumerate. Default 10,000,000. */
  readonly limit?: number;
  /** The most bytes the enumeration's arrays may take (see enumerationBytes). Default 1 GiB. */
  readonly memoryBudget?: number;
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

/**
 * Bytes an exact analysis by enumeration holds per outcome and party: a 64-bit utility per party,
 * plus per outcome a rational flag, a candidate index and the frontier's sort keys (16 bytes).
 */
export function enumerationBytes(outcomes: number, parties: number): number {
  return outcomes * (8 * parties + 17);
}

/**
 * Whether a space of `outcomes` fits the enumeration for `parties` parties, and if not, why not:
 * past the count limit, or past the memory budget (which binds first for many parties).
 */
export function enumerationFits(outcomes: number, parties: number, limit: number, memoryBudget: number): { fits: true } | { fits: false; reason: string } {
  if (outcomes > limit) return { fits: false, reason: `the outcome space has ${outcomes.toExponential(3)} outcomes, more than the enumeration limit of ${limit}` };
  const bytes = enumerationBytes(outcomes, parties);
  if (bytes > memoryBudget)
    return {
      fits: false,
      reason: `enumerating ${outcomes.toExponential(3)} outcomes for ${parties} parties needs about ${(bytes / 2 ** 20).toFixed(0)} MiB, more than the memory budget of ${(memoryBudget / 2 ** 20).toFixed(0)} MiB`,
    };
  return { fits: true };
}

/**
 * The analysis's defaults, in one place: the CLI's option defaults, the server's query defaults and
 * the browser's worker all read them from here.
 */
export const analysisDefaults = {
  /** Enumerate at most this many outcomes. */
  enumerationLimit: DEFAULT_ENUMERATION_LIMIT,
  /** Enumerate only when the analysis's arrays fit in this many bytes (enumerationBytes). */
  memoryBudget: 2 ** 30,
  /** Merge path: give up past this many frontier points. */
  maxFrontier: 200_000,
  /** Sample path: outcomes drawn. */
  sampleSize: 100_000,
  /** Sample path: the seed. */
  seed: 1,
  /** Outcomes listed behind each frontier vector. */
  outcomesPerPoint: 16,
  /** Outcome-space plots (the workbench's, the briefing's): enumerate up to this many outcomes… */
  plotEnumerationLimit: 5_000_000,
  /** …and draw this many (seeded) from larger spaces. */
  plotSampleSize: 200_000,
} as const;

/** Enumerate the outcome space and evaluate every party on every outcome. */
export function outcomeUtilities(compiled: CompiledScenario, options: EnumerationOptions = {}): OutcomeUtilities {
  const limit = options.limit ?? DEFAULT_ENUMERATION_LIMIT;
  const size = compiled.size;
  const fit = enumerationFits(size, compiled.parties.length, limit, options.memoryBudget ?? analysisDefaults.memoryBudget);
  if (!fit.fits) throw new ParleyError("PARLEY_ERR_SPACE_TOO_LARGE", fit.reason);
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

  const progressEvery = 1 << 18;
  const crossesRule = (idx: Int32Array): boolean => {
    for (const r of rules) if (r.kind === "require" && r.ifMask[idx[r.ifIssue]!] && !r.thenMask[idx[r.thenIssue]!]) return true;
    return false;
  };

  if (n > 0 && tables.every((t) => t !== null)) {
    // Fast path for linear-additive parties: the last issue varies fastest, so keep prefix sums of
    // the other issues per party and add the last issue's contribution in a tight inner loop.
    const last = n - 1;
    const R = radices[last]!;
    const lastTables = tables.map((t) => t![last]!);
    const lastForbid = forbid[last];
    const prefix = new Float64Array(n * k); // prefix[i*k + p]: Σ of issues < i for party p
    const idx = new Int32Array(n);
    const refresh = (from: number) => {
      for (let i = from; i < last; i++)
        for (let p = 0; p < k; p++) prefix[(i + 1) * k + p] = prefix[i * k + p]! + tables[p]![i]![idx[i]!]!;
    };
    refresh(0);
    let blockForbidden = false;
    const anyForbid = forbid.some((m, i) => m !== null && i < last);
    const refreshForbidden = () => {
      blockForbidden = false;
      for (let i = 0; i < last; i++) if (forbid[i]?.[idx[i]!]) blockForbidden = true;
    };
    if (anyForbid) refreshForbidden();
    const base = last * k;
    let blocks = 0;
    const simple = k === 2 && !lastForbid && rules.length === 0;
    const [U0, U1] = [utilities[0]!, utilities[1] ?? utilities[0]!];
    const [L0, L1] = [lastTables[0]!, lastTables[1] ?? lastTables[0]!];
    const [d0, d1] = [reservation[0]!, reservation[1] ?? 0];
    for (let j0 = 0; j0 < size; j0 += R) {
      if (simple) {
        // The common bilateral case, unrolled.
        const a = prefix[base]!;
        const b = prefix[base + 1]!;
        for (let x = 0; x < R; x++) {
          const j = j0 + x;
          let u = a + L0[x]!;
          let v = b + L1[x]!;
          if (u > 1) u = 1;
          if (v > 1) v = 1;
          U0[j] = u;
          U1[j] = v;
          if (!blockForbidden && u >= d0 && v >= d1) {
            rational[j] = 1;
            rationalCount++;
          }
        }
      } else {
        for (let x = 0; x < R; x++) {
          const j = j0 + x;
          let ok = !blockForbidden && !(lastForbid && lastForbid[x]);
          for (let p = 0; p < k; p++) {
            let u = prefix[base + p]! + lastTables[p]![x]!;
            if (u > 1) u = 1;
            utilities[p]![j] = u;
            if (u < reservation[p]!) ok = false;
          }
          if (ok && rules.length > 0) {
            idx[last] = x;
            ok = !crossesRule(idx);
          }
          if (ok) {
            rational[j] = 1;
            rationalCount++;
          }
        }
      }
      // Advance the counter over the other issues.
      let i = last - 1;
      for (; i >= 0; i--) {
        if (++idx[i]! < radices[i]!) break;
        idx[i] = 0;
      }
      if (i >= 0) {
        refresh(i);
        if (anyForbid) refreshForbidden();
      }
      if (options.onProgress && ++blocks % 1024 === 0) options.onProgress(j0 + R, size);
    }
    options.onProgress?.(size, size);
    return { size, utilities, rational, rationalCount };
  }

  const idx = new Int32Array(n);
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
      if (ok && rules.length > 0) ok = !crossesRule(idx);
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
