import type { Confidence, Provenance, Stance, Statement } from "../model/statement.js";

/** A cited statement, with what a reader needs to weigh it. */
export interface StatementRef {
  readonly id: string;
  readonly date: string;
  readonly speaker: string;
  readonly party: string;
  readonly stance: Stance;
  readonly confidence: Confidence;
  readonly outlet: string;
  readonly url?: string;
}

/**
 * How well a modelling choice is sourced: `H`, `M` or `L` is the highest confidence among the
 * statements it cites; `assumption` when it cites none (only an assumption); `none` when the
 * scenario records no provenance for it at all.
 */
export type Support = Confidence | "assumption" | "none";

/** A cited statement by id, with its confidence tag (the full reference: `statementRef`). */
export interface Cite {
  readonly id: string;
  readonly confidence: Confidence;
}

/** What a modelling choice (a weight, an option ordering, a red line) rests on. */
export interface Grounds {
  /** The cited statements found in the scenario, oldest first. */
  readonly cites: readonly Cite[];
  /** Cited ids not among the scenario's statements (e.g. set aside by --as-of). */
  readonly missing: readonly string[];
  readonly assumption: string | null;
  readonly support: Support;
}

const RANK: Record<Confidence, number> = { H: 3, M: 2, L: 1 };

/** The statement as a reference. */
export function statementRef(s: Statement): StatementRef {
  return {
    id: s.id,
    date: s.date,
    speaker: s.speaker,
    party: s.party,
    stance: s.stance,
    confidence: s.confidence,
    outlet: s.source.outlet,
    ...(s.source.url !== undefined ? { url: s.source.url } : {}),
  };
}

/** Resolve a provenance against the statements (by id) and rate its support. */
export function resolveGrounds(provenance: Provenance | undefined, statements: ReadonlyMap<string, Statement>): Grounds {
  const found: Statement[] = [];
  const missing: string[] = [];
  for (const id of provenance?.cites ?? []) {
    const s = statements.get(id);
    if (s) found.push(s);
    else missing.push(id);
  }
  const cites = found.sort(byDate).map((s): Cite => ({ id: s.id, confidence: s.confidence }));
  const assumption = provenance?.assumption ?? null;
  let support: Support = provenance === undefined || (cites.length === 0 && missing.length === 0 && assumption === null) ? "none" : "assumption";
  for (const c of cites) if (support === "assumption" || support === "none" || RANK[c.confidence] > RANK[support]) support = c.confidence;
  return { cites, missing, assumption, support };
}

/** Oldest first (stable for equal dates). */
export function byDate(a: { readonly date: string }, b: { readonly date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Whether a choice rests only on M or L statements or only on an assumption (see docs/framework-analysis.md). */
export function isWeakSupport(support: Support): boolean {
  return support !== "H" && support !== "none";
}
