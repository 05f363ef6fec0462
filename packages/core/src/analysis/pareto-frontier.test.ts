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

  it("paretoFrontier(columns) keeps equal vectors together and drops weakly dominated ones", () => {
    const u = Float64Array.from([1, 0.5, 1, 0.2, 0.5]);
    const v = Float64Array.from([0, 0.5, 0, 0.9, 0.4]);
    expect(canon(paretoFrontier([u, v]))).toEqual([[0, 2], [1], [3]]);
  });
});
