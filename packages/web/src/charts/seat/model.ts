// The seat console's own charts as data (pure): what each draft and offer of the room was worth to
// this seat over the room's life, and the outcome space from this seat's side only — the
// distribution of its own utility over every outcome. Both are computed in the browser from the
// seat's own preferences (the room's view of the seat), compiled with @parley/core exactly as the
// engine compiles them; no other seat's preferences, and none of the scenario's modelled ones, enter.
import {
  compileScenario,
  createRng,
  crossesRedLine,
  outcomeIndices,
  outcomeIndicesAt,
  sampleOutcomes,
  type CompiledParty,
  type CompiledScenario,
  type Preferences,
  type Scenario,
  type Value,
} from "@parley/core";
import type { RoomEvent } from "../../api/types.js";

export type SeatPackage = Readonly<Record<string, Value>>;

/** The scenario compiled for this seat alone: its issues, and one party (the seat) with its own preferences. */
export interface SeatSide {
  readonly compiled: CompiledScenario;
  readonly seat: CompiledParty;
  /** The seat's utility of a complete package (null when the package leaves an issue unset or names an unknown value). */
  utility(pkg: SeatPackage): number | null;
}

export function seatSide(scenario: Scenario, party: string, prefs: Preferences): SeatSide {
  const name = scenario.parties.find((p) => p.id === party)?.name ?? party;
  const compiled = compileScenario({ ...scenario, parties: [{ id: party, name, role: "party", preferences: prefs }] });
  const seat = compiled.parties[0]!;
  return {
    compiled,
    seat,
    utility(pkg) {
      try {
        return seat.utility.evaluate(outcomeIndices(compiled, pkg));
      } catch {
        return null;
      }
    },
  };
}

// ── utility over time ────────────────────────────────────────────────────────

export type SeatPointKind = "draft" | "offer" | "agreement" | "improvement";

export interface SeatPoint {
  readonly seq: number;
  /** ISO time of the event. */
  readonly at: string;
  /** 1, 2, … in the order the packages came (the plot's x). */
  readonly step: number;
  readonly kind: SeatPointKind;
  /** In words: "Draft 2 (mediator)", "Offer from you", "Agreement". */
  readonly label: string;
  /** This seat's utility of the package. */
  readonly utility: number | null;
  /** An offer this seat made itself. */
  readonly mine: boolean;
}

const KIND: Readonly<Record<string, SeatPointKind>> = { "draft-published": "draft", offer: "offer", agreement: "agreement", "improvement-proposed": "improvement" };

/** Every draft, offer, agreement and improvement among the events, in order, with its worth to this seat. */
export function seatTimeline(events: readonly RoomEvent[], party: string, utility: (pkg: SeatPackage) => number | null): SeatPoint[] {
  const out: SeatPoint[] = [];
  for (const e of events) {
    const kind = KIND[e.type];
    const p = e.public as { package?: SeatPackage; draft?: number; party?: string; by?: string };
    if (!kind || !p.package) continue;
    const mine = kind === "offer" && p.party === party;
    const label =
      kind === "draft" ? `Draft ${p.draft} (${p.by})` : kind === "offer" ? `Offer from ${mine ? "you" : p.party}` : kind === "agreement" ? "Agreement" : "Improvement proposed";
    out.push({ seq: e.seq, at: e.at, step: out.length + 1, kind, label, utility: utility(p.package), mine });
  }
  return out;
}

// ── the outcome space from this seat's side ──────────────────────────────────

/** Spaces up to this many outcomes are enumerated; larger ones are sampled (seeded, uniform). */
export const SEAT_SPACE_LIMIT = 200_000;
/**
 * The sample drawn from a larger space: enough for 5 % bands and whole percentages (a band's share
 * has a standard error under 0.23 points), and quick on the page's main thread.
 */
export const SEAT_SPACE_SAMPLE = 50_000;
export const SEAT_SPACE_BINS = 20;

