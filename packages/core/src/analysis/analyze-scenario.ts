import { ParleyError } from "../errors.js";
import type { Value } from "../model/issue.js";
import type { Scenario } from "../model/scenario.js";
import type { Rng } from "../random/rng.js";
import { didYouMean } from "../text/suggest.js";
import {
  compileScenario,
  outcomeFromIndices,
  outcomeIndicesAt,
  type CompiledScenario,
} from "../space/compile-scenario.js";
import { findConflicts, type Constraint } from "./conflicts.js";
import { evaluateFramework, type FrameworkEvaluation } from "./evaluate-framework.js";
import { frontierByIssues, type FrontierByIssues } from "./frontier-by-issues.js";
import { mergeFrontier } from "./merge-frontier.js";
import { analysisDefaults, enumerationFits, outcomeUtilities } from "./outcome-utilities.js";
import { paretoFrontier } from "./pareto-frontier.js";
import { sampledOutcome, sampleOutcomes } from "./sample-outcomes.js";
import {
  egalitarianPoints,
  idealPoint,
  kalaiSmorodinskyPoints,
  maxWelfarePoints,
  nashPoints,
  oppositionLevel,
} from "./solutions.js";

/** `solve`: the exact frontier by mixed-integer programming (@parley/solve), for spaces too large to enumerate. */
export type AnalysisMethod = "enumerate" | "merge" | "sample" | "solve";

export interface AnalysisOptions {
  /** `auto` (default): enumerate when the space fits `enumerationLimit`, else merge (linear-additive only). */
  readonly method?: AnalysisMethod | "auto";
  /** Default 10,000,000 outcomes. */
  readonly enumerationLimit?: number;
  /** Enumerate only when the arrays fit in this many bytes (enumerationBytes). Default 1 GiB. */
  readonly memoryBudget?: number;
  /** Merge path: give up past this many frontier points. Default 200,000. */
  readonly maxFrontier?: number;
  /** Sample path: how many outcomes to draw (with replacement). Default 100,000. */
  readonly sampleSize?: number;
  /** Sample path: the random source (required for `sample`). */
  readonly rng?: Rng;
  /** Tolerance for ties among solution points. Default 1e-12. */
  readonly tolerance?: number;
  /** List at most this many outcomes behind each frontier vector. Default 16. */
  readonly outcomesPerPoint?: number;
  /** Evaluate only this framework (all frameworks when omitted). */
  readonly framework?: string;
  readonly onProgress?: (phase: string, done: number, total: number) => void;
  /**
   * Enumerate path, linear-additive scenarios of two or three parties: find enumeration's answer
   * issue by issue without enumerating (frontierByIssues; the same report). false: enumerate.
   * Default true.
   */
  readonly frontierByIssues?: boolean;
}

export interface FrontierPoint {
  readonly utilities: number[];
  /** Outcomes that reach this vector (at most `outcomesPerPoint`; the merge path keeps one). */
  readonly outcomes: Record<string, Value>[];
  /** How many outcomes reach it, when known (enumeration and sampling). */
  readonly outcomeCount: number | null;
}

export interface SolutionPoint {
  readonly utilities: number[];
  readonly outcome: Record<string, Value>;
}

export interface AnalysisReport {
  readonly scenario: { readonly id: string; readonly name: string };
  /** Ids of the analysed parties (those with preferences), in scenario order. Every vector follows this order. */
  readonly parties: string[];
  readonly issues: string[];
  /** Number of outcomes in the space. */
  readonly outcomes: number;
  readonly method: AnalysisMethod;
  /** False only for the sample path. */
  readonly exact: boolean;
  /** dᵢ: reservation values (0 when none). */
  readonly reservation: number[];
  /** Iᵢ: each party's best utility over rational outcomes (empty when none is rational). */
  readonly ideal: number[];
  /** Rational outcomes: count and fraction (null on the merge path, which does not count them). */
  readonly rational: { readonly count: number | null; readonly fraction: number | null };
  readonly pareto: { readonly count: number; readonly points: FrontierPoint[] };
  readonly nash: SolutionPoint[];
  readonly kalaiSmorodinsky: SolutionPoint[];
  readonly egalitarian: SolutionPoint[];
  readonly maxWelfare: SolutionPoint[];
  /** See docs/analysis.md; null when no outcome is rational. */
  readonly opposition: number | null;
  /** When no outcome is rational: the smallest conflicting sets of reservation values and red lines. */
  readonly conflicts: { readonly sets: Constraint[][]; readonly truncated: boolean } | null;
  readonly frameworks: FrameworkEvaluation[];
  readonly notes: string[];
}

