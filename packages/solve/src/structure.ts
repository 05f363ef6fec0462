import { ParleyError, type CompiledScenario } from "@parley/core";

/**
 * A scenario's preferences as sums of boxes over classes of values, the form the solver works on.
 *
 * Each issue's values are grouped into classes: values no rectangle bound, red line or additive
 * weight tells apart share a class, so the solver picks a class, never a value. A party's integer
 * score S = constant + Σ weight · [the outcome lies in the term's box], and its utility is
 * clamp(S / scale / normalizer, low, 1), the very number core's compiled utility computes.
 */
export interface BoxStructure {
  /** Per issue: the class of each option index. */
  readonly classOf: readonly Int32Array[];
  /** Per issue: the first option index of each class (the outcome the solver reports). */
  readonly representative: readonly Int32Array[];
  readonly parties: readonly PartyBoxes[];
  /** Red lines over classes: a class nobody may pick (per issue), and "if A then B" rules. */
  readonly forbidden: readonly Uint8Array[];
  readonly rules: readonly { readonly ifIssue: number; readonly ifClasses: Uint8Array; readonly thenIssue: number; readonly thenClasses: Uint8Array }[];
  /** True when every weight is an integer after scaling: scores are then exact integers. */
  readonly integral: boolean;
  /**
   * Per issue: 1 for a class some other allowed class of the same issue dominates — inside every
   * positive-weight box it is inside and in no negative-weight box it is not in, for every party —
   * so swapping it for that class never lowers any score (dominatedClasses). Maximising programs
   * with lower bounds on scores may leave such classes out without losing a Pareto vector.
   */
  readonly dominated: readonly Uint8Array[];
}

export interface BoxTerm {
  /** Integer weight (after scaling) added when the outcome lies in the box. */
  readonly weight: number;
  /** Per bounded issue, which classes lie inside the box. At least one issue. */
  readonly conds: readonly { readonly issue: number; readonly classes: Uint8Array }[];
}

export interface PartyBoxes {
  readonly constant: number;
  readonly terms: readonly BoxTerm[];
  /** Scores are weights × scale; utility = clamp(score / scale / normalizer, low, 1). */
  readonly scale: number;
  readonly normalizer: number;
  /** 0 for hyper-rectangles (clamped below at 0), -Infinity for linear-additive. */
  readonly low: number;
  /** The reservation value dᵢ. */
  readonly reservation: number;
  /** The smallest and largest score any outcome can reach (bounds for the solver's variables). */
  readonly minScore: number;
  readonly maxScore: number;
}

/** Utility of a party at an integer score: the same float arithmetic as core's evaluation. */
export function scoreUtility(p: PartyBoxes, score: number): number {
  const s = p.scale === 1 ? score : score / p.scale;
  if (p.low === -Infinity) return s > 1 ? 1 : s;
  const u = p.normalizer > 0 ? s / p.normalizer : 0;
  return u < 0 ? 0 : u > 1 ? 1 : u;
}

/** The smallest integer score whose utility is at least `u` (Infinity when none reaches it). */
export function scoreAtLeast(p: PartyBoxes, u: number): number {
  if (scoreUtility(p, p.minScore) >= u) return p.minScore;
  if (scoreUtility(p, p.maxScore) < u) return Infinity;
  // Utility is non-decreasing in the score: bisect on integers.
  let lo = p.minScore;
  let hi = p.maxScore;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (scoreUtility(p, mid) >= u) hi = mid;
    else lo = mid;
  }
  return hi;
}

interface RawTerm {
  readonly weight: number;
  /** Per issue index: allowed option mask. */
  readonly conds: Map<number, Uint8Array>;
}

/** The largest decimal scale tried to make weights integers. */
const MAX_SCALE_DIGITS = 9;

function integerScale(weights: readonly number[]): number | null {
  for (let k = 0, scale = 1; k <= MAX_SCALE_DIGITS; k++, scale *= 10) {
    let total = 0;
    let ok = true;
    for (const w of weights) {
      const x = w * scale;
      const r = Math.round(x);
      if (Math.abs(x - r) > 1e-9 * Math.max(1, Math.abs(x))) {
        ok = false;
        break;
      }
      total += Math.abs(r);
    }
    if (ok && total < 2 ** 31) return scale;
  }
  return null;
}

