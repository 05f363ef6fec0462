import { ParleyError } from "../errors.js";

export interface AdjustedWinnerItem {
  readonly item: string;
  readonly pointsA: number;
  readonly pointsB: number;
  /** The fraction of the item each party receives (shareA + shareB = 1). */
  readonly shareA: number;
  readonly shareB: number;
}

export interface AdjustedWinnerResult {
  readonly items: readonly AdjustedWinnerItem[];
  /** The points each party receives, by its own valuation (equal, up to rounding). */
  readonly totalA: number;
  readonly totalB: number;
  /** The party with more points after the initial allocation (null when they start equal). */
  readonly initialWinner: "A" | "B" | null;
  /** Items moved from the initial winner to the other party, in order (the last may be the split one). */
  readonly transferred: readonly string[];
  /** The item split between the parties, if any (at most one). */
  readonly split: string | null;
}

/** Tolerance for "each party distributes 100 points". */
const SUM_TOLERANCE = 1e-6;

/**
 * Brams & Taylor's Adjusted Winner procedure for two parties who each distribute 100 points over
 * the items:
 *
 * 1. each item goes to the party who gives it more points (a tie goes to A);
 * 2. the party with more points (the initial winner, say A) hands items to B in increasing order of
 *    the ratio a/b (ties by item order), each whole while A stays at or above B;
 * 3. the first item that would push A below B is split: B receives the fraction
 *    (T_A − T_B)/(a + b) of it, which makes both totals equal.
 *
 * The result is equitable (equal totals), envy-free (each values its share at ≥ 50) and efficient
 * (every item A holds has a ratio a/b at least that of every item B holds), with at most one item
 * split.
 */
export function adjustedWinner(items: readonly string[], pointsA: readonly number[], pointsB: readonly number[]): AdjustedWinnerResult {
  if (pointsA.length !== items.length || pointsB.length !== items.length)
    throw new ParleyError(
      "PARLEY_ERR_BAD_ARGUMENT",
      `Adjusted Winner needs one number of points per item for each party (${items.length} items, ${pointsA.length} and ${pointsB.length} numbers)`,
    );
  for (const [name, pts] of [
    ["A", pointsA],
    ["B", pointsB],
  ] as const) {
    if (pts.some((x) => !Number.isFinite(x) || x < 0))
      throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", `party ${name}'s points must be finite and not negative`);
    const sum = pts.reduce((s, x) => s + x, 0);
    if (Math.abs(sum - 100) > SUM_TOLERANCE)
      throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", `party ${name} must distribute exactly 100 points (got ${sum})`);
  }
  const n = items.length;
  // shareA[g]: the fraction of item g that A holds.
  const shareA = Array.from({ length: n }, (_, g): number => (pointsA[g]! >= pointsB[g]! ? 1 : 0));
  const total = (g: number, share: readonly number[]) => share[g]! * pointsA[g]!;
  let tA = 0;
  let tB = 0;
  for (let g = 0; g < n; g++) {
    tA += total(g, shareA);
    tB += (1 - shareA[g]!) * pointsB[g]!;
  }
  const initialWinner = tA > tB ? "A" : tB > tA ? "B" : null;
  const transferred: string[] = [];
  let split: string | null = null;
  if (initialWinner) {
    // From the richer party W to the poorer L: W's items in increasing order of w/l.
    const w = initialWinner === "A" ? pointsA : pointsB;
    const l = initialWinner === "A" ? pointsB : pointsA;
    const held = (g: number) => (initialWinner === "A" ? shareA[g] === 1 : shareA[g] === 0);
    const order = [...Array(n).keys()]
      .filter((g) => held(g) && w[g]! + l[g]! > 0)
      .sort((g, h) => w[g]! * l[h]! - w[h]! * l[g]! || g - h); // w_g/l_g < w_h/l_h, without dividing by 0
    let tW = initialWinner === "A" ? tA : tB;
    let tL = initialWinner === "A" ? tB : tA;
    for (const g of order) {
      if (tW - w[g]! >= tL + l[g]!) {
        tW -= w[g]!;
        tL += l[g]!;
        shareA[g] = initialWinner === "A" ? 0 : 1;
        transferred.push(items[g]!);
        if (tW === tL) break;
      } else {
        // Give L the fraction q of g that equalises: tW − q·w = tL + q·l.
        const q = (tW - tL) / (w[g]! + l[g]!);
        shareA[g] = initialWinner === "A" ? 1 - q : q;
        tW -= q * w[g]!;
        tL += q * l[g]!;
        transferred.push(items[g]!);
        split = items[g]!;
        break;
      }
    }
  }
  const out = items.map((item, g): AdjustedWinnerItem => ({
    item,
    pointsA: pointsA[g]!,
    pointsB: pointsB[g]!,
    shareA: shareA[g]!,
    shareB: 1 - shareA[g]!,
  }));
  return {
    items: out,
    totalA: out.reduce((s, x) => s + x.shareA * x.pointsA, 0),
    totalB: out.reduce((s, x) => s + x.shareB * x.pointsB, 0),
    initialWinner,
    transferred,
    split,
  };
}
