import type { FrontierGroup } from "./pareto-frontier.js";

/**
 * The brute-force O(n²) Pareto frontier: the test oracle for `paretoFrontier` and the merge frontier.
 * Groups are ordered by first member.
 */
export function paretoFrontierReference(columns: readonly Float64Array[], candidates?: readonly number[]): FrontierGroup[] {
  const n = columns[0]?.length ?? 0;
  const cand = candidates ?? Array.from({ length: n }, (_, j) => j);
  const k = columns.length;
  const groups = new Map<string, number[]>();
  for (const a of cand) {
    let dominated = false;
    for (const b of cand) {
      let geq = true;
      let gt = false;
      for (let p = 0; p < k; p++) {
        if (columns[p]![b]! < columns[p]![a]!) geq = false;
        if (columns[p]![b]! > columns[p]![a]!) gt = true;
      }
      if (geq && gt) {
        dominated = true;
        break;
      }
    }
    if (dominated) continue;
    const key = columns.map((c) => c[a]).join(",");
    const g = groups.get(key);
    if (g) g.push(a);
    else groups.set(key, [a]);
  }
  return [...groups.values()].map((members) => ({ members }));
}
