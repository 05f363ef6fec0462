import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeScenario, compileScenario, createRng, outcomeIndicesAt, outcomeUtilities, type Scenario } from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";
import { robustness } from "./index.js";
import { nashBeyond, nashBranchAndBound } from "./robustness.js";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });

// P weighs a and b equally; with reservation 0.5, the draft (a1, b0) gives it exactly 0.5: a coin flip
// once the weights move. Q only cares about a.
const scenario: Scenario = {
  id: "robust",
  name: "Robust",
  issues: [
    { kind: "categorical", id: "a", options: ["a0", "a1"] },
    { kind: "categorical", id: "b", options: ["b0", "b1"] },
  ],
  parties: [
    {
      id: "P",
      name: "P",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { a: 0.5, b: 0.5 }, values: { a: table({ a1: 1 }), b: table({ b1: 1 }) } },
        reservation: 0.5,
      },
    },
    {
      id: "Q",
      name: "Q",
      role: "party",
      preferences: { utility: { kind: "linear-additive", weights: { a: 1 }, values: { a: table({ a1: 1, a0: 0.2 }) } }, reservation: 0.1 },
    },
  ],
  frameworks: [{ id: "D", name: "Draft", points: [{ id: "1", number: 1, text: "a1, b0", sets: { a: "a1", b: "b0" } }] }],
};

describe("robustness", () => {
  it("robustness with no weight uncertainty reproduces the nominal verdicts and Nash package", () => {
    const r = robustness(scenario, { samples: 20, rng: createRng(1), range: 0 });
    expect(r.frameworks[0]!.parties.map((p) => [p.party, p.nominal, p.accept, p.depends, p.reject])).toEqual([
      ["P", "accept", 1, 0, 0],
      ["Q", "accept", 1, 0, 0],
    ]);
    expect(r.nash.nominal!.outcome).toEqual({ a: "a1", b: "b1" });
    expect(r.nash.stable).toBe(1);
    expect(r.nash.outcomes).toEqual([{ outcome: { a: "a1", b: "b1" }, fraction: 1 }]);
  });

  it("robustness samples weights within the ranges, seeded", () => {
    const r = robustness(scenario, { samples: 2000, rng: createRng(7) });
    const p = r.frameworks[0]!.parties[0]!;
    // P's utility of the draft is its (renormalised) weight on a: above 0.5 half of the time.
    expect(p.accept).toBeGreaterThan(0.45);
    expect(p.accept).toBeLessThan(0.55);
    expect(p.accept + p.reject).toBe(1);
    expect(r.nash.stable).toBe(1); // (a1, b1) is everyone's best
    expect(robustness(scenario, { samples: 50, rng: createRng(3) })).toEqual(robustness(scenario, { samples: 50, rng: createRng(3) }));
  });

  it("robustness takes per-party and per-issue ranges (absolute pairs, relative numbers)", () => {
    // P's weights pinned to a: 1, b: 0 → the draft is worth 1 to P.
    const r = robustness(scenario, { samples: 30, rng: createRng(1), weightRanges: { P: { a: [1, 1], b: [0, 0] } } });
    expect(r.frameworks[0]!.parties[0]!.accept).toBe(1);
    const s = robustness(scenario, { samples: 30, rng: createRng(1), weightRanges: { P: 0 } });
    expect(s.frameworks[0]!.parties[0]!.accept).toBe(1); // nominal weights: exactly 0.5 ≥ 0.5
  });

  it("robustness rejects bad ranges and unknown names", () => {
    const rng = createRng(1);
    expect(() => robustness(scenario, { samples: 0, rng })).toThrow(expect.objectContaining({ code: "PARLEY_ERR_BAD_ARGUMENT" }));
    expect(() => robustness(scenario, { samples: 5, rng, range: -1 })).toThrow(expect.objectContaining({ code: "PARLEY_ERR_BAD_ARGUMENT" }));
    expect(() => robustness(scenario, { samples: 5, rng, weightRanges: { P: [2, 1] } })).toThrow(expect.objectContaining({ code: "PARLEY_ERR_BAD_ARGUMENT" }));
    expect(() => robustness(scenario, { samples: 5, rng, weightRanges: { Z: 0.1 } })).toThrow(expect.objectContaining({ code: "PARLEY_ERR_UNKNOWN_PARTY" }));
    expect(() => robustness(scenario, { samples: 5, rng, weightRanges: { P: { zz: 0.1 } } })).toThrow(
      expect.objectContaining({ code: "PARLEY_ERR_UNKNOWN_ISSUE" }),
    );
    expect(() => robustness(scenario, { samples: 5, rng, frameworks: ["nope"] })).toThrow(expect.objectContaining({ code: "PARLEY_ERR_UNKNOWN_FRAMEWORK" }));
    const ids = scenario.frameworks.map((f) => f.id);
    expect(() => robustness(scenario, { samples: 5, rng, frameworks: [`${ids[0]}x`] })).toThrow(`; frameworks: ${ids.join(", ")}. Did you mean "${ids[0]}"?`);
  });

  it("robustness agrees between the exact search and the merge frontier", () => {
    const a = robustness(scenario, { samples: 100, rng: createRng(5) });
    const b = robustness(scenario, { samples: 100, rng: createRng(5), enumerationLimit: 0 });
    expect(b.nash.stable).toBe(a.nash.stable);
    expect(b.frameworks).toEqual(a.frameworks);
  });
});

