import { describe, expect, it } from "vitest";
import { applyReadings, frameworkReport, type Scenario } from "@parley/core";
import { readingModels, toggleReading } from "./readings.js";
import { viewScenario } from "./scenario-view.js";

const source = { url: "https://example.org/a", outlet: "Example", title: "A report", date: "2025-01-01" };
const scenario: Scenario = {
  id: "r",
  name: "R",
  issues: [{ kind: "categorical", id: "a", options: ["x", "y"] }],
  parties: ["p", "q"].map((id) => ({
    id,
    name: id.toUpperCase(),
    role: "party" as const,
    preferences: {
      reservation: 0.5,
      utility: { kind: "linear-additive" as const, weights: { a: 1 }, values: { a: { kind: "table" as const, scores: id === "p" ? { x: 1, y: 0.6 } : { x: 0.6, y: 1 } } } },
    },
  })),
  frameworks: [{ id: "f", name: "F", points: [{ id: "1", number: 1, text: "a is x", sets: { a: "x" } }] }],
  statements: [{ id: "s1", date: "2025-01-02", party: "q", speaker: "Q's envoy", paraphrase: "We need y.", about: [{ issue: "a" }], stance: "reject", source, confidence: "M" }],
  readings: [
    { id: "low", label: "Low walk-away", provenance: { assumption: "No source gives one." }, parties: [{ party: "q", reservation: 0.3 }] },
    { id: "high", provenance: { cites: ["s1", "s-missing"] }, description: "Q walks away sooner.", parties: [{ party: "q", reservation: 0.7 }] },
    { id: "p-line", label: "P's red line", provenance: { cites: ["s1"] }, parties: [{ party: "p", addRedLines: [{ id: "no-y", kind: "forbid", issue: "a", values: ["y"] }] }] },
  ],
} as unknown as Scenario;

describe("readingModels", () => {
  it("lists each reading with what it rests on, what it changes, and what blocks it", () => {
    const none = readingModels(scenario, []);
    expect(none.map((m) => [m.id, m.label, m.applied, m.blockedBy])).toEqual([
      ["low", "Low walk-away", false, null],
      ["high", "high", false, null],
      ["p-line", "P's red line", false, null],
    ]);
    expect(none[0]).toMatchObject({ changes: ["q's reservation value"], cites: [], assumption: "No source gives one.", description: null });
    expect(none[1]!.cites).toEqual([
      { id: "s1", statement: { date: "2025-01-02", speaker: "Q's envoy", paraphrase: "We need y.", outlet: "Example, A report", url: "https://example.org/a", confidence: "M" } },
      { id: "s-missing", statement: null },
    ]);
    expect(none[2]!.changes).toEqual(["p's red line no-y"]);
    // With "low" applied, "high" changes the same reservation value: blocked, and says why.
    const withLow = readingModels(scenario, ["low"]);
    expect(withLow.map((m) => m.applied)).toEqual([true, false, false]);
    expect(withLow[1]!.blockedBy).toEqual({ reading: "low", label: "Low walk-away", both: ["q's reservation value"] });
    expect(withLow[2]!.blockedBy).toBeNull();
  });

  it("toggleReading adds and removes an id, keeping the scenario's order", () => {
    expect(toggleReading(scenario, [], "p-line")).toEqual(["p-line"]);
    expect(toggleReading(scenario, ["p-line"], "low")).toEqual(["low", "p-line"]);
    expect(toggleReading(scenario, ["low", "p-line"], "low")).toEqual(["p-line"]);
  });

  it("a view with readings is the core's applyReadings, then the as-of cut; an unknown reading is an error", () => {
    expect(viewScenario(scenario, { readings: ["high"] }).scenario).toEqual(applyReadings(scenario, ["high"]));
    // Under "high" Q needs 0.7: the framework gives it 0.6, so its verdict turns to reject.
    expect(frameworkReport(scenario).frameworks[0]!.verdicts["q"]!.verdict).toBe("accept");
    expect(frameworkReport(viewScenario(scenario, { readings: ["high"] }).scenario).frameworks[0]!.verdicts["q"]!.verdict).toBe("reject");
    // The readings first, then the cut: the red line the reading adds rests on s1 (2 Jan), so as of 1 Jan it is set aside.
    const before = viewScenario(scenario, { readings: ["p-line"], asOf: "2025-01-01" });
    expect(before.asOf?.setAside).toMatchObject({ statements: 1, redLines: [{ party: "p", redLine: "no-y" }] });
    expect(before.scenario.parties[0]!.preferences!.redLines).toEqual([]);
    expect(viewScenario(scenario, { readings: ["p-line"], asOf: "2025-01-02" }).scenario.parties[0]!.preferences!.redLines).toHaveLength(1);
    expect(() => viewScenario(scenario, { readings: ["hgih"] })).toThrow(/unknown reading "hgih"/);
    expect(() => viewScenario(scenario, { readings: ["low", "high"] })).toThrow(/cannot be selected together/);
  });
});
