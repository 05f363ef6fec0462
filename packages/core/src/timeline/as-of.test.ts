import { describe, expect, it } from "vitest";
import { analyzeScenario, scenarioAsOf, type Scenario } from "@parley/core";

const source = { outlet: "Outlet", url: "https://example.org/a" };
const scenario: Scenario = {
  id: "asof",
  name: "As of",
  issues: [
    { kind: "categorical", id: "a", options: ["x", "y"] },
    { kind: "categorical", id: "b", options: ["u", "v"] },
  ],
  parties: [
    {
      id: "p",
      name: "P",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { a: 1, b: 1 }, values: { a: { kind: "table", scores: { x: 1 } }, b: { kind: "table", scores: { u: 1 } } } },
        redLines: [
          { kind: "forbid", id: "early", issue: "a", values: ["y"], provenance: { cites: ["s1"] } },
          { kind: "forbid", id: "late", issue: "b", values: ["v"], provenance: { cites: ["s2"] } },
          { kind: "forbid", id: "assumed", issue: "b", values: ["v"], provenance: { cites: ["s2"], assumption: "modelled" } },
        ],
        provenance: { values: { a: { cites: ["s1", "s2"] }, b: { cites: ["s2"] } } },
      },
    },
    { id: "q", name: "Q", role: "party", preferences: { utility: { kind: "linear-additive", weights: { a: 1 }, values: { a: { kind: "table", scores: { y: 1 } } } } } },
  ],
  frameworks: [
    { id: "f1", name: "F1", date: "2025-11-20", points: [{ id: "1", number: 1, text: "t", sets: { a: "x" } }] },
    { id: "f2", name: "F2", date: "2025-12-10", points: [{ id: "1", number: 1, text: "t", sets: { a: "y" } }] },
  ],
  statements: [
    { id: "s1", date: "2025-11-21", speaker: "x", party: "p", paraphrase: "t", about: [{ issue: "a" }], stance: "reject", source, confidence: "H" },
    { id: "s2", date: "2025-12-11", speaker: "x", party: "p", paraphrase: "t", about: [{ issue: "b" }], stance: "reject", source, confidence: "H" },
  ],
  events: [{ id: "e1", date: "2025-12-12", kind: "meeting", title: "m", participants: ["p"], source, confidence: "H" }],
};

describe("scenarioAsOf", () => {
  it("sets aside what was not known on the date, and keeps what was", () => {
    const r = scenarioAsOf(scenario, "2025-12-01");
    expect(r.setAside).toEqual({
      statements: 1,
      events: 1,
      frameworks: ["f2"],
      redLines: [{ party: "p", redLine: "late" }],
      orderings: [{ party: "p", issue: "b" }],
    });
    const p = r.scenario.parties[0]!.preferences!;
    expect(p.redLines!.map((l) => l.id)).toEqual(["early", "assumed"]);
    expect(Object.keys((p.utility as { values: object }).values)).toEqual(["a"]);
    expect(r.scenario.frameworks.map((f) => f.id)).toEqual(["f1"]);
    expect(analyzeScenario(r.scenario).frameworks).toHaveLength(1);
  });
  it("a month or a year means its end; the whole scenario once everything is known", () => {
    expect(scenarioAsOf(scenario, "2025-11").setAside.statements).toBe(1);
    expect(scenarioAsOf(scenario, "2025-10").setAside.statements).toBe(2);
    expect(scenarioAsOf(scenario, "2025-12").setAside).toEqual({ statements: 0, events: 0, frameworks: [], redLines: [], orderings: [] });
    expect(scenarioAsOf(scenario, "2026").scenario).toEqual(scenario);
  });
  it("refuses a date it cannot read", () => {
    expect(() => scenarioAsOf(scenario, "Dec 2025")).toThrow(/YYYY-MM-DD/);
  });
});
