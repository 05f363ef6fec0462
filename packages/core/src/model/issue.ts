/** A value an issue can take: an option label for categorical issues, a number for numeric ones. */
export type Value = string | number;

/** What every kind of issue has. */
interface IssueCommon {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  /**
   * Party ids whose consent settling the issue needs (e.g. the holder of frozen assets): without one
   * of them at the table, the others cannot settle it (see excludeParty).
   */
  readonly controlledBy?: readonly string[];
}

/** An issue with a finite list of labelled options. */
export interface CategoricalIssue extends IssueCommon {
  readonly kind: "categorical";
  readonly options: readonly string[];
}

/** An issue taking every integer in [min, max]. */
export interface IntegerIssue extends IssueCommon {
  readonly kind: "integer";
  readonly min: number;
  readonly max: number;
}

/**
 * An issue taking any real number in [min, max]. `step` is the discretisation used whenever the
 * space must be enumerated: the values min, min + step, …, and max itself.
 */
export interface RealIssue extends IssueCommon {
  readonly kind: "real";
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export type Issue = CategoricalIssue | IntegerIssue | RealIssue;
export type IssueKind = Issue["kind"];