/** Build the box structure of every analysed party of `compiled`. Throws for table utilities. */
export function boxStructure(compiled: CompiledScenario): BoxStructure {
  const n = compiled.issues.length;
  const radices = compiled.radices;
  const position = new Map(compiled.issues.map((issue, i) => [issue.id, i] as const));
  const coords = compiled.issues.map((issue, i) =>
    Float64Array.from(compiled.values[i]!, (v, k) => (issue.kind === "categorical" ? k : (v as number))),
  );
  const rawParties = compiled.parties.map((p) => {
    const utility = p.party.preferences!.utility;
    const terms: RawTerm[] = [];
    let constant = 0;
    let normalizer = 1;
    let low = -Infinity;
    if (utility.kind === "hyper-rectangles") {
      low = 0;
      normalizer = utility.normalizer ?? utility.rectangles.reduce((s, r) => s + (r.utility > 0 ? r.utility : 0), 0);
      for (const r of utility.rectangles) {
        const conds = new Map<number, Uint8Array>();
        const bound = (issueId: string, min: number, max: number, inside: boolean) => {
          const i = position.get(issueId);
          if (i === undefined) throw new ParleyError("PARLEY_ERR_UNKNOWN_ISSUE", `utility refers to unknown issue "${issueId}"`);
          const mask = conds.get(i) ?? new Uint8Array(radices[i]!).fill(1);
          coords[i]!.forEach((x, k) => {
            if ((x >= min && x <= max) !== inside) mask[k] = 0;
          });
          conds.set(i, mask);
        };
        for (const b of r.includes) bound(b.issue, b.min, b.max, true);
        for (const b of r.excludes ?? []) bound(b.issue, b.min, b.max, false);
        if (r.utility === 0) continue;
        if (conds.size === 0) constant += r.utility;
        else terms.push({ weight: r.utility, conds });
      }
    } else if (utility.kind === "linear-additive") {
      const contributions = p.utility.contributions!;
      contributions.forEach((table, i) => {
        table.forEach((w, k) => {
          if (w === 0) return;
          const mask = new Uint8Array(radices[i]!);
          mask[k] = 1;
          terms.push({ weight: w, conds: new Map([[i, mask]]) });
        });
      });
    } else {
      throw new ParleyError(
        "PARLEY_ERR_NOT_ADDITIVE",
        `party "${p.party.id}" has a table utility; the solver handles hyper-rectangle and linear-additive utilities (a table needs an enumerable space)`,
      );
    }
    return { terms, constant, normalizer, low, reservation: p.reservation, id: p.party.id };
  });

  // Classes: per issue, values with the same membership in every condition and red line.
  const signatures = Array.from({ length: n }, (_, i) => Array.from({ length: radices[i]! }, () => [] as number[]));
  let tag = 0;
  const mark = (i: number, mask: Uint8Array) => {
    const t = tag++;
    mask.forEach((m, k) => m && signatures[i]![k]!.push(t));
  };
  for (const p of rawParties) for (const t of p.terms) for (const [i, mask] of t.conds) mark(i, mask);
  for (const p of compiled.parties)
    for (const r of p.redLines) {
      if (r.kind === "forbid") mark(r.issue, r.mask);
      else {
        mark(r.ifIssue, r.ifMask);
        mark(r.thenIssue, r.thenMask);
      }
    }
  const classOf: Int32Array[] = [];
  const representative: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const ids = new Map<string, number>();
    const cls = new Int32Array(radices[i]!);
    const reps: number[] = [];
    signatures[i]!.forEach((sig, k) => {
      const key = sig.join(",");
      let c = ids.get(key);
      if (c === undefined) {
        c = reps.length;
        ids.set(key, c);
        reps.push(k);
      }
      cls[k] = c;
    });
    classOf.push(cls);
    representative.push(Int32Array.from(reps));
  }
  const toClasses = (i: number, mask: Uint8Array): Uint8Array => {
    const out = new Uint8Array(representative[i]!.length);
    representative[i]!.forEach((k, c) => (out[c] = mask[k]!));
    return out;
  };

  let integral = true;
  const parties = rawParties.map((p): PartyBoxes => {
    const weights = [p.constant, ...p.terms.map((t) => t.weight)];
    let scale = integerScale(weights);
    if (scale === null) {
      integral = false;
      scale = 1e9;
    }
    const terms: BoxTerm[] = [];
    let constant = Math.round(p.constant * scale);
    for (const t of p.terms) {
      const weight = Math.round(t.weight * scale);
      if (weight === 0) continue;
      const conds: { issue: number; classes: Uint8Array }[] = [];
      let empty = false;
      for (const [i, mask] of t.conds) {
        const classes = toClasses(i, mask);
        if (classes.every((x) => x === 1)) continue;
        if (classes.every((x) => x === 0)) empty = true;
        conds.push({ issue: i, classes });
      }
      if (empty) continue;
      if (conds.length === 0) constant += weight;
      else terms.push({ weight, conds: conds.sort((a, b) => a.issue - b.issue) });
    }
    // Linear-additive terms on one issue: the score's range per issue is min/max over its classes.
    let minScore = constant;
    let maxScore = constant;
    const single = new Map<number, Float64Array>();
    for (const t of terms) {
      if (t.conds.length === 1) {
        const c = t.conds[0]!;
        const per = single.get(c.issue) ?? new Float64Array(c.classes.length);
        c.classes.forEach((x, k) => x && (per[k] += t.weight));
        single.set(c.issue, per);
      } else if (t.weight > 0) maxScore += t.weight;
      else minScore += t.weight;
    }
    for (const per of single.values()) {
      minScore += Math.min(...per);
      maxScore += Math.max(...per);
    }
    return { constant, terms, scale, normalizer: p.normalizer, low: p.low, reservation: p.reservation, minScore, maxScore };
  });

  const forbidden = representative.map((r) => new Uint8Array(r.length));
  const rules: BoxStructure["rules"][number][] = [];
  for (const p of compiled.parties)
    for (const r of p.redLines) {
      if (r.kind === "forbid") toClasses(r.issue, r.mask).forEach((x, c) => x && (forbidden[r.issue]![c] = 1));
      else rules.push({ ifIssue: r.ifIssue, ifClasses: toClasses(r.ifIssue, r.ifMask), thenIssue: r.thenIssue, thenClasses: toClasses(r.thenIssue, r.thenMask) });
    }
  return { classOf, representative, parties, forbidden, rules, integral, dominated: dominatedClasses(representative, parties, forbidden, rules) };
}

