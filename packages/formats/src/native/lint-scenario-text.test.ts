import { describe, expect, it } from "vitest";
import type { FormatIssue } from "../format-issue.js";
import { lintScenarioText } from "./lint-scenario-text.js";
import { parseScenario } from "./parse-scenario.js";
import { scenarioLocator } from "./scenario-locator.js";

const file = (rest: string) => `parley: 1
id: t
name: T
issues:
  - {id: x, kind: categorical, options: [a, b, c], controlledBy: [bloc]}
parties:
  - id: bloc
    members: [de, fr]
    preferences:
      values: {x: [a, b, c]}
      redLines:
        - id: no-c
          forbid: {x: c}
          provenance: {cites: [s1]}
      provenance:
        values:
          x: {cites: [s1]}
${rest}`;

const statements = (voice: string, members: string) => `statements:
  - {id: s1, date: 2025-01-02, speaker: S, voice: ${voice}, party: bloc, members: ${members}, paraphrase: Said., stance: reject, source: {outlet: W}, confidence: H}
`;

const where = (issues: readonly FormatIssue[]) => issues.map((i) => [i.line, i.column, i.code.replace("PARLEY_FMT_", ""), i.path.join(".")]);

describe("lintScenarioText", () => {
  it("lintScenarioText(text) places each finding at its line and column, in file order", () => {
    const text = file(`frameworks:
  - {id: f, date: 2025-02-01, authoredBy: [bloc], points: [{text: b, sets: {x: b}}]}
${statements("official", "[de]")}`);
    const r = lintScenarioText(text, { file: "s.yaml" });
    if (!r.ok) throw new Error("expected a scenario");
    expect(r.value.map((f) => [f.line, f.column, f.rule, f.path.join(".")])).toEqual([
      [10, 16, "latest-position-first", "parties.0.preferences.values.x"],
      [12, 11, "red-line-voice", "parties.0.preferences.redLines.0"],
      [12, 11, "bloc-red-line", "parties.0.preferences.redLines.0"],
    ]);
    expect(r.value[0]).toMatchObject({ file: "s.yaml", severity: "error" });
  });

  it("lintScenarioText(text) finds nothing in a file that follows the rules, and places an unused exception at its key", () => {
    expect(lintScenarioText(file(statements("principal", "[de, fr]")))).toMatchObject({ ok: true, value: [] });
    const needless = file(statements("principal", "[de, fr]")).replace("provenance: {cites: [s1]}", "provenance: {cites: [s1], exceptions: {bloc-red-line: Any member can block it.}}");
    const r = lintScenarioText(needless);
    if (!r.ok) throw new Error("expected a scenario");
    expect(r.value.map((f) => [f.line, f.column, f.rule, f.severity])).toEqual([[14, 50, "unused-exception", "warning"]]);
  });

  it("lintScenarioText(text) returns the file's problems when it does not parse", () => {
    const r = lintScenarioText("parley: 1\nid: t\n", { file: "s.yaml" });
    expect(r.ok).toBe(false);
  });
});

describe("scenarioLocator", () => {
  it("scenarioLocator(text) maps a path to the line and column of its value or key, following aliases", () => {
    const at = scenarioLocator("a:\n  b: &x\n    c: 1\n  d: *x\nlist:\n  - 1\n  - {e: 2}\n");
    expect(at(["a", "b", "c"])).toEqual({ line: 3, column: 8 });
    expect(at(["a", "b", "c"], "key")).toEqual({ line: 3, column: 5 });
    expect(at(["a", "d", "c"])).toEqual({ line: 3, column: 8 });
    expect(at(["list", 1, "e"])).toEqual({ line: 7, column: 9 });
    // A path that does not exist: the deepest part that does.
    expect(at(["list", 1, "missing"])).toEqual({ line: 7, column: 5 });
  });
});

describe("the fields lint reads are checked when the file is read", () => {
  const problems = (text: string) => {
    const r = parseScenario(text, { file: "s.yaml" });
    if (r.ok) throw new Error("expected problems");
    return r.issues;
  };

  it("checks controlledBy, authoredBy and members against the parties", () => {
    const text = file(`  - id: p
    members: [a, a]
frameworks:
  - {id: f, authoredBy: [blok], points: []}
statements:
  - {id: s1, date: 2025-01-02, speaker: S, party: bloc, members: [de, it], paraphrase: Said., stance: reject, source: {outlet: W}, confidence: H}
  - {id: s2, date: 2025-01-02, speaker: S, party: p, paraphrase: Said., stance: reject, source: {outlet: W}, confidence: H}
`).replace("controlledBy: [bloc]", "controlledBy: [bloc, nobody]");
    const issues = problems(text);
    expect(where(issues)).toEqual([
      [5, 73, "REFERENCE", "issues.0.controlledBy.1"],
      [19, 18, "DUPLICATE", "parties.1.members.1"],
      [21, 26, "REFERENCE", "frameworks.0.authoredBy.0"],
      [23, 71, "REFERENCE", "statements.0.members.1"],
    ]);
    expect(issues[0]!.message).toMatch(/^Unknown party "nobody"\./);
    expect(issues[3]!.message).toBe('"it" is not a member of party "bloc". Members are: de, fr.');
  });

  it("checks that a statement naming members speaks for a bloc, and that exceptions name lint rules", () => {
    const text = file(`  - {id: p}
statements:
  - {id: s1, date: 2025-01-02, speaker: S, party: p, members: [de], paraphrase: Said., stance: reject, source: {outlet: W}, confidence: H}
`).replace("provenance: {cites: [s1]}", "provenance: {cites: [s1], exceptions: {red-line-voise: Why.}}");
    const issues = problems(text);
    expect(where(issues)).toEqual([
      [14, 50, "REFERENCE", "parties.0.preferences.redLines.0.provenance.exceptions.red-line-voise"],
      [20, 54, "REFERENCE", "statements.0.members"],
    ]);
    expect(issues[0]!.message).toContain('Unknown lint rule "red-line-voise". Did you mean "red-line-voice"?');
    expect(issues[1]!.message).toBe('Party "p" has no members: list them under the party\'s `members`, or remove `members` here.');
  });
});