describe("nashBranchAndBound (properties)", () => {
  it("nashBranchAndBound finds the outcome with the largest Nash product (then welfare, then first), as a full scan does", () => {
    fc.assert(
      fc.property(arbitraryScenario({ maxOutcomes: 2000, redLines: true, reservations: true, coarse: true }), fc.nat(), (s, warm) => {
        const compiled = compileScenario(s);
        const all = outcomeUtilities(compiled);
        let index = -1;
        let product = -Infinity;
        let welfare = -Infinity;
        for (let j = 0; j < all.size; j++) {
          if (!all.rational[j]) continue;
          const prod = compiled.parties.reduce((x, p, i) => x * (all.utilities[i]![j]! - p.reservation), 1);
          const sum = compiled.parties.reduce((x, _, i) => x + all.utilities[i]![j]!, 0);
          if (prod > product || (prod === product && sum > welfare)) {
            product = prod;
            welfare = sum;
            index = j;
          }
        }
        const found = nashBranchAndBound(compiled);
        expect(found.index).toBe(index);
        // a warm start (any outcome, rational or not) changes nothing but the speed
        const start = nashBranchAndBound(compiled, outcomeIndicesAt(compiled, warm % compiled.size));
        expect(start).toEqual(found);
        if (index >= 0) {
          expect(found.product).toBe(product);
          // and it is a Nash package of the full analysis (Pareto-optimal even when the best product is 0)
          const nash = analyzeScenario(compiled).nash.map((n) => n.utilities);
          expect(nash).toContainEqual(compiled.parties.map((_, i) => all.utilities[i]![index]!));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("robustness with the caller's nominal Nash package", () => {
  it("gives the same report as when robustness analyses the nominal scenario itself", () => {
    fc.assert(
      fc.property(arbitraryScenario({ maxOutcomes: 500, reservations: true, coarse: true }), fc.nat(), (s, seed) => {
        const compiled = compileScenario(s);
        const options = { samples: 20, frameworks: [], range: 0.25, reservationRange: 0.05 };
        const own = robustness(compiled, { ...options, rng: createRng(seed) });
        const given = robustness(compiled, { ...options, rng: createRng(seed), nominalNash: analyzeScenario(compiled).nash[0] ?? null });
        expect(given).toEqual(own);
      }),
      { numRuns: 100 },
    );
  });
});

describe("robustness without the samples' Nash packages (nashOutcomes: false)", () => {
  it("gives the same stability, deal and reading shares as the full search, and no outcomes", () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ maxOutcomes: 500, redLines: true, reservations: true, coarse: true }),
        fc.nat(),
        fc.boolean(),
        fc.constantFrom(0, 0.05, 0.3),
        (s, seed, nominalGiven, reservationRange) => {
          const compiled = compileScenario(s);
          const nominalNash = nominalGiven ? { nominalNash: analyzeScenario(compiled).nash[0] ?? null } : {};
          const options = { samples: 20, frameworks: [], range: 0.25, reservationRange, ...nominalNash };
          const full = robustness(compiled, { ...options, rng: createRng(seed) });
          const decided = robustness(compiled, { ...options, rng: createRng(seed), nashOutcomes: false });
          expect(decided.nash.outcomes).toEqual([]);
          expect({ ...decided, nash: { ...decided.nash, outcomes: full.nash.outcomes } }).toEqual(full);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("with frameworks too: the same verdict shares, stability and deal shares as the full search (the sample is built for the verdicts)", () => {
    for (const seed of [1, 2, 3]) {
      const full = robustness(scenario, { samples: 60, rng: createRng(seed), reservationRange: 0.1 });
      const decided = robustness(scenario, { samples: 60, rng: createRng(seed), reservationRange: 0.1, nashOutcomes: false });
      expect(decided.frameworks[0]!.parties.some((p) => p.accept > 0 && p.accept < 1)).toBe(true);
      expect({ ...decided, nash: { ...decided.nash, outcomes: full.nash.outcomes } }).toEqual(full);
    }
  });

  it("nashBeyond: whether some rational outcome's Nash product exceeds the threshold by more than 1e-12, as a full scan says", () => {
    fc.assert(
      fc.property(arbitraryScenario({ maxOutcomes: 1000, redLines: true, reservations: true, coarse: true }), fc.nat(), fc.double({ min: -0.1, max: 1.1, noNaN: true }), (s, warm, t) => {
        const compiled = compileScenario(s);
        const all = outcomeUtilities(compiled);
        let best = -Infinity;
        for (let j = 0; j < all.size; j++)
          if (all.rational[j]) best = Math.max(best, compiled.parties.reduce((x, p, i) => x * (all.utilities[i]![j]! - p.reservation), 1));
        // thresholds at, just below and just above the best product, and an arbitrary one
        for (const threshold of [t, best, best - 1e-12, best - 2e-12, best - 0.5e-12, -Infinity]) {
          const expected = best > -Infinity && !(threshold >= best - 1e-12);
          expect(nashBeyond(compiled, null, threshold)).toBe(expected);
          expect(nashBeyond(compiled, outcomeIndicesAt(compiled, warm % compiled.size), threshold)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("robustness over readings and reservation values", () => {
  // Two parties, one issue: A wants x (1), y (0.6), z (0); B the reverse. Reservations 0.5: only y is rational.
  const base: Scenario = {
    id: "r",
    name: "R",
    issues: [{ kind: "categorical", id: "a", options: ["x", "y", "z"] }],
    parties: (["A", "B"] as const).map((id) => ({
      id,
      name: id,
      role: "party" as const,
      preferences: {
        utility: { kind: "linear-additive" as const, weights: { a: 1 }, values: { a: table(id === "A" ? { x: 1, y: 0.6, z: 0 } : { z: 1, y: 0.6, x: 0 }) } },
        reservation: 0.5,
      },
    })),
    frameworks: [],
    readings: [
      { id: "a-no-y", provenance: { assumption: "-" }, parties: [{ party: "A", addRedLines: [{ kind: "forbid", issue: "a", values: ["y"] }] }] },
      { id: "low", provenance: { assumption: "-" }, parties: [{ party: "A", reservation: 0.3 }] },
    ],
  };

  it("draws each reading on or off, and names the one that decides the deal", () => {
    const r = robustness(base, { samples: 400, rng: createRng(3), range: 0, readings: { scenario: base } });
    expect(r.deal.nominal).toBe(true);
    const [first, second] = r.readings;
    expect(first!.reading).toBe("a-no-y");
    // With a-no-y on, nothing is rational; off, y always is. "low" changes neither.
    expect([first!.dealOn, first!.dealOff, first!.nashOn, first!.nashOff]).toEqual([0, 1, 0, 1]);
    expect(first!.on).toBeGreaterThan(0.4);
    expect(first!.on).toBeLessThan(0.6);
    expect(second!.reading).toBe("low");
    expect(second!.score).toBeLessThan(0.2);
    expect(r.deal.possible).toBeCloseTo(1 - first!.on, 12);
    expect(r.nash.stable).toBeCloseTo(1 - first!.on, 12);
  });

  it("keeps the selected readings on, and varies reservation values within the range", () => {
    const r = robustness(base, { samples: 50, rng: createRng(1), range: 0, readings: { scenario: base, selected: ["a-no-y"] } });
    expect(r.readings.map((x) => x.reading)).toEqual(["low"]);
    expect(r.deal.possible).toBe(0);
    // y gives both 0.6: a deal exactly when both reservation values stay at or below 0.6.
    const v = robustness(base, { samples: 2000, rng: createRng(2), range: 0, reservationRange: 0.2 });
    expect(v.reservationRange).toBe(0.2);
    expect(v.readings).toEqual([]);
    expect(v.deal.possible).toBeGreaterThan(0.75 * 0.75 - 0.05);
    expect(v.deal.possible).toBeLessThan(0.75 * 0.75 + 0.05);
  });
});
