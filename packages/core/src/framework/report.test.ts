import { describe, expect, it } from "vitest";
import { compileScenario, type Scenario } from "@parley/core";
import { frameworkReport } from "./index.js";

const table = (scores: Record<string, number>) => ({ kind: "table" as const, scores });

const scenario: Scenario = {
  id: "report",
  name: "Report",
  issues: [
    { kind: "categorical", id: "a", options: ["a0", "a1"] },
    { kind: "categorical", id: "b", options: ["b0", "b1"] },
  ],
  parties: [
    {
      id: "P",
      name: "P",
      role: "party",
      preferences: {
        utility: { kind: "linear-additive", weights: { a: 0.5, b: 0.5 }, values: { a: table({ a1: 1 }), b: table({ b1: 1 }) } },
        reservation: 0.4,
        redLines: [{ kind: "forbid", id: "no-b0", issue: "b", values: ["b0"] }],
      },
    },
    {
      id: "Q",
      name: "Q",
      role: "party",
      preferences: { utility: { kind: "linear-additive", weights: { a: 1 }, values: { a: table({ a0: 1 }) } }, reservation: 0.5 },
    },
  ],
  frameworks: [
    { id: "D1", name: "Draft 1", points: [{ id: "d1", number: 1, text: "a1", sets: { a: "a1" } }] },
    { id: "D2", name: "Draft 2", points: [{ id: "d1", number: 1, text: "a0 and b0", sets: { a: "a0", b: "b0" } }] },
  ],
  statements: [
    {
      id: "st1",
      date: "2025-05-01",
      speaker: "Q's minister",
      party: "Q",
      paraphrase: "Q rejects draft 1.",
      about: [{ framework: "D1" }],
      stance: "reject",
      source: { outlet: "Wire", url: "https://example.org/1" },
      confidence: "M",
    },
    {
      id: "st2",
      date: "2025-05-02",
      speaker: "P's minister",
      party: "P",
      paraphrase: "P denies reports that it turned draft 2 down, and accepts it.",
      about: [{ framework: "D2" }, { framework: "D2" }],
      stance: "deny",
      claims: [
        { stance: "deny", about: [{ framework: "D2" }] },
        { stance: "accept", about: [{ framework: "D2" }] },
      ],
      source: { outlet: "Wire" },
      confidence: "H",
    },
  ],
};

