// Utilities of every outcome for chosen parties: the data of a scatter plot (one column per party).
import { createRng, outcomeUtilities, ParleyError, sampleOutcomes, type CompiledScenario } from "@parley/core";

export interface OutcomeScatter {
  readonly parties: string[];
  readonly count: number;
  readonly total: number;
  readonly utilities: number[][];
  readonly rational: number[];
  readonly truncated: boolean;
}

/**
 * Every outcome's utility for `partyIds` (in that order) and whether it is rational for every party
 * with preferences. When the space has more than `limit` outcomes, `limit` outcomes drawn uniformly
 * at random (with replacement, seeded by `seed`: the core's sampleOutcomes, so the same seed draws the
 * same points as the browser's worker and `analyze --method sample`) instead, and `truncated`.
 */
export function outcomeScatter(compiled: CompiledScenario, partyIds: readonly string[], limit: number, seed: number): OutcomeScatter {
  const columns = partyIds.map((id) => {
    const k = compiled.parties.findIndex((p) => p.party.id === id);
    if (k < 0) {
      const known = compiled.parties.map((p) => p.party.id);
      throw new ParleyError("PARLEY_ERR_UNKNOWN_PARTY", `no party with preferences has id "${id}"; parties with preferences: ${known.join(", ")}`);
    }
    return k;
  });
  const total = compiled.size;
  if (total <= limit) {
    const all = outcomeUtilities(compiled, { limit: total });
    return {
      parties: [...partyIds],
      count: all.size,
      total,
      utilities: columns.map((k) => Array.from(all.utilities[k]!)),
      rational: Array.from(all.rational),
      truncated: false,
    };
  }
  const sample = sampleOutcomes(compiled, limit, createRng(seed));
  const utilities = columns.map((k) => Array.from(sample.columns[k]!));
  const rational = Array.from(sample.rational);
  return { parties: [...partyIds], count: limit, total, utilities, rational, truncated: true };
}
