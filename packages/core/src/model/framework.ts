import type { Value } from "./issue.js";
import type { Confidence } from "./statement.js";

/** One numbered point of a framework: its text and the issues it settles. */
export interface FrameworkPoint {
  readonly id: string;
  readonly number: number;
  readonly text: string;
  /** Issue id → the value this point sets. A point may set several issues, or none. */
  readonly sets: Readonly<Record<string, Value>>;
}

/**
 * What a framework's text rests on: an `official` published text, a `leaked` copy, an `oral`
 * description (e.g. read out to journalists), a `reconstructed` text pieced together from reports,
 * or `undisclosed`: the text is known to exist but its points are not public, so it sets no issue
 * (statements can still be about it as a whole).
 */
export type FrameworkBasis = "official" | "leaked" | "oral" | "reconstructed" | "undisclosed";

/** A named, dated, versioned proposal made of numbered points. Issues no point sets stay open. */
export interface Framework {
  readonly id: string;
  readonly name: string;
  readonly version?: string;
  /** ISO date (YYYY-MM-DD). */
  readonly date?: string;
  readonly author?: string;
  /** The parties whose own proposal the text is (party ids), when known; `author` is free text. */
  readonly authoredBy?: readonly string[];
  readonly source?: string;
  readonly notes?: string;
  /** What the text rests on (absent: not stated). */
  readonly basis?: FrameworkBasis;
  /** What a reader should keep in mind about the text: how it is known, what is uncertain. */
  readonly caveats?: string;
  /** How well the text is known, on the same H/M/L scale as statements. */
  readonly confidence?: Confidence;
  readonly points: readonly FrameworkPoint[];
}
