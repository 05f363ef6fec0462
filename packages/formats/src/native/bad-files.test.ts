import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { FormatIssue } from "../format-issue.js";
import { parseScenario } from "./parse-scenario.js";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url)), "utf8");

function problems(text: string, file = "s.yaml"): FormatIssue[] {
  const r = parseScenario(text, { file });
  if (r.ok) throw new Error("expected problems, but the file parsed");
  return [...r.issues];
}

/** [line, column, code, path] of each issue. */
const where = (issues: readonly FormatIssue[]) =>
  issues.map((i) => [i.line, i.column, i.code.replace("PARLEY_FMT_", ""), i.path.join(".")]);

const ok = `parley: 1
id: t
name: T
issues:
  - {id: a, kind: categorical, options: [x, y, z]}
  - {id: n, kind: integer, min: 0, max: 10}
  - {id: r, kind: real, min: 0, max: 1, step: 0.25}
parties:
`;

describe("a file with several problems", () => {
  const issues = problems(fixture("broken-scenario.yaml"), "broken-scenario.yaml");

  it("reports every problem, in file order, at its line and column", () => {
    expect(where(issues)).toEqual([
      [11, 10, "VALUE", "issues.1.min"],
      [13, 9, "DUPLICATE", "issues.2.id"],
      [21, 7, "SCHEMA", "parties.0.preferences.reservaton"],
      [22, 31, "REFERENCE", "parties.0.preferences.weights.budget"],
      [24, 32, "REFERENCE", "parties.0.preferences.values.army-size.1"],
      [27, 11, "SCHEMA", "parties.1.role"],
      [29, 28, "VALUE", "parties.1.preferences.weights.army-size"],
      [32, 32, "REFERENCE", "parties.1.preferences.redLines.0.forbid.army-size.0"],
      [36, 11, "VALUE", "frameworks.0.date"],
      [41, 17, "DUPLICATE", "frameworks.0.points.1.number"],
      [43, 16, "REFERENCE", "frameworks.0.points.1.sets.army"],
    ]);
    for (const i of issues) {
      expect(i.file).toBe("broken-scenario.yaml");
      expect(i.severity).toBe("error");
    }
  });

  it("says what to do", () => {
    const text = (path: string) => issues.find((i) => i.path.join(".") === path)!.message;
    expect(text("parties.0.preferences.reservaton")).toBe('Unknown field "reservaton". Did you mean "reservation"?');
    expect(text("parties.0.preferences.values.army-size.1")).toBe(
      '"Tanks" is not an option of issue "army-size". Options are: 600k, 800k, unlimited.',
    );
    expect(text("parties.1.role")).toContain('Did you mean "mediator"?');
    expect(text("issues.1.min")).toContain("swap them");
    expect(text("frameworks.0.points.1.sets.army")).toContain('Unknown issue "army"');
  });
});

