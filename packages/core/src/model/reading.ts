import type { RedLine, ValueFunction } from "./preferences.js";
import type { Provenance } from "./statement.js";

/**
 * What one reading changes in one party's preferences. Every field is optional; what is absent is
 * left as the nominal model has it.
 */
export interface PartyReading {
  readonly party: string;
  /** The reservation value under this reading. */
  readonly reservation?: number;
  /** The whole weight map under this reading (issue id → weight, as the model uses it). Linear-additive preferences only. */
  readonly weights?: Readonly<Record<string, number>>;
  /** Value functions (option orderings) replaced, by issue id; other issues keep theirs. Linear-additive preferences only. */
  readonly values?: Readonly<Record<string, ValueFunction>>;
  /** Red lines added (an id, when given, must be new to the party). */
  readonly addRedLines?: readonly RedLine[];
  /** Red lines set aside, by id. */
  readonly removeRedLines?: readonly string[];
  /** Red lines replaced: each takes the place of the party's red line with the same id. */
  readonly replaceRedLines?: readonly (RedLine & { readonly id: string })[];
}

/**
 * A named alternative reading of what the sources say: a set of changes to the parties' red lines,
 * orderings, weights or reservation values, with what it rests on. The nominal model is the scenario
 * with no reading selected.
 */
export interface Reading {
  readonly id: string;
  /** A short name for lists and tables. */
  readonly label?: string;
  readonly description?: string;
  /** What the reading rests on: cited statements and/or a stated assumption. */
  readonly provenance: Provenance;
  readonly parties: readonly PartyReading[];
}
