import { describe, expect, it } from "vitest";
import { isParleyError } from "../errors.js";
import type { Reading } from "../model/reading.js";
import type { Scenario } from "../model/scenario.js";
import { applyReadings, findReadings, readingsConflict } from "./apply.js";

const reading = (id: string, parties: Reading["parties"]): Reading => ({ id, provenance: { assumption: `why ${id}` }, parties });

const scenario: Scenario = {
  id: "s",
  name: "S",
  issues: [
    { kind: "categorical", id: "a", options: ["x", "y", "z"] },
    { kind: "integer", id: "n", min: 0, max: 3 },
  ],
  parties: [
    {
      id: "p",
      name: "P",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { a: 0.5, n: 0.5 }, values: { a: { kind: "table", scores: { x: 1 } }, n: { kind: "linear", slope: 1 / 3, offset: 0 } } },
        reservation: 0.4,
        redLines: [
          { kind: "forbid", id: "no-z", issue: "a", values: ["z"], provenance: { cites: ["s1"] } },
          { kind: "forbid", id: "no-0", issue: "n", values: [0] },
        ],
      },
    },
    { id: "t", name: "T", role: "party", preferences: { utility: { kind: "table", entries: [] } } },
  ],
  frameworks: [],
  readings: [
    reading("strict", [{ party: "p", replaceRedLines: [{ kind: "forbid", id: "no-z", issue: "a", values: ["y", "z"] }], addRedLines: [{ kind: "forbid", issue: "n", values: [3] }] }]),
    reading("loose", [{ party: "p", removeRedLines: ["no-z"] }]),
    reading("high", [{ party: "p", reservation: 0.7, values: { a: { kind: "table", scores: { z: 1 } } } }]),
    reading("heavy", [{ party: "p", weights: { a: 0.9, n: 0.1 } }]),
    reading("low", [{ party: "p", reservation: 0.2 }]),
    reading("table-weights", [{ party: "t", weights: { a: 1 } }]),
  ],
};

const prefs = (s: Scenario) => s.parties[0]!.preferences!;

describe("applyReadings", () => {
  it("returns the scenario itself when no reading is selected", () => {
    expect(applyReadings(scenario, [])).toBe(scenario);
  });

  it("replaces, removes and adds red lines; added and replaced ones take the reading's provenance", () => {
    expect(prefs(applyReadings(scenario, ["strict"])).redLines).toEqual([
      { kind: "forbid", id: "no-z", issue: "a", values: ["y", "z"], provenance: { assumption: "why strict" } },
      { kind: "forbid", id: "no-0", issue: "n", values: [0] },
      { kind: "forbid", issue: "n", values: [3], provenance: { assumption: "why strict" } },
    ]);
    expect(prefs(applyReadings(scenario, ["loose"])).redLines!.map((r) => r.id)).toEqual(["no-0"]);
  });

  it("sets reservation values, orderings and weights, with the reading's provenance", () => {
    const p = prefs(applyReadings(scenario, ["high", "heavy"]));
    expect(p.reservation).toBe(0.7);
    expect(p.utility).toEqual({
      kind: "linear-additive",
      weights: { a: 0.9, n: 0.1 },
      values: { a: { kind: "table", scores: { z: 1 } }, n: { kind: "linear", slope: 1 / 3, offset: 0 } },
    });
    expect(p.provenance).toEqual({
      reservation: { assumption: "why high" },
      values: { a: { assumption: "why high" } },
      weights: { a: { assumption: "why heavy" }, n: { assumption: "why heavy" } },
    });
    // The input is not modified, and the order of the ids does not matter.
    expect(prefs(scenario).reservation).toBe(0.4);
    expect(applyReadings(scenario, ["heavy", "high", "heavy"])).toEqual(applyReadings(scenario, ["high", "heavy"]));
  });

  it("names an unknown reading, with a suggestion", () => {
    expect(() => applyReadings(scenario, ["strct"])).toThrow(/unknown reading "strct"\. Did you mean "strict"\? Readings are: strict, loose, high/);
    const { readings: _, ...without } = scenario;
    let thrown: unknown;
    try {
      applyReadings(without, ["x"]);
    } catch (e) {
      thrown = e;
    }
    expect(isParleyError(thrown) && thrown.code).toBe("PARLEY_ERR_UNKNOWN_READING");
    expect((thrown as Error).message).toMatch(/defines no readings/);
  });

  it("refuses two readings that change the same thing", () => {
    expect(readingsConflict(scenario.readings![0]!, scenario.readings![1]!)).toEqual(["p's red line no-z"]);
    expect(readingsConflict(scenario.readings![2]!, scenario.readings![3]!)).toEqual([]);
    expect(() => findReadings(scenario, ["high", "low"])).toThrow(/readings "high" and "low" cannot be selected together: both change p's reservation value/);
    expect(() => applyReadings(scenario, ["strict", "loose"])).toThrow(/PARLEY_ERR|cannot be selected together/);
  });

  it("refuses weights for preferences that are not linear-additive", () => {
    expect(() => applyReadings(scenario, ["table-weights"])).toThrow(/not linear-additive/);
  });
});
