import type { Value } from "./issue.js";

/** H: reported consistently or on record; M: single outlet, leak or anonymous sourcing; L: unverified. */
export type Confidence = "H" | "M" | "L";

/** Where a statement or event was reported. */
export interface SourceRef {
  readonly outlet: string;
  readonly title?: string;
  readonly url?: string;
  /** ISO date (YYYY-MM-DD) of the report, when it differs from the statement's date. */
  readonly date?: string;
}

/** A party's stance on what a statement is about. */
export type Stance = "accept" | "reject" | "partial" | "conditional" | "deny" | "process";

/**
 * Who speaks, by standing: `principal` (head of state or government, foreign minister or equivalent
 * speaking for the government), `spokesperson` (an official spokesperson), `official` (another named
 * official), `unnamed` (anonymous or reported officials, unnamed sources) or `other`.
 */
export type Voice = "principal" | "spokesperson" | "official" | "unnamed" | "other";

/** What a statement is about: framework points, issues, or particular options of an issue. */
export interface StatementSubject {
  /** Framework id and point id, when the statement is about a framework point. */
  readonly framework?: string;
  readonly point?: string;
  /** Issue id, when about an issue (optionally restricted to some of its values). */
  readonly issue?: string;
  readonly values?: readonly Value[];
}

/** One stance a statement takes, on some of its subjects. */
export interface StatementClaim {
  readonly stance: Stance;
  readonly about: readonly StatementSubject[];
}

/**
 * A dated public statement, paraphrased neutrally in our own words. It takes one stance on what it
 * is about (`stance`, `about`), or several stances on different subjects (`claims`); read them
 * with `statementClaims`.
 */
export interface Statement {
  readonly id: string;
  /** ISO date (YYYY-MM-DD). */
  readonly date: string;
  /** Who spoke, e.g. "Dmitry Peskov, Kremlin spokesperson". */
  readonly speaker: string;
  /** The speaker's standing (principal, spokesperson, …), when coded. */
  readonly voice?: Voice;
  /** The party the speaker speaks for. */
  readonly party: string;
  /** For a bloc party: the members the speaker speaks for (absent: the bloc as a whole). */
  readonly members?: readonly string[];
  /** A neutral paraphrase: our words, never long quotes. */
  readonly paraphrase: string;
  /** Everything the statement is about (with `claims`: every claim's subjects, in order). */
  readonly about: readonly StatementSubject[];
  /** The statement's stance (with `claims`: the first claim's). */
  readonly stance: Stance;
  /**
   * Set when the statement takes several stances, e.g. denies one characterisation and accepts some
   * parts: each claim's stance and subjects. `stance` and `about` then summarise them.
   */
  readonly claims?: readonly StatementClaim[];
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/** Every (stance, subjects) claim of a statement: its `claims`, or its one `stance` on its `about`. */
export function statementClaims(st: Pick<Statement, "stance" | "about" | "claims">): readonly StatementClaim[] {
  return st.claims && st.claims.length > 0 ? st.claims : [{ stance: st.stance, about: st.about }];
}

/** The stances of a statement, in claim order, each once (e.g. ["deny", "partial"]). */
export function statementStances(st: Pick<Statement, "stance" | "about" | "claims">): readonly Stance[] {
  return [...new Set(statementClaims(st).map((c) => c.stance))];
}

export type EventKind = "meeting" | "draft" | "leak" | "talks" | "statement";

/** A dated event of the negotiation. */
export interface NegotiationEvent {
  readonly id: string;
  readonly date: string;
  /** Last day, for events over several days. */
  readonly endDate?: string;
  readonly kind: EventKind;
  readonly title: string;
  readonly description?: string;
  /** Party ids. */
  readonly participants: readonly string[];
  readonly place?: string;
  /** Framework id, for `draft` and `leak` events. */
  readonly framework?: string;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/**
 * What a modelling choice rests on: the statements that support it (by id), or an explicit
 * assumption when no statement does.
 */
export interface Provenance {
  readonly cites?: readonly string[];
  /** Set when the choice is a modelling assumption; says what was assumed and why. */
  readonly assumption?: string;
  /**
   * Lint rule id → why this choice knowingly departs from that rule (`parley lint` then does not
   * report it there). See docs/scenario-format.md, "Checking the modelling rules".
   */
  readonly exceptions?: Readonly<Record<string, string>>;
}
