/** What scoring needs of one finished run (a tournament's per-run record has these fields and more). */
export interface ScoredRun {
  /** The run's index in the plan: results are scored in index order, so the scores never depend on the order runs finished in. */
  readonly index: number;
  /** Competitor spec in each seat. */
  readonly competitors: readonly string[];
  /** Utilities in seat order: of the agreement, or the reservation values without one. */
  readonly utilities: readonly number[];
  readonly agreement: boolean;
  /** "agreement", "timeout", "ended", "rejected", "error", … */
  readonly status: string;
  readonly paretoDistance: number | null;
  readonly nashDistance: number | null;
  /** For errors: the seat at fault (-1 or absent: not a seat, e.g. the run's time limit). */
  readonly errorSeat?: number;
}

export interface CompetitorScore {
  readonly competitor: string;
  /** 1-based place on the leaderboard. */
  readonly rank: number;
  /** Seats taken (a run in self-play counts once per seat). */
  readonly appearances: number;
  /** Mean own utility over every seat taken (reservation value when there was no agreement). */
  readonly meanUtility: number;
  /** Fraction of seats taken in runs that ended in agreement. */
  readonly agreementRate: number;
  /** Means over the seats taken in runs whose distance is defined (null when none is). */
  readonly meanParetoDistance: number | null;
  readonly meanNashDistance: number | null;
  /** Mean over the seats taken of the run's fairness, 1 − mean pairwise |uᵢ − uⱼ| (1: everyone got the same). */
  readonly fairness: number;
  /** Runs it took part in that ended in an error, and those in which its own seat was at fault. */
  readonly errors: number;
  readonly faults: number;
}

export interface TournamentScores {
  /** The leaderboard: by mean utility, then agreement rate (both descending), then name. */
  readonly competitors: readonly CompetitorScore[];
  readonly overall: {
    readonly runs: number;
    readonly agreementRate: number;
    readonly meanWelfare: number;
    readonly meanParetoDistance: number | null;
    readonly meanNashDistance: number | null;
    readonly fairness: number;
    readonly errors: number;
  };
}

/** 1 − the mean of |uᵢ − uⱼ| over all pairs of seats (1 with a single seat). */
export function runFairness(utilities: readonly number[]): number {
  const n = utilities.length;
  if (n < 2) return 1;
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sum += Math.abs(utilities[i]! - utilities[j]!);
  return 1 - sum / ((n * (n - 1)) / 2);
}

class Mean {
  sum = 0;
  count = 0;
  add(x: number | null): void {
    if (x === null || !Number.isFinite(x)) return;
    this.sum += x;
    this.count++;
  }
  value(): number | null {
    return this.count ? this.sum / this.count : null;
  }
}

/** Score finished runs: per competitor means and the leaderboard, plus tournament-wide figures. */
export function scoreTournament(results: readonly ScoredRun[]): TournamentScores {
  const runs = [...results].sort((a, b) => a.index - b.index);
  interface Acc {
    utility: Mean;
    agreements: number;
    appearances: number;
    pareto: Mean;
    nash: Mean;
    fairness: Mean;
    errors: number;
    faults: number;
  }
  const by = new Map<string, Acc>();
  const overall = { agreements: 0, welfare: new Mean(), pareto: new Mean(), nash: new Mean(), fairness: new Mean(), errors: 0 };
  for (const run of runs) {
    const fair = runFairness(run.utilities);
    const isError = run.status === "error";
    overall.agreements += run.agreement ? 1 : 0;
    overall.welfare.add(run.utilities.reduce((s, u) => s + u, 0));
    overall.pareto.add(run.paretoDistance);
    overall.nash.add(run.nashDistance);
    overall.fairness.add(fair);
    if (isError) overall.errors++;
    const seen = new Set<string>();
    run.competitors.forEach((name, seat) => {
      let acc = by.get(name);
      if (!acc) {
        acc = { utility: new Mean(), agreements: 0, appearances: 0, pareto: new Mean(), nash: new Mean(), fairness: new Mean(), errors: 0, faults: 0 };
        by.set(name, acc);
      }
      acc.appearances++;
      acc.utility.add(run.utilities[seat] ?? null);
      if (run.agreement) acc.agreements++;
      acc.pareto.add(run.paretoDistance);
      acc.nash.add(run.nashDistance);
      acc.fairness.add(fair);
      if (isError && !seen.has(name)) acc.errors++;
      if (isError && run.errorSeat === seat) acc.faults++;
      seen.add(name);
    });
  }
  const scores = [...by.entries()].map(([competitor, a]) => ({
    competitor,
    appearances: a.appearances,
    meanUtility: a.utility.value() ?? 0,
    agreementRate: a.appearances ? a.agreements / a.appearances : 0,
    meanParetoDistance: a.pareto.value(),
    meanNashDistance: a.nash.value(),
    fairness: a.fairness.value() ?? 1,
    errors: a.errors,
    faults: a.faults,
  }));
  scores.sort((x, y) => y.meanUtility - x.meanUtility || y.agreementRate - x.agreementRate || (x.competitor < y.competitor ? -1 : x.competitor > y.competitor ? 1 : 0));
  return {
    competitors: scores.map((s, k) => ({ ...s, rank: k + 1 })),
    overall: {
      runs: runs.length,
      agreementRate: runs.length ? overall.agreements / runs.length : 0,
      meanWelfare: overall.welfare.value() ?? 0,
      meanParetoDistance: overall.pareto.value(),
      meanNashDistance: overall.nash.value(),
      fairness: overall.fairness.value() ?? 1,
      errors: overall.errors,
    },
  };
}
