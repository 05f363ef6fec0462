import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileScenario,
  evaluateFramework,
  issueValues,
  type CompiledScenario,
  type Framework,
  type Scenario,
  type Verdict,
} from "@parley/core";
import { arbitraryFramework, arbitraryScenarioWithFramework } from "../../test/framework-arbitraries.js";
import { amendFramework, applyChanges, createPackageEvaluator, frameworkReport, GAIN_TOLERANCE, settleFramework, type SettingChange } from "./index.js";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });
const cat = (id: string, n: number) => ({ kind: "categorical" as const, id, options: Array.from({ length: n }, (_, k) => `${id}${k}`) });

// P needs a1 and b0 (its reservation 0.6 needs both); Q likes a0, b1 and c1; nobody cares about d.
const scenario: Scenario = {
  id: "amend",
  name: "Amend",
  issues: [cat("a", 2), cat("b", 2), cat("c", 2), cat("d", 2)],
  parties: [
    {
      id: "P",
      name: "P",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { a: 0.5, b: 0.5 }, values: { a: table({ a0: 0, a1: 1 }), b: table({ b0: 1, b1: 0 }) } },
        reservation: 0.6,
      },
    },
    {
      id: "Q",
      name: "Q",
      role: "party",
      preferences: {
        utility: {
          kind: "linear-additive",
          weights: { a: 0.2, b: 0.3, c: 0.5 },
          values: { a: table({ a0: 1, a1: 0 }), b: table({ b0: 0, b1: 1 }), c: table({ c0: 0, c1: 1 }) },
        },
        reservation: 0.4,
      },
    },
  ],
  frameworks: [
    {
      id: "F",
      name: "F",
      points: [
        { id: "p1", number: 1, text: "a0", sets: { a: "a0" } },
        { id: "p2", number: 2, text: "b1", sets: { b: "b1" } },
        { id: "p3", number: 3, text: "d0", sets: { d: "d0" } },
      ],
    },
  ],
};

const key = (changes: readonly SettingChange[]) => changes.map((c) => `${c.issue}:${String(c.from)}→${String(c.to)}@${c.point}`).join(" + ");

