import type { AgentContext } from "../negotiator.js";
import type { AcceptableOutcomes } from "./acceptable-outcomes.js";

/** Above this many outcomes a negotiator's ladder comes from local search, not from the whole space. */
export const LADDER_ENUMERATION_LIMIT = 20_000_000;

/** How many utility evaluations the local search may spend (a few tenths of a second). */
const EVALUATION_BUDGET = 150_000;

/**
 * The acceptable-outcome ladder of a space too large to enumerate (ANAC 2014: 10¹⁰ to 10⁵⁰
 * outcomes): the outcomes met by hill climbs on the party's own utility, from random starts drawn
 * with the negotiator's own random source. A climb changes one issue at a time to its best value
 * until no change helps, keeping every outcome on the way (low to high utility) and every outcome
 * one change away from where it stops (the fine steps just below a local optimum). Red lines are
 * respected; only the party's own utility is used. Deterministic for a given seed.
 */
export function pooledOutcomes(ctx: AgentContext, budget = EVALUATION_BUDGET): AcceptableOutcomes {
  const radices = ctx.values.map((v) => v.length);
  const n = radices.length;
  const rng = ctx.rng;
  const seen = new Set<string>();
  const flat: number[] = [];
  const utilities: number[] = [];
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    return ctx.utility(x);
  };
  const keep = (x: number[], u: number) => {
    const key = x.join(",");
    if (seen.has(key) || ctx.crossesRedLine(x)) return;
    seen.add(key);
    flat.push(...x);
    utilities.push(u);
  };
  const order = Array.from({ length: n }, (_, i) => i);
  while (evaluations < budget && n > 0) {
    const x = radices.map((r) => Math.floor(rng() * r));
    let u = evaluate(x);
    keep(x, u);
    for (let improved = true; improved && evaluations < budget; ) {
      improved = false;
      // Issues in a fresh random order each sweep, so climbs from nearby starts part ways.
      for (let k = n - 1; k > 0; k--) {
        const j = Math.floor(rng() * (k + 1));
        [order[k], order[j]] = [order[j]!, order[k]!];
      }
      const neighbours: [number, number, number][] = [];
      for (const i of order) {
        const was = x[i]!;
        let best = was;
        let bestU = u;
        for (let v = 0; v < radices[i]!; v++) {
          if (v === was) continue;
          x[i] = v;
          const w = evaluate(x);
          neighbours.push([i, v, w]);
          if (w > bestU) {
            bestU = w;
            best = v;
          }
        }
        x[i] = best;
        if (best !== was) {
          u = bestU;
          improved = true;
          keep(x.slice(), u);
          neighbours.length = 0;
        }
      }
      if (!improved)
        for (const [i, v, w] of neighbours) {
          const y = x.slice();
          y[i] = v;
          keep(y, w);
        }
    }
  }
  const size = utilities.length;
  const idx = Array.from({ length: size }, (_, k) => k).sort((a, b) => utilities[a]! - utilities[b]! || a - b);
  const sorted = Float64Array.from(idx, (k) => utilities[k]!);
  const rows = new Int32Array(size * n);
  idx.forEach((k, m) => {
    for (let i = 0; i < n; i++) rows[m * n + i] = flat[k * n + i]!;
  });
  const decodeInto = (k: number, into: number[]) => {
    for (let i = 0; i < n; i++) into[i] = rows[k * n + i]!;
    return into;
  };
  return {
    size,
    min: size ? sorted[0]! : Number.NaN,
    max: size ? sorted[size - 1]! : Number.NaN,
    utilityAt: (k) => sorted[k]!,
    numberAt(k) {
      let x = 0;
      for (let i = 0; i < n; i++) x = x * radices[i]! + rows[k * n + i]!;
      return x;
    },
    outcomeAt: (k) => decodeInto(k, new Array<number>(n)),
    decodeInto,
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
