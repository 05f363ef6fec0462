import { describe, expect, it } from "vitest";
import { compileScenario, type Scenario, type Statement } from "@parley/core";
import { declaredFrameworkStance, stanceMatrix, verdictDisagrees } from "./index.js";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });
const source = { outlet: "Test Gazette" };
const statement = (id: string, date: string, party: string, about: Statement["about"], stance: Statement["stance"]): Statement => ({
  id,
  date,
  speaker: `${party} spokesperson`,
  party,
  paraphrase: "…",
  about,
  stance,
  source,
  confidence: "H",
});

const scenario: Scenario = {
  id: "stances",
  name: "Stances",
  issues: [
    { kind: "categorical", id: "a", options: ["a0", "a1", "a2"] },
    { kind: "categorical", id: "b", options: ["b0", "b1"] },
    { kind: "integer", id: "c", min: 0, max: 4 },
  ],
  parties: [
    {
      id: "P",
      name: "P",
      role: "party",
      preferences: {
        utility: {
          kind: "linear-additive",
          weights: { a: 0.5, b: 0.3, c: 0.2 },
          values: { a: table({ a0: 1, a1: 0.5, a2: 0 }), b: table({ b0: 0, b1: 1 }), c: { kind: "linear", slope: 0.25, offset: 0 } },
        },
        redLines: [
          { kind: "forbid", id: "no-a2", issue: "a", values: ["a2"] },
          { kind: "require", id: "b1-needs-c", if: { issue: "b", values: ["b1"] }, then: { issue: "c", values: [3, 4] } },
        ],
      },
    },
    {
      id: "Q",
      name: "Q",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { a: 0.6, b: 0.4 }, values: { a: table({ a0: 0, a1: 0.25, a2: 1 }), b: table({ b0: 1, b1: 0 }) } },
      },
    },
    { id: "M", name: "Mediator", role: "mediator" },
  ],
  frameworks: [
    {
      id: "F",
      name: "Draft F",
      points: [
        { id: "p1", number: 1, text: "a is a1", sets: { a: "a1" } },
        { id: "p2", number: 2, text: "b is b1, c is 2", sets: { b: "b1", c: 2 } },
        { id: "p3", number: 3, text: "A preamble", sets: {} },
      ],
    },
  ],
  statements: [
    statement("s1", "2025-01-01", "P", [{ framework: "F", point: "p1" }], "accept"),
    statement("s2", "2025-02-01", "P", [{ issue: "a" }], "reject"), // less direct than s1: s1 counts
    statement("s3", "2025-03-01", "Q", [{ issue: "b", values: ["b0"] }], "reject"), // about b0, not the point's b1
    statement("s4", "2025-03-05", "Q", [{ issue: "b" }], "reject"), // the issue without values: no stance on a point
    statement("s5", "2025-01-10", "Q", [{ issue: "a", values: ["a1", "a2"] }], "accept"),
    statement("s10", "2025-06-01", "Q", [{ framework: "F" }], "reject"), // about the whole draft: not a point's stance
    statement("s6", "2025-04-01", "P", [{ framework: "other", point: "p2" }], "reject"), // another framework
    statement("s7", "2025-02-02", "P", [{ framework: "F", point: "2" }], "conditional"), // by point number
    statement("s8", "2025-01-20", "Q", [{ framework: "F", point: "p3" }], "accept"),
    statement("s9", "2025-01-20", "Q", [{ framework: "F", point: "p3" }], "partial"), // same date, later in the list
  ],
};

