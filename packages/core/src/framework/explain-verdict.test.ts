import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileScenario,
  crossesRedLine,
  evaluateFramework,
  outcomeIndicesAt,
  type Framework,
  type RedLine,
  type Scenario,
  type Statement,
} from "@parley/core";
import { arbitraryFramework, arbitraryScenarioWithFramework } from "../../test/framework-arbitraries.js";
import { explainFramework, explainVerdict, frameworkReport, resolveGrounds, settleFramework } from "./index.js";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });
const cat = (id: string, n: number) => ({ kind: "categorical" as const, id, options: Array.from({ length: n }, (_, k) => `${id}${k}`) });
const statement = (id: string, date: string, party: string, confidence: Statement["confidence"], about: Statement["about"] = []): Statement => ({
  id,
  date,
  speaker: `${party} minister`,
  party,
  paraphrase: "…",
  about,
  stance: "reject",
  source: { outlet: "Wire" },
  confidence,
});

// P weighs a 0.5, b 0.3, c 0.2; it forbids b0 (sourced H) and c0 (sourced M only).
const scenario: Scenario = {
  id: "explain",
  name: "Explain",
  issues: [cat("a", 3), cat("b", 2), cat("c", 2)],
  parties: [
    {
      id: "P",
      name: "P",
      role: "party",
      preferences: {
        utility: {
          kind: "linear-additive",
          weights: { a: 0.5, b: 0.3, c: 0.2 },
          values: { a: table({ a0: 0, a1: 0.5, a2: 1 }), b: table({ b1: 1 }), c: table({ c1: 1 }) },
        },
        reservation: 0.6,
        redLines: [
          { kind: "forbid", id: "no-b0", issue: "b", values: ["b0"], provenance: { cites: ["s-h", "s-m"] } },
          { kind: "forbid", id: "no-c0", issue: "c", values: ["c0"], provenance: { cites: ["s-m"] } },
        ],
        provenance: {
          weights: { a: { assumption: "tier rule" } },
          values: { a: { cites: ["s-h"] }, b: { cites: ["s-m"] }, c: { assumption: "assumed" } },
        },
      },
    },
  ],
  frameworks: [
    // F1 crosses both red lines; F2 only the M-sourced one; F3 leaves a and c open.
    { id: "F1", name: "F1", points: [{ id: "x", number: 1, text: "", sets: { a: "a2", b: "b0", c: "c0" } }] },
    { id: "F2", name: "F2", points: [{ id: "x", number: 1, text: "", sets: { a: "a2", b: "b1", c: "c0" } }] },
    { id: "F3", name: "F3", points: [{ id: "x", number: 1, text: "", sets: { b: "b1" } }] },
    { id: "F4", name: "F4", points: [{ id: "x", number: 1, text: "", sets: { a: "a1", b: "b1", c: "c1" } }] },
  ],
  statements: [
    statement("s-h", "2025-05-02", "P", "H", [{ framework: "F1" }]),
    statement("s-m", "2025-05-01", "P", "M"),
    statement("s-l", "2025-05-03", "Q", "L", [{ framework: "F1" }]),
  ],
};

