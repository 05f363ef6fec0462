/**
 * Exact Pareto frontiers over points given column-wise: `columns[p][j]` is party p's utility of
 * candidate j. A point is on the frontier when no candidate dominates it (≥ everywhere, > once).
 * Identical vectors are grouped: each frontier entry lists every candidate with that vector.
 */
export interface FrontierGroup {
  /** The candidates (indices into the columns) that share this utility vector. */
  readonly members: number[];
}

/**
 * The Pareto frontier of `candidates` (all points when omitted). Two parties: a bucket pre-filter,
 * then a sort-and-sweep, O(n log n) worst case. Three parties: a grid pre-filter, then a sweep in
 * decreasing order of the first utility against the staircase of the other two, O(n log n + n·h)
 * for a frontier of h vectors. More parties: a pivot pre-filter, then a sort-filter skyline by
 * decreasing sum. Groups come in decreasing order of the first utility (two parties) or of the sum
 * of utilities (more), then of each utility, then of the first member.
 */
export function paretoFrontier(columns: readonly Float64Array[], candidates?: Int32Array): FrontierGroup[] {
  const all = candidates ?? identity(columns[0]?.length ?? 0);
  if (columns.length === 0 || all.length === 0) return [];
  if (columns.length === 1) return frontier1(columns[0]!, all);
  if (columns.length === 2) return frontier2(columns[0]!, columns[1]!, all);
  if (columns.length === 3) return frontier3(columns[0]!, columns[1]!, columns[2]!, all);
  return frontierK(columns, all);
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) out[j] = j;
  return out;
}

function frontier1(u: Float64Array, cand: Int32Array): FrontierGroup[] {
  let best = -Infinity;
  for (let j = 0; j < cand.length; j++) if (u[cand[j]!]! > best) best = u[cand[j]!]!;
  const members: number[] = [];
  for (let j = 0; j < cand.length; j++) if (u[cand[j]!] === best) members.push(cand[j]!);
  return [{ members }];
}

const BUCKETS = 4096;

function frontier2(u: Float64Array, v: Float64Array, cand: Int32Array): FrontierGroup[] {
  const n = cand.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < n; j++) {
    const x = u[cand[j]!]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  let survivors = cand;
  if (n > 64 && hi > lo) {
    // A point is dominated when a point in a strictly higher u-bucket (so strictly higher u) has v ≥ its v.
    const scale = (BUCKETS - 1) / (hi - lo);
    const bucketMax = new Float64Array(BUCKETS).fill(-Infinity);
    for (let j = 0; j < n; j++) {
      const c = cand[j]!;
      const b = Math.floor((u[c]! - lo) * scale);
      if (v[c]! > bucketMax[b]!) bucketMax[b] = v[c]!;
    }
    const above = new Float64Array(BUCKETS);
    let run = -Infinity;
    for (let b = BUCKETS - 1; b >= 0; b--) {
      above[b] = run;
      if (bucketMax[b]! > run) run = bucketMax[b]!;
    }
    const kept = new Int32Array(n);
    let m = 0;
    for (let j = 0; j < n; j++) {
      const c = cand[j]!;
      if (v[c]! > above[Math.floor((u[c]! - lo) * scale)]!) kept[m++] = c;
    }
    survivors = kept.subarray(0, m);
  }
  const order = Array.from(survivors);
  order.sort((a, b) => u[b]! - u[a]! || v[b]! - v[a]! || a - b);
  const out: FrontierGroup[] = [];
  let maxV = -Infinity;
  let lastU = Number.NaN;
  let lastV = Number.NaN;
  for (const c of order) {
    const x = u[c]!;
    const y = v[c]!;
    if (x === lastU && y === lastV) {
      out[out.length - 1]!.members.push(c);
    } else if (y > maxV) {
      out.push({ members: [c] });
      lastU = x;
      lastV = y;
      maxV = y;
    }
  }
  return out;
}

const GRID = 64;

