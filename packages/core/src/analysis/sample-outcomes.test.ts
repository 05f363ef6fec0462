import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario, createRng, crossesRedLine, sampledOutcome, sampleOutcomes } from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";

describe("sampleOutcomes", () => {
  it("evaluates every drawn outcome as the parties do, and flags the rational ones", () => {
    fc.assert(
      fc.property(arbitraryScenario({ redLines: true, reservations: true }), fc.integer({ min: 0, max: 2 ** 31 }), (scenario, seed) => {
        const compiled = compileScenario(scenario);
        const sample = sampleOutcomes(compiled, 60, createRng(seed));
        let rational = 0;
        for (let j = 0; j < sample.count; j++) {
          const idx = sampledOutcome(sample, j);
          idx.forEach((k, i) => expect(k).toBeLessThan(compiled.radices[i]!));
          const ok = compiled.parties.every((p) => p.utility.evaluate(idx) >= p.reservation && !p.redLines.some((r) => crossesRedLine(r, idx)));
          compiled.parties.forEach((p, q) => expect(sample.columns[q]![j]).toBe(p.utility.evaluate(idx)));
          expect(sample.rational[j]).toBe(ok ? 1 : 0);
          if (ok) rational++;
        }
        expect(sample.rationalCount).toBe(rational);
      }),
    );
  });
  it("the same seed draws the same outcomes; another seed draws others", () => {
    fc.assert(
      fc.property(arbitraryScenario({ maxOutcomes: 2000 }), fc.integer({ min: 0, max: 2 ** 31 }), (scenario, seed) => {
        const compiled = compileScenario(scenario);
        const a = sampleOutcomes(compiled, 50, createRng(seed));
        expect(sampleOutcomes(compiled, 50, createRng(seed))).toEqual(a);
      }),
    );
  });
  it("draws each option about equally often", () => {
    const compiled = compileScenario({
      id: "u",
      name: "u",
      issues: [{ kind: "categorical", id: "a", options: ["x", "y", "z", "w"] }],
      parties: [{ id: "P", name: "P", role: "party", preferences: { utility: { kind: "linear-additive", weights: { a: 1 }, values: { a: { kind: "table", scores: { x: 1 } } } } } }],
      frameworks: [],
    });
    const sample = sampleOutcomes(compiled, 40_000, createRng(11));
    const counts = [0, 0, 0, 0];
    for (const k of sample.indices) counts[k]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400); // > 4 standard deviations
  });
});
