// The solver's frontier and solutions agree with brute-force enumeration on small random
// hyper-rectangle and additive profiles; GENIUS's published frontiers are matched or dominated.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeScenario, compileScenario, type HyperRectangle, type Scenario, type RedLine } from "@parley/core";
import { readGeniusFolderSync } from "@parley/formats/node";
import { analyzeBySolver } from "@parley/solve";
import { geniusCorpusDir, hasGeniusCorpus } from "../../../test/corpus.js";

const bound = (issues: number, values: number) =>
  fc.record({ issue: fc.nat(issues - 1).map((i) => `i${i}`), a: fc.nat(values - 1), b: fc.nat(values - 1) }).map(({ issue, a, b }) => ({ issue, min: Math.min(a, b), max: Math.max(a, b) }));

const rectangle = (issues: number, values: number): fc.Arbitrary<HyperRectangle> =>
  fc.record({
    utility: fc.integer({ min: -20, max: 100 }),
    includes: fc.array(bound(issues, values), { maxLength: 3 }),
    excludes: fc.array(bound(issues, values), { maxLength: 1 }),
  });

/** A random scenario of `parties` parties on 1–4 integer issues of 2–4 values: rectangles, sometimes additive, reservation values, red lines. */
const scenarioOf = (parties: number): fc.Arbitrary<Scenario> => fc
  .record({ issues: fc.integer({ min: 1, max: 4 }), values: fc.integer({ min: 2, max: 4 }) })
  .chain(({ issues, values }) =>
    fc
      .record({
        utilities: fc.array(
          fc.oneof(
            { weight: 4, arbitrary: fc.record({ rectangles: fc.array(rectangle(issues, values), { minLength: 1, maxLength: 6 }), normalizer: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }) }) },
            { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: issues * values, maxLength: issues * values }) },
          ),
          { minLength: parties, maxLength: parties },
        ),
        reservation: fc.array(fc.constantFrom(0, 0, 0.2, 0.5), { minLength: parties, maxLength: parties }),
        forbid: fc.option(fc.record({ issue: fc.nat(issues - 1), value: fc.nat(values - 1) }), { nil: undefined }),
        require: fc.option(fc.record({ a: fc.nat(issues - 1), va: fc.nat(values - 1), b: fc.nat(issues - 1), vb: fc.nat(values - 1) }), { nil: undefined }),
      })
      .map(({ utilities, reservation, forbid, require }): Scenario => {
        const redLines: RedLine[] = [];
        if (forbid) redLines.push({ kind: "forbid", issue: `i${forbid.issue}`, values: [forbid.value] });
        if (require) redLines.push({ kind: "require", if: { issue: `i${require.a}`, values: [require.va] }, then: { issue: `i${require.b}`, values: [require.vb, (require.vb + 1) % values] } });
        return {
          id: "random",
          name: "random",
          frameworks: [],
          issues: Array.from({ length: issues }, (_, i) => ({ id: `i${i}`, kind: "integer" as const, min: 0, max: values - 1 })),
          parties: utilities.map((u, p) => ({
            id: `p${p}`,
            name: `p${p}`,
            role: "party" as const,
            preferences: {
              reservation: reservation[p]!,
              ...(p === 0 && redLines.length ? { redLines } : {}),
              utility: Array.isArray(u)
                ? {
                    kind: "linear-additive" as const,
                    weights: Object.fromEntries(Array.from({ length: issues }, (_, i) => [`i${i}`, 0.25])),
                    values: Object.fromEntries(
                      Array.from({ length: issues }, (_, i) => [`i${i}`, { kind: "table" as const, scores: Object.fromEntries(Array.from({ length: values }, (_, k) => [String(k), u[i * values + k]! / 10])) }]),
                    ),
                  }
                : { kind: "hyper-rectangles" as const, rectangles: u.rectangles, ...(u.normalizer !== undefined ? { normalizer: u.normalizer } : {}) },
            },
          })),
        };
      }),
  );
const smallScenario = scenarioOf(2);

// Utilities are core's float sums: outcomes with equal integer scores may differ in the last bit.
const round = (x: number) => Math.round(x * 1e9) / 1e9;
const vectors = (points: readonly { utilities: number[] }[]) =>
  [...new Set(points.map((p) => JSON.stringify(p.utilities.map(round))))].map((s) => JSON.parse(s) as number[]).sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]!);