/** The bucket of each candidate's utility: 0 … buckets − 1, non-decreasing in the utility (so a higher bucket means a strictly higher utility). */
function bucketsOf(u: Float64Array, cand: Int32Array, buckets: number): Int32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < cand.length; j++) {
    const x = u[cand[j]!]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const out = new Int32Array(cand.length);
  if (!(hi > lo)) return out;
  const scale = (buckets - 1) / (hi - lo);
  for (let j = 0; j < cand.length; j++) out[j] = Math.floor((u[cand[j]!]! - lo) * scale);
  return out;
}

/**
 * Three parties. Pre-filter: the candidates on a GRID × GRID grid of (u, v) buckets; a candidate is
 * dominated when a cell strictly above it in both buckets (so strictly higher u and v) holds a w at
 * least its own — one suffix maximum over the grid, exact. Then the survivors in decreasing order of
 * (u, v, w, index): a vector is dominated exactly when an earlier, different one has v′ ≥ v and
 * w′ ≥ w (its u′ ≥ u by the order), which the staircase of the frontier found so far answers by one
 * binary search (the staircase: increasing v, decreasing w).
 */
function frontier3(u: Float64Array, v: Float64Array, w: Float64Array, cand: Int32Array): FrontierGroup[] {
  let survivors = cand;
  if (cand.length > 256) {
    const bu = bucketsOf(u, cand, GRID);
    const bv = bucketsOf(v, cand, GRID);
    // best[a·(GRID+1) + b]: the largest w over the cells (a′ ≥ a, b′ ≥ b); row and column GRID are −∞.
    const G = GRID + 1;
    const best = new Float64Array(G * G).fill(-Infinity);
    for (let j = 0; j < cand.length; j++) {
      const cell = bu[j]! * G + bv[j]!;
      const x = w[cand[j]!]!;
      if (x > best[cell]!) best[cell] = x;
    }
    for (let a = GRID - 1; a >= 0; a--)
      for (let b = GRID - 1; b >= 0; b--) {
        const cell = a * G + b;
        best[cell] = Math.max(best[cell]!, best[cell + G]!, best[cell + 1]!);
      }
    const kept = new Int32Array(cand.length);
    let m = 0;
    for (let j = 0; j < cand.length; j++) if (w[cand[j]!]! > best[(bu[j]! + 1) * G + bv[j]! + 1]!) kept[m++] = cand[j]!;
    survivors = kept.subarray(0, m);
  }
  const order = Array.from(survivors);
  order.sort((a, b) => u[b]! - u[a]! || v[b]! - v[a]! || w[b]! - w[a]! || a - b);
  // The staircase of the frontier's (v, w): v increasing, w decreasing.
  const sv: number[] = [];
  const sw: number[] = [];
  const groups: FrontierGroup[] = [];
  let lastU = Number.NaN;
  let lastV = Number.NaN;
  let lastW = Number.NaN;
  let lastKept = false;
  for (const c of order) {
    const x = u[c]!;
    const y = v[c]!;
    const z = w[c]!;
    if (x === lastU && y === lastV && z === lastW) {
      if (lastKept) groups[groups.length - 1]!.members.push(c);
      continue;
    }
    lastU = x;
    lastV = y;
    lastW = z;
    // The first staircase step with v′ ≥ y has the largest w′ among them.
    let lo = 0;
    let hi = sv.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sv[mid]! < y) lo = mid + 1;
      else hi = mid;
    }
    lastKept = !(lo < sv.length && sw[lo]! >= z);
    if (!lastKept) continue;
    groups.push({ members: [c] });
    // Insert (y, z), dropping the steps it covers (v′ ≤ y and w′ ≤ z): those just before lo, and one
    // at lo with v′ = y (its w′ < z, or it would have dominated).
    let from = lo;
    while (from > 0 && sw[from - 1]! <= z) from--;
    const to = lo < sv.length && sv[lo] === y ? lo + 1 : lo;
    sv.splice(from, to - from, y);
    sw.splice(from, to - from, z);
  }
  // The order of the other paths: decreasing sum, then each utility, then the first member.
  const sum = (g: FrontierGroup) => u[g.members[0]!]! + v[g.members[0]!]! + w[g.members[0]!]!;
  const keyed = groups.map((g) => ({ g, s: sum(g), c: g.members[0]! }));
  keyed.sort((a, b) => b.s - a.s || u[b.c]! - u[a.c]! || v[b.c]! - v[a.c]! || w[b.c]! - w[a.c]! || a.c - b.c);
  return keyed.map((x) => x.g);
}

