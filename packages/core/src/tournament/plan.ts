import { deriveSeed } from "../random/rng.js";
import { planHash } from "./plan-hash.js";

/** A scenario of a tournament: an id (e.g. its path) and the party ids of its seats, in seat order. */
export interface TournamentScenario {
  readonly id: string;
  readonly seats: readonly string[];
  /** Anything that changes when the scenario's content changes (e.g. a hash of its files): part of the plan hash. */
  readonly fingerprint?: string;
}

export interface TournamentInput {
  /** Competitor specs (e.g. "boulware", "conceder(e=3)"): each a distinct name. */
  readonly competitors: readonly string[];
  readonly scenarios: readonly TournamentScenario[];
  /** Runs per seating (default 1), each with its own seed. */
  readonly repetitions?: number;
  /** Every ordering of a group of competitors over the seats, so each plays each role (default true). */
  readonly rotate?: boolean;
  /** Also seatings where a competitor fills more than one seat (default false). */
  readonly selfPlay?: boolean;
  /** The tournament seed: run i gets deriveSeed(seed, i). */
  readonly seed: number;
  /** Settings the runs depend on (protocol, rounds, …): copied into the plan and its hash. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** One run of a tournament: everything needed to run it anywhere, in any order. */
export interface RunSpec {
  /** Position in the plan (0-based). */
  readonly index: number;
  /** Index into the plan's scenarios, and that scenario's id. */
  readonly scenario: number;
  readonly scenarioId: string;
  /** Party id of each seat. */
  readonly seats: readonly string[];
  /** Competitor spec in each seat. */
  readonly competitors: readonly string[];
  /** 0-based repetition of this seating. */
  readonly repetition: number;
  /** deriveSeed(tournament seed, index). */
  readonly seed: number;
}

export interface TournamentPlan {
  /** A hash of the normalised input: two plans with the same hash have the same runs. */
  readonly hash: string;
  readonly input: Required<Omit<TournamentInput, "settings">> & { readonly settings: Readonly<Record<string, unknown>> };
  readonly runs: readonly RunSpec[];
}

/** How competitors fill seats: the options of the same name of TournamentInput, with the same defaults. */
export type SeatingOptions = Pick<TournamentInput, "rotate" | "selfPlay">;

/**
 * The seatings of `k` seats by competitors 0..c−1, in lexicographic order:
 * rotate (default) → ordered (every competitor in every seat), else unordered (competitor indices
 * non-decreasing); selfPlay → a competitor may fill several seats, else (default) all distinct.
 */
export function seatings(c: number, k: number, options: SeatingOptions = {}): number[][] {
  const { rotate = true, selfPlay = false } = options;
  const out: number[][] = [];
  const cur: number[] = [];
  const used = new Array<boolean>(c).fill(false);
  const go = (seat: number): void => {
    if (seat === k) {
      out.push([...cur]);
      return;
    }
    const from = rotate || seat === 0 ? 0 : cur[seat - 1]! + (selfPlay ? 0 : 1);
    for (let x = from; x < c; x++) {
      if (!selfPlay && used[x]) continue;
      used[x] = true;
      cur.push(x);
      go(seat + 1);
      cur.pop();
      used[x] = false;
    }
  };
  if (k > 0) go(0);
  return out;
}

/**
 * Plan a tournament: for each scenario (in order), each seating of the competitors over its seats
 * (see `seatings`), each repetition, one run with seed deriveSeed(seed, runIndex). Pure: the plan
 * depends only on the input, so runs can execute in any order or in parallel with the same results.
 */
export function planTournament(input: TournamentInput): TournamentPlan {
  const normalised = {
    competitors: [...input.competitors],
    scenarios: input.scenarios.map((s) => ({ id: s.id, seats: [...s.seats], ...(s.fingerprint !== undefined ? { fingerprint: s.fingerprint } : {}) })),
    repetitions: input.repetitions ?? 1,
    rotate: input.rotate ?? true,
    selfPlay: input.selfPlay ?? false,
    seed: input.seed >>> 0,
    settings: { ...(input.settings ?? {}) },
  };
  const runs: RunSpec[] = [];
  normalised.scenarios.forEach((scenario, s) => {
    for (const seating of seatings(normalised.competitors.length, scenario.seats.length, normalised))
      for (let repetition = 0; repetition < normalised.repetitions; repetition++) {
        const index = runs.length;
        runs.push({
          index,
          scenario: s,
          scenarioId: scenario.id,
          seats: scenario.seats,
          competitors: seating.map((x) => normalised.competitors[x]!),
          repetition,
          seed: deriveSeed(normalised.seed, index),
        });
      }
  });
  return { hash: planHash(normalised), input: normalised, runs };
}
