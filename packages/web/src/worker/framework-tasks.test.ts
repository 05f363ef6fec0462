import { describe, expect, it } from "vitest";
import { frameworkReport, scenarioAsOf, verdictHistory } from "@parley/core";
import { parseScenario } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import { frameworksOfView, historyOfView } from "./framework-tasks.js";

const builtin = (() => {
  const r = parseScenario(readBuiltinScenarioText());
  if (!r.ok) throw new Error("the built-in scenario does not parse");
  return r.value;
})();

describe("framework tasks", () => {
  it("frameworksOfView reports on the scenario as of the date, and says what it set aside", () => {
    const r = frameworksOfView({ scenario: builtin, view: { asOf: "2025-12-14" } });
    const cut = scenarioAsOf(builtin, "2025-12-14");
    expect(r.report).toEqual(frameworkReport(cut.scenario));
    expect(r.scenario.statements).toEqual(cut.scenario.statements);
    expect(r.asOf?.setAside).toEqual(cut.setAside);
    // Without a view: the stored scenario's report (what the server returns).
    expect(frameworksOfView({ scenario: builtin, view: {} })).toMatchObject({ report: frameworkReport(builtin), asOf: null });
  });

  it("historyOfView is the core's verdict history, whatever the as-of date", () => {
    expect(historyOfView({ scenario: builtin, view: { asOf: "2025-11-01" } }).steps).toEqual(verdictHistory(builtin));
  });
});