describe("stanceMatrix", () => {
  const m = stanceMatrix(compileScenario(scenario), "F");
  const cell = (point: number, party: string) => m.rows[point - 1]!.stances.find((s) => s.party === party)!;

  it("stanceMatrix values a point between the party's worst (0) and best (1) options on the issues it sets", () => {
    expect(m.parties).toEqual(["P", "Q"]);
    expect(m.rows.map((r) => r.issues)).toEqual([["a"], ["b", "c"], []]);
    expect(cell(1, "P").value).toBeCloseTo(0.5, 12); // a1 scores 0.5 on a 0…1 range
    // (0.3·1 + 0.2·0.5) / (0.3 + 0.2) = 0.8
    expect(cell(2, "P").value).toBeCloseTo(0.8, 12);
    expect(cell(1, "Q").value).toBeCloseTo(0.25, 12);
    expect(cell(2, "Q").value).toBe(0); // Q does not weigh c; b1 is its worst
    expect(cell(3, "P").value).toBeNull(); // sets nothing
  });

  it("stanceMatrix marks red lines: forbid on a set value, require when both issues are set and violated", () => {
    expect(cell(1, "P").redLine).toBe(false);
    expect(cell(2, "P").redLine).toBe(true);
    expect(cell(2, "P").redLines.map((r) => r.id)).toEqual(["b1-needs-c"]);
    expect(cell(2, "P").modelled).toBe("reject"); // high value, but a red line
    const other = stanceMatrix(compileScenario(scenario), {
      id: "G",
      name: "G",
      points: [
        { id: "g1", number: 1, text: "a is a2", sets: { a: "a2" } },
        { id: "g2", number: 2, text: "b is b1", sets: { b: "b1" } }, // c open: the rule cannot be judged yet
      ],
    });
    expect(other.rows[0]!.stances[0]!.redLines.map((r) => r.id)).toEqual(["no-a2"]);
    expect(other.rows[1]!.stances[0]!.redLine).toBe(false);
  });

  it("stanceMatrix takes the most direct, then latest, declared stance and flags contradictions", () => {
    expect(cell(1, "P").declared).toMatchObject({ stance: "accept", statement: "s1", via: "point", date: "2025-01-01", source });
    expect(cell(1, "P").mismatch).toBe(false);
    expect(cell(2, "P").declared).toMatchObject({ stance: "conditional", statement: "s7", via: "point" });
    expect(cell(2, "P").mismatch).toBe(false); // conditional is not a clear accept or reject
    expect(cell(2, "Q").declared).toBeNull(); // s4 names issue b but none of its values
    expect(cell(2, "Q").mismatch).toBe(false);
    expect(cell(1, "Q").declared).toMatchObject({ stance: "accept", statement: "s5", via: "issue" });
    expect(cell(1, "Q").modelled).toBe("reject");
    expect(cell(1, "Q").mismatch).toBe(true);
    expect(cell(3, "Q").declared).toMatchObject({ statement: "s9", stance: "partial" });
    expect(cell(3, "P").declared).toBeNull();
    expect(m.rows.flatMap((r) => r.stances).some((c) => c.declared?.statement === "s10")).toBe(false);
  });

  it("an issue named without values gives no stance on a point: no false contradiction", () => {
    const compiled = compileScenario(scenario);
    // Q is modelled to reject point 1 (a1 is worth 0.25 to it). "Accepts something on issue a" says
    // nothing about a1, so it must not be read as accepting point 1.
    const vague = [statement("v1", "2025-05-01", "Q", [{ issue: "a" }], "accept")];
    const q1 = stanceMatrix(compiled, "F", vague).rows[0]!.stances[1]!;
    expect(q1.modelled).toBe("reject");
    expect(q1.declared).toBeNull();
    expect(q1.mismatch).toBe(false);
    // Naming the point's value does count, and then the contradiction is real.
    const named = [statement("v2", "2025-05-01", "Q", [{ issue: "a", values: ["a1"] }], "accept")];
    const q1named = stanceMatrix(compiled, "F", named).rows[0]!.stances[1]!;
    expect(q1named.declared).toMatchObject({ statement: "v2", via: "issue", stance: "accept", stances: ["accept"] });
    expect(q1named.mismatch).toBe(true);
  });

  it("a statement with several claims counts each claim on its own subjects", () => {
    const compiled = compileScenario(scenario);
    const multi: Statement = {
      ...statement("m1", "2025-07-01", "P", [], "deny"),
      claims: [
        { stance: "deny", about: [{ framework: "F" }] },
        { stance: "partial", about: [{ framework: "F" }] },
        { stance: "reject", about: [{ framework: "F", point: "p1" }] },
      ],
      about: [{ framework: "F" }, { framework: "F" }, { framework: "F", point: "p1" }],
    };
    const fw = scenario.frameworks[0]!;
    // On the framework as a whole: deny and partial; partial is the more decisive.
    expect(declaredFrameworkStance(fw, "P", [multi])).toMatchObject({ statement: "m1", stance: "partial", stances: ["deny", "partial"], via: "framework" });
    // On point 1 only the reject claim speaks, and P is modelled to accept it (value 0.5).
    const m1 = stanceMatrix(compiled, "F", [multi]);
    expect(m1.rows[0]!.stances[0]!).toMatchObject({ modelled: "accept", mismatch: true, declared: { stance: "reject", stances: ["reject"], via: "point" } });
    expect(m1.rows[1]!.stances[0]!.declared).toBeNull();
    // Read with `stance` and `about` alone, the statement would have said "deny" on point 1.
    const { claims: _claims, ...flatStatement } = multi;
    const flat = stanceMatrix(compiled, "F", [flatStatement]);
    expect(flat.rows[0]!.stances[0]!.declared).toMatchObject({ stance: "deny", stances: ["deny"] });
    expect(flat.rows[0]!.stances[0]!.mismatch).toBe(false);
  });

  it("verdictDisagrees: only a clear declared accept or reject against the opposite verdict", () => {
    const declared = (stance: Statement["stance"]) => ({ stance, stances: [stance], date: "2025-01-01", statement: "x", source, via: "framework" as const, confidence: "H" as const, speaker: "S" });
    expect(verdictDisagrees("accept", declared("reject"))).toBe(true);
    expect(verdictDisagrees("reject", declared("accept"))).toBe(true);
    expect(verdictDisagrees("reject", declared("reject"))).toBe(false);
    expect(verdictDisagrees("depends", declared("reject"))).toBe(false);
    expect(verdictDisagrees("depends", declared("accept"))).toBe(false);
    for (const stance of ["partial", "conditional", "deny", "process"] as const)
      for (const verdict of ["accept", "reject", "depends"] as const) expect(verdictDisagrees(verdict, declared(stance))).toBe(false);
    expect(verdictDisagrees("accept", null)).toBe(false);
  });

  it("stanceMatrix values points for a table utility at the party's best completion of the framework", () => {
    const s: Scenario = {
      id: "table",
      name: "Table",
      issues: [
        { kind: "categorical", id: "x", options: ["x0", "x1"] },
        { kind: "categorical", id: "y", options: ["y0", "y1"] },
        { kind: "categorical", id: "z", options: ["z0", "z1"] },
      ],
      parties: [
        {
          id: "R",
          name: "R",
          role: "party",
          preferences: {
            utility: {
              kind: "table",
              entries: [
                { outcome: { x: "x0", y: "y0", z: "z0" }, utility: 0 },
                { outcome: { x: "x0", y: "y1", z: "z0" }, utility: 0.2 },
                { outcome: { x: "x1", y: "y0", z: "z0" }, utility: 1 },
                { outcome: { x: "x1", y: "y1", z: "z0" }, utility: 0.6 },
                { outcome: { x: "x1", y: "y1", z: "z1" }, utility: 0.5 },
              ],
            },
          },
        },
      ],
      frameworks: [
        {
          id: "T",
          name: "T",
          points: [
            { id: "t1", number: 1, text: "x1", sets: { x: "x1" } },
            { id: "t2", number: 2, text: "y1", sets: { y: "y1" } },
          ],
        },
      ],
    };
    const t = stanceMatrix(compileScenario(s), "T");
    // Point 1: the open issue z at R's best (z0); y at the framework's y1: u(x0,y1,z0) = 0.2, u(x1,y1,z0) = 0.6 → 1.
    expect(t.rows[0]!.stances[0]!.value).toBe(1);
    // Point 2: x1, z0: u(x1,y0) = 1, u(x1,y1) = 0.6 → 0.
    expect(t.rows[1]!.stances[0]!.value).toBe(0);
    expect(t.rows[1]!.stances[0]!.modelled).toBe("reject");
  });

  it("stanceMatrix names an unknown framework with the known ids", () => {
    expect(() => stanceMatrix(compileScenario(scenario), "nope")).toThrow(/frameworks: F/);
  });
});
