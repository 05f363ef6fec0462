// How far the zone of agreement is from vanishing: with every reservation value shifted by the same
// δ, an outcome is acceptable to all when it crosses no red line and u_i ≥ r_i + δ for every party i.
// The largest such δ is the egalitarian max-min  δ* = max over allowed outcomes of min_i (u_i − r_i).
import { mergeFrontier } from "../analysis/merge-frontier.js";
import { DEFAULT_ENUMERATION_LIMIT, outcomeUtilities } from "../analysis/outcome-utilities.js";
import { isParleyError } from "../errors.js";
import type { CompiledScenario } from "../space/compile-scenario.js";

export interface ZoneMargin {
  /**
   * δ*: the zone vanishes when every reservation value rises by more than this (a negative value:
   * there is no deal now, and one appears when every reservation value falls by at least −δ*).
   * Null when the red lines alone leave no outcome (no shift of the reservation values opens a zone).
   */
  readonly delta: number | null;
  /** max over allowed outcomes of min_i u_i: with every reservation value equal, the zone vanishes above this level (null also when too large to compute). */
  readonly commonLevel: number | null;
  readonly method: "enumerate" | "merge";
  /** Why δ* is null although the red lines may leave outcomes (the frontier was too large to build); null otherwise. */
  readonly note: string | null;
}

export interface ZoneMarginOptions {
  /** Enumerate the space when it has at most this many outcomes. Default 1,000,000. */
  readonly enumerationLimit?: number;
  /** Merge path: passed to the merge frontier. Default 200,000. */
  readonly maxFrontier?: number;
}

/** The scenario with every reservation value shifted by δ (floored at 0: utilities are never negative). */
function shifted(compiled: CompiledScenario, delta: number): CompiledScenario {
  return { ...compiled, parties: compiled.parties.map((p) => ({ ...p, reservation: Math.max(0, p.reservation + delta) })) };
}

/**
 * δ* and the common level, exactly. Small spaces are enumerated. Larger linear-additive ones go
 * through the merge frontier: the max-min is reached on the Pareto frontier of any set
 * {allowed outcomes with u ≥ r + δ₀} with δ₀ ≤ δ* (whatever dominates a point of that set is in
 * it), so the frontier is built at the first of 0, −0.05, −0.1, −0.2, −0.5, −1 that leaves an
 * outcome, which keeps it small when a deal exists. Throws as the deal check for spaces too large
 * to enumerate that are not additive.
 */
export function zoneMargin(compiled: CompiledScenario, options: ZoneMarginOptions = {}): ZoneMargin {
  const r = compiled.parties.map((p) => p.reservation);
  let best = -Infinity;
  let common = -Infinity;
  const consider = (u: (p: number) => number) => {
    let m = Infinity;
    let c = Infinity;
    for (let p = 0; p < r.length; p++) {
      const x = u(p);
      if (x - r[p]! < m) m = x - r[p]!;
      if (x < c) c = x;
    }
    if (m > best) best = m;
    if (c > common) common = c;
  };
  const done = (method: ZoneMargin["method"]): ZoneMargin =>
    best === -Infinity
      ? { delta: null, commonLevel: null, method, note: null }
      : { delta: best, commonLevel: common === -Infinity ? null : common, method, note: null };
  const additive = compiled.parties.every((p) => p.utility.contributions !== null);
  const limit = options.enumerationLimit ?? (additive ? 1_000_000 : DEFAULT_ENUMERATION_LIMIT);
  if (compiled.size <= limit || !additive) {
    // Reservation values at 0: `rational` marks the outcomes no red line excludes.
    const all = outcomeUtilities(shifted(compiled, -Infinity), { limit });
    for (let j = 0; j < all.size; j++) if (all.rational[j]) consider((p) => all.utilities[p]![j]!);
    return done("enumerate");
  }
  const frontier = options.maxFrontier !== undefined ? { maxFrontier: options.maxFrontier } : {};
  // The common level needs the frontier without reservation values only when no party has one.
  for (const delta0 of [0, -0.05, -0.1, -0.2, -0.5, -Infinity]) {
    let points;
    try {
      points = mergeFrontier(shifted(compiled, delta0), frontier).points;
    } catch (e) {
      if (!(isParleyError(e) && e.code === "PARLEY_ERR_FRONTIER_TOO_LARGE")) throw e;
      if (delta0 !== -Infinity) continue;
      return { delta: null, commonLevel: null, method: "merge", note: `not computed: ${e.message}` };
    }
    if (points.length === 0) continue;
    for (const pt of points) consider((p) => pt.utilities[p]!);
    // The common level: the max-min of u over the same set is exact only when it is at least the
    // set's floor for every party (max r_i + δ₀); otherwise look on the full allowed frontier.
    if (delta0 !== -Infinity && common < Math.max(...r) + delta0) common = commonLevelFull(compiled, frontier);
    return done("merge");
  }
  return done("merge");
}

/** The common level on the frontier of every allowed outcome; -Infinity when that frontier is too large to build. */
function commonLevelFull(compiled: CompiledScenario, frontier: { maxFrontier?: number }): number {
  let common = -Infinity;
  try {
    for (const pt of mergeFrontier(shifted(compiled, -Infinity), frontier).points) common = Math.max(common, Math.min(...pt.utilities));
  } catch (e) {
    if (!(isParleyError(e) && e.code === "PARLEY_ERR_FRONTIER_TOO_LARGE")) throw e;
  }
  return common;
}
