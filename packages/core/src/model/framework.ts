import type { Value } from "./issue.js";

/** One numbered point of a framework: its text and the issues it settles. */
export interface FrameworkPoint {
  readonly id: string;
  readonly number: number;
  readonly text: string;
  /** Issue id → the value this point sets. A point may set several issues, or none. */
  readonly sets: Readonly<Record<string, Value>>;
}

/** A named, dated, versioned proposal made of numbered points. Issues no point sets stay open. */
export interface Framework {
  readonly id: string;
  readonly name: string;
  readonly version?: string;
  /** ISO date (YYYY-MM-DD). */
  readonly date?: string;
  readonly author?: string;
  readonly source?: string;
  readonly notes?: string;
  readonly points: readonly FrameworkPoint[];
}
