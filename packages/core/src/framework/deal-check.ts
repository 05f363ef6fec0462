import { findConflicts, type Constraint } from "../analysis/conflicts.js";
import { mergeFrontier } from "../analysis/merge-frontier.js";
import { DEFAULT_ENUMERATION_LIMIT, outcomeUtilities } from "../analysis/outcome-utilities.js";
import { ParleyError } from "../errors.js";
import type { CompiledRedLine } from "../preferences/compile-red-lines.js";
import type { CompiledParty, CompiledScenario } from "../space/compile-scenario.js";

export interface DealCheckOptions {
  /** Enumerate the space when it has at most this many outcomes. Default 1,000,000 (10,000,000 for non-additive preferences). */
  readonly enumerationLimit?: number;
  /** The largest conflicting set looked for. Default 4. */
  readonly maxSize?: number;
  /** Stop after this many minimal sets. Default 20. */
  readonly maxResults?: number;
  /** Merge path: passed to the merge frontier. Default 200,000. */
  readonly maxFrontier?: number;
  /** When no deal is possible, look for the smallest conflicting constraints (default true); false answers only "possible or not". */
  readonly conflicts?: boolean;
}

export interface DealCheck {
  /** Whether some outcome is rational: every party at or above its reservation value, no red line crossed. */
  readonly possible: boolean;
  readonly method: "enumerate" | "merge";
  /** The number of rational outcomes (enumeration only; null on the merge path). */
  readonly rationalCount: number | null;
  /** When no deal is possible: the smallest conflicting sets of constraints (see findConflicts). */
  readonly conflicts: { readonly sets: Constraint[][]; readonly truncated: boolean } | null;
}

/**
 * Is any outcome acceptable to every party? Enumerates small spaces (findConflicts names the
 * smallest conflicting constraints when none is); larger linear-additive spaces go through
 * `findConflictsAdditive`, which is exact without enumerating.
 */
export function dealCheck(compiled: CompiledScenario, options: DealCheckOptions = {}): DealCheck {
  const additive = compiled.parties.every((p) => p.utility.contributions !== null);
  const limit = options.enumerationLimit ?? (additive ? 1_000_000 : DEFAULT_ENUMERATION_LIMIT);
  const search = {
    ...(options.maxSize !== undefined ? { maxSize: options.maxSize } : {}),
    ...(options.maxResults !== undefined ? { maxResults: options.maxResults } : {}),
  };
  if (compiled.size <= limit) {
    const all = outcomeUtilities(compiled, { limit });
    if (all.rationalCount > 0) return { possible: true, method: "enumerate", rationalCount: all.rationalCount, conflicts: null };
    if (options.conflicts === false) return { possible: false, method: "enumerate", rationalCount: 0, conflicts: null };
    const found = findConflicts(compiled, all, search);
    return { possible: false, method: "enumerate", rationalCount: 0, conflicts: { sets: found.conflicts, truncated: found.truncated } };
  }
  if (!additive)
    throw new ParleyError(
      "PARLEY_ERR_SPACE_TOO_LARGE",
      `the outcome space has ${compiled.size.toExponential(3)} outcomes (enumeration limit ${limit}) and some preferences are not linear-additive`,
    );
  const frontier = options.maxFrontier !== undefined ? { maxFrontier: options.maxFrontier } : {};
  const satisfiable = constraintOracle(compiled, frontier);
  if (satisfiable(allConstraints(compiled).map((_, c) => c))) return { possible: true, method: "merge", rationalCount: null, conflicts: null };
  if (options.conflicts === false) return { possible: false, method: "merge", rationalCount: null, conflicts: null };
  const found = findConflictsAdditive(compiled, { ...search, ...frontier });
  return { possible: false, method: "merge", rationalCount: null, conflicts: { sets: found.conflicts, truncated: found.truncated } };
}

