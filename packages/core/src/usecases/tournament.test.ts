import { describe, expect, it } from "vitest";
import {
  checkTournament,
  compileScenario,
  negotiationReference,
  planTournamentOrThrow,
  playTournamentRun,
  runErrorCodes,
  scoreRecords,
  tournamentRunRecord,
  type TournamentRequest,
} from "@parley/core";
import { threeParties } from "../../test/negotiation-fixtures.js";

const compiled = compileScenario(threeParties);
const request: TournamentRequest = {
  competitors: ["boulware", "conceder", "linear"],
  scenarios: [{ id: "three", compiled, seats: ["P", "Q"] }],
  protocol: "sao",
  rounds: 30,
  repetitions: 2,
  rotate: true,
  selfPlay: false,
  seed: 7,
};

describe("checkTournament", () => {
  it("plans every ordered pairing × repetition", () => {
    const checked = checkTournament(request);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.plan.runs).toHaveLength(3 * 2 * 2);
    expect(checked.seats).toEqual([["P", "Q"]]);
  });
  it("reports every problem at its path", () => {
    const checked = checkTournament({
      ...request,
      competitors: ["boulware", "nobody", "boulware"],
      scenarios: [
        { id: "three", compiled, seats: ["P", "X"] },
        { id: "all", compiled },
      ],
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => [p.code, p.path.join(".")])).toEqual([
      ["PARLEY_ERR_UNKNOWN_STRATEGY", "competitors.1"],
      ["PARLEY_ERR_BAD_ARGUMENT", "competitors.2"],
      ["PARLEY_ERR_UNKNOWN_PARTY", "scenarios.0.seats"],
      ["PARLEY_ERR_BAD_ARGUMENT", "scenarios.1"],
    ]);
  });
  it("suggests the protocol meant by a typo", () => {
    const checked = checkTournament({ ...request, protocol: "stakced" as TournamentRequest["protocol"] }); // as from an untyped caller
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems[0]).toMatchObject({
      code: "PARLEY_ERR_UNKNOWN_PROTOCOL",
      message: 'a tournament\'s protocol is sao or stacked, not "stakced". Did you mean "stacked"?',
    });
  });
  it("limits rounds and runs; a plan with no run is refused", () => {
    expect(() => planTournamentOrThrow(request, { maxRuns: 5 })).toThrow(/12 runs, more than the limit of 5/);
    expect(() => planTournamentOrThrow(request, { maxRounds: 10 })).toThrow(/rounds 30 is more than the limit of 10/);
    expect(() => planTournamentOrThrow({ ...request, competitors: ["boulware"] })).toThrow(/no runs to play/);
    expect(planTournamentOrThrow({ ...request, competitors: ["boulware"], selfPlay: true }).runs).toHaveLength(2);
  });
  it("the plan hash follows the scenario's content, not only its id", () => {
    const a = planTournamentOrThrow(request).hash;
    const changed = compileScenario({ ...threeParties, name: "Three (edited)" });
    expect(planTournamentOrThrow({ ...request, scenarios: [{ id: "three", compiled: changed, seats: ["P", "Q"] }] }).hash).not.toBe(a);
    expect(planTournamentOrThrow(request).hash).toBe(a);
  });
});

describe("playTournamentRun and its record", () => {
  const plan = planTournamentOrThrow(request);
  const reference = negotiationReference(compiled, ["P", "Q"]);
  it("is deterministic, and measures the run against the reference", () => {
    for (const run of plan.runs) {
      const a = playTournamentRun(compiled, run, { protocol: "sao", rounds: 30 });
      expect(playTournamentRun(compiled, run, { protocol: "sao", rounds: 30 })).toEqual(a);
      const record = tournamentRunRecord(run, a, reference);
      expect(record).toMatchObject({ index: run.index, scenario: "three", competitors: run.competitors, seed: run.seed });
      expect(record.welfare).toBeCloseTo(a.utilities.reduce((x, y) => x + y, 0), 12);
      expect(record.paretoDistance).not.toBeNull();
      expect(tournamentRunRecord(run, a, null).paretoDistance).toBeNull();
    }
  });
  it("a run that cannot be set up is RUN_FAILED, with the seats' reservation values", () => {
    const run = { ...plan.runs[0]!, competitors: ["nobody", "linear"] };
    const outcome = playTournamentRun(compiled, run, { protocol: "sao", rounds: 30 });
    expect(outcome).toMatchObject({ status: "error", agreement: null, rounds: 0, utilities: [0, 0], error: { code: "RUN_FAILED" } });
    expect(runErrorCodes).toContain(outcome.error!.code);
  });
  it("scores the records into a leaderboard of every competitor", () => {
    const records = plan.runs.map((run) => tournamentRunRecord(run, playTournamentRun(compiled, run, { protocol: "sao", rounds: 30 }), reference));
    const scores = scoreRecords(records);
    expect(scores.competitors.map((c) => c.competitor).sort()).toEqual(["boulware", "conceder", "linear"]);
  });
});