/**
 * Per issue, the classes that another class dominates (see BoxStructure.dominated). Issues a
 * cross-issue red line names are left whole; a forbidden class dominates nothing; of classes alike
 * in every box (they differ by a forbid rule only), the first allowed one is kept.
 */
export function dominatedClasses(
  representative: readonly Int32Array[],
  parties: readonly PartyBoxes[],
  forbidden: readonly Uint8Array[],
  rules: BoxStructure["rules"],
): Uint8Array[] {
  const touching = representative.map(() => [] as { weight: number; classes: Uint8Array }[]);
  for (const p of parties) for (const t of p.terms) for (const c of t.conds) touching[c.issue]!.push({ weight: t.weight, classes: c.classes });
  const ruled = new Set(rules.flatMap((r) => [r.ifIssue, r.thenIssue]));
  return representative.map((reps, i) => {
    const out = new Uint8Array(reps.length);
    if (ruled.has(i)) return out;
    const atLeastAsGood = (c1: number, c2: number) =>
      touching[i]!.every(({ weight, classes }) => (weight > 0 ? !classes[c2] || classes[c1] === 1 : !classes[c1] || classes[c2] === 1));
    for (let c2 = 0; c2 < reps.length; c2++)
      for (let c1 = 0; c1 < reps.length; c1++) {
        if (c1 === c2 || forbidden[i]![c1]) continue;
        // Alike both ways: keep the allowed one, else the first.
        if (atLeastAsGood(c1, c2) && (!atLeastAsGood(c2, c1) || forbidden[i]![c2] || c1 < c2)) {
          out[c2] = 1;
          break;
        }
      }
    return out;
  });
}

/** A party's exact integer score at an outcome given by class indices. */
export function partyScore(p: PartyBoxes, classes: ArrayLike<number>): number {
  let s = p.constant;
  outer: for (const t of p.terms) {
    for (const c of t.conds) if (!c.classes[classes[c.issue]!]) continue outer;
    s += t.weight;
  }
  return s;
}
