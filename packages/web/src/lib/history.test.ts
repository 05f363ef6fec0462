import { describe, expect, it } from "vitest";
import { verdictHistory, type HistoryStep, type Scenario } from "@parley/core";
import { parseScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import { buildHistory, visibleRows } from "./history.js";

const builtin = (() => {
  const r = parseScenario(readBuiltinScenarioText());
  if (!r.ok) throw new Error("the built-in scenario does not parse");
  return r.value;
})();

const tiny: Scenario = {
  id: "t",
  name: "T",
  issues: [{ kind: "categorical", id: "a", options: ["x", "y"] }],
  parties: [
    { id: "p", name: "Party P", role: "party" },
    { id: "q", name: "Party Q", role: "party" },
  ],
  frameworks: [
    { id: "f1", name: "First draft", points: [] },
    { id: "f2", name: "Second draft", points: [] },
  ],
};

describe("buildHistory", () => {
  it("lays out steps as rows, frameworks in the scenario's order, and says what changed in words", () => {
    const steps: HistoryStep[] = [
      { date: "2025-01-01", events: ["Talks open"], dealPossible: false, verdicts: { f1: { p: "reject", q: "accept" } }, changes: [] },
      { date: "2025-01-05", events: [], dealPossible: true, verdicts: { f1: { p: "accept", q: "accept" } }, changes: ["x", "y"] },
      { date: "2025-01-09", events: [], dealPossible: true, verdicts: { f2: { q: "depends", p: "depends" }, f1: { p: "accept", q: "accept" } }, changes: ["z"] },
      { date: "2025-01-10", events: ["Nothing new"], dealPossible: true, verdicts: { f2: { q: "depends", p: "depends" }, f1: { p: "accept", q: "accept" } }, changes: [] },
    ];
    const m = buildHistory(steps, tiny);
    expect(m.groups).toEqual([
      { framework: "f1", name: "First draft", span: 2 },
      { framework: "f2", name: "Second draft", span: 2 },
    ]);
    expect(m.columns.map((c) => `${c.framework}/${c.party}`)).toEqual(["f1/p", "f1/q", "f2/p", "f2/q"]);
    expect(m.rows[0]!.cells).toEqual([
      { verdict: "reject", changed: false },
      { verdict: "accept", changed: false },
      { verdict: null, changed: false },
      { verdict: null, changed: false },
    ]);
    expect(m.rows[1]!.changes).toEqual(["A deal becomes possible", "First draft: Party P rejects → accepts"]);
    expect(m.rows[1]!.cells[0]).toEqual({ verdict: "accept", changed: true });
    expect(m.rows[1]!.dealChanged).toBe(true);
    // A framework's first day is not a change of verdict.
    expect(m.rows[2]!.changes).toEqual(["Second draft appears"]);
    expect(m.rows[2]!.cells.map((c) => c.changed)).toEqual([false, false, false, false]);
    expect(m.changedCount).toBe(3);
    expect(visibleRows(m, true).map((r) => r.date)).toEqual(["2025-01-01", "2025-01-05", "2025-01-09"]);
    expect(visibleRows(m, false)).toHaveLength(4);
  });

  it("on the built-in scenario: a cell per framework and party of each step, and as many changes as the core lists", () => {
    const steps = verdictHistory(builtin);
    const m = buildHistory(steps, builtin);
    expect(m.rows).toHaveLength(steps.length);
    steps.forEach((step, k) => {
      const row = m.rows[k]!;
      expect(row.date).toBe(step.date);
      expect(row.changes).toHaveLength(step.changes.length);
      m.columns.forEach((c, j) => {
        expect(row.cells[j]!.verdict).toBe(step.verdicts[c.framework]?.[c.party] ?? null);
        const before = k > 0 ? steps[k - 1]!.verdicts[c.framework]?.[c.party] : undefined;
        expect(row.cells[j]!.changed).toBe(before !== undefined && before !== row.cells[j]!.verdict);
      });
    });
    expect(m.changedCount).toBe(1 + steps.slice(1).filter((s) => s.changes.length > 0).length);
  });
});
