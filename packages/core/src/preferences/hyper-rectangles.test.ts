import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileUtility, issueValues, type HyperRectangle, type HyperRectangleUtility, type Issue } from "@parley/core";

/** The definition, written plainly: the sum of the utilities of the rectangles containing the outcome, normalised and clamped. */
function reference(u: HyperRectangleUtility, issues: readonly Issue[], indices: readonly number[]): number {
  const coord = (id: string) => {
    const i = issues.findIndex((x) => x.id === id);
    const issue = issues[i]!;
    return issue.kind === "categorical" ? indices[i]! : (issueValues(issue)[indices[i]!] as number);
  };
  let s = 0;
  for (const r of u.rectangles) {
    const inside = r.includes.every((b) => coord(b.issue) >= b.min && coord(b.issue) <= b.max);
    const excluded = (r.excludes ?? []).some((b) => coord(b.issue) >= b.min && coord(b.issue) <= b.max);
    if (inside && !excluded) s += r.utility;
  }
  const normalizer = u.normalizer ?? u.rectangles.reduce((a, r) => a + Math.max(0, r.utility), 0);
  const v = normalizer > 0 ? s / normalizer : 0;
  return Math.min(1, Math.max(0, v));
}

const space = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }).map((sizes) =>
  sizes.map((n, i): Issue => (i % 2 ? { kind: "integer", id: `n${i}`, min: 2, max: 1 + n } : { kind: "categorical", id: `c${i}`, options: Array.from({ length: n }, (_, k) => `o${k}`) })),
);
const bound = (issues: readonly Issue[]) =>
  fc.record({ i: fc.integer({ min: 0, max: issues.length - 1 }), a: fc.integer({ min: -1, max: 7 }), b: fc.integer({ min: -1, max: 7 }) }).map(({ i, a, b }) => ({ issue: issues[i]!.id, min: Math.min(a, b), max: Math.max(a, b) }));
const rectangle = (issues: readonly Issue[]): fc.Arbitrary<HyperRectangle> =>
  fc.record({
    utility: fc.integer({ min: -5, max: 9 }),
    includes: fc.array(bound(issues), { maxLength: 3 }),
    excludes: fc.option(fc.array(bound(issues), { maxLength: 2 }), { nil: undefined }),
  }).map(({ utility, includes, excludes }): HyperRectangle => (excludes === undefined ? { utility, includes } : { utility, includes, excludes }));

describe("hyper-rectangle utilities (bit-set evaluation)", () => {
  it("equal the definition on every outcome, bit for bit, with up to 80 rectangles", () => {
    fc.assert(
      fc.property(
        space.chain((issues) =>
          fc.record({
            issues: fc.constant(issues),
            rectangles: fc.array(rectangle(issues), { minLength: 0, maxLength: 80 }),
            normalizer: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
          }),
        ),
        ({ issues, rectangles, normalizer }) => {
          const u: HyperRectangleUtility = { kind: "hyper-rectangles", rectangles, ...(normalizer !== undefined ? { normalizer } : {}) };
          const values = issues.map((i) => issueValues(i));
          const compiled = compileUtility(u, issues, values);
          const radices = values.map((v) => v.length);
          const idx = radices.map(() => 0);
          for (;;) {
            expect(compiled.evaluate(idx)).toBe(reference(u, issues, idx));
            let i = radices.length - 1;
            while (i >= 0 && ++idx[i]! === radices[i]!) idx[i--] = 0;
            if (i < 0) break;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
