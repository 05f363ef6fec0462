import { describe, expect, it } from "vitest";
import { compileScenario, type Scenario } from "@parley/core";
import { compareFrameworks, excludeParty } from "./index.js";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });

const scenario: Scenario = {
  id: "exclusion",
  name: "Exclusion",
  issues: [
    { kind: "categorical", id: "x", options: ["x0", "x1", "x2"] },
    { kind: "categorical", id: "y", options: ["y0", "y1"] },
  ],
  parties: [
    {
      id: "A",
      name: "A",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { x: 0.5, y: 0.5 }, values: { x: table({ x0: 1, x1: 0.5, x2: 0 }), y: table({ y0: 1, y1: 0 }) } },
        reservation: 0.2,
      },
    },
    {
      id: "B",
      name: "B",
      role: "mediator",
      preferences: { utility: { kind: "linear-additive", weights: { x: 1 }, values: { x: table({ x0: 0, x1: 0.6, x2: 1 }) } } },
    },
    {
      id: "C",
      name: "C",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { y: 1 }, values: { y: table({ y0: 0, y1: 1 }) } },
        reservation: 0.5,
        redLines: [{ kind: "forbid", id: "no-x2", issue: "x", values: ["x2"] }],
      },
    },
    { id: "O", name: "Observer", role: "observer" },
  ],
  frameworks: [
    { id: "F1", name: "F1", points: [{ id: "1", number: 1, text: "x1", sets: { x: "x1" } }] },
    { id: "F2", name: "F2", points: [{ id: "1", number: 1, text: "x2 and y1", sets: { x: "x2", y: "y1" } }] },
    { id: "Y1", name: "Y1", points: [{ id: "1", number: 1, text: "y1", sets: { y: "y1" } }] },
  ],
};

describe("excludeParty", () => {
  const compiled = compileScenario(scenario);

  it("excludeParty finds the others' Nash and KS packages and whether the excluded party ratifies them", () => {
    const r = excludeParty(compiled, "C");
    expect(r.included).toEqual(["A", "B"]);
    expect(r.framework).toBeNull();
    expect(r.dealPossible).toBe(true);
    // (x1, y0): A 0.75, B 0.6 → (0.55)(0.6) = 0.33 beats (x2, y0): (0.3)(1) = 0.3
    expect(r.nash.map((p) => p.outcome)).toEqual([{ x: "x1", y: "y0" }]);
    expect(r.nash[0]!.utilities).toEqual([0.75, 0.6]);
    expect(r.kalaiSmorodinsky.map((p) => p.outcome)).toEqual([{ x: "x1", y: "y0" }]);
    expect(r.nash[0]!.excluded).toEqual({ utility: 0, reservation: 0.5, redLinesCrossed: [], ratifies: false });
    expect(r.ratifiesNash).toBe(false);
    expect(r.simulated).toBeNull();
  });

  it("excludeParty with a framework negotiates only its completions", () => {
    const r = excludeParty(compiled, "C", { framework: "Y1" });
    expect(r.framework).toEqual({ id: "Y1", name: "Y1" });
    expect(r.nash.map((p) => p.outcome)).toEqual([{ x: "x1", y: "y1" }]);
    expect(r.nash[0]!.excluded.ratifies).toBe(true);
    // The excluded party's red lines do not bind the others: without A, B and C settle on x1 (C forbids x2).
    const withoutA = excludeParty(compiled, "A");
    expect(withoutA.nash.map((p) => p.outcome)).toEqual([{ x: "x1", y: "y1" }]);
    expect(withoutA.nash[0]!.excluded).toMatchObject({ utility: 0.25, ratifies: true });
  });

  it("excludeParty evaluates the outcomes of an agreement hook (e.g. a simulated protocol)", () => {
    const r = excludeParty(compiled, "C", { agreement: (restricted) => (restricted.parties.length === 2 ? [{ x: "x0", y: "y0" }] : []) });
    expect(r.simulated).toEqual([{ utilities: [1, 0], outcome: { x: "x0", y: "y0" }, excluded: { utility: 0, reservation: 0.5, redLinesCrossed: [], ratifies: false } }]);
  });

  it("excludeParty leaves an issue the excluded party controls at the value it ranks first, whatever a framework sets", () => {
    const controlled = (by: string): Scenario => ({ ...scenario, issues: [{ ...scenario.issues[0]!, controlledBy: [by] }, scenario.issues[1]!] });
    const withoutA = excludeParty(compileScenario(controlled("A")), "A");
    expect(withoutA.controlled).toEqual([{ issue: "x", value: "x0" }]);
    // Without the control, B and C settle on x1 (above); with it, x stays at A's first choice.
    expect(withoutA.nash.map((p) => p.outcome)).toEqual([{ x: "x0", y: "y1" }]);
    expect(withoutA.notes[0]).toBe("x is controlled by A: without A the others cannot settle it, so it stays at x0 (the value A ranks first)");
    expect(excludeParty(compileScenario(controlled("A")), "A", { framework: "F1" }).nash.map((p) => p.outcome)).toEqual([{ x: "x0", y: "y1" }]);
    // Excluding another party leaves the issue open to negotiation.
    expect(excludeParty(compileScenario(controlled("A")), "C").controlled).toEqual([]);
    // A controller without an ordering of the issue: negotiated as usual, and the note says so.
    const withoutC = excludeParty(compileScenario(controlled("C")), "C");
    expect(withoutC.controlled).toEqual([{ issue: "x", value: null }]);
    expect(withoutC.nash.map((p) => p.outcome)).toEqual([{ x: "x1", y: "y0" }]);
    expect(withoutC.notes[0]).toContain("x is controlled by C, which has no ordering of it");
  });

  it("excludeParty rejects unknown parties and parties without preferences", () => {
    expect(() => excludeParty(compiled, "Z")).toThrow(expect.objectContaining({ code: "PARLEY_ERR_UNKNOWN_PARTY" }));
    expect(() => excludeParty(compiled, "O")).toThrow(expect.objectContaining({ code: "PARLEY_ERR_NO_PREFERENCES" }));
  });
});

describe("compareFrameworks", () => {
  it("compareFrameworks reports per issue what changed and per party the utility and verdict change", () => {
    const r = compareFrameworks(compileScenario(scenario), "F1", "F2");
    expect(r.a).toEqual({ id: "F1", name: "F1" });
    expect(r.issues).toEqual([
      { issue: "x", a: "x1", b: "x2", change: "different" },
      { issue: "y", a: null, b: "y1", change: "set" },
    ]);
    const [a, b, c] = r.parties;
    expect(a).toMatchObject({ party: "A", a: { utility: { min: 0.25, max: 0.75 }, verdict: "accept" }, b: { utility: { min: 0, max: 0 }, verdict: "reject" } });
    expect(a!.delta).toEqual({ min: -0.25, max: -0.75 });
    expect(a!.verdictChange).toEqual({ from: "accept", to: "reject" });
    expect(b!.delta.min).toBeCloseTo(0.4, 12);
    expect(c!.redLinesAdded.map((x) => x.id)).toEqual(["no-x2"]);
    expect(c!.verdictChange).toEqual({ from: "depends", to: "reject" });
    const same = compareFrameworks(compileScenario(scenario), "F1", "F1");
    expect(same.issues.map((i) => i.change)).toEqual(["same", "open"]);
    expect(same.parties.every((p) => p.verdictChange === null && p.delta.min === 0)).toBe(true);
  });
});
