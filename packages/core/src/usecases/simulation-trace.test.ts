// The trace of a seeded simulation, pinned against a straightforward reference (test/reference-sao.ts):
// every offer, answer, round, time, outcome and utility, the agreement and the round count.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario, planSimulation, runSimulation, type Scenario } from "@parley/core";
import { randomAdditiveScenario } from "../../test/random-additive.js";
import { referenceAspirationSao } from "../../test/reference-sao.js";

/** Scores on a grid of `levels` steps, so that many outcomes tie on utility (ties go by outcome number). */
function quantized(scenario: Scenario, levels: number): Scenario {
  return {
    ...scenario,
    parties: scenario.parties.map((p) => {
      const u = p.preferences!.utility;
      if (u.kind !== "linear-additive") return p;
      const values = Object.fromEntries(
        Object.entries(u.values).map(([id, fn]) => [id, fn.kind === "table" ? { ...fn, scores: Object.fromEntries(Object.entries(fn.scores).map(([k, s]) => [k, Math.round(s * levels) / levels])) } : fn]),
      );
      return { ...p, preferences: { ...p.preferences!, utility: { ...u, values } } };
    }),
  };
}

function expectSameRun(scenario: Scenario, rounds: number, seed: number, x: number) {
  const compiled = compileScenario(scenario);
  const agent = x === 4 ? "aspiration" : `aspiration(x=${x})`;
  const plan = planSimulation(compiled, { protocol: "sao", agents: [agent, agent], rounds, seed });
  const run = runSimulation(plan);
  const expected = referenceAspirationSao(compileScenario(scenario), { rounds, seats: [plan.seats[0]!, plan.seats[1]!], x });
  expect(run.status).toBe(expected.status);
  expect(run.rounds).toBe(expected.rounds);
  expect(run.agreement).toEqual(expected.agreement);
  expect(run.utilities).toEqual(expected.utilities);
  expect(JSON.parse(JSON.stringify(run.trace))).toEqual(expected.trace);
  return run;
}

describe("a seeded SAO run of two aspiration negotiators", () => {
  it("gives the reference's trace on a 117,649-outcome space (6 issues × 7 options)", () => {
    const run = expectSameRun(randomAdditiveScenario(6, 7, 2, 99), 1000, 1, 4);
    expect(run.trace.length).toBeGreaterThan(200);
  });

  it("gives the reference's trace on random spaces with ties, for several exponents, deadlines and seeds (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.constantFrom(0, 3, 20),
        fc.constantFrom(0.5, 1, 4, 10),
        fc.integer({ min: 1, max: 400 }),
        (issues, options, seed, levels, x, rounds) => {
          const base = randomAdditiveScenario(issues, options, 2, seed);
          expectSameRun(levels ? quantized(base, levels) : base, rounds, seed, x);
        },
      ),
      { numRuns: 60 },
    );
  });
});
