import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario, findConflicts, outcomeUtilities, type Issue, type Party, type RedLine, type Scenario } from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";
import { dealCheck, findConflictsAdditive } from "./index.js";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });

/** Two parties with opposite scores on `issues` issues of 4 options: u_A + u_B = 1 everywhere. */
function opposed(issues: number, reservation: number): Scenario {
  const issueList: Issue[] = Array.from({ length: issues }, (_, i) => ({ kind: "categorical", id: `i${i}`, options: ["v0", "v1", "v2", "v3"] }));
  const party = (id: string, up: boolean, redLines: RedLine[]): Party => ({
    id,
    name: id,
    role: "party",
    preferences: {
      utility: {
        kind: "linear-additive",
        weights: Object.fromEntries(issueList.map((i) => [i.id, 1 / issues])),
        values: Object.fromEntries(issueList.map((i) => [i.id, table(Object.fromEntries([0, 1, 2, 3].map((k) => [`v${k}`, up ? k / 3 : 1 - k / 3])))])),
      },
      reservation,
      redLines,
    },
  });
  return {
    id: "opposed",
    name: "Opposed",
    issues: issueList,
    parties: [
      party("A", true, [{ kind: "forbid", id: "a-line", issue: "i0", values: ["v0", "v1", "v2"] }]),
      party("B", false, [{ kind: "forbid", id: "b-line", issue: "i0", values: ["v3"] }]),
    ],
    frameworks: [],
  };
}

const describeSets = (sets: ReturnType<typeof findConflictsAdditive>["conflicts"]) =>
  sets.map((s) => s.map((c) => (c.kind === "reservation" ? `${c.party}:rv` : `${c.party}:${c.redLine.id}`)));

describe("dealCheck", () => {
  it("dealCheck enumerates small spaces and counts the rational outcomes", () => {
    const s = opposed(3, 0.4);
    const ok = dealCheck(compileScenario({ ...s, parties: s.parties.map((p) => ({ ...p, preferences: { ...p.preferences!, redLines: [] } })) }));
    expect(ok.possible).toBe(true);
    expect(ok.method).toBe("enumerate");
    expect(ok.rationalCount).toBeGreaterThan(0);
    expect(ok.conflicts).toBeNull();
  });

  it("dealCheck names the smallest conflicting constraints of a 4^14 space without enumerating it", () => {
    const compiled = compileScenario(opposed(14, 0.6));
    expect(compiled.size).toBe(4 ** 14);
    const r = dealCheck(compiled);
    expect(r.possible).toBe(false);
    expect(r.method).toBe("merge");
    expect(describeSets(r.conflicts!.sets)).toEqual([
      ["A:rv", "B:rv"],
      ["A:a-line", "B:b-line"],
    ]);
    expect(r.conflicts!.truncated).toBe(false);
  });

  it("dealCheck gives the same conflicts by enumeration and by the merge frontier", () => {
    const compiled = compileScenario(opposed(4, 0.6));
    const a = dealCheck(compiled);
    const b = dealCheck(compiled, { enumerationLimit: 0 });
    expect(a.method).toBe("enumerate");
    expect(b.method).toBe("merge");
    expect(b.conflicts).toEqual(a.conflicts);
  });
});

describe("findConflictsAdditive (properties)", () => {
  it("findConflictsAdditive finds exactly findConflicts' sets, in the same order", () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((overweight) => arbitraryScenario({ maxOutcomes: 300, redLines: true, reservations: true, coarse: true, overweight })),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (s, maxSize, maxResults) => {
          const compiled = compileScenario(s);
          const expected = findConflicts(compiled, outcomeUtilities(compiled), { maxSize, maxResults });
          const actual = findConflictsAdditive(compiled, { maxSize, maxResults });
          expect(actual.conflicts).toEqual(expected.conflicts);
          expect(actual.truncated).toBe(expected.truncated);
        },
      ),
      { numRuns: 150 },
    );
  });
});