describe("explainVerdict", () => {
  const compiled = compileScenario(scenario);

  it("explainVerdict(reject) names the crossed red lines with their cited statements and confidence", () => {
    const e = explainVerdict(compiled, "F1", "P");
    expect(e.verdict).toBe("reject");
    expect(e.reasons).toEqual(["red-line-crossed", "best-below-reservation"]); // 0.5 < 0.6 as well
    expect(e.redLines.map((r) => [r.id, r.status, r.grounds.cites.map((c) => `${c.id}:${c.confidence}`), r.grounds.support])).toEqual([
      ["no-b0", "crossed", ["s-m:M", "s-h:H"], "H"],
      ["no-c0", "crossed", ["s-m:M"], "M"],
    ]);
    // One H-sourced line suffices for the rejection: not marked, but the weak grounds are listed.
    expect(e.restsOnWeakSources).toBe(false);
    expect(e.topIssues).toEqual(["b", "c"]); // the losses of the best completion: b 0.3, c 0.2, a 0
    expect(e.weakGrounds).toEqual([
      { kind: "red-line", id: "no-c0", support: "M" },
      { kind: "ordering", id: "b", support: "M" },
      { kind: "ordering", id: "c", support: "assumption" },
    ]);
    expect(e.declared).toEqual(["s-h"]); // s-l is Q's
    expect(Object.keys(e.statements).sort()).toEqual(["s-h", "s-m"]);
    expect(e.statements["s-h"]).toMatchObject({ speaker: "P minister", confidence: "H", outlet: "Wire" });
  });

  it("explainVerdict marks a rejection whose every crossed red line rests on M/L sources", () => {
    const e = explainVerdict(compiled, "F2", "P");
    expect(e.redLines.map((r) => r.id)).toEqual(["no-c0"]);
    expect(e.reasons).toEqual(["red-line-crossed"]); // 0.8 ≥ 0.6
    expect(e.restsOnWeakSources).toBe(true);
  });

  it("explainVerdict(depends) ranks the losses of the worst completion and lists the red lines at risk", () => {
    const e = explainVerdict(compiled, "F3", "P");
    expect(e.verdict).toBe("depends");
    expect(e.reasons).toEqual(["worst-below-reservation", "red-line-at-risk"]);
    expect(e.ranking).toEqual({ completion: "worst", by: "loss" });
    expect(e.issues.map((x) => [x.issue, x.open, x.worst.value, x.best.value])).toEqual([
      ["a", true, "a0", "a2"],
      ["c", true, "c0", "c1"],
      ["b", false, "b1", "b1"],
    ]);
    expect(e.issues[0]!.worst).toEqual({ value: "a0", contribution: 0, loss: 0.5, bestValue: "a2" });
    expect(e.issues[0]!.weightShare).toBeCloseTo(0.5, 12);
    expect(e.topIssues).toEqual(["a", "c"]); // b loses nothing
    expect(e.redLines.map((r) => [r.id, r.status])).toEqual([["no-c0", "at-risk"]]);
    expect(e.total).toEqual({ worst: 0.3, best: 1 });
    // the at-risk line (M) and the ordering of c (assumption only) are weak, the ordering of a is H:
    // one weak ground in every reason → marked.
    expect(e.weakGrounds).toEqual([
      { kind: "ordering", id: "c", support: "assumption" },
      { kind: "red-line", id: "no-c0", support: "M" },
    ]);
    expect(e.restsOnWeakSources).toBe(true);
  });

  it("explainVerdict(accept) ranks what the worst completion contributes", () => {
    const e = explainVerdict(compiled, "F4", "P");
    expect(e.verdict).toBe("accept");
    expect(e.reasons).toEqual(["every-completion-acceptable"]);
    expect(e.ranking).toEqual({ completion: "worst", by: "contribution" });
    expect(e.issues.map((x) => x.issue)).toEqual(["b", "a", "c"]); // 0.3, 0.25, 0.2
    expect(e.redLines).toEqual([]);
    expect(e.weakGrounds.map((g) => g.id)).toEqual(["b", "c"]);
  });

  it("explainFramework explains every party, and frameworkReport carries the explanations", () => {
    expect(Object.keys(explainFramework(compiled, "F1"))).toEqual(["P"]);
    const r = frameworkReport(compiled);
    expect(r.frameworks[0]!.verdicts["P"]!.explanation).toEqual(explainVerdict(compiled, "F1", "P"));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("resolveGrounds rates support by the best cited confidence and lists cites it cannot find", () => {
    const byId = new Map(scenario.statements!.map((s) => [s.id, s] as const));
    expect(resolveGrounds({ cites: ["s-l", "s-m", "gone"] }, byId)).toMatchObject({ support: "M", missing: ["gone"] });
    expect(resolveGrounds({ cites: ["gone"], assumption: "x" }, byId).support).toBe("assumption");
    expect(resolveGrounds(undefined, byId)).toEqual({ cites: [], missing: [], assumption: null, support: "none" });
  });
});

/** Red lines that some option satisfies and some option crosses (the verdict rules treat the others conservatively). */
function proper(r: RedLine, s: Scenario): boolean {
  if (r.kind === "forbid") return true;
  const then = s.issues.find((i) => i.id === r.then.issue)!;
  return r.if.issue !== r.then.issue && then.kind === "categorical" && r.then.values.length < then.options.length;
}

describe("explainVerdict (properties)", () => {
  const scenarios = arbitraryScenarioWithFramework({ maxOutcomes: 200, redLines: true, reservations: true, overweight: true, maxParties: 3 });

  it("explainVerdict: the contributions sum to the utility of the worst and the best completion", () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const compiled = compileScenario(s);
        const fw = s.frameworks[0]!;
        const ev = evaluateFramework(compiled, fw);
        for (const pe of ev.parties) {
          const e = explainVerdict(compiled, fw, pe.party);
          expect(e.method).toBe("additive");
          // in issue order, as the utility sums them: exact
          const inOrder = compiled.issues.map((issue) => e.issues.find((x) => x.issue === issue.id)!);
          const worst = inOrder.reduce((a, x) => a + x.worst.contribution, 0);
          const best = inOrder.reduce((a, x) => a + x.best.contribution, 0);
          expect([worst, best]).toEqual([e.total!.worst, e.total!.best]);
          expect(Math.min(1, worst)).toBe(pe.utility.min);
          expect(Math.min(1, best)).toBe(pe.utility.max);
          // losses: what separates the completion from the ideal package
          const lossWorst = e.issues.reduce((a, x) => a + x.worst.loss, 0);
          expect(lossWorst).toBeCloseTo(e.ideal! - e.total!.worst, 9);
          for (const x of e.issues) expect(Math.min(x.worst.loss, x.best.loss)).toBeGreaterThanOrEqual(0);
          const keys = e.issues.map((x) => x[e.ranking.completion][e.ranking.by]);
          expect(keys).toEqual([...keys].sort((a, b) => b - a));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("explainVerdict: the binding red lines are exactly those every completion crosses (crossed) or some does (at-risk)", () => {
    fc.assert(
      fc.property(scenarios, (s0) => {
        const s: Scenario = {
          ...s0,
          parties: s0.parties.map((p) => ({ ...p, preferences: { ...p.preferences!, redLines: (p.preferences!.redLines ?? []).filter((r) => proper(r, s0)) } })),
        };
        const compiled = compileScenario(s);
        const fw = s.frameworks[0]!;
        const { fixed } = settleFramework(compiled, fw);
        const completions: Int32Array[] = [];
        for (let o = 0; o < compiled.size; o++) {
          const idx = outcomeIndicesAt(compiled, o);
          if (idx.every((k, i) => fixed[i]! < 0 || fixed[i] === k)) completions.push(idx);
        }
        for (const cp of compiled.parties) {
          const e = explainVerdict(compiled, fw, cp.party.id);
          const expected = cp.redLines.flatMap((line) => {
            const n = completions.filter((idx) => crossesRedLine(line, idx)).length;
            return n === 0 ? [] : [[line.source, n === completions.length ? "crossed" : "at-risk"] as const];
          });
          const order = (xs: readonly (readonly [RedLine, string])[]) => [...xs].sort((a, b) => (a[1] === b[1] ? 0 : a[1] === "crossed" ? -1 : 1));
          expect(e.redLines.map((r) => [r.redLine, r.status] as const)).toEqual(order(expected));
          expect(e.reasons.includes("red-line-crossed")).toBe(e.redLines.some((r) => r.status === "crossed"));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("explainVerdict on a table utility: marginal terms, checked one issue at a time", () => {
    const s: Scenario = {
      id: "table",
      name: "Table",
      issues: [cat("x", 3), cat("y", 2), cat("z", 2)],
      parties: [
        {
          id: "T",
          name: "T",
          role: "party",
          preferences: {
            utility: {
              kind: "table",
              default: 0.2,
              entries: [
                { outcome: { x: "x0", y: "y0", z: "z0" }, utility: 1 },
                { outcome: { x: "x1", y: "y0", z: "z1" }, utility: 0.7 },
                { outcome: { x: "x2", y: "y1", z: "z1" }, utility: 0.5 },
              ],
            },
            reservation: 0.4,
          },
        },
      ],
      frameworks: [],
    };
    const compiled = compileScenario(s);
    const u = compiled.parties[0]!.utility;
    fc.assert(
      fc.property(arbitraryFramework(s), (fw: Framework) => {
        const e = explainVerdict(compiled, fw, "T");
        const pe = evaluateFramework(compiled, fw).parties[0]!;
        expect([e.method, e.total, e.ideal, e.issues[0]!.weight]).toEqual(["marginal", null, null, null]);
        for (const which of ["worst", "best"] as const) {
          const at = compiled.issues.map((_, i) => compiled.values[i]!.indexOf(e.issues.find((x) => x.issue === compiled.issues[i]!.id)![which].value));
          expect(u.evaluate(at)).toBe(which === "worst" ? pe.utility.min : pe.utility.max);
          compiled.issues.forEach((issue, i) => {
            const term = e.issues.find((x) => x.issue === issue.id)![which];
            const alt = compiled.values[i]!.map((_, k) => u.evaluate(at.map((v, j) => (j === i ? k : v))));
            expect(term.loss).toBeCloseTo(Math.max(...alt) - u.evaluate(at), 12);
            expect(term.contribution).toBeCloseTo(u.evaluate(at) - Math.min(...alt), 12);
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});