interface IndexedConstraint {
  readonly constraint: Constraint;
  readonly party: number;
  /** The red line, or null for the party's reservation value. */
  readonly line: CompiledRedLine | null;
}

/** The constraints in findConflicts' order: per party, its reservation value (when > 0), then its red lines. */
function allConstraints(compiled: CompiledScenario): IndexedConstraint[] {
  const out: IndexedConstraint[] = [];
  compiled.parties.forEach((cp, p) => {
    if (cp.reservation > 0) out.push({ constraint: { kind: "reservation", party: cp.party.id, value: cp.reservation }, party: p, line: null });
    cp.redLines.forEach((line, index) =>
      out.push({ constraint: { kind: "red-line", party: cp.party.id, index, redLine: line.source }, party: p, line }),
    );
  });
  return out;
}

/**
 * Whether a set of constraints (indices into `allConstraints`) can be met together. Only the parties
 * whose reservation values are in the set matter: the merge frontier runs over them alone, with the
 * set's red lines removing options (and tying issues) first. A set of red lines alone is checked
 * with a utility-free party (the merge then only enumerates the allowed combinations).
 */
function constraintOracle(compiled: CompiledScenario, options: { maxFrontier?: number }): (set: readonly number[]) => boolean {
  const constraints = allConstraints(compiled);
  const zero: CompiledParty = {
    party: { id: "(none)", name: "(none)", role: "observer" },
    utility: { contributions: compiled.radices.map((r) => new Float64Array(r)), evaluate: () => 0 },
    reservation: 0,
    discount: 1,
    redLines: [],
  };
  return (set) => {
    const lines = set.flatMap((c) => (constraints[c]!.line ? [constraints[c]!.line!] : []));
    const holders = set.filter((c) => constraints[c]!.line === null).map((c) => compiled.parties[constraints[c]!.party]!);
    const parties = (holders.length > 0 ? holders : [zero]).map((cp, i) => ({ ...cp, redLines: i === 0 ? lines : [] }));
    return mergeFrontier({ ...compiled, parties }, options).points.length > 0;
  };
}

/**
 * The smallest sets of constraints (reservation values and red lines) that no outcome satisfies
 * together, for linear-additive preferences, without enumerating the space: the same search and
 * order as `findConflicts` (by size, then lexicographically over the constraints; supersets of
 * sets found are skipped, so every set reported is minimal), with each candidate set checked
 * exactly by the merge frontier restricted to the set's constraints.
 */
export function findConflictsAdditive(
  compiled: CompiledScenario,
  options: { readonly maxSize?: number; readonly maxResults?: number; readonly maxFrontier?: number } = {},
): { conflicts: Constraint[][]; truncated: boolean } {
  const maxSize = options.maxSize ?? 4;
  const maxResults = options.maxResults ?? 20;
  const constraints = allConstraints(compiled);
  const satisfiable = constraintOracle(compiled, options.maxFrontier !== undefined ? { maxFrontier: options.maxFrontier } : {});
  const found: number[][] = [];
  let truncated = false;
  const isSuperset = (chosen: number[]) => found.some((f) => f.every((c) => chosen.includes(c)));
  for (let target = 1; target <= maxSize && !truncated; target++) {
    const chosen: number[] = [];
    // Every proper prefix that is not a superset of a set found is satisfiable (all smaller minimal sets are found first).
    const walk = (start: number): void => {
      for (let c = start; c < constraints.length && !truncated; c++) {
        chosen.push(c);
        if (!isSuperset(chosen)) {
          if (chosen.length === target) {
            if (!satisfiable(chosen)) found.push([...chosen]);
          } else walk(c + 1);
        }
        chosen.pop();
        if (found.length >= maxResults) truncated = true;
      }
    };
    walk(0);
  }
  if (found.length === 0 && !satisfiable(constraints.map((_, c) => c))) truncated = true;
  return { conflicts: found.map((f) => f.map((c) => constraints[c]!.constraint)), truncated };
}
