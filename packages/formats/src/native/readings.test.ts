import { applyReadings, type Scenario } from "@parley/core";
import { describe, expect, it } from "vitest";
import type { FormatIssue } from "../format-issue.js";
import { parseScenario } from "./parse-scenario.js";
import { stringifyScenario } from "./stringify-scenario.js";

const head = `parley: 1
id: t
name: T
issues:
  - {id: a, kind: categorical, options: [x, y, z]}
  - {id: n, kind: integer, min: 0, max: 4}
parties:
  - id: p
    preferences:
      reservation: 0.5
      weights: {a: 1, n: 1}
      values: {a: [x, y, z], n: increasing}
      redLines:
        - {id: no-z, forbid: {a: z}}
  - id: q
    preferences:
      weights: {a: 1, n: 3}
      values: {a: [z, y, x], n: decreasing}
  - id: watcher
    role: observer
statements:
  - {id: s1, date: 2025-01-02, speaker: P, party: p, paraphrase: said, stance: reject, source: {outlet: O}, confidence: H}
`;

function parse(text: string): Scenario {
  const r = parseScenario(text, { file: "r.yaml" });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join("\n"));
  return r.value;
}

function problems(text: string): FormatIssue[] {
  const r = parseScenario(text, { file: "r.yaml" });
  if (r.ok) throw new Error("expected problems, but the file parsed");
  return [...r.issues];
}

const valid = `${head}readings:
  - id: strict-p
    label: P also rules out y
    description: The statement read broadly.
    provenance: {cites: [s1], assumption: read broadly}
    parties:
      p:
        redLines:
          replace:
            - {id: no-z, forbid: {a: [y, z]}}
          add:
            - {id: some-n, forbid: {n: {max: 1}}}
      q:
        values: {a: [y, z, x]}
  - id: high
    provenance: {assumption: a higher walk-away value}
    parties:
      p: {reservation: 0.7, weights: {a: 3, n: 1}}
      q: {redLines: {remove: []}, reservation: 0.6}
  - id: loose
    provenance: {assumption: p would take z}
    parties:
      p: {redLines: {remove: [no-z]}}
`;

describe("readings in a scenario file", () => {
  const s = parse(valid);

  it("are read into the model with their provenance and changes", () => {
    expect(s.readings?.map((r) => r.id)).toEqual(["strict-p", "high", "loose"]);
    const [strict, high] = s.readings!;
    expect(strict!.label).toBe("P also rules out y");
    expect(strict!.provenance).toEqual({ cites: ["s1"], assumption: "read broadly" });
    expect(strict!.parties[0]).toEqual({
      party: "p",
      addRedLines: [{ kind: "forbid", id: "some-n", issue: "n", values: [0, 1] }],
      replaceRedLines: [{ kind: "forbid", id: "no-z", issue: "a", values: ["y", "z"] }],
    });
    expect(strict!.parties[1]).toEqual({ party: "q", values: { a: { kind: "table", scores: { y: 1, z: 0.5, x: 0 } } } });
    // Weights are divided by their sum, like the party's own.
    expect(high!.parties[0]).toEqual({ party: "p", reservation: 0.7, weights: { a: 0.75, n: 0.25 } });
  });

  it("round-trip through the writer, YAML and JSON", () => {
    for (const format of ["yaml", "json"] as const) {
      const text = stringifyScenario(s, { format });
      const back = parseScenario(text, { file: `r.${format}` });
      expect(back.ok && back.value).toEqual(s);
    }
    expect(stringifyScenario(s)).toContain("\nreadings:\n  - id: strict-p\n");
  });

  it("change the scenario only when selected", () => {
    const under = applyReadings(s, ["strict-p", "high"]);
    const p = under.parties[0]!.preferences!;
    expect(p.reservation).toBe(0.7);
    expect(p.redLines?.map((r) => r.id)).toEqual(["no-z", "some-n"]);
    expect(applyReadings(s, ["loose"]).parties[0]!.preferences!.redLines).toEqual([]);
    expect(applyReadings(s, [])).toBe(s);
  });
});

describe("bad readings", () => {
  const at = (issues: readonly FormatIssue[]) => issues.map((i) => [i.line, i.code.replace("PARLEY_FMT_", ""), i.path.join("."), i.message]);

  it("name the unknown party, red line, issue and option at their line", () => {
    const issues = problems(`${head}readings:
  - id: r1
    provenance: {cites: [s2]}
    parties:
      pp: {reservation: 0.4}
      p:
        redLines:
          remove: [no-y]
          replace: [{forbid: {a: x}}]
          add: [{id: no-z, forbid: {a: w}}]
        values: {b: [x]}
      watcher: {reservation: 0.1}
`);
    expect(at(issues)).toEqual([
      [25, "REFERENCE", "readings.0.provenance.cites.0", expect.stringMatching(/^Unknown statement "s2"\. Did you mean "s1"\?/)],
      [27, "REFERENCE", "readings.0.parties.pp", expect.stringMatching(/^Unknown party "pp"\. Did you mean "p"\?/)],
      [30, "REFERENCE", "readings.0.parties.p.redLines.remove.0", 'Party "p" has no red line "no-y". Did you mean "no-z"? Its red lines are: no-z.'],
      [31, "SCHEMA", "readings.0.parties.p.redLines.replace.0", expect.stringMatching(/needs the `id` of the red line it replaces/)],
      [32, "DUPLICATE", "readings.0.parties.p.redLines.add.0.id", expect.stringMatching(/already has red line "no-z"; list it under `replace`/)],
      [32, "REFERENCE", "readings.0.parties.p.redLines.add.0.forbid.a", expect.stringMatching(/^"w" is not an option of issue "a"/)],
      [33, "REFERENCE", "readings.0.parties.p.values.b", expect.stringMatching(/^Unknown issue "b"/)],
      [34, "REFERENCE", "readings.0.parties.watcher", expect.stringMatching(/has no preferences/)],
    ]);
  });

  it("need provenance and changes, unique ids and known fields", () => {
    const issues = problems(`${head}readings:
  - id: r1
    parties: {}
  - id: r1
    provenance: {assumption: x}
    parties: {p: {reservaton: 0.4}}
`);
    expect(at(issues).map(([line, code, path]) => [line, code, path])).toEqual([
      [24, "SCHEMA", "readings.0.provenance"],
      [28, "SCHEMA", "readings.1.parties.p.reservaton"],
    ]);
    expect(issues[0]!.message).toMatch(/provenance/);
    expect(issues[1]!.message).toMatch(/reservation/);
    const more = problems(`${head}readings:
  - {id: r1, provenance: {assumption: x}, parties: {}}
  - {id: r1, provenance: {assumption: x}, parties: {p: {reservation: 0.4}}}
`);
    expect(at(more).map(([line, code, path]) => [line, code, path])).toEqual([
      [24, "SCHEMA", "readings.0.parties"],
      [25, "DUPLICATE", "readings.1.id"],
    ]);
  });

  it("change each red line once per reading", () => {
    const issues = problems(`${head}readings:
  - id: r1
    provenance: {assumption: x}
    parties:
      p:
        redLines:
          replace: [{id: no-z, forbid: {a: [y, z]}}]
          remove: [no-z]
`);
    expect(at(issues)).toEqual([[30, "DUPLICATE", "readings.0.parties.p.redLines.remove.0", 'This reading already changes red line "no-z" of "p" (under `replace`); change each red line once.']]);
  });
});
