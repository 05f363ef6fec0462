// Utilities of every outcome for chosen parties: the data of a scatter plot (one column per party).
import {
  createRng,
  crossesRedLine,
  outcomeIndicesAt,
  outcomeUtilities,
  ParleyError,
  type CompiledScenario,
} from "@parley/core";

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
 * at random (with replacement, seeded by `seed`) instead, and `truncated`.
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
  const rng = createRng(seed);
  const parties = compiled.parties;
  const utilities = columns.map(() => new Array<number>(limit));
  const rational = new Array<number>(limit);
  const idx = new Int32Array(compiled.radices.length);
  const u = new Float64Array(parties.length);
  for (let j = 0; j < limit; j++) {
    outcomeIndicesAt(compiled, Math.floor(rng() * total), idx);
    let ok = 1;
    for (let p = 0; p < parties.length; p++) {
      const party = parties[p]!;
      u[p] = party.utility.evaluate(idx);
      if (u[p]! < party.reservation || party.redLines.some((r) => crossesRedLine(r, idx))) ok = 0;
    }
    columns.forEach((k, c) => (utilities[c]![j] = u[k]!));
    rational[j] = ok;
  }
  return { parties: [...partyIds], count: limit, total, utilities, rational, truncated: true };
}
