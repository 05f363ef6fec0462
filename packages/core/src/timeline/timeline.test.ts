import { describe, expect, it } from "vitest";
import { isParleyError } from "../errors.js";
import type { Scenario } from "../model/scenario.js";
import type { NegotiationEvent, Statement } from "../model/statement.js";
import { resolvePoint, timeline } from "./timeline.js";

const source = { outlet: "Wire", url: "https://example.org/x" };

const statement = (id: string, date: string, party: string, about: Statement["about"]): Statement => ({
  id,
  date,
  speaker: `${party} spokesperson`,
  party,
  paraphrase: `paraphrase ${id}`,
  about,
  stance: "process",
  source,
  confidence: "H",
});

const event = (id: string, date: string, participants: string[], extra: Partial<NegotiationEvent> = {}): NegotiationEvent => ({
  id,
  date,
  kind: "meeting",
  title: `event ${id}`,
  participants,
  source,
  confidence: "M",
  ...extra,
});

const scenario: Scenario = {
  id: "t",
  name: "T",
  issues: [
    { id: "border", kind: "categorical", options: ["open", "closed"] },
    { id: "troops", kind: "integer", min: 0, max: 3 },
  ],
  parties: [
    { id: "a", name: "A", role: "party" },
    { id: "b", name: "B", role: "party" },
    { id: "m", name: "M", role: "mediator" },
  ],
  frameworks: [
    {
      id: "draft",
      name: "Draft",
      points: [
        { id: "1", number: 1, text: "Open border.", sets: { border: "open" } },
        { id: "2", number: 2, text: "Talks continue.", sets: {} },
      ],
    },
    { id: "draft/v2", name: "Draft v2", points: [{ id: "1", number: 1, text: "Troops 2.", sets: { troops: 2 } }] },
  ],
  statements: [
    statement("s3", "2025-12-03", "a", [{ framework: "draft", point: "1" }]),
    statement("s1", "2025-11-21", "b", [{ issue: "border", values: ["closed"] }]),
    statement("s2", "2025-12-03", "b", [{ issue: "troops" }]),
    statement("s4", "2026-01-05", "m", [{ framework: "draft/v2", point: "1" }, { framework: "draft" }]),
  ],
  events: [
    event("e2", "2025-12-03", ["a", "m"]),
    event("e1", "2025-11-20", ["m"], { kind: "leak", framework: "draft" }),
    event("e3", "2025-11-30", ["a", "b"], { endDate: "2025-12-02", kind: "talks" }),
  ],
};

const ids = (f: Parameters<typeof timeline>[1] = {}) => timeline(scenario, f).map((e) => e.id);

describe("timeline", () => {
  it("timeline(scenario) merges statements and events in date order, events first on a day, else file order", () => {
    expect(ids()).toEqual(["e1", "s1", "e3", "e2", "s3", "s2", "s4"]);
  });

  it("timeline(scenario) keeps every field and tags each entry with its type", () => {
    const all = timeline(scenario);
    expect(all.find((e) => e.id === "s1")).toEqual({ type: "statement", ...scenario.statements![1] });
    expect(all.find((e) => e.id === "e3")).toEqual({ type: "event", ...scenario.events![2] });
  });

  it("timeline(scenario, {party}) keeps the party's statements and the events it took part in", () => {
    expect(ids({ party: "a" })).toEqual(["e3", "e2", "s3"]);
    expect(ids({ party: "m" })).toEqual(["e1", "e2", "s4"]);
  });

  it("timeline(scenario, {issue}) keeps statements about the issue, directly or through a point that sets it", () => {
    expect(ids({ issue: "border" })).toEqual(["s1", "s3"]);
    expect(ids({ issue: "troops" })).toEqual(["s2", "s4"]);
  });

  it("timeline(scenario, {point}) keeps statements about the point or the issues it sets, and events about its framework", () => {
    expect(ids({ point: "draft/1" })).toEqual(["e1", "s1", "s3"]);
    expect(ids({ point: { framework: "draft", point: "2" } })).toEqual(["e1"]);
    expect(ids({ point: "draft/v2/1" })).toEqual(["s2", "s4"]);
  });

  it("timeline(scenario, {from, to}) takes dates or prefixes, and keeps events overlapping the range", () => {
    expect(ids({ from: "2025-12" })).toEqual(["e3", "e2", "s3", "s2", "s4"]);
    expect(ids({ to: "2025-11" })).toEqual(["e1", "s1", "e3"]);
    expect(ids({ from: "2025-12-01", to: "2025-12-02" })).toEqual(["e3"]);
    expect(ids({ from: "2026" })).toEqual(["s4"]);
  });

  it("timeline(scenario, filters) combines the filters", () => {
    expect(ids({ party: "b", issue: "border" })).toEqual(["s1"]);
    expect(ids({ party: "a", from: "2025-12-03" })).toEqual(["e2", "s3"]);
  });

  it("timeline of a scenario without statements or events is empty", () => {
    const { statements: _s, events: _e, ...bare } = scenario;
    expect(timeline(bare)).toEqual([]);
  });

  it("timeline(scenario, filter) throws ParleyError for unknown parties, issues, frameworks and points", () => {
    const code = (f: Parameters<typeof timeline>[1]) => {
      try {
        timeline(scenario, f);
      } catch (e) {
        return isParleyError(e) ? e.code : "other";
      }
      return "none";
    };
    expect(code({ party: "z" })).toBe("PARLEY_ERR_UNKNOWN_PARTY");
    expect(code({ issue: "z" })).toBe("PARLEY_ERR_UNKNOWN_ISSUE");
    expect(code({ point: "nope/1" })).toBe("PARLEY_ERR_UNKNOWN_FRAMEWORK");
    expect(code({ point: "draft/9" })).toBe("PARLEY_ERR_UNKNOWN_FRAMEWORK");
    expect(code({ point: { framework: "x", point: "1" } })).toBe("PARLEY_ERR_UNKNOWN_FRAMEWORK");
  });

  it("timeline(scenario, filter) suggests the id meant by a typo and lists the known ones", () => {
    const message = (f: Parameters<typeof timeline>[1]) => {
      try {
        timeline(scenario, f);
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    };
    expect(message({ party: "mm" })).toBe('scenario "t" has no party "mm"; parties: a, b, m. Did you mean "m"?');
    expect(message({ issue: "trops" })).toBe('scenario "t" has no issue "trops"; issues: border, troops. Did you mean "troops"?');
    expect(message({ point: { framework: "draf", point: "1" } })).toBe('scenario "t" has no framework "draf"; frameworks: draft, draft/v2. Did you mean "draft"?');
    expect(message({ point: "draft/2x" })).toBe('framework "draft" has no point "2x"; its points: 1, 2. Did you mean "2"?');
    expect(message({ point: "draft/seven" })).toBe('framework "draft" has no point "seven"; its points: 1, 2');
  });

  it("resolvePoint splits FRAMEWORK/POINT where the left side names a framework", () => {
    expect(resolvePoint(scenario, "draft/2")).toEqual({ framework: "draft", point: "2" });
    expect(resolvePoint(scenario, "draft/v2/1")).toEqual({ framework: "draft/v2", point: "1" });
  });
});
