import { describe, expect, it } from "vitest";
import { frameworkReport } from "@parley/core";
import { parseScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import { explanationModel, utilityLine } from "./explanation.js";

const builtin = (() => {
  const r = parseScenario(readBuiltinScenarioText());
  if (!r.ok) throw new Error("the built-in scenario does not parse");
  return r.value;
})();

describe("explanationModel", () => {
  it("shows every verdict's explanation of the built-in scenario: reasons in words, issues, red lines, statements by date, the M/L mark", () => {
    const report = frameworkReport(builtin, { readings: false });
    let checked = 0;
    for (const entry of report.frameworks)
      for (const [party, v] of Object.entries(entry.verdicts)) {
        const e = v.explanation;
        const m = explanationModel(e, builtin);
        expect(m.reasons).toHaveLength(e.reasons.length);
        for (const r of m.reasons) expect(r).toMatch(/ /); // words, not the reason's id
        if (v.redLinesCrossed.length > 0) expect(m.reasons).toContain("the framework crosses a red line");
        expect(m.issues.map((i) => i.issue)).toEqual(e.issues.map((i) => i.issue));
        expect(m.issues.filter((i) => i.top).map((i) => i.issue)).toEqual(e.issues.filter((i) => e.topIssues.includes(i.issue)).map((i) => i.issue));
        expect(m.redLines.map((r) => [r.id, r.status])).toEqual(e.redLines.map((r) => [r.id, r.status]));
        expect(new Set(m.statements.map((s) => s.id))).toEqual(new Set(Object.keys(e.statements)));
        expect(m.statements.map((s) => s.date)).toEqual([...m.statements.map((s) => s.date)].sort());
        expect(m.weak).toBe(e.restsOnWeakSources);
        expect(m.weakGrounds).toHaveLength(e.weakGrounds.length);
        expect(utilityLine(e)).toMatch(/^utility [\d.–]+ \(reservation [\d.]+\)$/);
        expect(e.party).toBe(party);
        checked++;
      }
    expect(checked).toBeGreaterThan(0);
  });
});
