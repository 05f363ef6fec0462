// The fuzz suite's hostile shapes (shapes.ts): whatever the shape and size, parsing returns a
// well-formed result — never a throw, a hang or a flood — with documented codes and short messages.
// `npm test` runs every kept regression and a few random shapes with the suite's fixed seed;
// `npm run fuzz` runs many more at full size with a fresh seed (docs/reliability.md).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIssueCodes, geniusFilesToScenario, parseScenario, type ParseResult } from "@parley/formats";
import { arbitraryShape, geniusFiles, nativeText, type Shape } from "./shapes.js";

const long = process.env["PARLEY_FUZZ"] === "long";
const runs = long ? 300 : 12;
const regressions = JSON.parse(readFileSync(new URL("./regressions.json", import.meta.url), "utf8")) as (Shape & { found: string })[];

function parse(shape: Shape): ParseResult<unknown> {
  const text = nativeText(shape);
  if (text !== null) return parseScenario(text, { file: "fuzz.yaml" });
  const files = geniusFiles(shape)!;
  return geniusFilesToScenario(
    Object.entries(files).map(([name, t]) => ({ name, path: `fuzz/${name}`, text: t })),
    { id: "fuzz" },
  );
}

function expectWellFormed(shape: Shape): void {
  const r = parse(shape);
  const issues = r.ok ? r.warnings : r.issues;
  if (!r.ok) expect(r.issues.some((i) => i.severity === "error")).toBe(true);
  for (const i of issues) {
    expect(formatIssueCodes).toContain(i.code);
    expect(i.message.length).toBeLessThanOrEqual(1000);
    expect(i.message).not.toMatch(/call stack|invalid size|out of memory/i);
  }
  // A flood of problems is cut by the CLI; the parser itself must not produce millions.
  expect(issues.length).toBeLessThan(50_000);
}

describe("fuzz: hostile shapes", () => {
  it.each(regressions.map((r) => [r.kind, r.found, r] as const))("regression %s (%s)", (_, __, shape) => {
    expectWellFormed(shape);
  });

  it(`${runs} random shapes${long ? " (long run)" : ""}`, () => {
    // The seed is the suite's (test/setup-fast-check.ts): fixed in `npm test`, fresh in `npm run fuzz`.
    fc.assert(fc.property(arbitraryShape(long ? 1 : 0.25), (shape) => expectWellFormed(shape)), { numRuns: runs });
  });
});
