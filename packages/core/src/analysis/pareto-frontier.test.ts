import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paretoFrontier, paretoFrontierReference, type FrontierGroup } from "@parley/core";

const canon = (groups: FrontierGroup[]) => groups.map((g) => [...g.members].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);

const columnsArb = fc
  .record({
    k: fc.integer({ min: 1, max: 4 }),
    n: fc.integer({ min: 0, max: 400 }),
    levels: fc.constantFrom(3, 10, 1000),
  })
  .chain(({ k, n, levels }) =>
    fc.array(fc.array(fc.integer({ min: 0, max: levels }), { minLength: n, maxLength: n }), { minLength: k, maxLength: k }).map(
      (cols) => cols.map((c) => Float64Array.from(c, (x) => x / levels)),
    ),
  );

describe("paretoFrontier", () => {
  it("paretoFrontier(columns) matches the brute-force frontier, ties and duplicates included", () => {
    fc.assert(
      fc.property(columnsArb, (cols) => {
        expect(canon(paretoFrontier(cols))).toEqual(canon(paretoFrontierReference(cols)));
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it("paretoFrontier(columns, candidates) only considers the candidates", () => {
    fc.assert(
      fc.property(columnsArb, fc.integer({ min: 0, max: 1000 }), (cols, salt) => {
        const n = cols[0]!.length;
        const cand = Array.from({ length: n }, (_, j) => j).filter((j) => (j * 7 + salt) % 3 !== 0);
        expect(canon(paretoFrontier(cols, Int32Array.from(cand)))).toEqual(canon(paretoFrontierReference(cols, cand)));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("three parties (grid pre-filter, staircase sweep): the brute-force frontier, in decreasing order of the sum, then of each utility", () => {
    const three = fc
      .record({ n: fc.integer({ min: 0, max: 3000 }), levels: fc.constantFrom(2, 5, 40, 100_000) })
      .chain(({ n, levels }) =>
        fc.tuple(...[0, 1, 2].map(() => fc.array(fc.integer({ min: 0, max: levels }), { minLength: n, maxLength: n }))).map((cols) =>
          cols.map((c) => Float64Array.from(c, (x) => x / levels)),
        ),
      );
    fc.assert(
      fc.property(three, (cols) => {
        const found = paretoFrontier(cols);
        expect(canon(found)).toEqual(canon(paretoFrontierReference(cols)));
        for (const g of found) expect(g.members).toEqual([...g.members].sort((a, b) => a - b));
        const key = (g: FrontierGroup) => [cols.reduce((s, c) => s + c[g.members[0]!]!, 0), ...cols.map((c) => c[g.members[0]!]!)];
        for (let i = 1; i < found.length; i++) {
          const [a, b] = [key(found[i - 1]!), key(found[i]!)];
          const first = a.findIndex((x, p) => x !== b[p]);
          expect(first).toBeGreaterThanOrEqual(0);
          expect(a[first]!).toBeGreaterThan(b[first]!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("paretoFrontier(columns) keeps equal vectors together and drops weakly dominated ones", () => {
    const u = Float64Array.from([1, 0.5, 1, 0.2, 0.5]);
    const v = Float64Array.from([0, 0.5, 0, 0.9, 0.4]);
    expect(canon(paretoFrontier([u, v]))).toEqual([[0, 2], [1], [3]]);
  });
});
