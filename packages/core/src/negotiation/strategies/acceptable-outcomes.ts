import type { AgentContext } from "../negotiator.js";
import type { Outcome } from "../types.js";
import type { UtilityIndex } from "../utility-index.js";
import { contextLadder } from "../context.js";
import type { OwnLadder } from "../top-down-ladder.js";
import { LADDER_ENUMERATION_LIMIT, pooledOutcomes } from "./outcome-pool.js";

/**
 * A party's own outcomes that cross none of its red lines, sorted by ascending own utility: the
 * ladder every strategy climbs down. Positions are 0 … size − 1 (the best is at size − 1); "an
 * outcome worth about u to me" is a binary search, so no strategy ever scans the space per round.
 */
export interface AcceptableOutcomes {
  readonly size: number;
  /** Lowest and highest own utility (NaN when empty). */
  readonly min: number;
  readonly max: number;
  /** Own utility of the outcome at a position. */
  utilityAt(position: number): number;
  /** The mixed-radix number (last issue fastest) of the outcome at a position. */
  numberAt(position: number): number;
  /** The outcome at a position (a fresh array). */
  outcomeAt(position: number): Outcome;
  /** Write the outcome at a position into `into` (no allocation) and return it. */
  decodeInto(position: number, into: number[]): number[];
  /** The first position whose utility is ≥ u (size when none). */
  lowerBound(u: number): number;
}

// Which index positions cross a red line depends only on the index (one party of one compiled
// scenario) and that party's red lines, so the filtered ladder is cached with the index. `null`:
// no outcome crosses a red line and the index is used as it is.
const filtered = new WeakMap<UtilityIndex, { order: Uint32Array; sorted: Float64Array } | null>();

/**
 * The acceptable-outcome ladder of the negotiator's own party. The first call per party and
 * scenario checks every outcome against the red lines once (O(outcomes)), unless the party has
 * none (`hasRedLines: false`); later calls are O(1).
 * A space larger than LADDER_ENUMERATION_LIMIT is never enumerated: its ladder holds the outcomes
 * a local search on the party's own utility finds (pooledOutcomes; `numberAt` is then exact only
 * below 2⁵³). A party without red lines whose context comes from createAgentContext reads its
 * ladder through partyLadder: for a linear-additive utility it is built from the top as it is read
 * (the same positions as the index's; see topDownLadder).
 */
export function acceptableOutcomes(ctx: AgentContext): AcceptableOutcomes {
  if (ctx.size > LADDER_ENUMERATION_LIMIT) return pooledOutcomes(ctx);
  const radices = ctx.values.map((v) => v.length);
  const decodeInto = (number: number, into: number[]): number[] => {
    let rest = number;
    for (let i = radices.length - 1; i >= 0; i--) {
      const r = radices[i]!;
      into[i] = rest % r;
      rest = Math.floor(rest / r);
    }
    return into;
  };
  const ladder = ctx.hasRedLines === false ? contextLadder(ctx) : undefined;
  if (ladder) return fromLadder(ladder, radices.length, decodeInto);
  const index = ctx.index();
  // A party without red lines keeps every outcome: no per-outcome check (188k calls on Travel).
  let cached = ctx.hasRedLines === false ? null : filtered.get(index);
  if (cached === undefined) {
    const keep = new Uint8Array(index.size);
    const buffer = new Array<number>(radices.length).fill(0);
    let kept = 0;
    for (let k = 0; k < index.size; k++) {
      if (!ctx.crossesRedLine(decodeInto(index.order[k]!, buffer))) {
        keep[k] = 1;
        kept++;
      }
    }
    if (kept === index.size) cached = null;
    else {
      const order = new Uint32Array(kept);
      const sorted = new Float64Array(kept);
      let m = 0;
      for (let k = 0; k < index.size; k++)
        if (keep[k]) {
          order[m] = index.order[k]!;
          sorted[m++] = index.sorted[k]!;
        }
      cached = { order, sorted };
    }
    filtered.set(index, cached);
  }
  const order = cached ? cached.order : index.order;
  const sorted = cached ? cached.sorted : index.sorted;
  const size = order.length;
  return {
    size,
    min: size ? sorted[0]! : Number.NaN,
    max: size ? sorted[size - 1]! : Number.NaN,
    utilityAt: (k) => sorted[k]!,
    numberAt: (k) => order[k]!,
    outcomeAt: (k) => decodeInto(order[k]!, new Array<number>(radices.length)),
    decodeInto: (k, into) => decodeInto(order[k]!, into),
    lowerBound(u) {
      let lo = 0;
      let hi = size;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** The acceptable outcomes of a party that keeps every outcome, read from its ladder. */
function fromLadder(ladder: OwnLadder, issues: number, decodeInto: (number: number, into: number[]) => number[]): AcceptableOutcomes {
  return {
    size: ladder.size,
    min: ladder.min,
    max: ladder.max,
    utilityAt: (k) => ladder.utilityAt(k),
    numberAt: (k) => ladder.numberAt(k),
    outcomeAt: (k) => decodeInto(ladder.numberAt(k), new Array<number>(issues)),
    decodeInto: (k, into) => decodeInto(ladder.numberAt(k), into),
    lowerBound: (u) => ladder.lowerBound(u),
  };
}
