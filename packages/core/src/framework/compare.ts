import { evaluateFramework, type Verdict } from "../analysis/evaluate-framework.js";
import type { Framework } from "../model/framework.js";
import type { Value } from "../model/issue.js";
import type { RedLine } from "../model/preferences.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import { resolveFramework } from "./settlement.js";

/**
 * How an issue differs from framework A to framework B: `same` (both set it to the same value),
 * `open` (neither sets it), `set` (open in A, set in B), `unset` (set in A, open in B), `different`.
 */
export type IssueChangeKind = "same" | "open" | "set" | "unset" | "different";

export interface IssueComparison {
  readonly issue: string;
  /** The value each framework sets (its effective value: the later point counts), null when open. */
  readonly a: Value | null;
  readonly b: Value | null;
  readonly change: IssueChangeKind;
}

export interface PartyComparison {
  readonly party: string;
  readonly a: { readonly utility: { readonly min: number; readonly max: number }; readonly verdict: Verdict };
  readonly b: { readonly utility: { readonly min: number; readonly max: number }; readonly verdict: Verdict };
  /** B − A for the worst and best completions. */
  readonly delta: { readonly min: number; readonly max: number };
  /** Null when the verdict is the same. */
  readonly verdictChange: { readonly from: Verdict; readonly to: Verdict } | null;
  /** Red lines B crosses and A does not, and the reverse. */
  readonly redLinesAdded: readonly RedLine[];
  readonly redLinesRemoved: readonly RedLine[];
}

export interface FrameworkComparison {
  readonly a: { readonly id: string; readonly name: string };
  readonly b: { readonly id: string; readonly name: string };
  /** Every issue, in scenario order. */
  readonly issues: readonly IssueComparison[];
  /** One per analysed party, in scenario order. */
  readonly parties: readonly PartyComparison[];
}

/** What changes from framework A to framework B: per issue, and per party (utility range and verdict). */
export function compareFrameworks(compiled: CompiledScenario, a: Framework | string, b: Framework | string): FrameworkComparison {
  const fa = resolveFramework(compiled, a);
  const fb = resolveFramework(compiled, b);
  const ea = evaluateFramework(compiled, fa);
  const eb = evaluateFramework(compiled, fb);
  const issues = compiled.issues.map((issue): IssueComparison => {
    const va = ea.settled[issue.id] ?? null;
    const vb = eb.settled[issue.id] ?? null;
    const change: IssueChangeKind =
      va === null ? (vb === null ? "open" : "set") : vb === null ? "unset" : va === vb ? "same" : "different";
    return { issue: issue.id, a: va, b: vb, change };
  });
  const parties = ea.parties.map((pa, p): PartyComparison => {
    const pb = eb.parties[p]!;
    return {
      party: pa.party,
      a: { utility: pa.utility, verdict: pa.verdict },
      b: { utility: pb.utility, verdict: pb.verdict },
      delta: { min: pb.utility.min - pa.utility.min, max: pb.utility.max - pa.utility.max },
      verdictChange: pa.verdict === pb.verdict ? null : { from: pa.verdict, to: pb.verdict },
      redLinesAdded: pb.redLinesCrossed.filter((r) => !pa.redLinesCrossed.includes(r)),
      redLinesRemoved: pa.redLinesCrossed.filter((r) => !pb.redLinesCrossed.includes(r)),
    };
  });
  return { a: ea.framework, b: eb.framework, issues, parties };
}
