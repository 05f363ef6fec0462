import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeScenario, compileScenario, findConflicts, outcomeUtilities, type Scenario } from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });

const scenario: Scenario = {
  id: "deadlock",
  name: "Deadlock",
  issues: [
    { kind: "categorical", id: "border", options: ["line-a", "line-b", "line-c"] },
    { kind: "categorical", id: "troops", options: ["withdraw", "stay"] },
  ],
  parties: [
    {
      id: "east",
      name: "East",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { border: 0.5, troops: 0.5 }, values: { border: table({ "line-a": 1, "line-b": 0.5 }), troops: table({ stay: 1 }) } },
        redLines: [{ kind: "forbid", id: "no-line-c", issue: "border", values: ["line-c"] }],
        reservation: 0.2,
      },
    },
    {
      id: "west",
      name: "West",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { border: 0.5, troops: 0.5 }, values: { border: table({ "line-c": 1, "line-b": 0.5 }), troops: table({ withdraw: 1 }) } },
        redLines: [
          { kind: "forbid", id: "no-line-a", issue: "border", values: ["line-a"] },
          { kind: "require", id: "b-needs-withdrawal", if: { issue: "border", values: ["line-b"] }, then: { issue: "troops", values: ["withdraw"] } },
        ],
      },
    },
    {
      id: "third",
      name: "Third",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { troops: 1 }, values: { troops: table({ stay: 1 }) } },
        redLines: [{ kind: "forbid", id: "no-withdrawal", issue: "troops", values: ["withdraw"] }],
      },
    },
  ],
  frameworks: [],
};

describe("findConflicts", () => {
  it("findConflicts(scenario) names the smallest set of red lines that clash", () => {
    const report = analyzeScenario(scenario);
    expect(report.rational.count).toBe(0);
    const sets = report.conflicts!.sets.map((s) => s.map((c) => (c.kind === "red-line" ? `${c.party}:${c.redLine.id}` : `${c.party}:rv`)).sort());
    // Only line-b is allowed by the two forbids; it needs withdrawal, which Third forbids.
    expect(sets[0]).toEqual(["east:no-line-c", "third:no-withdrawal", "west:b-needs-withdrawal", "west:no-line-a"]);
    expect(sets.every((s) => s.length === 4)).toBe(true);
  });

  it("every reported set is infeasible and each of its proper subsets is feasible (brute force)", () => {
    fc.assert(
      fc.property(arbitraryScenario({ redLines: true, reservations: true, maxOutcomes: 400 }), (sc) => {
        const compiled = compileScenario(sc);
        const all = outcomeUtilities(compiled);
        const { conflicts } = findConflicts(compiled, all, { maxSize: 3 });
        const holds = (c: (typeof conflicts)[number][number], j: number): boolean => {
          const p = compiled.parties.findIndex((cp) => cp.party.id === c.party);
          if (c.kind === "reservation") return all.utilities[p]![j]! >= c.value;
          const line = compiled.parties[p]!.redLines[c.index]!;
          const idx = compiled.issues.map(() => 0);
          let rest = j;
          for (let i = compiled.radices.length - 1; i >= 0; i--) {
            idx[i] = rest % compiled.radices[i]!;
            rest = Math.floor(rest / compiled.radices[i]!);
          }
          return line.kind === "forbid" ? !line.mask[idx[line.issue]!] : !line.ifMask[idx[line.ifIssue]!] || !!line.thenMask[idx[line.thenIssue]!];
        };
        const feasible = (set: typeof conflicts[number]) => {
          for (let j = 0; j < all.size; j++) if (set.every((c) => holds(c, j))) return true;
          return false;
        };
        for (const set of conflicts) {
          expect(feasible(set)).toBe(false);
          for (let drop = 0; drop < set.length; drop++) expect(feasible(set.filter((_, i) => i !== drop))).toBe(true);
        }
      }),
      { seed: 5, numRuns: 100 },
    );
  });
});