describe("frameworkReport", () => {
  it("frameworkReport has the documented JSON shape", () => {
    const r = frameworkReport(compileScenario(scenario));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r); // plain data
    expect(Object.keys(r)).toEqual(expect.arrayContaining(["frameworks", "dealPossible", "conflicts"]));
    expect(r.frameworks.map((f) => f.id)).toEqual(["D1", "D2"]);
    const d1 = r.frameworks[0]!;
    expect(d1.points[0]).toMatchObject({ id: "d1", number: 1, text: "a1", issues: ["a"] });
    expect(d1.points[0]!.stances["P"]).toMatchObject({ value: 1, redLine: false, declared: null });
    expect(d1.points[0]!.stances["Q"]).toMatchObject({ value: 0, redLine: false, declared: null, modelled: "reject", mismatch: false });
    // P: a1 gives 0.5, b open: [0.5, 1]; the red line on b0 is still possible → depends.
    expect(d1.verdicts["P"]).toMatchObject({ utility: 0.5, utilityRange: { min: 0.5, max: 1 }, accepts: false, verdict: "depends" });
    expect(d1.verdicts["Q"]).toMatchObject({ utility: 0, accepts: false, verdict: "reject" });
    // the statement about the whole draft is Q's declared stance on the framework, not on its points
    expect(d1.verdicts["Q"]!.declared).toEqual({
      stance: "reject",
      stances: ["reject"],
      date: "2025-05-01",
      statement: "st1",
      source: { outlet: "Wire", url: "https://example.org/1" },
      via: "framework",
      confidence: "M",
      speaker: "Q's minister",
    });
    expect(d1.verdicts["Q"]!.declaredDisagrees).toBe(false); // declared reject, modelled reject
    expect(d1.verdicts["P"]!.declaredDisagrees).toBe(false); // nothing declared
    expect(d1.basis).toBeNull();
    // P declares it accepts D2 (beside a denial), but D2 crosses its red line: the verdict is reject.
    expect(r.frameworks[1]!.verdicts["P"]).toMatchObject({ verdict: "reject", declared: { stance: "accept", stances: ["deny", "accept"] }, declaredDisagrees: true });
    // D2 crosses P's red line on its point.
    expect(r.frameworks[1]!.points[0]!.stances["P"]).toMatchObject({ redLine: true, modelled: "reject" });
    expect(r.frameworks[1]!.verdicts["P"]!.redLinesCrossed.map((x) => x.id)).toEqual(["no-b0"]);
    expect(d1.amendments.basis).toBe("worst");
    expect(Object.keys(d1.amendments.fixes)).toEqual(["P", "Q"]);
    // P's best fix for D1: settle b at b1 (costs Q nothing).
    expect(d1.amendments.fixes["P"]!.fixes[0]).toMatchObject({ changes: [{ issue: "b", point: null, from: null, to: "b1" }], cost: 0 });
  });

  it("frameworkReport handles a text whose points are not public: no points, every issue open", () => {
    const secret: Scenario = { ...scenario, frameworks: [...scenario.frameworks, { id: "D3", name: "Draft 3", basis: "undisclosed", points: [] }] };
    const r = frameworkReport(secret, { framework: "D3" });
    const d3 = r.frameworks[0]!;
    expect(d3).toMatchObject({ id: "D3", basis: "undisclosed", open: ["a", "b"], points: [], clashes: [] });
    // P: everything open, [0, 1], and b0 could cross its red line; Q: [0, 1] around 0.5.
    expect(d3.verdicts["P"]).toMatchObject({ verdict: "depends", utilityRange: { min: 0, max: 1 }, declaredDisagrees: false });
    expect(d3.verdicts["Q"]).toMatchObject({ verdict: "depends" });
  });

  it("frameworkReport runs the deal check and names the conflicts by party and issue", () => {
    // Q needs a0 (0.5), P needs b1 (red line) and ≥ 0.4: (a0, b1) gives P 0.5 — a deal.
    const r = frameworkReport(scenario, { framework: "D2" });
    expect(r.frameworks.map((f) => f.id)).toEqual(["D2"]);
    expect(r.dealPossible).toBe(true);
    expect(r.conflicts).toBeNull();
    const tight: Scenario = {
      ...scenario,
      parties: scenario.parties.map((p) => (p.id === "P" ? { ...p, preferences: { ...p.preferences!, reservation: 0.75 } } : p)),
    };
    const t = frameworkReport(tight, { framework: "D1" });
    expect(t.dealPossible).toBe(false);
    expect(t.conflicts!.sets).toEqual([[{ kind: "reservation", party: "P", value: 0.75 }, { kind: "reservation", party: "Q", value: 0.5 }]]);
    const redLines: Scenario = {
      ...scenario,
      parties: scenario.parties.map((p) => (p.id === "Q" ? { ...p, preferences: { ...p.preferences!, reservation: 0, redLines: [{ kind: "forbid", issue: "b", values: ["b1"] }] } } : p)),
    };
    const u = frameworkReport(redLines);
    expect(u.conflicts!.sets).toHaveLength(1);
    expect(u.conflicts!.sets[0]).toEqual([
      { kind: "red-line", party: "P", redLine: { kind: "forbid", id: "no-b0", issue: "b", values: ["b0"] }, issues: ["b"] },
      { kind: "red-line", party: "Q", redLine: { kind: "forbid", issue: "b", values: ["b1"] }, issues: ["b"] },
    ]);
  });
});
