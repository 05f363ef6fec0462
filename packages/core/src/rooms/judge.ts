// How the room engine reads a seat's preferences (submitted ones for people, modelled ones for
// agents), and the engine mediator's search rules built on them (docs/rooms.md, "How a room runs").
import type { Party } from "../model/party.js";
import type { Preferences } from "../model/preferences.js";
import type { Outcome } from "../negotiation/types.js";
import { compileRedLines, crossesRedLine, type CompiledRedLine } from "../preferences/compile-red-lines.js";
import { compileUtility, type CompiledUtility } from "../preferences/compile-utility.js";
import type { Rng } from "../random/rng.js";
import type { CompiledParty, CompiledScenario } from "../space/compile-scenario.js";
import type { PointRating } from "./types.js";

/** One seat's preferences compiled against the room's outcome space. */
export interface SeatJudge {
  readonly utility: (o: Outcome) => number;
  readonly reservation: number;
  /** How many of its red lines the outcome crosses. */
  readonly crossings: (o: Outcome) => number;
}

function judgeOf(utility: CompiledUtility, reservation: number, redLines: readonly CompiledRedLine[]): SeatJudge {
  return {
    utility: (o) => utility.evaluate(o),
    reservation,
    crossings: (o) => {
      let n = 0;
      for (const line of redLines) if (crossesRedLine(line, o)) n++;
      return n;
    },
  };
}

/**
 * A seat's preferences as an analysed party of the room's scenario: the party with `preferences` in
 * place of its modelled ones (throws ParleyError on references to unknown issues or values).
 */
export function seatParty(compiled: CompiledScenario, party: Party, preferences: Preferences): CompiledParty {
  return {
    party: { ...party, preferences },
    utility: compileUtility(preferences.utility, compiled.issues, compiled.values),
    reservation: preferences.reservation ?? 0,
    discount: 1,
    redLines: compileRedLines(preferences.redLines ?? [], compiled.issues, compiled.values),
  };
}

/** Compile submitted preferences (throws ParleyError on references to unknown issues or values). */
export function compileSeatPreferences(compiled: CompiledScenario, preferences: Preferences): SeatJudge {
  const cp = seatParty(compiled, { id: "", name: "", role: "party" }, preferences);
  return judgeOf(cp.utility, cp.reservation, cp.redLines);
}

/** The scenario's modelled preferences of a party (agent seats). */
export function modelledJudge(compiled: CompiledScenario, party: string): SeatJudge {
  const cp = compiled.parties.find((p) => p.party.id === party)!;
  return judgeOf(cp.utility, cp.reservation, cp.redLines);
}

/**
 * A seat's point-by-point rating of a package under its own preferences: `unacceptable` when the
 * package crosses one of its red lines and another value of this issue alone crosses fewer,
 * `needs-change` when another value of this issue alone is worth more to it, else `acceptable`.
 */
export function pointRatings(judge: SeatJudge, radices: readonly number[], o: Outcome): PointRating[] {
  const crossed = judge.crossings(o);
  const u = judge.utility(o);
  return radices.map((r, i) => {
    const c = Array.from(o);
    let better = false;
    for (let k = 0; k < r; k++) {
      if (k === o[i]) continue;
      c[i] = k;
      if (crossed > 0 && judge.crossings(c) < crossed) return "unacceptable";
      if (judge.utility(c) > u) better = true;
    }
    return better ? "needs-change" : "acceptable";
  });
}

/**
 * The engine mediator's score of a package: lexicographic (fewer red-line crossings over all seats;
 * then, when some seat is at or below its reservation value, the smaller total shortfall; then the
 * larger Nash product of gains over the reservation values, as a sum of logs). Higher is better.
 */
export type Score = readonly [number, number, number];

export function scoreOf(judges: readonly SeatJudge[], o: Outcome, base?: readonly number[]): Score {
  let crossings = 0;
  let shortfall = 0;
  let logs = 0;
  let positive = true;
  judges.forEach((j, s) => {
    crossings += j.crossings(o);
    const gain = j.utility(o) - (base ? base[s]! : j.reservation);
    if (gain <= 0) {
      positive = false;
      shortfall += gain;
    } else logs += Math.log(gain);
  });
  return [-crossings, positive ? 1 : shortfall, positive ? logs : -Infinity];
}

const EPS = 1e-12;
/** a > b (by more than rounding). */
export function better(a: Score, b: Score): boolean {
  for (let k = 0; k < 3; k++) {
    if (a[k] === b[k]) continue;
    if (a[k]! === -Infinity || b[k]! === -Infinity) return a[k]! > b[k]!;
    if (Math.abs(a[k]! - b[k]!) <= EPS) continue;
    return a[k]! > b[k]!;
  }
  return false;
}

/** Every one-issue change of `o`, issue by issue, value by value. */
export function* neighbours(radices: readonly number[], o: Outcome): Generator<Outcome> {
  for (let i = 0; i < radices.length; i++)
    for (let k = 0; k < radices[i]!; k++) {
      if (k === o[i]) continue;
      const c = Array.from(o);
      c[i] = k;
      yield c;
    }
}

/** The first best outcome of `candidates` by `score`, if it is better than `floor`. */
function bestOf(candidates: Iterable<Outcome>, score: (o: Outcome) => Score, floor: Score | null): { outcome: Outcome; score: Score } | null {
  let best: { outcome: Outcome; score: Score } | null = null;
  for (const c of candidates) {
    const s = score(c);
    if (floor && !better(s, floor)) continue;
    if (!best || better(s, best.score)) best = { outcome: c, score: s };
  }
  return best;
}