/** Analyse a scenario exactly: rational zone, Pareto frontier, solution concepts, frameworks. */
export function analyzeScenario(input: Scenario | CompiledScenario, options: AnalysisOptions = {}): AnalysisReport {
  const compiled = "radices" in input ? input : compileScenario(input);
  const scenario = compiled.scenario;
  const parties = compiled.parties;
  if (parties.length === 0)
    throw new ParleyError("PARLEY_ERR_NO_PREFERENCES", `scenario "${scenario.id}" has no party with preferences to analyse`);
  const limit = options.enumerationLimit ?? analysisDefaults.enumerationLimit;
  const perPoint = options.outcomesPerPoint ?? analysisDefaults.outcomesPerPoint;
  const additive = parties.every((p) => p.utility.contributions !== null);
  let method: AnalysisMethod;
  const memoryBudget = options.memoryBudget ?? analysisDefaults.memoryBudget;
  if (!options.method || options.method === "auto") {
    const fit = enumerationFits(compiled.size, parties.length, limit, memoryBudget);
    if (fit.fits) method = "enumerate";
    else if (additive) method = "merge";
    else
      throw new ParleyError(
        "PARLEY_ERR_SPACE_TOO_LARGE",
        `${fit.reason}, and some preferences are not linear-additive, so the exact merge frontier does not apply; use the sample method (an approximation) or raise the enumeration limit`,
      );
  } else {
    method = options.method;
    // An explicit enumeration keeps its limit even when the issue-by-issue path could answer without enumerating.
    if (method === "enumerate") {
      const fit = enumerationFits(compiled.size, parties.length, limit, memoryBudget);
      if (!fit.fits) throw new ParleyError("PARLEY_ERR_SPACE_TOO_LARGE", fit.reason);
    }
  }
  if (method === "solve")
    throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", "the solve method runs in @parley/solve (analyzeBySolver), not in the core");

  const notes: string[] = [];
  let points: FrontierPoint[];
  let rational: AnalysisReport["rational"];
  let conflicts: AnalysisReport["conflicts"] = null;
  const progress = options.onProgress;
  let byIssues: FrontierByIssues | null = null;

  if (method === "merge") {
    const merged = mergeFrontier(compiled, {
      ...(options.maxFrontier !== undefined ? { maxFrontier: options.maxFrontier } : {}),
      ...(progress ? { onProgress: (a: number, b: number) => progress("merge", a, b) } : {}),
    });
    points = merged.points.map((p) => ({
      utilities: p.utilities,
      outcomes: [outcomeFromIndices(compiled, p.outcome)],
      outcomeCount: null,
    }));
    rational = { count: null, fraction: null };
    notes.push(`exact frontier (merge): the largest intermediate frontier had ${merged.peakFrontier} points`);
    if (points.length === 0) notes.push("no outcome is rational: every outcome crosses a red line or a reservation value");
  } else if (method === "enumerate" && (byIssues = options.frontierByIssues === false ? null : frontierByIssues(compiled, perPoint)) && byIssues.rationalCount > 0) {
    // Enumeration's report without enumerating (when nothing is rational, the conflicts below need the enumeration).
    points = byIssues.points;
    rational = { count: byIssues.rationalCount, fraction: byIssues.rationalCount / compiled.size };
  } else {
    let columns: Float64Array[];
    let candidates: Int32Array;
    let outcomeAt: (j: number) => Int32Array;
    if (method === "enumerate") {
      const all = outcomeUtilities(compiled, {
        limit,
        memoryBudget,
        ...(progress ? { onProgress: (a: number, b: number) => progress("enumerate", a, b) } : {}),
      });
      columns = all.utilities as Float64Array[];
      candidates = flaggedIndices(all.rational, all.rationalCount);
      rational = { count: all.rationalCount, fraction: all.size > 0 ? all.rationalCount / all.size : 0 };
      outcomeAt = (j) => outcomeIndicesAt(compiled, j);
      if (all.rationalCount === 0) {
        const found = findConflicts(compiled, all);
        conflicts = { sets: found.conflicts, truncated: found.truncated };
      }
    } else {
      const rng = options.rng;
      if (!rng) throw new ParleyError("PARLEY_ERR_BAD_OUTCOME", "the sample method needs an rng (a seeded random source)");
      const sample = sampleOutcomes(compiled, options.sampleSize ?? analysisDefaults.sampleSize, rng);
      columns = sample.columns;
      candidates = flaggedIndices(sample.rational, sample.rationalCount);
      outcomeAt = (j) => sampledOutcome(sample, j);
      rational = { count: null, fraction: sample.count > 0 ? sample.rationalCount / sample.count : 0 };
      notes.push(`sampled ${sample.count} outcomes: the frontier and solutions are approximations`);
    }
    progress?.("pareto", 0, 1);
    const groups = paretoFrontier(columns, candidates);
    progress?.("pareto", 1, 1);
    points = groups.map((g) => ({
      utilities: columns.map((c) => c[g.members[0]!]!),
      outcomes: g.members.slice(0, perPoint).map((j) => outcomeFromIndices(compiled, outcomeAt(j))),
      outcomeCount: g.members.length,
    }));
  }
  return frontierReport(compiled, { method, exact: method !== "sample", rational, conflicts, notes, points }, options);
}