describe("amendFramework", () => {
  const compiled = compileScenario(scenario);

  it("amendFramework lists the Pareto-improving one- and two-change amendments by total gain", () => {
    const r = amendFramework(compiled, "F");
    expect(r.basis).toBe("worst");
    expect(r.improvements.map((a) => key(a.changes))).toEqual([
      "a:a0→a1@1 + c:null→c1@null",
      "b:b1→b0@2 + c:null→c1@null",
      "c:null→c1@null",
    ]);
    expect(r.improvements.map((a) => a.totalGain)).toEqual([expect.closeTo(0.8, 12), expect.closeTo(0.7, 12), expect.closeTo(0.5, 12)]);
    expect(r.improvementCount).toBe(3); // pairs with the idle issue d are not listed
    const best = r.improvements[0]!;
    expect(best.parties.map((p) => [p.party, p.before, p.after])).toEqual([
      ["P", 0, 0.5],
      ["Q", 0.5, expect.closeTo(0.8, 12)],
    ]);
  });

  it("amendFramework finds the cheapest fix for a party that rejects", () => {
    const r = amendFramework(compiled, "F");
    expect(r.fixes.map((f) => [f.party, f.verdict])).toEqual([["P", "reject"]]);
    const fix = r.fixes[0]!.fixes;
    expect(fix).toHaveLength(1);
    expect(key(fix[0]!.changes)).toBe("a:a0→a1@1 + b:b1→b0@2");
    expect(fix[0]!.cost).toBeCloseTo(0.5, 12); // Q's worst completion falls from 0.5 to 0
    expect(fix[0]!.worsened).toEqual(["Q"]); // accept → depends
  });

  it("amendFramework on the midpoint basis compares (worst + best)/2", () => {
    const r = amendFramework(compiled, "F", { basis: "midpoint", maxChanges: 1 });
    // Q's midpoint is 0.75; c1 makes it 1. c0 lowers it, so only c1 improves.
    expect(r.improvements.map((a) => key(a.changes))).toEqual(["c:null→c1@null"]);
    expect(r.improvements[0]!.totalGain).toBeCloseTo(0.25, 12);
    expect(r.candidates).toEqual({ single: 5, pairs: 0 }); // a1, b0, c0, c1, d1
  });

  it("applyChanges rewrites the point whose setting counts and adds a point for open issues", () => {
    const fw = applyChanges(scenario.frameworks[0]!, [
      { issue: "a", point: 1, from: "a0", to: "a1" },
      { issue: "c", point: null, from: null, to: "c1" },
    ]);
    expect(fw.points.map((p) => p.sets)).toEqual([{ a: "a1" }, { b: "b1" }, { d: "d0" }, { c: "c1" }]);
    expect(fw.points[3]).toMatchObject({ id: "amendment", number: 4 });
    expect(scenario.frameworks[0]!.points[0]!.sets).toEqual({ a: "a0" }); // not mutated
  });

  it("amendFramework rewrites every point that sets the same value, so that no clash appears", () => {
    const fw: Framework = {
      id: "G",
      name: "G",
      points: [
        { id: "g1", number: 1, text: "a0", sets: { a: "a0" } },
        { id: "g2", number: 2, text: "b1", sets: { b: "b1" } },
        { id: "g3", number: 3, text: "a0 again", sets: { a: "a0" } },
      ],
    };
    const change = amendFramework(compiled, fw).improvements.flatMap((a) => a.changes).find((c) => c.issue === "a")!;
    expect(change).toEqual({ issue: "a", point: 3, points: [1, 3], from: "a0", to: "a1" });
    const amended = applyChanges(fw, [change]);
    expect(amended.points.map((p) => p.sets["a"])).toEqual(["a1", undefined, "a1"]);
    expect(evaluateFramework(compiled, amended).clashes).toEqual([]);
  });
});

/** Every one- and two-change amendment, built as frameworks and evaluated from scratch. */
function bruteForce(compiled: CompiledScenario, fw: Framework) {
  const ev = evaluateFramework(compiled, fw);
  const lastSetter = new Map<string, number>();
  for (const p of [...fw.points].sort((a, b) => a.number - b.number)) for (const id of Object.keys(p.sets)) lastSetter.set(id, p.number);
  const singles: SettingChange[] = compiled.issues.flatMap((issue) => {
    const cur = ev.settled[issue.id];
    return issueValues(issue)
      .filter((v) => v !== cur)
      .map((v): SettingChange => ({ issue: issue.id, point: cur === undefined ? null : lastSetter.get(issue.id)!, from: cur ?? null, to: v }));
  });
  const all: SettingChange[][] = singles.map((s) => [s]);
  for (let a = 0; a < singles.length; a++)
    for (let b = a + 1; b < singles.length; b++) if (singles[a]!.issue !== singles[b]!.issue) all.push([singles[a]!, singles[b]!]);
  return { before: ev, candidates: all.map((changes) => ({ changes, after: evaluateFramework(compiled, applyChanges(fw, changes)) })) };
}

const rank: Record<Verdict, number> = { reject: 0, depends: 1, accept: 2 };