function frontierK(cols: readonly Float64Array[], cand: Int32Array): FrontierGroup[] {
  const k = cols.length;
  let survivors = cand;
  if (cand.length > 256) survivors = pivotFilter(cols, cand);
  const sum = new Float64Array(survivors.length);
  for (let j = 0; j < survivors.length; j++) {
    let s = 0;
    for (let p = 0; p < k; p++) s += cols[p]![survivors[j]!]!;
    sum[j] = s;
  }
  const order = Array.from({ length: survivors.length }, (_, j) => j);
  order.sort((a, b) => {
    const d = sum[b]! - sum[a]!;
    if (d !== 0) return d;
    for (let p = 0; p < k; p++) {
      const e = cols[p]![survivors[b]!]! - cols[p]![survivors[a]!]!;
      if (e !== 0) return e;
    }
    return survivors[a]! - survivors[b]!;
  });
  // Sort-filter skyline: a dominator always sorts before what it dominates.
  const front: number[] = []; // representative candidate of each group
  const groups: FrontierGroup[] = [];
  const buf = new Float64Array(k);
  for (const j of order) {
    const c = survivors[j]!;
    for (let p = 0; p < k; p++) buf[p] = cols[p]![c]!;
    let dominated = false;
    let same = -1;
    for (let f = 0; f < front.length; f++) {
      const r = front[f]!;
      let geq = true;
      let gt = false;
      for (let p = 0; p < k; p++) {
        const a = cols[p]![r]!;
        const b = buf[p]!;
        if (a < b) {
          geq = false;
          break;
        }
        if (a > b) gt = true;
      }
      if (geq) {
        if (gt) dominated = true;
        else same = f;
        break;
      }
    }
    if (same >= 0) groups[same]!.members.push(c);
    else if (!dominated) {
      front.push(c);
      groups.push({ members: [c] });
    }
  }
  return groups;
}

/** Drop candidates dominated by a few strong pivots (best sum, best per party, tilted sums). */
function pivotFilter(cols: readonly Float64Array[], cand: Int32Array): Int32Array {
  const k = cols.length;
  const directions: number[][] = [new Array(k).fill(1)];
  for (let p = 0; p < k; p++) {
    const d = new Array(k).fill(0.05);
    d[p] = 1;
    directions.push(d);
    const e = new Array(k).fill(1);
    e[p] = 2;
    directions.push(e);
  }
  const pivots: number[] = [];
  for (const d of directions) {
    let best = -1;
    let bestScore = -Infinity;
    for (let j = 0; j < cand.length; j++) {
      const c = cand[j]!;
      let s = 0;
      for (let p = 0; p < k; p++) s += d[p]! * cols[p]![c]!;
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    if (best >= 0 && !pivots.includes(best)) pivots.push(best);
  }
  const pv = pivots.map((c) => Float64Array.from(cols, (col) => col[c]!));
  const kept = new Int32Array(cand.length);
  let m = 0;
  for (let j = 0; j < cand.length; j++) {
    const c = cand[j]!;
    let dominated = false;
    for (const q of pv) {
      let geq = true;
      let gt = false;
      for (let p = 0; p < k; p++) {
        const a = q[p]!;
        const b = cols[p]![c]!;
        if (a < b) {
          geq = false;
          break;
        }
        if (a > b) gt = true;
      }
      if (geq && gt) {
        dominated = true;
        break;
      }
    }
    if (!dominated) kept[m++] = c;
  }
  return kept.subarray(0, m);
}
