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
 * then a sort-and-sweep, O(n log n) worst case. More parties: a pivot pre-filter, then a
 * sort-filter skyline by decreasing sum.
 */
export function paretoFrontier(columns: readonly Float64Array[], candidates?: Int32Array): FrontierGroup[] {
  const all = candidates ?? identity(columns[0]?.length ?? 0);
  if (columns.length === 0 || all.length === 0) return [];
  if (columns.length === 1) return frontier1(columns[0]!, all);
  if (columns.length === 2) return frontier2(columns[0]!, columns[1]!, all);
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
