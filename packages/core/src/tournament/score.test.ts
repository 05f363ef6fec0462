import { describe, expect, it } from "vitest";
import { runFairness, scoreTournament, type ScoredRun } from "@parley/core";

const run = (index: number, competitors: string[], utilities: number[], agreement = true, extra: Partial<ScoredRun> = {}): ScoredRun => ({
  index,
  competitors,
  utilities,
  agreement,
  status: agreement ? "agreement" : "timeout",
  paretoDistance: 0.1 * index,
  nashDistance: 0.2 * index,
  ...extra,
});

describe("scoreTournament", () => {
  it("fairness is 1 − the mean pairwise utility gap", () => {
    expect(runFairness([0.5, 0.5])).toBe(1);
    expect(runFairness([1, 0])).toBe(0);
    expect(runFairness([1, 0.5, 0])).toBeCloseTo(1 - (0.5 + 1 + 0.5) / 3, 12);
    expect(runFairness([0.3])).toBe(1);
  });

  it("means per competitor over the seats it took; the leaderboard by mean utility, then agreement rate, then name", () => {
    const s = scoreTournament([
      run(1, ["b", "a"], [0.6, 0.4]),
      run(0, ["a", "b"], [0.8, 0.2]),
      run(2, ["a", "c"], [0.1, 0.1], false),
      run(3, ["c", "c"], [0.5, 0.3], true, { status: "error", errorSeat: 1, agreement: false }),
    ]);
    expect(s.competitors.map((c) => [c.competitor, c.rank])).toEqual([["a", 1], ["b", 2], ["c", 3]]);
    const a = s.competitors[0]!;
    expect(a.appearances).toBe(3);
    expect(a.meanUtility).toBeCloseTo((0.8 + 0.4 + 0.1) / 3, 12);
    expect(a.agreementRate).toBeCloseTo(2 / 3, 12);
    expect(a.meanParetoDistance).toBeCloseTo((0 + 0.1 + 0.2) / 3, 12);
    expect(a.fairness).toBeCloseTo((0.4 + 0.8 + 1) / 3, 12);
    const c = s.competitors[2]!;
    expect(c.appearances).toBe(3); // self-play counts both seats
    expect(c.errors).toBe(1);
    expect(c.faults).toBe(1); // only the seat at fault
    expect(s.overall.runs).toBe(4);
    expect(s.overall.agreementRate).toBe(0.5);
    expect(s.overall.errors).toBe(1);
  });

  it("scores do not depend on the order results arrive in", () => {
    const runs = Array.from({ length: 20 }, (_, i) => run(i, i % 2 ? ["a", "b"] : ["b", "a"], [0.1 + 0.037 * i, 0.9 - 0.041 * i], i % 3 !== 0));
    expect(scoreTournament([...runs].reverse())).toEqual(scoreTournament(runs));
  });
});
