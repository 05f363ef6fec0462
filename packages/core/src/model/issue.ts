/** A value an issue can take: an option label for categorical issues, a number for numeric ones. */
export type Value = string | number;

/** An issue with a finite list of labelled options. */
export interface CategoricalIssue {
  readonly kind: "categorical";
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly options: readonly string[];
}

/** An issue taking every integer in [min, max]. */
export interface IntegerIssue {
  readonly kind: "integer";
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly min: number;
  readonly max: number;
}

/**
 * An issue taking any real number in [min, max]. `step` is the discretisation used whenever the
 * space must be enumerated: the values min, min + step, …, and max itself.
 */
export interface RealIssue {
  readonly kind: "real";
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export type Issue = CategoricalIssue | IntegerIssue | RealIssue;
export type IssueKind = Issue["kind"];
