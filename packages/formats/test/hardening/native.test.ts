// Hostile native files: refused quickly with an error that names the limit, never a crash, a hang
// or a flood (each shape here once took the CLI or the server down).
import { describe, expect, it } from "vitest";
import { parseScenario, type FormatIssue } from "@parley/formats";

const header = "parley: 1\nid: h\nname: H\n";
const parties = `parties:
  - id: p
    name: P
    role: party
    preferences:
      weights: { a: 1 }
      values: { a: [o1, o0] }
`;
const failed = (text: string, options: Parameters<typeof parseScenario>[1] = {}): FormatIssue[] => {
  const r = parseScenario(text, options);
  expect(r.ok).toBe(false);
  return r.ok ? [] : [...r.issues];
};

describe("native files past the limits", () => {
  it("an alias bomb (an anchor of 10,000 options, 999 aliases) is refused before it is expanded", () => {
    const options = Array.from({ length: 10_000 }, (_, i) => `o${i}`).join(", ");
    const aliases = Array.from({ length: 999 }, (_, i) => `  - { id: b${i}, kind: categorical, options: *opts }`).join("\n");
    const text = `${header}issues:\n  - { id: a, kind: categorical, options: &opts [${options}] }\n${aliases}\n${parties}`;
    const [issue] = failed(text);
    expect(issue).toMatchObject({ code: "PARLEY_FMT_LIMIT" });
    expect(issue!.message).toMatch(/aliases.*PARLEY_MAX_ALIAS_NODES/);
  });

  it("a million-deep flow sequence is refused at the point where it passes the limit", () => {
    const [issue] = failed(`${header}issues: ${"[".repeat(1_000_000)}`);
    expect(issue).toMatchObject({ code: "PARLEY_FMT_LIMIT", line: 4 });
    expect(issue!.message).not.toMatch(/call stack/i);
  });

  it("deep block nesting is refused too", () => {
    let text = `${header}description:\n`;
    for (let d = 1; d <= 100; d++) text += `${"  ".repeat(d)}k${d}:\n`;
    const [issue] = failed(text + `${"  ".repeat(101)}x: 1\n`);
    expect(issue).toMatchObject({ code: "PARLEY_FMT_LIMIT" });
    expect(issue!.message).toMatch(/nested more than 64 deep/);
  });

  it("10^4 issues are refused before the schema reads them", () => {
    const issues = Array.from({ length: 10_000 }, (_, i) => `  - { id: i${i}, kind: integer, min: 0, max: 1 }`).join("\n");
    const [issue] = failed(`${header}issues:\n${issues}\n${parties}`);
    expect(issue).toMatchObject({ code: "PARLEY_FMT_LIMIT", path: ["issues"] });
    expect(issue!.message).toMatch(/10,000 issues; the limit is 1,000 \(set PARLEY_MAX_ISSUES/);
  });

  it("an issue of 10^5 options is valid and reads in proportion to its size (no quadratic check)", () => {
    const options = Array.from({ length: 100_000 }, (_, i) => `o${i}`).join(", ");
    const r = parseScenario(`${header}issues:\n  - { id: a, kind: categorical, options: [${options}] }\n${parties}`);
    expect(r.ok).toBe(true);
    const dup = failed(`${header}issues:\n  - { id: a, kind: categorical, options: [${options}, o5] }\n${parties}`);
    expect(dup[0]).toMatchObject({ code: "PARLEY_FMT_DUPLICATE", path: ["issues", 0, "options", 100_000] });
    expect(dup[0]!.message).toMatch(/also as option 6/);
  });

  it("limits can be raised by the caller", () => {
    const issues = Array.from({ length: 20 }, (_, i) => `  - { id: i${i}, kind: integer, min: 0, max: 1 }`).join("\n");
    const text = `${header}issues:\n  - { id: a, kind: categorical, options: [o0, o1] }\n${issues}\n${parties}`;
    expect(parseScenario(text).ok).toBe(true);
    expect(failed(text, { limits: { issues: 10 } })[0]).toMatchObject({ code: "PARLEY_FMT_LIMIT" });
  });

  it("a file declared JSON must be JSON, not YAML", () => {
    const [issue] = failed(`${header}issues: []\n`, { file: "x.json" });
    expect(issue).toMatchObject({ code: "PARLEY_FMT_SYNTAX", file: "x.json" });
    expect(issue!.message).toMatch(/^JSON syntax error: the file is declared JSON but is not valid JSON/);
  });
});
