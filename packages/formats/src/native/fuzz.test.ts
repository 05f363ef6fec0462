import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBuiltinScenarioText } from "../node/builtin-scenario.js";
import { parseScenario } from "./parse-scenario.js";
import { stringifyScenario } from "./stringify-scenario.js";

const builtinScenarioYaml = readBuiltinScenarioText();

const runs = Number(process.env.PARLEY_FC_RUNS ?? 300);

/** Parsing never throws; problems are placed inside the text; what parses can be written and read back. */
function check(text: string, format: "yaml" | "json"): void {
  const r = parseScenario(text, { format, file: `fuzz.${format}` });
  const lines = text.split(/\r\n|\r|\n/).length;
  const issues = r.ok ? r.warnings : r.issues;
  if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.file).toBe(`fuzz.${format}`);
    expect(i.message.length).toBeGreaterThan(0);
    expect(i.line).toBeGreaterThanOrEqual(1);
    expect(i.line).toBeLessThanOrEqual(lines);
    expect(i.column).toBeGreaterThanOrEqual(1);
  }
  if (r.ok) {
    for (const f of ["yaml", "json"] as const) {
      const again = parseScenario(stringifyScenario(r.value, { format: f }), { format: f });
      expect(again.ok).toBe(true);
    }
  }
}

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");
/** Small examples, mutated on every run: the fictional ceasefire example and one with statements, events and provenance. */
const ceasefireYaml = read("../../../../examples/ceasefire-talks.yaml");
const sourcedYaml = read("../../test/fixtures/sourced-scenario.yaml");
const exampleLines = [...ceasefireYaml.split("\n"), ...sourcedYaml.split("\n")];
const asJson = (yaml: string) => {
  const r = parseScenario(yaml);
  if (!r.ok) throw new Error("the example must parse");
  return stringifyScenario(r.value, { format: "json" });
};

const tokens = [":", "-", "- ", "[", "]", "{", "}", ",", " ", "  ", "\t", "#", "'", '"', "&a", "*a", "!!str", "|", ">", "?", "0", "1.5", "-1", "null", "true", "x", "~", "\n", "__proto__", "federal", "kind", "peak"];

/** One edit of a text: delete, duplicate or swap lines, or insert / replace / delete characters. */
const mutation = (text: string): fc.Arbitrary<string> => {
  const lines = text.split("\n");
  const n = lines.length;
  return fc.oneof(
    fc.nat({ max: n - 1 }).map((k) => lines.filter((_, i) => i !== k).join("\n")),
    fc.nat({ max: n - 1 }).map((k) => [...lines.slice(0, k + 1), lines[k]!, ...lines.slice(k + 1)].join("\n")),
    fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })).map(([a, b]) => {
      const out = [...lines];
      [out[a], out[b]] = [out[b]!, out[a]!];
      return out.join("\n");
    }),
    fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(...tokens)).map(([at, t]) => text.slice(0, at) + t + text.slice(at)),
    fc.tuple(fc.nat({ max: text.length - 1 }), fc.constantFrom(...tokens)).map(([at, t]) => text.slice(0, at) + t + text.slice(at + 1)),
    fc.tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 40 })).map(([at, len]) => text.slice(0, at) + text.slice(at + len)),
  );
};

/** Several edits in a row. */
const mutated = (text: string, max: number): fc.Arbitrary<string> =>
  fc.integer({ min: 1, max }).chain((k) => {
    let arb = fc.constant(text);
    for (let i = 0; i < k; i++) arb = arb.chain(mutation);
    return arb;
  });

describe("fuzz", () => {
  it("random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "binary" }), fc.constantFrom("yaml" as const, "json" as const), (text, format) =>
        check(text, format),
      ),
      { numRuns: runs },
    );
  });

  it("random YAML-ish text", () => {
    const yamlish = fc.array(fc.oneof(fc.constantFrom(...tokens), fc.constantFrom(...exampleLines)), { maxLength: 40 }).map((ts) => ts.join(""));
    fc.assert(fc.property(yamlish, (text) => check(text, "yaml")), { numRuns: runs });
  });

  it.each([
    ["the ceasefire example", ceasefireYaml],
    ["a scenario with statements, events and provenance", sourcedYaml],
  ])("mutations of %s (YAML and JSON)", (_name, yaml) => {
    fc.assert(fc.property(mutated(yaml, 4), (text) => check(text, "yaml")), { numRuns: runs });
    fc.assert(fc.property(mutated(asJson(yaml), 4), (text) => check(text, "json")), { numRuns: runs });
  });

  it("mutations of the built-in scenario (a large file: fewer runs)", () => {
    fc.assert(fc.property(mutated(builtinScenarioYaml, 4), (text) => check(text, "yaml")), { numRuns: Math.max(5, Math.round(runs / 30)) });
  });

  it("does not let __proto__ keys pollute objects", () => {
    const text = `parley: 1
id: t
name: T
__proto__: {polluted: true}
issues:
  - {id: a, kind: categorical, options: [x, __proto__]}
parties:
  - id: p
    preferences:
      values: {a: {__proto__: 1, x: 0.5}}
      weights: {__proto__: 1, a: 1}
frameworks:
  - {id: f, points: [{text: t, sets: {__proto__: x}}]}
`;
    check(text, "yaml");
    const r = parseScenario(text);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("stops alias bombs", () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
`;
    const r = parseScenario(bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "PARLEY_FMT_LIMIT", line: 1, column: 1 });
  });
});
