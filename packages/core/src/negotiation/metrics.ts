import { analyzeScenario, type AnalysisOptions } from "../analysis/analyze-scenario.js";
import { ParleyError } from "../errors.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import type { RunResult } from "./types.js";

/**
 * What the run metrics compare against, for one scenario and one seating: the rational Pareto
 * frontier and the Nash points over the seated parties' utilities (in seat order). Compute it once
 * per scenario and seating and reuse it for every run.
 */
export interface NegotiationReference {
  /** Party ids in seat order. */
  readonly seats: readonly string[];
  /** Reservation values (the disagreement point), in seat order. */
  readonly reservation: readonly number[];
  /** Utility vectors of the rational Pareto frontier (empty when no outcome is rational). */
  readonly frontier: readonly (readonly number[])[];
  /** The Nash points (ties included). */
  readonly nash: readonly (readonly number[])[];
  /** False when the frontier was sampled (analysis method `sample`). */
  readonly exact: boolean;
}

/** Metrics of one run. Distances are null when the scenario has no rational outcome (no frontier). */
export interface RunMetrics {
  readonly agreement: boolean;
  readonly status: RunResult["status"];
  /** In seat order: the agreement's utilities, or the reservation values without agreement. */
  readonly utilities: readonly number[];
  readonly rounds: number;
  /** Euclidean distance from `utilities` to the nearest point of the rational Pareto frontier. */
  readonly paretoDistance: number | null;
  /** Euclidean distance from `utilities` to the nearest Nash point. */
  readonly nashDistance: number | null;
  /** Σᵢ uᵢ. */
  readonly welfare: number;
}

/**
 * The reference of a scenario for the seats `seats` (party ids with preferences; default: every
 * analysed party), from `analyzeScenario` restricted to those parties (frameworks skipped).
 */
export function negotiationReference(
  compiled: CompiledScenario,
  seats?: readonly string[],
  options: Omit<AnalysisOptions, "framework" | "onProgress"> = {},
): NegotiationReference {
  const ids = seats ?? compiled.parties.map((p) => p.party.id);
  const parties = ids.map((id) => {
    const p = compiled.parties.find((c) => c.party.id === id);
    if (!p) throw new ParleyError("PARLEY_ERR_UNKNOWN_PARTY", `no party with preferences has id "${id}"`);
    return p;
  });
  const restricted: CompiledScenario = { ...compiled, scenario: { ...compiled.scenario, frameworks: [] }, parties };
  const report = analyzeScenario(restricted, options);
  return {
    seats: ids,
    reservation: report.reservation,
    frontier: report.pareto.points.map((p) => p.utilities),
    nash: report.nash.map((p) => p.utilities),
    exact: report.exact,
  };
}

/** The Euclidean distance from `u` to the nearest of `points` (null when there are none). */
export function nearestDistance(u: readonly number[], points: readonly (readonly number[])[]): number | null {
  if (points.length === 0) return null;
  let best = Infinity;
  for (const p of points) {
    let s = 0;
    for (let i = 0; i < u.length; i++) {
      const d = u[i]! - p[i]!;
      s += d * d;
    }
    if (s < best) best = s;
  }
  return Math.sqrt(best);
}

/** Σᵢ uᵢ. */
export function welfare(utilities: readonly number[]): number {
  let s = 0;
  for (const u of utilities) s += u;
  return s;
}

/** The metrics of a run against the reference of its scenario and seating. */
export function runMetrics(result: Pick<RunResult, "status" | "agreement" | "utilities" | "rounds" | "seats">, reference: NegotiationReference): RunMetrics {
  if (result.seats.length !== reference.seats.length || result.seats.some((s, i) => s !== reference.seats[i]))
    throw new ParleyError(
      "PARLEY_ERR_UNKNOWN_PARTY",
      `the run's seats (${result.seats.join(", ")}) are not those of the reference (${reference.seats.join(", ")})`,
    );
  const u = result.utilities;
  return {
    agreement: result.agreement !== null,
    status: result.status,
    utilities: u,
    rounds: result.rounds,
    paretoDistance: nearestDistance(u, reference.frontier),
    nashDistance: nearestDistance(u, reference.nash),
    welfare: welfare(u),
  };
}
