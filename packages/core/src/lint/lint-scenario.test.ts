import { describe, expect, it } from "vitest";
import type { Party, Provenance, RedLine, Scenario, Statement } from "../index.js";
import { lintScenario } from "./lint-scenario.js";

const rank = (...options: string[]) => ({ kind: "table" as const, scores: Object.fromEntries(options.map((o, k) => [o, 1 - k / (options.length - 1)])) });

function statement(id: string, party: string, fields: Partial<Statement> = {}): Statement {
  return { id, date: "2025-01-01", speaker: "S", party, paraphrase: "Said.", about: [], stance: "reject", source: { outlet: "W" }, confidence: "H", ...fields };
}

function party(id: string, fields: { redLines?: RedLine[]; order?: string[]; values?: Record<string, Provenance>; members?: string[] } = {}): Party {
  return {
    id,
    name: id,
    role: "party",
    ...(fields.members && { members: fields.members }),
    preferences: {
      utility: { kind: "linear-additive", weights: { x: 1, y: 1 }, values: { x: rank(...(fields.order ?? ["a", "b", "c"])), y: rank("y0", "y1") } },
      ...(fields.redLines && { redLines: fields.redLines }),
      ...(fields.values && { provenance: { values: fields.values } }),
    },
  };
}

const base = (parties: Party[], statements: Statement[], extra: Partial<Scenario> = {}): Scenario => ({
  id: "t",
  name: "T",
  issues: [
    { kind: "categorical", id: "x", options: ["a", "b", "c"] },
    { kind: "categorical", id: "y", options: ["y0", "y1"] },
  ],
  parties,
  frameworks: [],
  statements,
  ...extra,
});

const forbidC = (cites: string[], exceptions?: Record<string, string>): RedLine => ({
  kind: "forbid",
  id: "no-c",
  issue: "x",
  values: ["c"],
  provenance: { cites, ...(exceptions && { exceptions }) },
});

describe("lintScenario: red-line-voice", () => {
  it("lintScenario(s) accepts a red line citing the party's principal or spokesperson", () => {
    for (const voice of ["principal", "spokesperson"] as const)
      expect(lintScenario(base([party("p", { redLines: [forbidC(["s1"])] })], [statement("s1", "p", { voice })]))).toEqual([]);
  });

  it("lintScenario(s) reports a red line resting on officials, unnamed sources, uncoded voices or another party's principal", () => {
    const statements = [
      statement("s-official", "p", { voice: "official" }),
      statement("s-unnamed", "p", { voice: "unnamed" }),
      statement("s-uncoded", "p"),
      statement("s-other", "q", { voice: "principal" }),
    ];
    const s = base([party("p", { redLines: [forbidC(["s-official", "s-unnamed", "s-uncoded", "s-other"])] }), party("q")], statements);
    const findings = lintScenario(s);
    expect(findings.map((f) => [f.rule, f.target])).toEqual([["red-line-voice", { kind: "red-line", party: "p", index: 0 }]]);
    expect(findings[0]!.message).toContain("s-official: official, s-unnamed: unnamed, s-uncoded: no voice");
    expect(findings[0]!.message).toContain("provenance.exceptions.red-line-voice");
  });

  it("lintScenario(s) reports a red line without citations when the scenario has statements, and none when it has none", () => {
    const line: RedLine = { kind: "forbid", issue: "x", values: ["c"] };
    expect(lintScenario(base([party("p", { redLines: [line] })], [statement("s1", "p")])).map((f) => f.rule)).toEqual(["red-line-voice"]);
    expect(lintScenario(base([party("p", { redLines: [line] })], []))).toEqual([]);
  });

  it("lintScenario(s) waives the rule where the provenance says why, and reports an exception that waives nothing", () => {
    const waived = base([party("p", { redLines: [forbidC(["s1"], { "red-line-voice": "Only officials spoke; kept because …" })] })], [statement("s1", "p", { voice: "official" })]);
    expect(lintScenario(waived)).toEqual([]);
    const needless = base([party("p", { redLines: [forbidC(["s1"], { "red-line-voice": "…" })] })], [statement("s1", "p", { voice: "principal" })]);
    expect(lintScenario(needless)).toEqual([
      {
        rule: "unused-exception",
        severity: "warning",
        target: { kind: "exception", at: { kind: "red-line", party: "p", index: 0 }, rule: "red-line-voice" },
        message: "This exception to red-line-voice waives nothing: the choice follows the rule here. Remove it.",
      },
    ]);
  });
});

