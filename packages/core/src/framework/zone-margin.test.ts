import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario, crossesRedLine, outcomeFromIndices, utilityOf, type Scenario } from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";
import { dealCheck } from "./deal-check.js";
import { readingDeciders } from "./deal-readings.js";
import { zoneMargin } from "./zone-margin.js";

/** Brute force: every outcome, its utilities by utilityOf, red lines by crossesRedLine. */
function bruteForce(s: Scenario): { delta: number | null; commonLevel: number | null } {
  const compiled = compileScenario(s);
  let delta = -Infinity;
  let common = -Infinity;
  const idx = compiled.radices.map(() => 0);
  for (let j = 0; j < compiled.size; j++) {
    const outcome = outcomeFromIndices(compiled, idx);
    if (!compiled.parties.some((p) => p.redLines.some((line) => crossesRedLine(line, idx)))) {
      const u = compiled.parties.map((p) => utilityOf(compiled, p.party.id, outcome));
      delta = Math.max(delta, Math.min(...u.map((x, p) => x - compiled.parties[p]!.reservation)));
      common = Math.max(common, Math.min(...u));
    }
    for (let i = idx.length - 1; i >= 0; i--) {
      if (++idx[i]! < compiled.radices[i]!) break;
      idx[i] = 0;
    }
  }
  return delta === -Infinity ? { delta: null, commonLevel: null } : { delta, commonLevel: common };
}

describe("zoneMargin", () => {
  it("is the max-min of u − r over the outcomes no red line excludes, enumerated or merged (brute force)", () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((overweight) => arbitraryScenario({ maxOutcomes: 300, redLines: true, reservations: true, coarse: false, overweight })),
        (s) => {
          const expected = bruteForce(s);
          const compiled = compileScenario(s);
          for (const enumerationLimit of [1_000_000, 0]) {
            const m = zoneMargin(compiled, { enumerationLimit });
            expect(m.method).toBe(enumerationLimit === 0 ? "merge" : "enumerate");
            if (expected.delta === null) expect(m.delta).toBeNull();
            else {
              expect(m.delta).toBeCloseTo(expected.delta, 12);
              expect(m.commonLevel).toBeCloseTo(expected.commonLevel!, 12);
            }
          }
          // The deal check agrees: possible exactly when δ* ≥ 0.
          expect(dealCheck(compiled, { conflicts: false }).possible).toBe(expected.delta !== null && expected.delta >= 0);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("readingDeciders", () => {
  // Two parties, one issue: A wants x (1), y (0.6), z (0); B the reverse. Reservations 0.5.
  const s: Scenario = {
    id: "t",
    name: "T",
    issues: [{ kind: "categorical", id: "a", options: ["x", "y", "z"] }],
    parties: (["A", "B"] as const).map((id) => ({
      id,
      name: id,
      role: "party" as const,
      preferences: {
        utility: { kind: "linear-additive" as const, weights: { a: 1 }, values: { a: { kind: "table" as const, scores: id === "A" ? { x: 1, y: 0.6, z: 0 } : { z: 1, y: 0.6, x: 0 } } } },
        reservation: 0.5,
      },
    })),
    frameworks: [],
    readings: [
      { id: "a-no-y", provenance: { assumption: "-" }, parties: [{ party: "A", addRedLines: [{ kind: "forbid", id: "ny", issue: "a", values: ["y"] }] }] },
      { id: "high", provenance: { assumption: "-" }, parties: [{ party: "A", reservation: 0.7 }, { party: "B", reservation: 0.7 }] },
      { id: "low", provenance: { assumption: "-" }, parties: [{ party: "A", reservation: 0.3 }, { party: "B", reservation: 0.3 }] },
      { id: "b-likes-y", provenance: { assumption: "-" }, parties: [{ party: "B", values: { a: { kind: "table", scores: { y: 0.9 } } } }] },
    ],
  };

  it("names the minimal sets of readings that flip the answer, by hand", () => {
    // Nominal: y gives both 0.6 ≥ 0.5, a deal. a-no-y leaves x (B 0) and z (A 0): none. high: 0.6 < 0.7: none.
    // low: still a deal. b-likes-y: still a deal. high + b-likes-y: A 0.6 < 0.7, still none (not minimal anyway).
    const d = readingDeciders(s)!;
    expect(d.scheme).toBe("subsets");
    expect(d.nominal).toBe(true);
    expect(d.deciders).toEqual([["a-no-y"], ["high"]]);
    // high and low conflict, so never together; supersets of a decider are skipped.
    expect(d.evaluated.map((e) => e.readings.join("+"))).toEqual(["a-no-y", "high", "low", "b-likes-y", "low+b-likes-y"]);
    expect(zoneMargin(compileScenario(s))).toEqual({ delta: expect.closeTo(0.1, 12), commonLevel: 0.6, method: "enumerate", note: null });
  });

  it("adds combinations to the readings in force, and uses singles past maxAll", () => {
    const d = readingDeciders(s, { selected: ["high"] })!;
    expect(d.nominal).toBe(false);
    expect(d.base).toEqual(["high"]);
    // low conflicts with high: not combined. Under high, nothing opens a deal.
    expect(d.evaluated.map((e) => e.readings.join("+"))).toEqual(["a-no-y", "b-likes-y", "a-no-y+b-likes-y"]);
    expect(d.deciders).toEqual([]);
    const singles = readingDeciders(s, { maxAll: 2 })!;
    expect(singles.scheme).toBe("singles");
    expect(singles.evaluated.map((e) => e.readings.join("+"))).toEqual(["a-no-y", "high", "low", "b-likes-y"]);
    expect(readingDeciders({ ...s, readings: [] })).toBeNull();
  });
});

describe("zoneMargin past the frontier limit", () => {
  it("says it is not computed instead of failing the report", () => {
    // Ten issues of 4 options, two parties pulling opposite ways, reservations no outcome meets: the
    // frontier at every level is wide; with maxFrontier 1 none can be built.
    const issues = Array.from({ length: 10 }, (_, i) => ({ kind: "categorical" as const, id: `i${i}`, options: ["v0", "v1", "v2", "v3"] }));
    const party = (id: string, up: boolean) => ({
      id,
      name: id,
      role: "party" as const,
      preferences: {
        utility: {
          kind: "linear-additive" as const,
          weights: Object.fromEntries(issues.map((i) => [i.id, 0.1])),
          values: Object.fromEntries(issues.map((i) => [i.id, { kind: "table" as const, scores: { v0: up ? 0 : 1, v1: up ? 0.33 : 0.67, v2: up ? 0.67 : 0.33, v3: up ? 1 : 0 } }])),
        },
        reservation: 0.9,
      },
    });
    const m = zoneMargin(compileScenario({ id: "w", name: "W", issues, parties: [party("A", true), party("B", false)], frameworks: [] }), { enumerationLimit: 0, maxFrontier: 1 });
    expect(m.delta).toBeNull();
    expect(m.note).toMatch(/^not computed: /);
  });
});
