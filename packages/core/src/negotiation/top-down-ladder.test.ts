import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario, partyUtilityIndex } from "@parley/core";
import { partyLadder } from "./context.js";
import { topDownLadder, topDownLadderFits } from "./top-down-ladder.js";
import { randomAdditiveScenario } from "../../test/random-additive.js";

/** Every outcome's utility summed in issue order from 0 and capped at 1, sorted plainly: (utility, number) ascending. */
function plainLadder(contributions: readonly Float64Array[]) {
  const radices = contributions.map((c) => c.length);
  const size = radices.reduce((a, b) => a * b, 1);
  const all: { number: number; utility: number }[] = [];
  for (let j = 0; j < size; j++) {
    let rest = j;
    const option = new Array<number>(radices.length);
    for (let i = radices.length - 1; i >= 0; i--) {
      option[i] = rest % radices[i]!;
      rest = Math.floor(rest / radices[i]!);
    }
    let s = 0;
    for (let i = 0; i < radices.length; i++) s += contributions[i]![option[i]!]!;
    all.push({ number: j, utility: s > 1 ? 1 : s });
  }
  return all.sort((a, b) => a.utility - b.utility || a.number - b.number);
}

// Contributions: arbitrary doubles, or on a grid of 1/1024 (many ties, and thresholds that land
// exactly on utilities), sometimes summing past 1 (capped).
const contribution = fc.oneof(fc.double({ min: 0, max: 0.45, noNaN: true }), fc.integer({ min: 0, max: 460 }).map((k) => k / 1024));
const tables = fc.array(fc.array(contribution, { minLength: 1, maxLength: 9 }).map((xs) => Float64Array.from(xs)), { minLength: 1, maxLength: 5 });
type Op = { kind: "lowerBound"; at: number; shift: number } | { kind: "position"; at: number };
const ops = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("lowerBound" as const), at: fc.nat(), shift: fc.constantFrom(0, 1e-13, -1e-13, 0.01, -0.01, 2, -2) }),
    fc.record({ kind: fc.constant("position" as const), at: fc.nat() }),
  ),
  { maxLength: 30 },
);

describe("topDownLadder", () => {
  it("lists the plain sort's positions whatever is read first: utilities, numbers, lower bounds, min and max (property)", () => {
    fc.assert(
      fc.property(tables, ops, (contributions, reads: Op[]) => {
        const plain = plainLadder(contributions);
        const size = plain.length;
        const ladder = topDownLadder(contributions);
        expect([ladder.size, ladder.min, ladder.max]).toEqual([size, plain[0]!.utility, plain[size - 1]!.utility]);
        const lowerBound = (u: number) => {
          const k = plain.findIndex((e) => e.utility >= u);
          return k < 0 ? size : k;
        };
        for (const op of reads) {
          if (op.kind === "lowerBound") {
            const u = plain[op.at % size]!.utility + op.shift;
            expect(ladder.lowerBound(u)).toBe(lowerBound(u));
          } else {
            const k = size - 1 - (op.at % size);
            expect([ladder.utilityAt(k), ladder.numberAt(k)]).toEqual([plain[k]!.utility, plain[k]!.number]);
          }
        }
        // Then the whole ladder, top down.
        for (let k = size - 1; k >= 0; k--) expect([ladder.utilityAt(k), ladder.numberAt(k)]).toEqual([plain[k]!.utility, plain[k]!.number]);
      }),
      { numRuns: 300 },
    );
  });

  it("orders utilities that differ only in the bits the sort keys give up to the outcome number", () => {
    // 0.5 and the next double up differ in their last bit, which the key of a 2-outcome space replaces.
    const up = 0.5 + 2 ** -53;
    const ladder = topDownLadder([Float64Array.from([up, 0.5, up, 0])]);
    expect([3, 2, 1, 0].map((k) => [ladder.numberAt(k), ladder.utilityAt(k)]).reverse()).toEqual([
      [3, 0],
      [1, 0.5],
      [0, up],
      [2, up],
    ]);
  });

  it("terminates on utilities too small for a step (denormal numbers)", () => {
    const ladder = topDownLadder([Float64Array.from([3.5e-323, 5.4e-323])]);
    expect([ladder.lowerBound(4e-323), ladder.numberAt(0), ladder.numberAt(1)]).toEqual([1, 0, 1]);
  });

  it("equals the enumerated index of a 117,649-outcome scenario, read from the top in steps as an agent reads it", () => {
    const compiled = compileScenario(randomAdditiveScenario(6, 7, 2, 5));
    for (const p of [0, 1]) {
      const ladder = topDownLadder(compiled.parties[p]!.utility.contributions!);
      const index = partyUtilityIndex(compiled, p);
      for (let u = 1; u > -0.05; u -= 0.01) expect(ladder.lowerBound(u)).toBe(index.lowerBound(u));
      for (let k = 0; k < index.size; k++) if (ladder.numberAt(k) !== index.order[k] || ladder.utilityAt(k) !== index.sorted[k]) throw new Error(`position ${k} differs`);
    }
  });

  it("takes only finite, non-negative contributions; partyLadder reads a built index when there is one", () => {
    expect(topDownLadderFits([Float64Array.from([0, 0.5])], 10)).toBe(true);
    expect(topDownLadderFits([Float64Array.from([-0.1, 0.5])], 10)).toBe(false);
    expect(topDownLadderFits([Float64Array.from([Infinity])], 10)).toBe(false);
    expect(topDownLadderFits([Float64Array.from([0, 1]), Float64Array.from([0, 1])], 3)).toBe(false);
    expect(topDownLadderFits([], 10)).toBe(false);
    const compiled = compileScenario(randomAdditiveScenario(3, 4, 2, 7));
    const lazy = partyLadder(compiled, 0)!;
    const index = partyUtilityIndex(compiled, 1);
    const built = partyLadder(compiled, 1)!;
    expect(built.numberAt(5)).toBe(index.order[5]);
    expect(lazy.lowerBound(0.5)).toBe(partyUtilityIndex(compiled, 0).lowerBound(0.5));
  });
});
