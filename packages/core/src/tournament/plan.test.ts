import { describe, expect, it } from "vitest";
import { canonicalJson, deriveSeed, hashText, planTournament, seatings } from "@parley/core";

const scenarios = [
  { id: "s2", seats: ["A", "B"] },
  { id: "s3", seats: ["A", "B", "C"] },
];

describe("planTournament", () => {
  it("seatings: ordered or not, with or without self-play", () => {
    expect(seatings(3, 2, { rotate: true, selfPlay: false })).toEqual([[0, 1], [0, 2], [1, 0], [1, 2], [2, 0], [2, 1]]);
    expect(seatings(3, 2, { rotate: false, selfPlay: false })).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect(seatings(2, 2, { rotate: true, selfPlay: true })).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(seatings(2, 2, { rotate: false, selfPlay: true })).toEqual([[0, 0], [0, 1], [1, 1]]);
    expect(seatings(2, 3)).toEqual([]);
    expect(seatings(4, 3)).toHaveLength(24);
    // The defaults are TournamentInput's: rotate, no self-play.
    expect(seatings(3, 2)).toEqual(seatings(3, 2, { rotate: true, selfPlay: false }));
  });

  it("rotation puts every competitor in every seat; each run's seed is derived from its index", () => {
    const plan = planTournament({ competitors: ["x", "y", "z"], scenarios, repetitions: 2, seed: 42 });
    expect(plan.runs).toHaveLength((6 + 6) * 2);
    plan.runs.forEach((r, i) => {
      expect(r.index).toBe(i);
      expect(r.seed).toBe(deriveSeed(42, i));
      expect(new Set(r.competitors).size).toBe(r.competitors.length);
      expect(r.seats).toEqual(scenarios[r.scenario]!.seats);
    });
    for (const c of ["x", "y", "z"])
      for (const s of [0, 1, 2]) expect(plan.runs.some((r) => r.scenario === 1 && r.competitors[s] === c)).toBe(true);
    expect(plan.runs.filter((r) => r.repetition === 1)).toHaveLength(12);
  });

  it("self-play and no rotation change the seatings; the hash changes with anything that changes the runs", () => {
    const base = { competitors: ["x", "y"], scenarios: [scenarios[0]!], seed: 1 };
    expect(planTournament({ ...base, selfPlay: true }).runs.map((r) => r.competitors.join())).toEqual(["x,x", "x,y", "y,x", "y,y"]);
    expect(planTournament({ ...base, rotate: false }).runs.map((r) => r.competitors.join())).toEqual(["x,y"]);
    const h = planTournament(base).hash;
    expect(planTournament({ ...base }).hash).toBe(h);
    expect(planTournament({ ...base, seed: 2 }).hash).not.toBe(h);
    expect(planTournament({ ...base, settings: { rounds: 10 } }).hash).not.toBe(h);
    expect(planTournament({ ...base, scenarios: [{ ...scenarios[0]!, fingerprint: "v2" }] }).hash).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
  });

  it("canonical JSON sorts keys; the hash is FNV-1a 64", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
    expect(hashText("")).toBe("cbf29ce484222325");
    expect(hashText("a")).toBe("af63dc4c8601ec8c");
    expect(hashText("foobar")).toBe("85944171f73967e8");
  });
});
