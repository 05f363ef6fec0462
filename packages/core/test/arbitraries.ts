// fast-check arbitraries for random scenarios, shared by the core's property tests.
import fc from "fast-check";
import type { Issue, Party, RedLine, Scenario, ValueFunction } from "@parley/core";

export interface RandomScenarioOptions {
  readonly minParties?: number;
  readonly maxParties?: number;
  readonly maxOutcomes?: number;
  /** Add forbid / require red lines. */
  readonly redLines?: boolean;
  /** Give parties non-zero reservation values. */
  readonly reservations?: boolean;
  /** Quantise scores to a few levels so ties and duplicate vectors are common. */
  readonly coarse?: boolean;
  /** Allow weights that sum past 1, so the cap at 1 matters. */
  readonly overweight?: boolean;
  /** Most options (or integer values) an issue has. Default 6. */
  readonly maxOptions?: number;
}

const score = (coarse: boolean) =>
  coarse ? fc.integer({ min: 0, max: 4 }).map((x) => x / 4) : fc.double({ min: 0, max: 1, noNaN: true });

/** A random scenario of categorical and integer issues with linear-additive preferences. */
export function arbitraryScenario(options: RandomScenarioOptions = {}): fc.Arbitrary<Scenario> {
  const maxOutcomes = options.maxOutcomes ?? 2000;
  const coarse = options.coarse ?? false;
  return fc
    .record({
      radices: fc.array(fc.integer({ min: 1, max: options.maxOptions ?? 6 }), { minLength: 1, maxLength: 6 }),
      parties: fc.integer({ min: options.minParties ?? 2, max: options.maxParties ?? 4 }),
      seedBits: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 200, maxLength: 200 }),
    })
    .filter(({ radices }) => radices.reduce((a, b) => a * b, 1) <= maxOutcomes)
    .chain(({ radices, parties }) => {
      const issues: Issue[] = radices.map((r, i) =>
        i % 3 === 2
          ? { kind: "integer", id: `n${i}`, min: 1, max: r }
          : { kind: "categorical", id: `c${i}`, options: Array.from({ length: r }, (_, k) => `o${k}`) },
      );
      const valueFn = (issue: Issue): fc.Arbitrary<ValueFunction> =>
        issue.kind === "categorical"
          ? fc
              .array(score(coarse), { minLength: issue.options.length, maxLength: issue.options.length })
              .map((s) => ({ kind: "table", scores: Object.fromEntries(issue.options.map((o, k) => [o, s[k]!])) }))
          : fc.oneof(
              fc.record({ slope: fc.double({ min: -1, max: 1, noNaN: true }), offset: score(coarse) }).map((r) => ({ kind: "linear" as const, ...r })),
              fc.constant({ kind: "peaked" as const, low: 0, peak: 1, high: 7 }),
            );
      const redLine = (): fc.Arbitrary<RedLine[]> => {
        if (!options.redLines) return fc.constant([]);
        const cat = issues.filter((i): i is Extract<Issue, { kind: "categorical" }> => i.kind === "categorical" && i.options.length > 1);
        if (cat.length === 0) return fc.constant([]);
        const one = fc.oneof(
          fc.constantFrom(...cat).chain((issue) =>
            fc.subarray([...issue.options], { minLength: 1, maxLength: issue.options.length - 1 }).map(
              (values): RedLine => ({ kind: "forbid", issue: issue.id, values }),
            ),
          ),
          fc.tuple(fc.constantFrom(...cat), fc.constantFrom(...cat)).chain(([a, b]) =>
            fc
              .tuple(fc.subarray([...a.options], { minLength: 1 }), fc.subarray([...b.options], { minLength: 1 }))
              .map(([x, y]): RedLine => ({ kind: "require", if: { issue: a.id, values: x }, then: { issue: b.id, values: y } })),
          ),
        );
        return fc.array(one, { maxLength: 2 });
      };
      const party = (p: number): fc.Arbitrary<Party> =>
        fc
          .record({
            weights: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: issues.length, maxLength: issues.length }),
            values: fc.tuple(...issues.map(valueFn)),
            reservation: options.reservations ? fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.7, noNaN: true })) : fc.constant(0),
            redLines: redLine(),
          })
          .map(({ weights, values, reservation, redLines }) => {
            const total = weights.reduce((a, b) => a + b, 0);
            const scale = options.overweight ? 1.6 / total : 1 / total;
            return {
              id: `p${p}`,
              name: `Party ${p}`,
              role: "party" as const,
              preferences: {
                utility: {
                  kind: "linear-additive" as const,
                  weights: Object.fromEntries(issues.map((issue, i) => [issue.id, weights[i]! * scale])),
                  values: Object.fromEntries(issues.map((issue, i) => [issue.id, values[i]!])),
                },
                reservation,
                redLines,
              },
            };
          });
      return fc.tuple(...Array.from({ length: parties }, (_, p) => party(p))).map(
        (ps): Scenario => ({ id: "random", name: "Random", issues, parties: ps, frameworks: [] }),
      );
    });
}
