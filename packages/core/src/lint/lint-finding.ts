/** The ids of the modelling rules `lintScenario` checks (docs/scenario-format.md, "Checking the modelling rules"). */
export const lintRuleIds = [
  "red-line-voice",
  "latest-position-first",
  "bloc-red-line",
  "controlled-issue-ranked",
  "unused-exception",
] as const;

export type LintRuleId = (typeof lintRuleIds)[number];

/**
 * What a finding is about, in model terms (the formats package maps it to a place in the file):
 * a party's red line (by position), a party's option ordering on an issue, an issue, or the
 * exception of a provenance (`at`: the provenance holding it).
 */
export type LintTarget =
  | { readonly kind: "red-line"; readonly party: string; readonly index: number }
  | { readonly kind: "ordering"; readonly party: string; readonly issue: string }
  | { readonly kind: "issue"; readonly issue: string }
  | { readonly kind: "exception"; readonly at: ProvenanceTarget; readonly rule: string };

/** The provenances that can hold exceptions: a red line's, or a party's ordering (`values`) or weight on an issue, or its reservation value's. */
export type ProvenanceTarget =
  | { readonly kind: "red-line"; readonly party: string; readonly index: number }
  | { readonly kind: "ordering"; readonly party: string; readonly issue: string }
  | { readonly kind: "weight"; readonly party: string; readonly issue: string }
  | { readonly kind: "reservation"; readonly party: string };

/** One place where a scenario does not follow one of its modelling rules, and what to do about it. */
export interface LintFinding {
  readonly rule: LintRuleId;
  /** `error`: a rule is broken; `warning`: something is likely unintended (an exception that waives nothing). */
  readonly severity: "error" | "warning";
  readonly target: LintTarget;
  /** What is wrong and how to fix it. */
  readonly message: string;
}
