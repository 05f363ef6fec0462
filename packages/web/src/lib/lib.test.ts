import { describe, expect, it } from "vitest";
import type { Scenario } from "@parley/core";
import type { TimelineEntryJson, TraceEventJson } from "../api/types.js";
import { redLineText, valuesText } from "./describe.js";
import { filterTimeline, localTimeline } from "./timeline.js";
import { describeEvent, offerTrail } from "./trace.js";
import { weightsKey, withWeights } from "./what-if.js";

const scenario: Scenario = {
  id: "s",
  name: "S",
  issues: [
    { kind: "categorical", id: "a", name: "Issue A", options: ["x", "y"] },
    { kind: "integer", id: "b", min: 0, max: 5 },
  ],
  parties: [
    {
      id: "p",
      name: "P",
      role: "party",
      preferences: { utility: { kind: "linear-additive", weights: { a: 0.5, b: 0.5 }, values: { a: { kind: "table", scores: { x: 1 } } } } },
    },
    { id: "q", name: "Q", role: "party" },
  ],
  frameworks: [
    { id: "f1", name: "One", points: [{ id: "1", number: 1, text: "", sets: { a: "x" } }] },
    { id: "f2", name: "Two", points: [{ id: "1", number: 1, text: "", sets: { a: "y", b: 3 } }] },
  ],
  statements: [
    { id: "s1", date: "2025-02-01", speaker: "", party: "p", paraphrase: "", about: [{ framework: "f1", point: "1" }], stance: "accept", source: { outlet: "o" }, confidence: "H" },
    { id: "s2", date: "2025-01-01", speaker: "", party: "q", paraphrase: "", about: [{ issue: "b" }], stance: "reject", source: { outlet: "o" }, confidence: "M" },
  ],
  events: [{ id: "e1", date: "2025-02-01", kind: "draft", title: "", participants: ["p"], framework: "f2", source: { outlet: "o" }, confidence: "H" }],
};

describe("describe", () => {
  it("valuesText folds integer runs; redLineText says what a red line forbids or requires", () => {
    expect(valuesText([13, 14, 15, 18])).toBe("13–15, 18");
    expect(valuesText(["x", "y"])).toBe("x or y");
    expect(redLineText({ kind: "forbid", issue: "a", values: ["y"] }, scenario.issues)).toBe("Never Issue A: y");
    expect(redLineText({ kind: "require", if: { issue: "b", values: [4, 5] }, then: { issue: "a", values: ["x"] } }, scenario.issues)).toBe("If b is 4–5, then Issue A must be x");
  });
});

describe("timeline", () => {
  it("localTimeline orders by date, events first on a day", () => {
    expect(localTimeline(scenario).map((e) => e.id)).toEqual(["s2", "e1", "s1"]);
  });

  it("filterTimeline by party, issue (through points) and point", () => {
    const all: TimelineEntryJson[] = localTimeline(scenario);
    const ids = (f: { party?: string; issue?: string; point?: string }) => filterTimeline(all, scenario, { party: "", issue: "", point: "", ...f }).map((e) => e.id);
    expect(ids({ party: "p" })).toEqual(["e1", "s1"]);
    expect(ids({ issue: "a" })).toEqual(["s1"]); // point f1/1 sets a; events carry no issue
    expect(ids({ point: "f2/1" })).toEqual(["s2", "e1"]); // s2 is about b, which f2/1 sets
  });
});

describe("what-if weights", () => {
  it("withWeights rescales the new weights to the old sum and leaves other parties alone", () => {
    const s = withWeights(scenario, { p: { a: 3, b: 1 }, q: { a: 1 } });
    const u = s.parties[0]!.preferences!.utility;
    expect(u.kind === "linear-additive" && u.weights).toEqual({ a: 0.75, b: 0.25 });
    expect(s.parties[1]).toBe(scenario.parties[1]);
    expect(weightsKey({ p: { b: 1, a: 3 } })).toBe("p:a=3.0000,b=1.0000");
    expect(weightsKey(null)).toBe("");
  });
});

describe("trace", () => {
  it("describeEvent and offerTrail read a trace", () => {
    const trace: TraceEventJson[] = [
      { seq: 0, round: 0, time: 0, type: "offer", sender: 0, senderId: "p", utilities: [0.9, 0.1, 0.5] },
      { seq: 1, round: 0, time: 0, type: "reject", sender: 1, senderId: "q" },
      { seq: 2, round: 1, time: 0.5, type: "propose-text", sender: -1, senderId: "mediator", utilities: [0.5, 0.6, 0.7] },
      { seq: 3, round: 2, time: 1, type: "timeout", sender: -1, senderId: "mediator" },
    ];
    expect(describeEvent(trace[0]!, ["P", "Q"])).toBe("Round 1 · P offers");
    expect(describeEvent(trace[2]!, ["P", "Q"])).toBe("Round 2 · mediator proposes a text");
    expect(describeEvent(trace[3]!, ["P", "Q"])).toBe("Deadline reached after 2 rounds");
    expect(offerTrail(trace, 3, 0, 2, ["P", "Q"], ["#111111", "#222222"]).map((t) => [t.x, t.y, t.sender, t.color])).toEqual([
      [0.9, 0.5, 0, "#111111"],
      [0.5, 0.7, -1, "#111827"],
    ]);
  });
});
