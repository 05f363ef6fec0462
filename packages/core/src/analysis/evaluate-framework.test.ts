import { describe, expect, it } from "vitest";
import { compileScenario, evaluateFramework, ParleyError, type Scenario } from "@parley/core";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });

const scenario: Scenario = {
  id: "fw",
  name: "Framework test",
  issues: [
    { kind: "categorical", id: "x", options: ["a", "b"] },
    { kind: "categorical", id: "y", options: ["a", "b"] },
    { kind: "integer", id: "z", min: 0, max: 10 },
  ],
  parties: [
    {
      id: "P",
      name: "P",
      role: "party",
      preferences: {
        utility: {
          kind: "linear-additive",
          weights: { x: 0.5, y: 0.3, z: 0.2 },
          values: { x: table({ a: 1, b: 0 }), y: table({ a: 0.5, b: 1 }), z: { kind: "linear", slope: 0.1, offset: 0 } },
        },
        reservation: 0.6,
        redLines: [{ kind: "forbid", issue: "y", values: ["b"] }],
      },
    },
    {
      id: "Q",
      name: "Q",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { x: 1 }, values: { x: table({ a: 0.2, b: 1 }) } },
        reservation: 0.1,
      },
    },
  ],
  frameworks: [
    {
      id: "draft",
      name: "Draft",
      points: [
        { id: "p1", number: 1, text: "x is a", sets: { x: "a" } },
        { id: "p2", number: 2, text: "y is a", sets: { y: "a" } },
      ],
    },
  ],
};

describe("evaluateFramework", () => {
  it("evaluateFramework(compiled, framework) bounds utilities by the best and worst completion of open issues", () => {
    const ev = evaluateFramework(compileScenario(scenario), scenario.frameworks[0]!);
    expect(ev.open).toEqual(["z"]);
    expect(ev.settled).toEqual({ x: "a", y: "a" });
    const p = ev.parties[0]!;
    // 0.5·1 + 0.3·0.5 + 0.2·[0, 1] = [0.65, 0.85]
    expect(p.utility.min).toBeCloseTo(0.65, 12);
    expect(p.utility.max).toBeCloseTo(0.85, 12);
    expect(p.verdict).toBe("accept");
    expect(ev.parties[1]!.utility).toEqual({ min: 0.2, max: 0.2 });
    expect(ev.parties[1]!.verdict).toBe("accept");
  });

  it("evaluateFramework reports crossed red lines and clashing points", () => {
    const fw = {
      id: "bad",
      name: "Bad",
      points: [
        { id: "p1", number: 1, text: "y is b", sets: { y: "b" } },
        { id: "p2", number: 2, text: "y is a after all", sets: { y: "a" } },
        { id: "p3", number: 3, text: "back to b", sets: { y: "b", x: "b" } },
      ],
    };
    const ev = evaluateFramework(compileScenario(scenario), fw);
    expect(ev.clashes).toEqual([{ issue: "y", points: [1, 2, 3] }]);
    expect(ev.parties[0]!.redLinesCrossed).toHaveLength(1);
    expect(ev.parties[0]!.verdict).toBe("reject");
  });

  it("evaluateFramework throws a ParleyError for unknown values", () => {
    const fw = { id: "oops", name: "Oops", points: [{ id: "p", number: 1, text: "", sets: { x: "c" } }] };
    expect(() => evaluateFramework(compileScenario(scenario), fw)).toThrow(ParleyError);
  });
});