describe("the solver's exact frontier", () => {
  it("equals the enumerated frontier, and so do Nash, Kalai–Smorodinsky, egalitarian and max welfare", async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario, async (scenario) => {
        const brute = analyzeScenario(scenario, { method: "enumerate" });
        const solved = await analyzeBySolver(scenario);
        expect(solved.method).toBe("solve");
        expect(solved.exact).toBe(true);
        expect(solved.solver.gap).toBe(0);
        expect(vectors(solved.pareto.points)).toEqual(vectors(brute.pareto.points));
        for (const k of ["nash", "kalaiSmorodinsky", "egalitarian", "maxWelfare"] as const) expect(vectors(solved[k]), k).toEqual(vectors(brute[k]));
        expect(solved.ideal.map(round)).toEqual(brute.ideal.map(round));
        // Every listed outcome reaches its vector (core's own evaluation).
        const compiled = compileScenario(scenario);
        for (const p of solved.pareto.points) {
          const idx = compiled.issues.map((issue, i) => compiled.values[i]!.indexOf(p.outcomes[0]![issue.id]!));
          expect(compiled.parties.map((q) => q.utility.evaluate(idx))).toEqual(p.utilities);
          expect(brute.pareto.points.some((b) => b.utilities.every((u, i) => round(u) === round(p.utilities[i]!)))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it.each([2, 3])("%s parties under a time limit: proven Pareto points only, and a gap that covers the rest", async (k) => {
    await fc.assert(
      fc.asyncProperty(scenarioOf(k), fc.integer({ min: 0, max: 6 }), async (scenario, ticks) => {
        // A clock that moves 1 s per reading: the limit runs out after a few programs.
        let t = 0;
        const now = () => (t += 1000);
        const brute = analyzeScenario(scenario, { method: "enumerate" });
        const solved = await analyzeBySolver(scenario, { timeLimit: ticks + 0.5, now });
        const exact = vectors(brute.pareto.points);
        for (const v of vectors(solved.pareto.points)) expect(exact).toContainEqual(v);
        if (solved.exact) expect(vectors(solved.pareto.points)).toEqual(exact);
        else {
          const gap = solved.solver.gap;
          expect(gap === null || gap > 0).toBe(true);
          if (gap !== null)
            for (const v of exact)
              expect(solved.pareto.points.some((p) => p.utilities.every((u, i) => u + gap + 1e-12 >= v[i]!)), `${JSON.stringify(v)} within ${gap}`).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it.each([1, 3, 4])("%s parties (search regions): the same frontier and solutions as enumeration", async (k) => {
    await fc.assert(
      fc.asyncProperty(scenarioOf(k), async (scenario) => {
        const brute = analyzeScenario(scenario, { method: "enumerate" });
        const solved = await analyzeBySolver(scenario);
        expect(solved.exact).toBe(true);
        expect(solved.solver.gap).toBe(0);
        expect(vectors(solved.pareto.points)).toEqual(vectors(brute.pareto.points));
        for (const c of ["nash", "kalaiSmorodinsky", "egalitarian", "maxWelfare"] as const) expect(vectors(solved[c]), c).toEqual(vectors(brute[c]));
      }),
      { numRuns: k === 3 ? 60 : 25 },
    );
  });

  it("refuses scenarios it cannot solve with a clear error", async () => {
    const three: Scenario = {
      id: "three",
      name: "three",
      frameworks: [],
      issues: [{ id: "i0", kind: "integer", min: 0, max: 1 }],
      parties: [0, 1, 2].map((p) => ({ id: `p${p}`, name: `p${p}`, role: "party" as const, preferences: { utility: { kind: "hyper-rectangles" as const, rectangles: [{ utility: 1, includes: [{ issue: "i0", min: p % 2, max: p % 2 }] }] } } })),
    };
    await expect(analyzeBySolver({ ...three, parties: three.parties.slice(0, 2) }, { timeLimit: 0 })).rejects.toThrow(/time limit must be a positive/);
    const table: Scenario = { ...three, parties: three.parties.slice(0, 2).map((p) => ({ ...p, preferences: { utility: { kind: "table" as const, entries: [] } } })) };
    await expect(analyzeBySolver(table)).rejects.toThrow(/table utility/);
  });
});

/** GENIUS's pareto.xml: one "u1, u2" pair per line. */
function publishedFrontier(dir: string): number[][] {
  return readFileSync(path.join(dir, "pareto.xml"), "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => /^[\d.]+\s*,\s*[\d.]+$/.test(l))
    .map((l) => l.split(",").map(Number));
}

const nagunl = hasGeniusCorpus ? readdirSync(path.join(geniusCorpusDir, "other")).filter((d) => d.startsWith("S-1NAGUNL-")).sort() : [];

describe.skipIf(!hasGeniusCorpus)("GENIUS's published frontiers (S-1NAGUNL)", () => {
  it.each(nagunl)("%s: every published point is matched or dominated by the exact frontier", async (name) => {
    const dir = path.join(geniusCorpusDir, "other", name);
    const read = readGeniusFolderSync(dir);
    if (!read.ok) throw new Error(`cannot read ${dir}`);
    const published = publishedFrontier(dir);
    expect(published.length).toBeGreaterThan(0);
    const solved = await analyzeBySolver(read.value);
    expect(solved.exact).toBe(true);
    // pareto.xml rounds to float precision: a point matches within 1e-6.
    for (const q of published)
      expect(
        solved.pareto.points.some((p) => p.utilities.every((u, i) => u >= q[i]! - 1e-6)),
        `${name}: published point ${JSON.stringify(q)} is neither matched nor dominated`,
      ).toBe(true);
    // Ours is at least as long: GENIUS's own list may miss points, ours may not.
    expect(solved.pareto.count).toBeGreaterThanOrEqual(published.length);
  }, 300_000);
});
