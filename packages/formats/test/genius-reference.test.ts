// The analysis of GENIUS scenarios agrees with the reference numbers in ../shared/reference/
// (computed by an independent implementation that agrees with NegMAS; see its README).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeScenario } from "@parley/core";
import { readGeniusFolderSync } from "@parley/formats/node";
import { geniusCorpusDir, geniusExpectedPath, hasGeniusReference } from "../../../test/corpus.js";

const dataRoot = geniusCorpusDir;
const referencePath = geniusExpectedPath;
const available = hasGeniusReference;

interface Expected {
  parties: string[];
  outcomes: number;
  reservation: number[];
  rational: number;
  pareto: number[][];
  nash: number[][];
  egalitarian: number[][];
  maxWelfare: number[][];
  kalaiSmorodinsky: number[][];
}
const expected: Record<string, Expected> = available ? JSON.parse(readFileSync(referencePath, "utf8")) : {};
const TOL = 1e-6;

/** Sets of vectors equal within TOL (each vector of one matched to a distinct vector of the other). */
function expectSameSet(actual: number[][], wanted: number[][], what: string) {
  expect(actual.length, `${what}: count`).toBe(wanted.length);
  const used = new Set<number>();
  for (const w of wanted) {
    const j = actual.findIndex((a, k) => !used.has(k) && a.length === w.length && a.every((x, i) => Math.abs(x - w[i]!) <= TOL));
    expect(j, `${what}: no match for ${JSON.stringify(w)}`).toBeGreaterThanOrEqual(0);
    used.add(j);
  }
}

describe.skipIf(!available)("GENIUS reference numbers", () => {
  it("finds the reference numbers", () => {
    expect(Object.keys(expected).length).toBeGreaterThan(0);
  });

  it.each(Object.keys(expected))("%s matches the reference within 1e-6", (folder) => {
    const want = expected[folder]!;
    const loaded = readGeniusFolderSync(path.join(dataRoot, folder));
    if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join("\n"));
    const report = analyzeScenario(loaded.value);
    expect(report.parties).toEqual(want.parties);
    expect(report.outcomes).toBe(want.outcomes);
    report.reservation.forEach((d, i) => expect(d).toBeCloseTo(want.reservation[i]!, 9));
    expect(report.rational.count).toBe(want.rational);
    expectSameSet(report.pareto.points.map((p) => p.utilities), want.pareto, "pareto");
    expectSameSet(report.nash.map((p) => p.utilities), want.nash, "nash");
    expectSameSet(report.egalitarian.map((p) => p.utilities), want.egalitarian, "egalitarian");
    expectSameSet(report.maxWelfare.map((p) => p.utilities), want.maxWelfare, "maxWelfare");
    expectSameSet(report.kalaiSmorodinsky.map((p) => p.utilities), want.kalaiSmorodinsky, "kalaiSmorodinsky");
  });
});
