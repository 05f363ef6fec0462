// "Did you mean": the one place that decides whether an unknown word is a likely typo of a known one.

/** Words (and candidates) longer than this are never compared: the distance is quadratic in length. */
export const SUGGEST_MAX_LENGTH = 100;

/**
 * Edit distance between `a` and `b`, case-insensitive, counting insertions, deletions,
 * substitutions and swaps of two neighbouring letters as one edit each (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  // Three rows are enough: a swap looks two rows back.
  let before: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
    }
    before = prev;
    prev = row;
  }
  return prev[t.length]!;
}

/**
 * The candidate closest to `word` when it is a likely typo of it: at most one edit per three
 * letters of `word` (at least one edit). Candidates equal to `word` are skipped; ties go to the
 * first candidate. Undefined when nothing is close enough or `word` is longer than SUGGEST_MAX_LENGTH.
 */
export function closestWord(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > SUGGEST_MAX_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word || c.length > SUGGEST_MAX_LENGTH) continue;
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/** ` Did you mean "x"?` (with the leading space) for the closestWord of `word`, else "". */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closestWord(word, candidates);
  return c === undefined ? "" : ` Did you mean "${c}"?`;
}