/** What an analysis path found: the rest of the report (ideal point, solutions, frameworks) follows from it. */
export interface FrontierFindings {
  readonly method: AnalysisMethod;
  readonly exact: boolean;
  readonly rational: AnalysisReport["rational"];
  readonly conflicts: AnalysisReport["conflicts"];
  readonly notes: string[];
  /** The rational Pareto frontier (any order: it is sorted here). */
  readonly points: FrontierPoint[];
}

/**
 * The report of a frontier found by any path (enumeration, merge, sampling, or an outside solver such
 * as @parley/solve): the solution concepts over its points and the frameworks' evaluations.
 */
export function frontierReport(compiled: CompiledScenario, findings: FrontierFindings, options: AnalysisOptions = {}): AnalysisReport {
  const { method, rational, conflicts, notes } = findings;
  const scenario = compiled.scenario;
  const parties = compiled.parties;
  const d = parties.map((p) => p.reservation);
  const points = [...findings.points];
  points.sort((a, b) => {
    for (let i = 0; i < a.utilities.length; i++) if (a.utilities[i] !== b.utilities[i]) return b.utilities[i]! - a.utilities[i]!;
    return 0;
  });

  const vectors = points.map((p) => p.utilities);
  const ideal = vectors.length > 0 ? idealPoint(vectors, parties.length) : [];
  const tol = options.tolerance !== undefined ? { tolerance: options.tolerance } : {};
  const pick = (ix: number[]): SolutionPoint[] =>
    ix.map((j) => ({ utilities: points[j]!.utilities, outcome: points[j]!.outcomes[0]! }));

  const frameworks = scenario.frameworks
    .filter((f) => options.framework === undefined || f.id === options.framework)
    .map((f) => evaluateFramework(compiled, f));
  if (options.framework !== undefined && frameworks.length === 0) {
    // The same message as findFramework (framework/ builds on analysis/, so it cannot be imported here).
    const ids = scenario.frameworks.map((f) => f.id);
    const hint = didYouMean(options.framework, ids);
    throw new ParleyError(
      "PARLEY_ERR_UNKNOWN_FRAMEWORK",
      `scenario "${scenario.id}" has no framework "${options.framework}"${ids.length ? `; frameworks: ${ids.join(", ")}` : ""}${hint && `.${hint}`}`,
    );
  }

  return {
    scenario: { id: scenario.id, name: scenario.name },
    parties: parties.map((p) => p.party.id),
    issues: compiled.issues.map((i) => i.id),
    outcomes: compiled.size,
    method,
    exact: findings.exact,
    reservation: d,
    ideal,
    rational,
    pareto: { count: points.length, points },
    nash: pick(nashPoints(vectors, d, tol)),
    kalaiSmorodinsky: pick(kalaiSmorodinskyPoints(vectors, d, ideal, tol)),
    egalitarian: pick(egalitarianPoints(vectors, d, tol)),
    maxWelfare: pick(maxWelfarePoints(vectors, tol)),
    opposition: vectors.length > 0 ? oppositionLevel(vectors, d, ideal) : null,
    conflicts,
    frameworks,
    notes,
  };
}

/** The positions of the `count` set flags, in order (the rational outcomes: the frontier's candidates). */
function flaggedIndices(flags: Uint8Array, count: number): Int32Array {
  const out = new Int32Array(count);
  let m = 0;
  for (let j = 0; j < flags.length; j++) if (flags[j]) out[m++] = j;
  return out;
}