describe("amendFramework (properties)", () => {
  const scenarios = arbitraryScenarioWithFramework({ maxOutcomes: 150, redLines: true, reservations: true, coarse: true, maxParties: 3 });

  it("createPackageEvaluator agrees with evaluateFramework", () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const compiled = compileScenario(s);
        const fw = s.frameworks[0]!;
        const ev = evaluateFramework(compiled, fw);
        const states = createPackageEvaluator(compiled)(settleFramework(compiled, fw).fixed);
        states.forEach((st, p) => {
          const pe = ev.parties[p]!;
          expect(st.min).toBe(pe.utility.min);
          expect(st.max).toBe(pe.utility.max);
          expect(st.verdict).toBe(pe.verdict);
          expect(st.crossed.map((r) => compiled.parties[p]!.redLines[r]!.source)).toEqual(pe.redLinesCrossed);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("createPackageEvaluator agrees with evaluateFramework for hyper-rectangle and table utilities", () => {
    const s: Scenario = {
      id: "nonlinear",
      name: "Non-linear",
      issues: [cat("x", 3), { kind: "integer", id: "n", min: 0, max: 4 }, cat("y", 2)],
      parties: [
        {
          id: "H",
          name: "H",
          role: "party",
          preferences: {
            utility: {
              kind: "hyper-rectangles",
              rectangles: [
                { utility: 2, includes: [{ issue: "x", min: 0, max: 1 }, { issue: "n", min: 1, max: 3 }] },
                { utility: 1, includes: [{ issue: "y", min: 1, max: 1 }], excludes: [{ issue: "n", min: 4, max: 4 }] },
              ],
            },
            reservation: 0.5,
            redLines: [{ kind: "require", if: { issue: "x", values: ["x2"] }, then: { issue: "y", values: ["y0"] } }],
          },
        },
        {
          id: "T",
          name: "T",
          role: "party",
          preferences: {
            utility: {
              kind: "table",
              default: 0.3,
              entries: [
                { outcome: { x: "x0", n: 0, y: "y0" }, utility: 1 },
                { outcome: { x: "x2", n: 4, y: "y1" }, utility: 0.9 },
              ],
            },
            reservation: 0.3,
          },
        },
      ],
      frameworks: [],
    };
    const compiled = compileScenario(s);
    const evaluate = createPackageEvaluator(compiled);
    fc.assert(
      fc.property(arbitraryFramework(s), (fw) => {
        const ev = evaluateFramework(compiled, fw);
        evaluate(settleFramework(compiled, fw).fixed).forEach((st, p) => {
          expect([st.min, st.max, st.verdict]).toEqual([ev.parties[p]!.utility.min, ev.parties[p]!.utility.max, ev.parties[p]!.verdict]);
        });
        // and the amendment search runs on them
        const r = amendFramework(compiled, fw, { limit: 100 });
        for (const am of r.improvements) {
          const after = evaluateFramework(compiled, applyChanges(fw, am.changes));
          after.parties.forEach((pe, p) => expect(pe.utility.min).toBeGreaterThanOrEqual(ev.parties[p]!.utility.min - GAIN_TOLERANCE));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("every reported amendment is Pareto-improving, recomputed from scratch, and the best one is the best there is", () => {
    fc.assert(
      fc.property(scenarios, fc.constantFrom("worst" as const, "midpoint" as const), (s, basis) => {
        const compiled = compileScenario(s);
        const fw = s.frameworks[0]!;
        const r = amendFramework(compiled, fw, { basis, limit: 10_000 });
        const score = (u: { min: number; max: number }) => (basis === "worst" ? u.min : (u.min + u.max) / 2);
        const before = evaluateFramework(compiled, fw);
        const improving = (after: ReturnType<typeof evaluateFramework>) => {
          let better = false;
          for (let p = 0; p < before.parties.length; p++) {
            const b = before.parties[p]!;
            const a = after.parties[p]!;
            const gain = score(a.utility) - score(b.utility);
            if (gain < -GAIN_TOLERANCE || a.redLinesCrossed.some((x) => !b.redLinesCrossed.includes(x)) || rank[a.verdict] < rank[b.verdict])
              return false;
            if (gain > GAIN_TOLERANCE || a.redLinesCrossed.length < b.redLinesCrossed.length || rank[a.verdict] > rank[b.verdict]) better = true;
          }
          return better;
        };
        for (const am of r.improvements) {
          const after = evaluateFramework(compiled, applyChanges(fw, am.changes));
          expect(improving(after)).toBe(true);
          const total = after.parties.reduce((t, pe, p) => t + score(pe.utility) - score(before.parties[p]!.utility), 0);
          expect(am.totalGain).toBeCloseTo(total, 9);
        }
        expect(r.improvements.length).toBe(r.improvementCount);
        const brute = bruteForce(compiled, fw).candidates.filter((c) => improving(c.after));
        expect(r.improvementCount > 0).toBe(brute.length > 0);
        if (brute.length > 0) {
          const best = Math.max(
            ...brute.map((c) => c.after.parties.reduce((t, pe, p) => t + score(pe.utility) - score(before.parties[p]!.utility), 0)),
          );
          expect(r.improvements[0]!.totalGain).toBeCloseTo(best, 9);
        }
      }),
      { numRuns: 120 },
    );
  });

  it("the cheapest fix is minimal among all one- and two-change amendments (brute force)", () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const compiled = compileScenario(s);
        const fw = s.frameworks[0]!;
        const r = amendFramework(compiled, fw);
        const { before, candidates } = bruteForce(compiled, fw);
        before.parties.forEach((pe, x) => {
          const reported = r.fixes.find((f) => f.party === pe.party);
          if (pe.verdict === "accept") {
            expect(reported).toBeUndefined();
            return;
          }
          expect(reported).toBeDefined();
          const costs = candidates
            .filter((c) => c.after.parties[x]!.verdict === "accept")
            .map((c) =>
              c.after.parties.reduce((t, q, p) => (p === x ? t : t + Math.max(0, before.parties[p]!.utility.min - q.utility.min)), 0),
            );
          if (costs.length === 0) expect(reported!.fixes).toEqual([]);
          else {
            expect(reported!.fixes.length).toBeGreaterThan(0);
            expect(reported!.fixes[0]!.cost).toBeCloseTo(Math.min(...costs), 9);
            // and the reported fix really is one
            const after = evaluateFramework(compiled, applyChanges(fw, reported!.fixes[0]!.changes));
            expect(after.parties[x]!.verdict).toBe("accept");
          }
        });
      }),
      { numRuns: 120 },
    );
  });
});

describe("amendFramework: what a fix costs on the best completion", () => {
  it("costBest and worsenedWhy agree with the amended framework evaluated from scratch", () => {
    const scenarios = arbitraryScenarioWithFramework({ maxOutcomes: 150, redLines: true, reservations: true, coarse: true, maxParties: 3 });
    let worsenedSeen = 0;
    fc.assert(
      fc.property(scenarios, (s) => {
        const compiled = compileScenario(s);
        const fw = s.frameworks[0]!;
        const before = evaluateFramework(compiled, fw);
        const report = frameworkReport(compiled, { amendments: { fixLimit: 5 } });
        for (const [party, pf] of Object.entries(report.frameworks[0]!.amendments.fixes))
          for (const fix of pf.fixes) {
            const after = evaluateFramework(compiled, applyChanges(fw, fix.changes));
            let costBest = 0;
            after.parties.forEach((pe, p) => {
              if (pe.party !== party) costBest += Math.max(0, before.parties[p]!.utility.max - pe.utility.max);
            });
            expect(fix.costBest).toBeCloseTo(costBest, 9);
            expect(Object.keys(fix.worsenedWhy)).toEqual(fix.worsened);
            for (const [o, why] of Object.entries(fix.worsenedWhy)) {
              worsenedSeen++;
              const p = before.parties.findIndex((pe) => pe.party === o);
              expect([why.from, why.to]).toEqual([before.parties[p]!.verdict, after.parties[p]!.verdict]);
              expect(why.best.after).toBe(after.parties[p]!.utility.max);
              expect(why.redLinesCrossed).toEqual(after.parties[p]!.redLinesCrossed.filter((r) => !before.parties[p]!.redLinesCrossed.includes(r)));
            }
          }
      }),
      { numRuns: 100 },
    );
    expect(worsenedSeen).toBeGreaterThan(0);
  });
});
