// What-if weights: the scenario with some parties' linear-additive weights replaced.
import type { Party, Scenario } from "@parley/core";

/**
 * Replace the weights of the given parties (issue id → relative weight). The new weights are
 * scaled to the old ones' sum, so the utility's scale (and GENIUS's cap at 1) is kept.
 */
export function withWeights(scenario: Scenario, weights: Readonly<Record<string, Readonly<Record<string, number>>>>): Scenario {
  const parties = scenario.parties.map((p): Party => {
    const w = weights[p.id];
    const u = p.preferences?.utility;
    if (!w || !u || u.kind !== "linear-additive") return p;
    const oldSum = Object.values(u.weights).reduce((s, x) => s + x, 0);
    const newSum = Object.values(w).reduce((s, x) => s + Math.max(0, x), 0);
    const scale = newSum > 0 ? oldSum / newSum : 0;
    const next = Object.fromEntries(Object.entries(w).map(([k, x]) => [k, Math.max(0, x) * scale]));
    return { ...p, preferences: { ...p.preferences!, utility: { ...u, weights: next } } };
  });
  return { ...scenario, parties };
}

/** A stable text for a weights edit, for cache keys. */
export function weightsKey(weights: Readonly<Record<string, Readonly<Record<string, number>>>> | null): string {
  if (!weights) return "";
  return Object.keys(weights)
    .sort()
    .map((p) =>
      `${p}:${Object.keys(weights[p]!)
        .sort()
        .map((i) => `${i}=${weights[p]![i]!.toFixed(4)}`)
        .join(",")}`,
    )
    .join(";");
}
