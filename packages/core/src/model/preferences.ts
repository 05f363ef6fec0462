import type { Value } from "./issue.js";
import type { Provenance } from "./statement.js";

/**
 * How one issue's value maps to a score in [0, 1] inside a linear-additive utility.
 * Numeric value functions read the issue's value x directly.
 */
export type ValueFunction =
  /** A score per option (categorical) or per value (numeric). Missing entries score 0. */
  | { readonly kind: "table"; readonly scores: Readonly<Record<string, number>> }
  /** GENIUS-style: clamp(offset + slope · (x − issue.min), 0, 1). */
  | { readonly kind: "linear"; readonly slope: number; readonly offset: number }
  /** Triangular: 0 at or below `low`, 1 at `peak`, 0 at or above `high`, linear between. */
  | { readonly kind: "peaked"; readonly low: number; readonly peak: number; readonly high: number }
  /** Linear interpolation through (x, score) points sorted by x; flat outside them. */
  | { readonly kind: "piecewise"; readonly points: readonly (readonly [number, number])[] };

export type ValueFunctionKind = ValueFunction["kind"];

/** u(ω) = min(1, Σᵢ weightᵢ · scoreᵢ(ωᵢ)). Weights are used as written. */
export interface LinearAdditiveUtility {
  readonly kind: "linear-additive";
  /** Weight per issue id; an issue without a weight counts 0. */
  readonly weights: Readonly<Record<string, number>>;
  /** Value function per issue id; an issue without one scores 0. */
  readonly values: Readonly<Record<string, ValueFunction>>;
}

/** An axis-aligned box over numeric (or option-index) coordinates of some issues. */
export interface HyperRectangle {
  readonly utility: number;
  /** Inclusive bounds per issue id. A categorical issue is bounded by option index (0-based). */
  readonly includes: readonly { readonly issue: string; readonly min: number; readonly max: number }[];
  /** The outcome must lie outside every one of these boxes' bounds (GENIUS EXCLUDES). */
  readonly excludes?: readonly { readonly issue: string; readonly min: number; readonly max: number }[];
}

/**
 * The ANAC 2014 non-linear kind: u(ω) = (Σ utility of every rectangle containing ω) / normalizer,
 * clamped to [0, 1]. `normalizer` defaults to the sum of the positive rectangle utilities.
 */
export interface HyperRectangleUtility {
  readonly kind: "hyper-rectangles";
  readonly rectangles: readonly HyperRectangle[];
  readonly normalizer?: number;
}

/** An explicit table for small spaces; outcomes not listed get `default`. */
export interface TableUtility {
  readonly kind: "table";
  readonly entries: readonly { readonly outcome: Readonly<Record<string, Value>>; readonly utility: number }[];
  readonly default?: number;
}

export type Utility = LinearAdditiveUtility | HyperRectangleUtility | TableUtility;
export type UtilityKind = Utility["kind"];

/**
 * Options a party will never accept (`forbid`), or a cross-issue rule
 * ("if `if.issue` is one of `if.values` then `then.issue` must be one of `then.values`").
 */
export type RedLine =
  | {
      readonly kind: "forbid";
      readonly id?: string;
      readonly issue: string;
      readonly values: readonly Value[];
      readonly note?: string;
      readonly provenance?: Provenance;
    }
  | {
      readonly kind: "require";
      readonly id?: string;
      readonly if: { readonly issue: string; readonly values: readonly Value[] };
      readonly then: { readonly issue: string; readonly values: readonly Value[] };
      readonly note?: string;
      readonly provenance?: Provenance;
    };

export interface Preferences {
  readonly utility: Utility;
  /** Walk-away utility (the disagreement point). 0 when absent. */
  readonly reservation?: number;
  /** Per-round discount factor in (0, 1]; 1 (or absent) means no discounting. */
  readonly discount?: number;
  readonly redLines?: readonly RedLine[];
  /** What each weight, option ordering (value function) and the reservation value rest on, by issue id. */
  readonly provenance?: {
    readonly weights?: Readonly<Record<string, Provenance>>;
    readonly values?: Readonly<Record<string, Provenance>>;
    readonly reservation?: Provenance;
  };
}