/** Hill-climb from `start` by the best one-issue change until none improves. */
function climb(radices: readonly number[], start: Outcome, score: (o: Outcome) => Score): { outcome: Outcome; score: Score } {
  let cur = { outcome: start, score: score(start) };
  for (;;) {
    const next = bestOf(neighbours(radices, cur.outcome), score, cur.score);
    if (!next) return cur;
    cur = next;
  }
}

/** Every outcome of the space in mixed-radix order (last issue fastest). */
function* allOutcomes(radices: readonly number[]): Generator<Outcome> {
  const o = radices.map(() => 0);
  for (;;) {
    yield o.slice();
    let i = radices.length - 1;
    while (i >= 0 && ++o[i]! >= radices[i]!) o[i--] = 0;
    if (i < 0) return;
  }
}

/** Spaces up to this size are searched exhaustively; larger ones by local search. */
export const EXHAUSTIVE_LIMIT = 1_000_000;

/**
 * The engine's best package: the maximum of `scoreOf` (exhaustive up to EXHAUSTIVE_LIMIT outcomes;
 * beyond, the best of hill climbs from `starts` random outcomes of `rng`).
 */
export function bestPackage(compiled: CompiledScenario, judges: readonly SeatJudge[], rng: Rng, starts = 8): Outcome {
  const score = (o: Outcome) => scoreOf(judges, o);
  const radices = compiled.radices;
  if (compiled.size <= EXHAUSTIVE_LIMIT) return bestOf(allOutcomes(radices), score, null)!.outcome;
  let best: { outcome: Outcome; score: Score } | null = null;
  for (let k = 0; k < starts; k++) {
    const r = climb(
      radices,
      radices.map((n) => Math.floor(rng() * n)),
      score,
    );
    if (!best || better(r.score, best.score)) best = r;
  }
  return best!.outcome;
}

/**
 * The engine mediator's next draft from the current text: the one-issue change with the best
 * score that crosses no red line (while the text crosses some: fewer) and scores better than the
 * text, skipping `tried` drafts; changes of issues in `urgent` (rated unacceptable) first. Null:
 * nothing improves (call the ratification).
 */
export function nextDraft(
  radices: readonly number[],
  judges: readonly SeatJudge[],
  text: Outcome,
  tried: ReadonlySet<string>,
  urgent: ReadonlySet<number>,
): Outcome | null {
  const score = (o: Outcome) => scoreOf(judges, o);
  const floor = score(text);
  const ok = (c: Outcome) => !tried.has(c.join(",")) && (floor[0] === 0 ? score(c)[0] === 0 : true);
  const candidates = [...neighbours(radices, text)].filter(ok);
  const changed = (c: Outcome) => c.findIndex((v, i) => v !== text[i]);
  const first = bestOf(
    candidates.filter((c) => urgent.has(changed(c))),
    score,
    floor,
  );
  return (first ?? bestOf(candidates, score, floor))?.outcome ?? null;
}

/**
 * A post-settlement improvement of `agreement`: the package every seat strictly prefers to it,
 * crossing no red line, that maximises the Nash product of gains over the agreement. Exhaustive up
 * to EXHAUSTIVE_LIMIT outcomes; beyond, a local search from the agreement over one- and two-issue
 * changes (maximin gain first, then the Nash product). Null when there is none.
 */
export function improvementOf(compiled: CompiledScenario, judges: readonly SeatJudge[], agreement: Outcome): Outcome | null {
  const base = judges.map((j) => j.utility(agreement));
  const radices = compiled.radices;
  const feasible = (o: Outcome) => judges.every((j, s) => j.crossings(o) === 0 && j.utility(o) > base[s]! + EPS);
  const nash = (o: Outcome): Score => {
    let logs = 0;
    judges.forEach((j, s) => (logs += Math.log(j.utility(o) - base[s]!)));
    return [0, 0, logs];
  };
  if (compiled.size <= EXHAUSTIVE_LIMIT) {
    let best: { outcome: Outcome; score: Score } | null = null;
    for (const o of allOutcomes(radices)) {
      if (!feasible(o)) continue;
      const s = nash(o);
      if (!best || better(s, best.score)) best = { outcome: o, score: s };
    }
    return best?.outcome ?? null;
  }
  // Local search: maximin gain over the agreement (red lines forbidden), then the Nash product.
  const score = (o: Outcome): Score => {
    if (judges.some((j) => j.crossings(o) > 0)) return [-1, 0, 0];
    let min = Infinity;
    let logs = 0;
    judges.forEach((j, s) => {
      const g = j.utility(o) - base[s]!;
      min = Math.min(min, g);
      logs += g > 0 ? Math.log(g) : 0;
    });
    return min > EPS ? [1, 0, logs] : [0, min, 0];
  };
  const pairs = function* (o: Outcome): Generator<Outcome> {
    for (const c of neighbours(radices, o)) {
      yield c;
      const i = c.findIndex((v, k) => v !== o[k]);
      for (let j = i + 1; j < radices.length; j++)
        for (let k = 0; k < radices[j]!; k++) {
          if (k === o[j]) continue;
          const d = Array.from(c);
          d[j] = k;
          yield d;
        }
    }
  };
  let cur = { outcome: agreement, score: score(agreement) };
  for (;;) {
    const next = bestOf(pairs(cur.outcome), score, cur.score);
    if (!next) break;
    cur = next;
  }
  return feasible(cur.outcome) ? cur.outcome : null;
}
