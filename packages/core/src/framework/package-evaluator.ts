import type { Verdict } from "../analysis/evaluate-framework.js";
import { ParleyError } from "../errors.js";
import type { CompiledRedLine } from "../preferences/compile-red-lines.js";
import type { CompiledParty, CompiledScenario } from "../space/compile-scenario.js";

/** One party's view of a package (issues fixed or open), with the rules of `evaluateFramework`. */
export interface PackagePartyState {
  /** Worst and best completion of the open issues. */
  readonly min: number;
  readonly max: number;
  /** Indices (into the party's red lines) of the red lines crossed whatever the open issues become. */
  readonly crossed: readonly number[];
  readonly verdict: Verdict;
}

/** The largest number of completions enumerated for a non-additive utility (as evaluateFramework). */
export const COMPLETION_LIMIT = 1_000_000;

/**
 * A fast evaluator of packages given as option indices (−1 = open), for the many candidate packages
 * of the amendment search. It reproduces `evaluateFramework` exactly (a property test checks it);
 * linear-additive parties cost O(issues) per package.
 */
export function createPackageEvaluator(compiled: CompiledScenario): (fixed: Int32Array) => PackagePartyState[] {
  const n = compiled.issues.length;
  const parties = compiled.parties.map((cp) => {
    const t = cp.utility.contributions;
    const lo = t ? Float64Array.from(t, (col) => Math.min(...col)) : null;
    const hi = t ? Float64Array.from(t, (col) => Math.max(...col)) : null;
    return { cp, t, lo, hi };
  });
  return (fixed) =>
    parties.map(({ cp, t, lo, hi }): PackagePartyState => {
      let min: number;
      let max: number;
      if (t && lo && hi) {
        let a = 0;
        let b = 0;
        for (let i = 0; i < n; i++) {
          const k = fixed[i]!;
          if (k >= 0) {
            a += t[i]![k]!;
            b += t[i]![k]!;
          } else {
            a += lo[i]!;
            b += hi[i]!;
          }
        }
        min = Math.min(1, a);
        max = Math.min(1, b);
      } else [min, max] = completionRange(compiled, cp, fixed);
      const crossed: number[] = [];
      cp.redLines.forEach((line, index) => {
        if (crossesFixed(line, fixed)) crossed.push(index);
      });
      const risk = cp.redLines.some((line) => openRisk(line, fixed));
      const verdict: Verdict =
        crossed.length > 0 || max < cp.reservation ? "reject" : min >= cp.reservation && !risk ? "accept" : "depends";
      return { min, max, crossed, verdict };
    });
}

/** Whether the package crosses the red line whatever the open issues become. */
export function crossesFixed(line: CompiledRedLine, fixed: ArrayLike<number>): boolean {
  if (line.kind === "forbid") return fixed[line.issue]! >= 0 && line.mask[fixed[line.issue]!] === 1;
  return (
    fixed[line.ifIssue]! >= 0 &&
    fixed[line.thenIssue]! >= 0 &&
    line.ifMask[fixed[line.ifIssue]!] === 1 &&
    line.thenMask[fixed[line.thenIssue]!] !== 1
  );
}

/** Whether some completion of the open issues could still cross the red line (as evaluateFramework). */
export function openRisk(line: CompiledRedLine, fixed: ArrayLike<number>): boolean {
  if (line.kind === "forbid") return fixed[line.issue]! < 0 && line.mask.includes(1);
  const ifOpen = fixed[line.ifIssue]! < 0;
  const thenOpen = fixed[line.thenIssue]! < 0;
  return (
    (ifOpen || line.ifMask[fixed[line.ifIssue]!] === 1) &&
    (thenOpen || line.thenMask[fixed[line.thenIssue]!] !== 1) &&
    (ifOpen || thenOpen)
  );
}

/** Worst and best utility over every completion of the open issues (enumerated; non-additive utilities). */
export function completionRange(compiled: CompiledScenario, cp: CompiledParty, fixed: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  forEachCompletion(compiled, fixed, (idx) => {
    const u = cp.utility.evaluate(idx);
    if (u < min) min = u;
    if (u > max) max = u;
  });
  return [min, max];
}

/** Call `visit` with every completion of the open issues (−1 entries), in outcome order. Reuses one array. */
export function forEachCompletion(compiled: CompiledScenario, fixed: ArrayLike<number>, visit: (indices: Int32Array) => void): void {
  const n = compiled.issues.length;
  const open: number[] = [];
  for (let i = 0; i < n; i++) if (fixed[i]! < 0) open.push(i);
  const total = open.reduce((a, i) => a * compiled.radices[i]!, 1);
  if (total > COMPLETION_LIMIT)
    throw new ParleyError(
      "PARLEY_ERR_SPACE_TOO_LARGE",
      `a package leaves ${total} completions open for a non-additive utility (limit ${COMPLETION_LIMIT})`,
    );
  const idx = Int32Array.from({ length: n }, (_, i) => (fixed[i]! < 0 ? 0 : fixed[i]!));
  for (let c = 0; c < total; c++) {
    visit(idx);
    for (let m = open.length - 1; m >= 0; m--) {
      const i = open[m]!;
      if (++idx[i]! < compiled.radices[i]!) break;
      idx[i] = 0;
    }
  }
}