describe("lintScenario: latest-position-first", () => {
  const fw = (id: string, date: string, x: string, authoredBy = ["p"]) => ({ id, name: id, date, authoredBy, points: [{ id: "1", number: 1, text: "x", sets: { x } }] });

  it("lintScenario(s) accepts an ordering whose first option is the party's latest own framework's value", () => {
    const s = base([party("p", { order: ["b", "a", "c"] })], [], { frameworks: [fw("old", "2025-01-01", "a"), fw("new", "2025-02-01", "b")] });
    expect(lintScenario(s)).toEqual([]);
  });

  it("lintScenario(s) reports an ordering that keeps an earlier position first", () => {
    const s = base([party("p", { order: ["a", "b", "c"] })], [], { frameworks: [fw("old", "2025-01-01", "a"), fw("new", "2025-02-01", "b")] });
    const findings = lintScenario(s);
    expect(findings.map((f) => [f.rule, f.target])).toEqual([["latest-position-first", { kind: "ordering", party: "p", issue: "x" }]]);
    expect(findings[0]!.message).toBe(
      "p ranks a first on x, but its latest own position (framework new, 2025-02-01) sets b: rank it first, or say why not in provenance.values.x.exceptions.latest-position-first.",
    );
  });

  it("lintScenario(s) counts a later statement accepting specific values, and ignores frameworks of other authors", () => {
    const s = base([party("p", { order: ["c", "a", "b"] })], [statement("s1", "p", { date: "2025-03-01", stance: "accept", about: [{ issue: "x", values: ["c"] }] })], {
      frameworks: [fw("mine", "2025-02-01", "b"), fw("theirs", "2025-04-01", "a", ["q"])],
    });
    expect(lintScenario(s)).toEqual([]);
    // The same statement without values says nothing about which option: the framework is the latest position.
    const vague = base([party("p", { order: ["c", "a", "b"] })], [statement("s1", "p", { date: "2025-03-01", stance: "accept", about: [{ issue: "x" }] })], {
      frameworks: [fw("mine", "2025-02-01", "b")],
    });
    expect(lintScenario(vague).map((f) => f.rule)).toEqual(["latest-position-first"]);
  });

  it("lintScenario(s) leaves an issue the party does not weigh, and waives a stated exception", () => {
    const indifferent = base([party("p", { order: ["a", "b", "c"] })], [], { frameworks: [fw("new", "2025-02-01", "b")] });
    const u = indifferent.parties[0]!.preferences!.utility as { weights: Record<string, number> };
    u.weights.x = 0;
    expect(lintScenario(indifferent)).toEqual([]);
    const waived = base([party("p", { order: ["a", "b", "c"], values: { x: { cites: ["s1"], exceptions: { "latest-position-first": "Why." } } } })], [statement("s1", "p")], {
      frameworks: [fw("new", "2025-02-01", "b")],
    });
    expect(lintScenario(waived)).toEqual([]);
  });
});

describe("lintScenario: bloc-red-line", () => {
  const members = ["de", "fr"];
  it("lintScenario(s) reports a bloc's red line resting on one member's statements only", () => {
    const s = base([party("bloc", { members, redLines: [forbidC(["s1", "s2"])] })], [
      statement("s1", "bloc", { voice: "principal", members: ["de"] }),
      statement("s2", "bloc", { voice: "principal", members: ["de"] }),
    ]);
    const findings = lintScenario(s);
    expect(findings.map((f) => f.rule)).toEqual(["bloc-red-line"]);
    expect(findings[0]!.message).toContain("rests only on statements by de (s1, s2)");
  });

  it("lintScenario(s) accepts statements of two members, a statement for the whole bloc, or a stated exception", () => {
    const two = base([party("bloc", { members, redLines: [forbidC(["s1", "s2"])] })], [
      statement("s1", "bloc", { voice: "principal", members: ["de"] }),
      statement("s2", "bloc", { voice: "principal", members: ["fr"] }),
    ]);
    expect(lintScenario(two)).toEqual([]);
    const whole = base([party("bloc", { members, redLines: [forbidC(["s1", "s2"])] })], [
      statement("s1", "bloc", { voice: "principal", members: ["de"] }),
      statement("s2", "bloc", { voice: "principal" }),
    ]);
    expect(lintScenario(whole)).toEqual([]);
    const said = base([party("bloc", { members, redLines: [forbidC(["s1"], { "bloc-red-line": "Any member can veto this." })] })], [
      statement("s1", "bloc", { voice: "principal", members: ["de"] }),
    ]);
    expect(lintScenario(said)).toEqual([]);
  });

  it("lintScenario(s) does not apply to a party that is not a bloc", () => {
    const s = base([party("p", { redLines: [forbidC(["s1"])] })], [statement("s1", "p", { voice: "principal", members: ["de"] })]);
    expect(lintScenario(s)).toEqual([]);
  });
});

describe("lintScenario: controlled-issue-ranked", () => {
  it("lintScenario(s) reports an issue controlled by a party without an ordering of it", () => {
    const s = base([party("p"), { id: "q", name: "q", role: "party" }], []);
    const issues = [{ ...s.issues[0]!, controlledBy: ["p"] }, { ...s.issues[1]!, controlledBy: ["q"] }];
    const findings = lintScenario({ ...s, issues });
    expect(findings.map((f) => [f.rule, f.severity, f.target])).toEqual([["controlled-issue-ranked", "warning", { kind: "issue", issue: "y" }]]);
    expect(findings[0]!.message).toContain("q, which has no preferences");
  });
});