describe("schema problems", () => {
  it("reports unknown fields at the key, with a suggestion or the allowed fields", () => {
    const issues = problems(`${ok}  - id: p
    nmae: P
    colour: red
`);
    expect(where(issues)).toEqual([
      [10, 5, "SCHEMA", "parties.0.nmae"],
      [11, 5, "SCHEMA", "parties.0.colour"],
    ]);
    expect(issues[0]!.message).toBe('Unknown field "nmae". Did you mean "name"?');
    expect(issues[1]!.message).toMatch(/^Unknown field "colour"; remove it or fix its name\. Fields allowed here: id, name, role/);
  });

  it("reports missing fields, wrong types and unknown kinds", () => {
    const issues = problems(`parley: 1
name: 42
issues:
  - {id: a, kind: categorcal, options: [x]}
  - {id: b, kind: integer, min: 0}
  - {id: c, kind: real, min: 0, max: 1, step: 0}
parties: {}
`);
    expect(where(issues)).toEqual([
      [1, 1, "SCHEMA", "id"],
      [2, 7, "SCHEMA", "name"],
      [4, 19, "SCHEMA", "issues.0.kind"],
      [5, 5, "SCHEMA", "issues.1.max"],
      [6, 47, "VALUE", "issues.2.step"],
      [7, 10, "SCHEMA", "parties"],
    ]);
    const [id, name, kind, max, step, parties] = issues.map((i) => i.message);
    expect(id).toBe('Missing field "id": add `id: <text>` here.');
    expect(name).toBe('Expected text, but found 42. Put it in quotes: "42".');
    expect(kind).toBe('Unknown kind "categorcal"; use one of "categorical", "integer", "real". Did you mean "categorical"?');
    expect(max).toContain("add `max: <number>`");
    expect(step).toBe("Step must be greater than 0. Found 0.");
    expect(parties).toBe("Expected a list, but found a map.");
  });

  it("uses JSON wording for JSON files", () => {
    const issues = problems(`{"parley": 1, "id": "t", "issues": [], "parties": []}`, "s.json");
    expect(where(issues)).toEqual([
      [1, 1, "SCHEMA", "name"],
      [1, 36, "VALUE", "issues"],
    ]);
    expect(issues[0]!.message).toContain('add `"name": <text>`');
  });

  it("rejects another format version", () => {
    const issues = problems("parley: 2\nid: t\nname: T\nissues: [{id: a, kind: integer, min: 0, max: 1}]\nparties: []\n");
    expect(where(issues)).toEqual([[1, 9, "SCHEMA", "parley"]]);
    expect(issues[0]!.message).toContain("write `parley: 1`");
  });

  it("explains a value function it cannot read", () => {
    const issues = problems(`${ok}  - id: p
    preferences:
      values:
        n: {kind: linear, slop: 1, offset: 0}
        r: {kind: peakd, peak: 1}
        a: 7
`);
    expect(where(issues)).toEqual([
      [12, 27, "SCHEMA", "parties.0.preferences.values.n.slop"],
      [13, 19, "SCHEMA", "parties.0.preferences.values.r.kind"],
      [14, 12, "SCHEMA", "parties.0.preferences.values.a"],
    ]);
    expect(issues[0]!.message).toBe('Unknown field "slop". Did you mean "slope"?');
    expect(issues[1]!.message).toContain('Did you mean "peaked"?');
    expect(issues[2]!.message).toMatch(/^Expected a value function: increasing, decreasing, a list of options/);
  });

  it("explains a red line it cannot read", () => {
    const issues = problems(`${ok}  - id: p
    preferences:
      values: {a: [x]}
      redLines:
        - forbidd: {a: x}
        - {if: {a: x}}
        - {when: {a: x}}
`);
    expect(where(issues)).toEqual([
      [13, 11, "SCHEMA", "parties.0.preferences.redLines.0.forbidd"],
      [14, 11, "SCHEMA", "parties.0.preferences.redLines.1.then"],
      [15, 11, "SCHEMA", "parties.0.preferences.redLines.2.if"],
      [15, 12, "SCHEMA", "parties.0.preferences.redLines.2.when"],
    ]);
    expect(issues[0]!.message).toBe('Unknown field "forbidd". Did you mean "forbid"?');
    expect(issues[3]!.message).toBe('Unknown field "when". Did you mean "then"?');
    const other = problems(`${ok}  - id: p\n    preferences:\n      values: {a: [x]}\n      redLines: [{unless: {a: x}}]\n`);
    expect(where(other)).toEqual([[12, 18, "SCHEMA", "parties.0.preferences.redLines.0"]]);
    expect(other[0]!.message).toMatch(/^Expected a red line: \{forbid: /);
  });
});

describe("semantic problems", () => {
  it("checks values against their issues", () => {
    const issues = problems(`${ok}  - id: p
    preferences:
      values:
        a: {x: 1, w: 0.5}
        n: {peak: 11}
        r: {kind: peaked, low: 1, peak: 0.5, high: 0}
      redLines:
        - forbid: {n: 10.5}
        - forbid: {r: 0.3}
        - forbid: {a: {min: 1}}
        - {if: {n: [1]}, then: {a: [x], n: [2]}}
frameworks:
  - id: f
    points:
      - {text: one, sets: {n: "5"}}
`);
    expect(where(issues)).toEqual([
      [12, 19, "REFERENCE", "parties.0.preferences.values.a.w"],
      [13, 19, "VALUE", "parties.0.preferences.values.n.peak"],
      [14, 12, "VALUE", "parties.0.preferences.values.r"],
      [16, 23, "VALUE", "parties.0.preferences.redLines.0.forbid.n"],
      [17, 23, "VALUE", "parties.0.preferences.redLines.1.forbid.r"],
      [18, 23, "VALUE", "parties.0.preferences.redLines.2.forbid.a"],
      [19, 32, "SCHEMA", "parties.0.preferences.redLines.3.then"],
      [23, 31, "VALUE", "frameworks.0.points.0.sets.n"],
    ]);
    const m = issues.map((i) => i.message);
    expect(m[1]).toContain("lies outside issue");
    expect(m[2]).toContain("low ≤ peak ≤ high");
    expect(m[3]).toBe('10.5 is not a value of issue "n"; use a whole number from 0 to 10.');
    expect(m[4]).toBe('0.3 is not a value of issue "r"; use a value of its grid 0, 0.25, …, 1 (min, min + step, …, max).');
    expect(m[6]).toContain("Name exactly one issue here");
    expect(m[7]).toBe('Issue "n" is numeric: write a number from 0 to 10, not "5".');
  });

  it("checks weights", () => {
    const zero = problems(`${ok}  - id: p\n    preferences:\n      weights: {a: 0}\n      values: {a: [x]}\n`);
    expect(where(zero)).toEqual([[11, 7, "VALUE", "parties.0.preferences.weights"]]);
    expect(zero[0]!.message).toContain("give at least one issue a positive weight");
    const both = problems(`${ok}  - id: p
    preferences:
      values: {a: [x]}
      utility: {kind: table, entries: []}
`);
    expect(where(both)).toEqual([[11, 7, "SCHEMA", "parties.0.preferences.values"]]);
    const flag = problems(`${ok}  - id: p
    preferences:
      normalizeWeights: false
      utility: {kind: table, entries: []}
`);
    expect(where(flag)).toEqual([[11, 7, "SCHEMA", "parties.0.preferences.normalizeWeights"]]);
    const none = problems(`${ok}  - id: p\n    preferences: {reservation: 0.5}\n`);
    expect(where(none)).toEqual([[10, 18, "SCHEMA", "parties.0.preferences"]]);
  });

  it("checks numeric ranges of the preferences", () => {
    const issues = problems(`${ok}  - id: p
    preferences:
      reservation: -0.1
      discount: 0
      values:
        a: {x: 1.5}
        n: {kind: piecewise, points: [[0, 0], [5, 2]]}
`);
    expect(where(issues)).toEqual([
      [11, 20, "VALUE", "parties.0.preferences.reservation"],
      [12, 17, "VALUE", "parties.0.preferences.discount"],
      [14, 16, "VALUE", "parties.0.preferences.values.a.x"],
      [15, 51, "VALUE", "parties.0.preferences.values.n.points.1.1"],
    ]);
  });

  it("reports duplicates: issue, party, framework and point ids, options, ranked options, red-line ids", () => {
    const issues = problems(`parley: 1
id: t
name: T
issues:
  - {id: a, kind: categorical, options: [x, y, x]}
  - {id: b, kind: categorical, options: [x, y]}
  - {id: b, kind: integer, min: 0, max: 1}
parties:
  - id: p
    preferences:
      values: {b: [y, x, y]}
      redLines:
        - {id: r, forbid: {b: x}}
        - {id: r, forbid: {b: y}}
  - {id: p}
frameworks:
  - id: f
    points:
      - {number: 1, id: one, text: t}
      - {number: 2, id: one, text: t}
  - {id: f, points: []}
`);
    expect(where(issues)).toEqual([
      [5, 48, "DUPLICATE", "issues.0.options.2"],
      [7, 10, "DUPLICATE", "issues.2.id"],
      [11, 26, "DUPLICATE", "parties.0.preferences.values.b.2"],
      [14, 16, "DUPLICATE", "parties.0.preferences.redLines.1.id"],
      [15, 10, "DUPLICATE", "parties.1.id"],
      [20, 25, "DUPLICATE", "frameworks.0.points.1.id"],
      [21, 10, "DUPLICATE", "frameworks.1.id"],
    ]);
  });

  it("does not report references to an issue that is itself broken", () => {
    const issues = problems(`parley: 1
id: t
name: T
issues:
  - {id: a, kind: integer, min: 5, max: 0}
  - {id: b, kind: integer, min: 0}
parties:
  - {id: p, preferences: {values: {a: increasing, b: increasing}}}
`);
    expect(where(issues)).toEqual([
      [5, 33, "VALUE", "issues.0.min"],
      [6, 5, "SCHEMA", "issues.1.max"],
    ]);
  });

  it("refuses an issue too large to enumerate", () => {
    const issues = problems(`${ok.replace("max: 10}", "max: 1e9}")}  - {id: p}\n`);
    expect(where(issues)).toEqual([[6, 41, "VALUE", "issues.1.max"]]);
    expect(issues[0]!.message).toContain("at most 1,000,000");
  });
});

describe("syntax problems", () => {
  it("reports the first YAML syntax error at its position", () => {
    const issues = problems(fixture("broken-syntax.yaml"));
    expect(where(issues)).toEqual([[8, 3, "SYNTAX", ""]]);
    expect(issues[0]!.message).toMatch(/^YAML syntax error: Flow sequence .* end with a \]\. Check the indentation/);
  });

  it("reports every duplicate key", () => {
    const issues = problems("parley: 1\nid: a\nid: b\nname: x\nname: y\n");
    expect(where(issues)).toEqual([
      [3, 1, "DUPLICATE", ""],
      [5, 1, "DUPLICATE", ""],
    ]);
  });

  it("reports JSON syntax errors with JSON wording", () => {
    const issues = problems('{"parley": 1,\n  "id": "t",,\n}', "s.json");
    expect(issues[0]).toMatchObject({ code: "PARLEY_FMT_SYNTAX", line: 2 });
    expect(issues[0]!.message).toMatch(/^JSON syntax error: .*comma/);
  });

  it("reports an empty document, a scalar document, and several documents", () => {
    expect(where(problems(""))).toEqual([[1, 1, "SCHEMA", ""]]);
    expect(where(problems("# only a comment\n"))).toEqual([[1, 1, "SCHEMA", ""]]);
    expect(where(problems("just text"))).toEqual([[1, 1, "SCHEMA", ""]]);
    expect(where(problems("parley: 1\n---\nparley: 1\n"))).toEqual([[2, 1, "SYNTAX", ""]]);
  });

  it("reports keys that are lists or maps", () => {
    expect(where(problems("parley: 1\n? [a, b]\n: c\n{x: 1}: d\n"))).toEqual([
      [2, 3, "SCHEMA", ""],
      [4, 1, "SCHEMA", ""],
    ]);
  });

  it("does not resolve YAML 1.1 tags such as !!binary, and passes the YAML warning on", () => {
    const r = parseScenario(`${ok}  - {id: !!binary aGk=}\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.parties[0]!.id).toBe("aGk=");
    expect(where(r.warnings)).toEqual([[9, 10, "SYNTAX", ""]]);
    expect(r.warnings[0]!.message).toContain("Unresolved tag");
  });
});

describe("statements, events and provenance", () => {
  const head = `parley: 1
id: t
name: T
issues:
  - {id: a, kind: categorical, options: [x, y]}
  - {id: n, kind: integer, min: 0, max: 3}
parties:
  - id: p
    preferences:
      values: {a: [x, y]}
      redLines:
        - forbid: {a: y}
          provenance: {cites: [s1, s9]}
      provenance:
        weights: {b: {assumption: none}}
        values: {a: {}}
  - {id: q}
frameworks:
  - id: f
    points:
      - {text: one, sets: {a: x}}
`;

  it("checks provenance, and the dates, parties, subjects and sources of statements, part by part", () => {
    const issues = problems(`${head}statements:
  - id: s1
    date: 2025-02-30
    speaker: P's minister
    party: pp
    paraphrase: Said something.
    about: [a, f/1, f/9, g/1, zz, {issue: a, values: [w]}, {values: x}, {point: "3"}, {}]
    stance: rejects
    source: {outlet: Wire, date: 2025-13-01}
    confidence: H
  - id: s1
    date: 2025-1-2
    speaker: Q
    party: q
    paraphrase: Said.
    stance: accept
    source: {url: "https://x"}
    confidence: X
`);
    expect(where(issues)).toEqual([
      [13, 36, "REFERENCE", "parties.0.preferences.redLines.0.provenance.cites.1"],
      [15, 19, "REFERENCE", "parties.0.preferences.provenance.weights.b"],
      [16, 21, "SCHEMA", "parties.0.preferences.provenance.values.a"],
      [24, 11, "VALUE", "statements.0.date"],
      [26, 12, "REFERENCE", "statements.0.party"],
      [28, 21, "REFERENCE", "statements.0.about.2"],
      [28, 26, "REFERENCE", "statements.0.about.3"],
      [28, 31, "REFERENCE", "statements.0.about.4"],
      [28, 55, "REFERENCE", "statements.0.about.5.values.0"],
      [28, 61, "SCHEMA", "statements.0.about.6.values"],
      [28, 81, "REFERENCE", "statements.0.about.7.point"],
      [28, 87, "SCHEMA", "statements.0.about.8"],
      [29, 13, "SCHEMA", "statements.0.stance"],
      [30, 34, "VALUE", "statements.0.source.date"],
      [32, 9, "DUPLICATE", "statements.1.id"],
      [33, 11, "SCHEMA", "statements.1.date"],
      [38, 13, "SCHEMA", "statements.1.source.outlet"],
      [39, 17, "SCHEMA", "statements.1.confidence"],
    ]);
    const m = (path: string) => issues.find((i) => i.path.join(".") === path)!.message;
    expect(m("parties.0.preferences.redLines.0.provenance.cites.1")).toBe('Unknown statement "s9". Did you mean "s1"? Statements are: s1.');
    expect(m("parties.0.preferences.provenance.values.a")).toContain("give `cites` (the ids of statements) or an `assumption`");
    expect(m("statements.0.date")).toBe('"2025-02-30" is not a calendar date; write a real date as YYYY-MM-DD.');
    expect(m("statements.0.party")).toBe('Unknown party "pp". Did you mean "p"? Parties are: p, q.');
    expect(m("statements.0.about.2")).toContain('Framework "f" has no point "9".');
    expect(m("statements.0.about.3")).toMatch(/^"g\/1" is not an issue, a framework or FRAMEWORK\/POINT\./);
    expect(m("statements.0.about.6.values")).toContain("add `issue` beside it");
    expect(m("statements.0.about.7.point")).toContain("add `framework`, or write FRAMEWORK/POINT");
    expect(m("statements.0.about.8")).toContain("Say what the statement is about");
    expect(m("statements.0.stance")).toContain('Did you mean "reject"?');
    expect(m("statements.1.date")).toBe('Write the date of the statement as YYYY-MM-DD. Found "2025-1-2".');
  });

  it("checks a statement's voice", () => {
    const issues = problems(`${head}statements:
  - {id: s1, date: 2025-03-02, speaker: S, voice: spokesman, party: p, paraphrase: Said., stance: accept, source: {outlet: W}, confidence: H}
`);
    const voice = issues.find((i) => i.path.join(".") === "statements.0.voice")!;
    expect([voice.line, voice.column, voice.code]).toEqual([23, 51, "PARLEY_FMT_SCHEMA"]);
    expect(voice.message).toBe(`Expected one of "principal", "spokesperson", "official", "unnamed", "other", but found "spokesman".`);
  });

  it("checks claims: their subjects and stances, and that a statement gives `stance` or `claims`", () => {
    const issues = problems(`${head}statements:
  - id: s1
    date: 2025-03-02
    speaker: S
    party: p
    paraphrase: Said.
    claims: [{stance: deny, about: [f]}, {stance: partial, about: [zz, f/9]}, {stance: rejects, about: [a]}, {stance: accept, about: []}]
    source: {outlet: W}
    confidence: H
  - {id: s2, date: 2025-03-02, speaker: S, party: p, paraphrase: Said., stance: accept, claims: [{stance: deny, about: [f]}], source: {outlet: W}, confidence: H}
  - {id: s3, date: 2025-03-02, speaker: S, party: p, paraphrase: Said., about: [a], claims: [{stance: deny, about: [f]}], source: {outlet: W}, confidence: H}
  - {id: s4, date: 2025-03-02, speaker: S, party: p, paraphrase: Said., about: [a], source: {outlet: W}, confidence: H}
`);
    expect(where(issues).filter(([, , , path]) => String(path).startsWith("statements"))).toEqual([
      [28, 68, "REFERENCE", "statements.0.claims.1.about.0"],
      [28, 72, "REFERENCE", "statements.0.claims.1.about.1"],
      [28, 88, "SCHEMA", "statements.0.claims.2.stance"],
      [28, 134, "VALUE", "statements.0.claims.3.about"],
      [31, 89, "SCHEMA", "statements.1.claims"],
      [32, 73, "SCHEMA", "statements.2.about"],
      [33, 5, "SCHEMA", "statements.3"],
    ]);
    const m = (path: string) => issues.find((i) => i.path.join(".") === path)!.message;
    expect(m("statements.0.claims.1.about.1")).toContain('Framework "f" has no point "9".');
    expect(m("statements.0.claims.3.about")).toBe("Say what the claim is about.");
    expect(m("statements.1.claims")).toBe("Give `stance` (with `about`) or `claims`, not both: put the stance in a claim.");
    expect(m("statements.2.about")).toContain("move these subjects into the claims' `about`");
    expect(m("statements.3")).toContain("Give the statement's `stance`");
  });

  it("refuses an undisclosed framework's point that sets an issue", () => {
    const issues = problems(`${ok}  - {id: p, preferences: {values: {a: [x, y, z]}}}
frameworks:
  - id: secret
    basis: undisclosed
    points:
      - {text: a placeholder}
      - {text: not public, sets: {a: x}}
`);
    expect(where(issues)).toEqual([[15, 28, "VALUE", "frameworks.0.points.1.sets"]]);
    expect(issues[0]!.message).toContain("its points are not public, so no point can set an issue");
  });

  it("checks events: dates, participants, framework and duplicate ids", () => {
    const issues = problems(`${head}statements: []
events:
  - {id: e1, date: 2025-03-02, endDate: 2025-03-01, kind: talks, title: T, participants: [p, p, r], framework: g, source: {outlet: W}, confidence: M}
  - {id: e1, date: 2025-03-02, kind: meting, title: T, source: {outlet: W}, confidence: H}
`);
    expect(where(issues)).toEqual([
      [13, 32, "REFERENCE", "parties.0.preferences.redLines.0.provenance.cites.0"],
      [13, 36, "REFERENCE", "parties.0.preferences.redLines.0.provenance.cites.1"],
      [15, 19, "REFERENCE", "parties.0.preferences.provenance.weights.b"],
      [16, 21, "SCHEMA", "parties.0.preferences.provenance.values.a"],
      [24, 41, "VALUE", "events.0.endDate"],
      [24, 94, "DUPLICATE", "events.0.participants.1"],
      [24, 97, "REFERENCE", "events.0.participants.2"],
      [24, 112, "REFERENCE", "events.0.framework"],
      [25, 10, "DUPLICATE", "events.1.id"],
      [25, 38, "SCHEMA", "events.1.kind"],
    ]);
    const m = (path: string) => issues.find((i) => i.path.join(".") === path)!.message;
    expect(m("parties.0.preferences.redLines.0.provenance.cites.0")).toBe('Unknown statement "s1". List it under statements.');
    expect(m("events.0.endDate")).toBe("The event ends (2025-03-01) before it starts (2025-03-02); fix date or endDate.");
    expect(m("events.0.framework")).toBe('Unknown framework "g". Did you mean "f"? Frameworks are: f.');
    expect(m("events.1.kind")).toContain('Did you mean "meeting"?');
  });

  it("checks the framework's basis and confidence", () => {
    const issues = problems(`parley: 1
id: t
name: T
issues: [{id: a, kind: integer, min: 0, max: 1}]
parties: []
frameworks:
  - {id: f, basis: leak, confidence: high, points: []}
`);
    expect(where(issues)).toEqual([
      [7, 20, "SCHEMA", "frameworks.0.basis"],
      [7, 38, "SCHEMA", "frameworks.0.confidence"],
    ]);
    expect(issues[0]!.message).toBe('Expected one of "official", "leaked", "oral", "reconstructed", "undisclosed", but found "leak".');
  });
});