export interface SpaceBin {
  /** [from, to) of utility; the last bin includes 1. */
  readonly from: number;
  readonly to: number;
  /** Outcomes (counted) whose utility to the seat falls in the bin. */
  readonly count: number;
  /** Of those, the ones that cross one of the seat's red lines. */
  readonly crossing: number;
}

export interface SeatSpace {
  /** Outcomes in the space. */
  readonly size: number;
  /** Outcomes counted: all of them, or a sample of SEAT_SPACE_SAMPLE. */
  readonly counted: number;
  readonly sampled: boolean;
  readonly bins: readonly SpaceBin[];
  /** The counted outcomes' utilities, ascending. */
  readonly sorted: Float64Array;
  /** The seat's walk-away level (reservation value). */
  readonly walkAway: number;
  /** Counted outcomes below the walk-away level, and those crossing a red line. */
  readonly belowWalkAway: number;
  readonly crossing: number;
}

/** The bin of a utility (a hair of tolerance so that 0.35 computed as 0.34999… stays in [0.35, 0.4)). */
export function binOf(u: number, bins = SEAT_SPACE_BINS): number {
  return Math.max(0, Math.min(bins - 1, Math.floor(u * bins + 1e-9)));
}

/** The distribution of the seat's utility over the outcome space (every outcome, or a seeded sample of `sample` past `limit`). */
export function seatSpace(side: SeatSide, options: { limit?: number; sample?: number; seed?: number; bins?: number } = {}): SeatSpace {
  const { compiled, seat } = side;
  const limit = options.limit ?? SEAT_SPACE_LIMIT;
  const nbins = options.bins ?? SEAT_SPACE_BINS;
  const sampled = compiled.size > limit;
  const counted = sampled ? Math.min(options.sample ?? SEAT_SPACE_SAMPLE, limit) : compiled.size;
  const utilities = new Float64Array(counted);
  const counts = new Array<number>(nbins).fill(0);
  const crossings = new Array<number>(nbins).fill(0);
  let crossing = 0;
  let below = 0;
  const n = compiled.radices.length;
  const sample = sampled ? sampleOutcomes(compiled, counted, createRng(options.seed ?? 1)) : null;
  const idx = new Int32Array(n);
  for (let j = 0; j < counted; j++) {
    const at = sample ? sample.indices.subarray(j * n, j * n + n) : outcomeIndicesAt(compiled, j, idx);
    const u = sample ? sample.columns[0]![j]! : seat.utility.evaluate(at);
    utilities[j] = u;
    const b = binOf(u, nbins);
    counts[b]!++;
    if (u < seat.reservation) below++;
    if (seat.redLines.some((line) => crossesRedLine(line, at))) {
      crossings[b]!++;
      crossing++;
    }
  }
  utilities.sort();
  const bins = counts.map((count, k): SpaceBin => ({ from: k / nbins, to: (k + 1) / nbins, count, crossing: crossings[k]! }));
  return { size: compiled.size, counted, sampled, bins, sorted: utilities, walkAway: seat.reservation, belowWalkAway: below, crossing };
}

/** The share of counted outcomes worth strictly less than `u` to the seat. */
export function shareBelow(space: SeatSpace, u: number): number {
  const s = space.sorted;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return s.length === 0 ? 0 : lo / s.length;
}

/** A framework's worth to the seat: the worst and best completion of the issues it leaves open (additive utilities only, else null). */
export function frameworkRange(side: SeatSide, sets: SeatPackage): { readonly min: number; readonly max: number } | null {
  const { compiled, seat } = side;
  const contributions = seat.utility.contributions;
  if (!contributions) return null;
  let min = 0;
  let max = 0;
  for (let i = 0; i < compiled.issues.length; i++) {
    const c = contributions[i]!;
    const v = sets[compiled.issues[i]!.id];
    if (v !== undefined) {
      const k = compiled.values[i]!.findIndex((x) => String(x) === String(v));
      if (k < 0) return null;
      min += c[k]!;
      max += c[k]!;
    } else {
      min += Math.min(...c);
      max += Math.max(...c);
    }
  }
  return { min: Math.min(1, min), max: Math.min(1, max) };
}
