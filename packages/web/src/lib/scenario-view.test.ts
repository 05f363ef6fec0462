import { describe, expect, it } from "vitest";
import { scenarioAsOf, type Scenario } from "@parley/core";
import { parseScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import { datedChoices, isPlainView, neighbours, setAsideText, viewScenario, type AsOfSummary } from "./scenario-view.js";

const builtin = (() => {
  const r = parseScenario(readBuiltinScenarioText());
  if (!r.ok) throw new Error("the built-in scenario does not parse");
  return r.value;
})();

const source = { url: "https://example.org/a", outlet: "Example", date: "2025-01-01" };
const dated: Scenario = {
  id: "d",
  name: "D",
  issues: [{ kind: "categorical", id: "a", options: ["x", "y"] }],
  parties: [{ id: "p", name: "P", role: "party" }],
  frameworks: [{ id: "f", name: "Draft", date: "2025-02-10", points: [] }],
  events: [
    { id: "e2", date: "2025-02-10", kind: "meeting", title: "Second round", participants: ["p"], sources: [source] },
    { id: "e1", date: "2025-01-20", kind: "talks", title: "First round", participants: ["p"], sources: [source] },
  ],
  statements: [
    { id: "s1", date: "2025-01-20", party: "p", stance: "accept", about: [{ issue: "a" }], paraphrase: "…", source, confidence: "high" },
    { id: "s2", date: "2025-03-01", party: "p", stance: "reject", about: [{ issue: "a" }], paraphrase: "…", source, confidence: "high" },
  ],
} as unknown as Scenario;

describe("viewScenario", () => {
  it("leaves the scenario alone without a cut-off, and cuts it as scenarioAsOf does with one", () => {
    expect(isPlainView({})).toBe(true);
    expect(isPlainView({ asOf: "2025" })).toBe(false);
    expect(isPlainView({ readings: ["r"] })).toBe(false);
    expect(viewScenario(builtin, {})).toEqual({ scenario: builtin, asOf: null });
    const v = viewScenario(builtin, { asOf: "2025-12-14" });
    const cut = scenarioAsOf(builtin, "2025-12-14");
    expect(v.scenario).toEqual(cut.scenario);
    expect(v.asOf).toEqual({
      date: "2025-12-14",
      setAside: cut.setAside,
      totals: { statements: builtin.statements!.length, events: builtin.events!.length, frameworks: builtin.frameworks.length },
    });
    expect(() => viewScenario(builtin, { asOf: "14/12/2025" })).toThrow(/YYYY-MM-DD/);
  });

  it("setAsideText counts what is hidden, and what only later statements support", () => {
    const summary = (setAside: Partial<AsOfSummary["setAside"]>): AsOfSummary => ({
      date: "2025-01-01",
      setAside: { statements: 3, events: 1, frameworks: [], redLines: [], orderings: [], ...setAside },
      totals: { statements: 10, events: 4, frameworks: 2 },
    });
    expect(setAsideText(summary({}))).toBe("Hidden: 3 of 10 statements, 1 of 4 events and 0 of 2 frameworks.");
    expect(setAsideText(summary({ frameworks: ["a", "b"], redLines: [{ party: "p", redLine: "r" }], orderings: [{ party: "p", issue: "i" }, { party: "q", issue: "i" }] }))).toBe(
      "Hidden: 3 of 10 statements, 1 of 4 events and 2 of 2 frameworks (a, b); also 1 red line and 2 option orderings that only later statements support.",
    );
  });
});

describe("datedChoices and neighbours", () => {
  it("offers each dated day once, in order, with what happened on it", () => {
    expect(datedChoices(dated)).toEqual([
      { date: "2025-01-20", label: "First round; 1 statement" },
      { date: "2025-02-10", label: "Second round; framework: Draft" },
      { date: "2025-03-01", label: "1 statement" },
    ]);
    const days = datedChoices(builtin).map((c) => c.date);
    expect(days).toEqual([...new Set([...builtin.events!.map((e) => e.date), ...builtin.statements!.map((s) => s.date), ...builtin.frameworks.flatMap((f) => (f.date ? [f.date] : []))])].sort());
  });

  it("steps to the dated day before and after a cut-off; a month or year cut-off spans its days", () => {
    const c = datedChoices(dated);
    expect(neighbours(c, undefined)).toEqual({ previous: "2025-03-01", next: null });
    expect(neighbours(c, "2025-02-10")).toEqual({ previous: "2025-01-20", next: "2025-03-01" });
    expect(neighbours(c, "2025-02-01")).toEqual({ previous: "2025-01-20", next: "2025-02-10" });
    expect(neighbours(c, "2025-02")).toEqual({ previous: "2025-01-20", next: "2025-03-01" });
    expect(neighbours(c, "2025")).toEqual({ previous: null, next: null });
    expect(neighbours(c, "2024-12-31")).toEqual({ previous: null, next: "2025-01-20" });
    expect(neighbours([], undefined)).toEqual({ previous: null, next: null });
  });
});
