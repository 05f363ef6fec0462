/** Two utility columns over the same outcomes, and which of those outcomes are rational (1) or not (0). */
export interface PairColumns {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly rational: ArrayLike<number>;
}

/**
 * The Pareto frontier of (xs[j], ys[j]) over the rational outcomes: sort by x descending, keep the
 * points whose y beats every y before. Returns distinct points by increasing x.
 */
export function frontier2d(columns: PairColumns): [number, number][] {
  const { xs, ys, rational } = columns;
  const idx: number[] = [];
  for (let j = 0; j < xs.length; j++) if (rational[j]) idx.push(j);
  idx.sort((a, b) => xs[b]! - xs[a]! || ys[b]! - ys[a]!);
  const out: [number, number][] = [];
  let best = -Infinity;
  for (const j of idx) {
    if (ys[j]! > best) {
      best = ys[j]!;
      out.push([xs[j]!, ys[j]!]);
    }
  }
  return out.reverse();
}
