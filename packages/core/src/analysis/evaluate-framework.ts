import { ParleyError } from "../errors.js";
import type { Framework } from "../model/framework.js";
import type { Value } from "../model/issue.js";
import type { RedLine } from "../model/preferences.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import { settleFramework } from "../framework/settlement.js";

export type Verdict = "accept" | "reject" | "depends";

export interface FrameworkPartyEvaluation {
  readonly party: string;
  /** The party's utility of the package: worst and best completion of the open issues (equal when none is open). */
  readonly utility: { readonly min: number; readonly max: number };
  readonly reservation: number;
  /** Red lines the package crosses whatever the open issues become. */
  readonly redLinesCrossed: readonly RedLine[];
  /**
   * `accept`: every completion is worth at least the reservation value and crosses no red line;
   * `reject`: a red line is crossed or even the best completion is below the reservation value;
   * `depends`: it turns on how the open issues are settled.
   */
  readonly verdict: Verdict;
}

export interface FrameworkEvaluation {
  readonly framework: { readonly id: string; readonly name: string };
  /** Issue id → the value the framework sets. */
  readonly settled: Readonly<Record<string, Value>>;
  /** Issues no point sets. */
  readonly open: readonly string[];
  /** Issues that two points set to different values (the later point wins in `settled`). */
  readonly clashes: readonly { readonly issue: string; readonly points: readonly number[] }[];
  readonly parties: readonly FrameworkPartyEvaluation[];
}

/** The largest number of completions enumerated for a non-additive utility. */
const COMPLETION_LIMIT = 1_000_000;

/** Evaluate a framework for every analysed party. Throws ParleyError when a point sets an unknown issue or value. */
export function evaluateFramework(compiled: CompiledScenario, framework: Framework): FrameworkEvaluation {
  const n = compiled.issues.length;
  const { fixed, points } = settleFramework(compiled, framework);
  const settled: Record<string, Value> = {};
  // Per issue: the points that set it, the first one and then each that changes its value.
  const setBy = new Map<number, number[]>();
  const current = new Int32Array(n).fill(-1);
  for (const { point, settings } of points)
    for (const { issue, value } of settings) {
      const by = setBy.get(issue) ?? [];
      if (by.length === 0 || current[issue] !== value) by.push(point.number);
      setBy.set(issue, by);
      current[issue] = value;
    }
  for (let i = 0; i < n; i++) if (fixed[i]! >= 0) settled[compiled.issues[i]!.id] = compiled.values[i]![fixed[i]!]!;
  const clashes = [...setBy.entries()]
    .filter(([, pts]) => pts.length > 1)
    .map(([i, pts]) => ({ issue: compiled.issues[i]!.id, points: pts }));
  const openIdx = [...Array(n).keys()].filter((i) => fixed[i] === -1);

  const parties = compiled.parties.map((cp): FrameworkPartyEvaluation => {
    let min: number;
    let max: number;
    const t = cp.utility.contributions;
    if (t) {
      let lo = 0;
      let hi = 0;
      for (let i = 0; i < n; i++) {
        if (fixed[i]! >= 0) {
          lo += t[i]![fixed[i]!]!;
          hi += t[i]![fixed[i]!]!;
        } else {
          lo += Math.min(...t[i]!);
          hi += Math.max(...t[i]!);
        }
      }
      min = Math.min(1, lo);
      max = Math.min(1, hi);
    } else {
      const total = openIdx.reduce((a, i) => a * compiled.radices[i]!, 1);
      if (total > COMPLETION_LIMIT)
        throw new ParleyError(
          "PARLEY_ERR_SPACE_TOO_LARGE",
          `framework "${framework.id}" leaves ${total} completions open for a non-additive utility (limit ${COMPLETION_LIMIT})`,
        );
      const idx = Int32Array.from(fixed, (k) => (k < 0 ? 0 : k));
      min = Infinity;
      max = -Infinity;
      for (let c = 0; c < total; c++) {
        const u = cp.utility.evaluate(idx);
        if (u < min) min = u;
        if (u > max) max = u;
        for (let m = openIdx.length - 1; m >= 0; m--) {
          const i = openIdx[m]!;
          if (++idx[i]! < compiled.radices[i]!) break;
          idx[i] = 0;
        }
      }
    }
    const redLinesCrossed = cp.redLines
      .filter((line) =>
        line.kind === "forbid"
          ? fixed[line.issue]! >= 0 && line.mask[fixed[line.issue]!] === 1
          : fixed[line.ifIssue]! >= 0 &&
            fixed[line.thenIssue]! >= 0 &&
            line.ifMask[fixed[line.ifIssue]!] === 1 &&
            line.thenMask[fixed[line.thenIssue]!] !== 1,
      )
      .map((line) => line.source);
    // Could some completion of the open issues still cross a red line?
    const openRisk = cp.redLines.some((line) =>
      line.kind === "forbid"
        ? fixed[line.issue]! < 0 && line.mask.includes(1)
        : (fixed[line.ifIssue]! < 0 || line.ifMask[fixed[line.ifIssue]!] === 1) &&
          (fixed[line.thenIssue]! < 0 || line.thenMask[fixed[line.thenIssue]!] !== 1) &&
          (fixed[line.ifIssue]! < 0 || fixed[line.thenIssue]! < 0),
    );
    const verdict: Verdict =
      redLinesCrossed.length > 0 || max < cp.reservation
        ? "reject"
        : min >= cp.reservation && !openRisk
          ? "accept"
          : "depends";
    return { party: cp.party.id, utility: { min, max }, reservation: cp.reservation, redLinesCrossed, verdict };
  });
  return {
    framework: { id: framework.id, name: framework.name },
    settled,
    open: openIdx.map((i) => compiled.issues[i]!.id),
    clashes,
    parties,
  };
}
