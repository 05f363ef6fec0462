import { compileScenario, crossesRedLine, outcomeIndicesAt, type Scenario } from "@parley/core";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readBuiltinScenarioText } from "../node/builtin-scenario.js";
import { parseScenario } from "./parse-scenario.js";

const builtinScenarioYaml = readBuiltinScenarioText();

function parseOk(text: string, file?: string): Scenario {
  const r = parseScenario(text, file === undefined ? {} : { file });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join("\n"));
  return r.value;
}

const party = (s: Scenario, id: string) => s.parties.find((p) => p.id === id)!;

// The fictional ceasefire example exercises most of the format (the built-in scenario has its own test).
const ceasefireYaml = readFileSync(fileURLToPath(new URL("../../../../examples/ceasefire-talks.yaml", import.meta.url)), "utf8");

describe("the built-in scenario", () => {
  it("parses without problems", () => {
    const r = parseScenario(builtinScenarioYaml, { file: "peace-talks-2025.yaml" });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual([]);
  });
});

describe("the ceasefire example", () => {
  const r = parseScenario(ceasefireYaml, { file: "ceasefire-talks.yaml" });

  it("parses without problems", () => {
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual([]);
  });

  const s = parseOk(ceasefireYaml);

  it("has 3 parties, a mediator, 6 issues and one 6-point framework that leaves the border open", () => {
    expect(s.parties.map((p) => p.role)).toEqual(["party", "party", "party", "mediator"]);
    expect(s.issues.map((i) => i.kind)).toEqual(["categorical", "integer", "categorical", "categorical", "integer", "categorical"]);
    expect(s.frameworks).toHaveLength(1);
    const f = s.frameworks[0]!;
    expect(f.points.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const set = new Set(f.points.flatMap((p) => Object.keys(p.sets)));
    expect(s.issues.filter((i) => !set.has(i.id)).map((i) => i.id)).toEqual(["border"]);
    expect(f.version).toBe("2");
    expect(f.date).toBe("2025-03-14");
    expect(f.points[5]).toEqual({
      id: "6",
      number: 6,
      text: "The crossings to Kessa reopen on a schedule agreed in a separate protocol.",
      sets: {},
    });
  });

  it("reads options given as {label, description} as their labels", () => {
    expect(s.issues[0]).toEqual({
      id: "monitoring",
      name: "Ceasefire monitoring",
      kind: "categorical",
      options: ["joint-commission", "civilian-observers", "armed-peacekeepers"],
    });
  });

  it("normalises the relative weights to sum to 1", () => {
    const u = party(s, "government").preferences!.utility;
    expect(u.kind).toBe("linear-additive");
    if (u.kind !== "linear-additive") return;
    expect(u.weights["troop-ceiling"]).toBeCloseTo(0.3, 15);
    expect(u.weights.monitoring).toBeCloseTo(0.1, 15);
    expect(Object.values(u.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
  });

  it("expands the value-function shorthands", () => {
    const gov = party(s, "government").preferences!.utility;
    const mov = party(s, "movement").preferences!.utility;
    if (gov.kind !== "linear-additive" || mov.kind !== "linear-additive") throw new Error("expected linear-additive");
    // increasing over 5..25
    expect(gov.values["troop-ceiling"]).toEqual({ kind: "linear", slope: 1 / 20, offset: 0 });
    // decreasing over 5..25
    expect(mov.values["troop-ceiling"]).toEqual({ kind: "linear", slope: -1 / 20, offset: 1 });
    // a ranking, best first: 1 … 0 evenly spaced
    expect(gov.values.autonomy).toEqual({
      kind: "table",
      scores: { none: 1, administrative: 2 / 3, legislative: 1 / 3, federal: 0 },
    });
    // a map of scores
    expect(gov.values.prisoners).toEqual({ kind: "table", scores: { phased: 1, "all-for-all": 0.4, none: 0.6 } });
    // {peak: x} over 0..18
    expect(gov.values.border).toEqual({ kind: "peaked", low: 0, peak: 9, high: 18 });
  });

  it("expands red lines: single values, lists and {min, max} ranges", () => {
    expect(party(s, "government").preferences!.redLines).toEqual([
      {
        kind: "forbid",
        id: "no-federation",
        issue: "autonomy",
        values: ["federal"],
        note: "A federal constitution needs a referendum the government cannot win.",
      },
      { kind: "forbid", id: "no-foreign-troops", issue: "monitoring", values: ["armed-peacekeepers"], note: "No foreign troops on Valdorian soil." },
    ]);
    expect(party(s, "movement").preferences!.redLines![1]).toEqual({
      kind: "require",
      id: "troops-need-outside-eyes",
      if: { issue: "troop-ceiling", values: [16, 17, 18, 19, 20, 21, 22, 23, 24, 25] },
      then: { issue: "monitoring", values: ["civilian-observers", "armed-peacekeepers"] },
      note: "More than 15,000 government troops only under outside monitoring.",
    });
    expect(party(s, "kessa").preferences!.redLines![0]).toMatchObject({ issue: "border", values: [13, 14, 15, 16, 17, 18] });
  });

  it("has a narrow but non-empty agreement zone, reachable by completing the framework", () => {
    const c = compileScenario(s);
    const idx = new Int32Array(c.issues.length);
    const acceptable = () =>
      c.parties.every((p) => p.utility.evaluate(idx) >= p.reservation && !p.redLines.some((l) => crossesRedLine(l, idx)));
    let zone = 0;
    for (let n = 0; n < c.size; n++) {
      outcomeIndicesAt(c, n, idx);
      if (acceptable()) zone++;
    }
    expect(zone).toBeGreaterThan(0);
    expect(zone / c.size).toBeLessThan(0.02);
    // The framework's completions: only some border schedules are acceptable to everyone.
    const sets = Object.assign({}, ...s.frameworks[0]!.points.map((p) => p.sets)) as Record<string, string | number>;
    const border = c.issues.findIndex((i) => i.id === "border");
    const good: number[] = [];
    for (let k = 0; k < c.radices[border]!; k++) {
      c.issues.forEach((issue, i) => {
        idx[i] = i === border ? k : c.values[i]!.indexOf(sets[issue.id]!);
      });
      if (acceptable()) good.push(c.values[border]![k] as number);
    }
    expect(good.length).toBeGreaterThan(0);
    expect(good.length).toBeLessThan(c.radices[border]! / 2);
  });
});

describe("conversion details", () => {
  const base = (prefs: string, issues = "") => `parley: 1
id: t
name: T
issues:
  - {id: a, kind: categorical, options: [x, y, z]}
  - {id: n, kind: integer, min: 0, max: 10}
  - {id: r, kind: real, min: 0, max: 1, step: 0.25}
${issues}parties:
  - id: p
    preferences:
${prefs}`;

  it("defaults: name = id, role = party, equal weights when weights are left out, no frameworks", () => {
    const s = parseOk(base("      values: {a: [x, y], n: increasing}\n"));
    expect(s.parties[0]).toMatchObject({ id: "p", name: "p", role: "party" });
    expect(s.frameworks).toEqual([]);
    const u = s.parties[0]!.preferences!.utility;
    expect(u).toEqual({
      kind: "linear-additive",
      weights: { a: 0.5, n: 0.5 },
      values: { a: { kind: "table", scores: { x: 1, y: 0 } }, n: { kind: "linear", slope: 0.1, offset: 0 } },
    });
  });

  it("reads the explicit value-function kinds", () => {
    const s = parseOk(
      base(`      values:
        a: {kind: table, scores: {z: 0.5}}
        n: {kind: piecewise, points: [[0, 0], [5, 1], [10, 0.5]]}
        r: {kind: peaked, low: 0, peak: 0.5, high: 1}
`),
    );
    const u = s.parties[0]!.preferences!.utility;
    if (u.kind !== "linear-additive") throw new Error("linear-additive expected");
    expect(u.values).toEqual({
      a: { kind: "table", scores: { z: 0.5 } },
      n: { kind: "piecewise", points: [[0, 0], [5, 1], [10, 0.5]] },
      r: { kind: "peaked", low: 0, peak: 0.5, high: 1 },
    });
  });

  it("reads score maps of numeric issues by value", () => {
    const s = parseOk(base("      values: {n: {0: 1, 10: 0.5}, r: {0.5: 1, 1: 0.25}}\n"));
    const u = s.parties[0]!.preferences!.utility;
    if (u.kind !== "linear-additive") throw new Error("linear-additive expected");
    expect(u.values.n).toEqual({ kind: "table", scores: { "0": 1, "10": 0.5 } });
    expect(u.values.r).toEqual({ kind: "table", scores: { "0.5": 1, "1": 0.25 } });
  });

  it("reads numbers as text where option labels are expected", () => {
    const s = parseOk(`parley: 1
id: t
name: T
issues:
  - {id: year, kind: categorical, options: [2025, 2026]}
parties:
  - id: p
    preferences:
      values: {year: {2025: 1}}
      redLines: [{forbid: {year: 2026}}]
frameworks:
  - {id: f, points: [{text: t, sets: {year: 2025}}]}
`);
    expect(s.issues[0]).toMatchObject({ options: ["2025", "2026"] });
    expect(s.parties[0]!.preferences!.redLines).toEqual([{ kind: "forbid", issue: "year", values: ["2026"] }]);
    expect(s.frameworks[0]!.points[0]!.sets).toEqual({ year: "2025" });
    expect(s.frameworks[0]!.name).toBe("f");
  });

  it("reads hyper-rectangle utilities, bounding categorical issues by label or index", () => {
    const s = parseOk(
      base(`      reservation: 0.2
      discount: 0.9
      utility:
        kind: hyper-rectangles
        normalizer: 4
        rectangles:
          - {utility: 3, includes: {a: [x, y], n: [2, 6]}, excludes: {r: 0.5}}
          - {utility: -1, includes: {a: 2, n: [[0, 1], [9, 10]]}}
          - {utility: 1}
`),
    );
    expect(s.parties[0]!.preferences).toEqual({
      reservation: 0.2,
      discount: 0.9,
      utility: {
        kind: "hyper-rectangles",
        normalizer: 4,
        rectangles: [
          {
            utility: 3,
            includes: [
              { issue: "a", min: 0, max: 1 },
              { issue: "n", min: 2, max: 6 },
            ],
            excludes: [{ issue: "r", min: 0.5, max: 0.5 }],
          },
          {
            utility: -1,
            includes: [
              { issue: "a", min: 2, max: 2 },
              { issue: "n", min: 0, max: 1 },
              { issue: "n", min: 9, max: 10 },
            ],
          },
          { utility: 1, includes: [] },
        ],
      },
    });
  });

  it("reads table utilities", () => {
    const s = parseOk(`parley: 1
id: t
name: T
issues:
  - {id: a, kind: categorical, options: [x, y]}
  - {id: n, kind: integer, min: 1, max: 2}
parties:
  - id: p
    preferences:
      utility:
        kind: table
        default: 0.1
        entries:
          - {outcome: {a: x, n: 1}, utility: 1}
          - {outcome: {a: y, n: 2}, utility: 0.5}
`);
    expect(s.parties[0]!.preferences!.utility).toEqual({
      kind: "table",
      default: 0.1,
      entries: [
        { outcome: { a: "x", n: 1 }, utility: 1 },
        { outcome: { a: "y", n: 2 }, utility: 0.5 },
      ],
    });
  });

  it("reads JSON the same as YAML", () => {
    const yaml = parseOk(builtinScenarioYaml);
    const json = JSON.stringify({ parley: 1, id: yaml.id, name: yaml.name, issues: [{ id: "a", kind: "integer", min: 0, max: 3 }], parties: [] });
    expect(parseOk(json, "x.json")).toEqual({ id: yaml.id, name: yaml.name, issues: [{ id: "a", kind: "integer", min: 0, max: 3 }], parties: [], frameworks: [] });
  });

  it("uses weights as written with normalizeWeights: false", () => {
    const s = parseOk(base("      weights: {a: 0.3, n: 0.6}\n      normalizeWeights: false\n      values: {a: [x], n: increasing}\n"));
    const u = s.parties[0]!.preferences!.utility;
    expect(u.kind === "linear-additive" && u.weights).toEqual({ a: 0.3, n: 0.6 });
    const normalised = parseOk(base("      weights: {a: 0.3, n: 0.6}\n      values: {a: [x], n: increasing}\n"));
    const v = normalised.parties[0]!.preferences!.utility;
    expect(v.kind === "linear-additive" && v.weights).toEqual({ a: 0.3 / (0.3 + 0.6), n: 0.6 / (0.3 + 0.6) });
  });

  it("warns about a weight without a value function and a value function without a weight", () => {
    const r = parseScenario(base("      weights: {a: 1, n: 2}\n      values: {a: [x], r: increasing}\n"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => [w.line, w.path.join("."), w.severity])).toEqual([
      [11, "parties.0.preferences.weights.n", "warning"],
      [12, "parties.0.preferences.values.r", "warning"],
    ]);
  });
});

describe("docs/scenario-format.md", () => {
  const md = readFileSync(fileURLToPath(new URL("../../../../docs/scenario-format.md", import.meta.url)), "utf8");
  const blocks = [...md.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));

  it("has complete examples, in YAML and JSON, that parse", () => {
    const complete = blocks.filter((b) => /issues/.test(b.text) && /^(parley: 1|\{\s*"parley": 1)/m.test(b.text) && !b.text.includes("…"));
    expect(complete.map((b) => b.lang)).toEqual(["yaml", "json"]);
    for (const b of complete) parseOk(b.text, `doc.${b.lang}`);
  });
});

describe("statements, events and provenance", () => {
  const s = parseOk(readFileSync(fileURLToPath(new URL("../../test/fixtures/sourced-scenario.yaml", import.meta.url)), "utf8"));

  it("reads provenance on red lines and preferences; a single cited id becomes a list", () => {
    const north = party(s, "north").preferences!;
    expect(north.redLines![0]).toEqual({ kind: "forbid", id: "no-closure", issue: "border", values: ["closed"], provenance: { cites: ["s1"] } });
    expect(north.provenance).toEqual({
      reservation: { assumption: "No source states one." },
      weights: { border: { cites: ["s1"], assumption: "Stated as a condition." }, troops: { assumption: "Position only." } },
      values: { border: { cites: ["s1", "s2"] } },
    });
    expect(party(s, "south").preferences!.redLines![0]).toMatchObject({ kind: "require", provenance: { cites: ["s2"], assumption: "Read from a single report." } });
  });

  it("reads the framework's basis, confidence and caveats", () => {
    expect(s.frameworks[0]).toMatchObject({ basis: "oral", confidence: "M", caveats: "Described to journalists; not published." });
  });

  it("resolves the subject shorthands: issue id, FRAMEWORK/POINT, {point: FRAMEWORK/POINT}, value ranges", () => {
    expect(s.statements!.map((st) => st.about)).toEqual([
      [{ issue: "border" }, { framework: "draft", point: "1" }],
      [
        { issue: "troops", values: [0, 1] },
        { framework: "draft", point: "2" },
        { framework: "draft", point: "1" },
      ],
    ]);
    expect(s.statements![1]).toMatchObject({
      id: "s2",
      date: "2025-03-03",
      party: "south",
      stance: "conditional",
      source: { outlet: "Daily", title: "Talks stall", url: "https://example.org/s2", date: "2025-03-04" },
      confidence: "M",
    });
  });

  it("reads events with all their fields", () => {
    expect(s.events).toEqual([
      {
        id: "e1",
        date: "2025-03-01",
        endDate: "2025-03-02",
        kind: "talks",
        title: "First round",
        participants: ["north", "south", "envoy"],
        place: "Geneva",
        framework: "draft",
        source: { outlet: "Wire", url: "https://example.org/e1" },
        confidence: "H",
      },
    ]);
  });

  it("leaves statements and events out of the model when the file has none", () => {
    const bare = parseOk("parley: 1\nid: t\nname: T\nissues: [{id: a, kind: integer, min: 0, max: 1}]\nparties: []\n");
    expect("statements" in bare).toBe(false);
    expect("events" in bare).toBe(false);
  });
});
