import {
  compileScenario,
  frontierReport,
  outcomeFromIndices,
  ParleyError,
  type AnalysisOptions,
  type AnalysisReport,
  type CompiledScenario,
  type FrontierPoint,
  type NegotiationReference,
  type Scenario,
} from "@parley/core";
import { frontier2 } from "./frontier2.js";
import { frontierK } from "./frontierk.js";
import { loadHighs, type LoadHighsOptions } from "./load-highs.js";
import { BoxMilp } from "./milp.js";
import { boxStructure } from "./structure.js";

export interface SolveOptions extends Pick<AnalysisOptions, "tolerance" | "framework"> {
  /** Seconds. Without it the frontier is exact; with it, an anytime frontier and its proven gap. */
  readonly timeLimit?: number;
  /** The clock in milliseconds (a parameter so tests can drive it). Default Date.now. */
  readonly now?: () => number;
  /** Where the HiGHS WebAssembly lives (browsers). */
  readonly highs?: LoadHighsOptions;
}

/** What the solver adds to the report (`solver` in the JSON). */
export interface SolverSummary {
  /** Mixed-integer programs solved. */
  readonly solves: number;
  /** Wall time in seconds. */
  readonly seconds: number;
  /** The time limit in seconds, null when none. */
  readonly timeLimit: number | null;
  /**
   * A proven bound: every rational outcome is within `gap` (in utility, for every party at once) of
   * a frontier point listed. 0 exactly when `exact` is true; null when no point was found in time.
   */
  readonly gap: number | null;
  /** Issues and the classes of values the solver told apart (values no preference distinguishes share a class). */
  readonly classes: number;
}

export type SolvedReport = AnalysisReport & { readonly solver: SolverSummary };

/**
 * Analyse a scenario whose space is too large to enumerate: the rational Pareto frontier of its
 * parties with hyper-rectangle or linear-additive utilities by mixed-integer programming (HiGHS, gap
 * 0) — the ε-constraint sweep for two parties (frontier2), search regions for one or three and more
 * (frontierK) — then every solution concept over it. `exact` is true only when the whole frontier
 * was proven.
 */
export async function analyzeBySolver(input: Scenario | CompiledScenario, options: SolveOptions = {}): Promise<SolvedReport> {
  const compiled = "radices" in input ? input : compileScenario(input);
  const now = options.now ?? Date.now;
  const started = now();
  const parties = compiled.parties;
  if (parties.length === 0)
    throw new ParleyError("PARLEY_ERR_NO_PREFERENCES", `scenario "${compiled.scenario.id}" has no party with preferences to analyse`);
  if (options.timeLimit !== undefined && !(options.timeLimit > 0))
    throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", `the time limit must be a positive number of seconds, not ${options.timeLimit}`);
  const structure = boxStructure(compiled);
  const highs = await loadHighs(options.highs);
  const milp = new BoxMilp(highs, structure);
  let found;
  try {
    const limits = { ...(options.timeLimit !== undefined ? { timeLimit: options.timeLimit } : {}), now };
    found = parties.length === 2 ? frontier2(milp, structure, limits) : frontierK(milp, structure, limits);
  } finally {
    milp.dispose();
  }
  const notes: string[] = [];
  // Each point's utilities are core's own evaluation of its outcome. The solver compares integer
  // scores; the clamp at 0 can make distinct scores equal utilities, so dominated vectors are dropped.
  const evaluated = found.points.map((p) => {
    const indices = Int32Array.from(p.classes, (c, i) => structure.representative[i]![c]!);
    return { indices, u: parties.map((party) => party.utility.evaluate(indices)) };
  });
  const kept = evaluated.filter((v, j) => !evaluated.some((w, k) => k !== j && w.u.every((x, i) => x >= v.u[i]!) && (w.u.some((x, i) => x > v.u[i]!) || k < j)));
  const points: FrontierPoint[] = kept.map(({ indices, u }) => ({ utilities: u, outcomes: [outcomeFromIndices(compiled, indices)], outcomeCount: null }));
  // A gap of 0 proves the frontier whole even when time ran out (every Pareto vector is then listed).
  const complete = found.complete || (found.gap === 0 && found.points.length > 0);
  const exact = complete && structure.integral;
  if (!structure.integral) notes.push("some utility weights are not decimals of at most 9 digits: the solver rounded them, so the frontier is not proven exact");
  if (found.infeasible) notes.push("no outcome is rational: every outcome crosses a red line or a reservation value");
  const classes = structure.representative.reduce((s, r) => s + r.length, 0);
  const seconds = (now() - started) / 1000;
  const how = parties.length === 2 ? "" : `, search regions for ${parties.length} parties`;
  if (complete) notes.push(`exact frontier (solve${how}): ${points.length} points proven by ${found.solves} mixed-integer programs over ${classes} value classes`);
  else
    notes.push(
      `time limit of ${options.timeLimit} s reached: ${points.length} proven Pareto points; every outcome is within ${found.gap === Infinity ? "an unknown distance" : found.gap.toPrecision(4)} of them (the gap)`,
    );
  const report = frontierReport(
    compiled,
    { method: "solve", exact, rational: { count: null, fraction: null }, conflicts: null, notes, points },
    { ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}), ...(options.framework !== undefined ? { framework: options.framework } : {}) },
  );
  return {
    ...report,
    solver: {
      solves: found.solves,
      seconds,
      timeLimit: options.timeLimit ?? null,
      gap: points.length === 0 && !complete ? null : complete ? 0 : found.gap,
      classes,
    },
  };
}

/**
 * The frontier and Nash points a simulation is measured against (core's NegotiationReference) for a
 * space the core cannot analyse: the solver's frontier of the seated parties, within `timeLimit`
 * seconds when given (then `exact` says whether it was proven).
 */
export async function solverReference(compiled: CompiledScenario, seats: readonly string[], options: SolveOptions = {}): Promise<NegotiationReference> {
  const parties = seats.map((id) => {
    const p = compiled.parties.find((c) => c.party.id === id);
    if (!p) throw new ParleyError("PARLEY_ERR_UNKNOWN_PARTY", `no party with preferences has id "${id}"`);
    return p;
  });
  const report = await analyzeBySolver({ ...compiled, scenario: { ...compiled.scenario, frameworks: [] }, parties }, options);
  return {
    seats,
    reservation: report.reservation,
    frontier: report.pareto.points.map((p) => p.utilities),
    nash: report.nash.map((p) => p.utilities),
    exact: report.exact,
  };
}
