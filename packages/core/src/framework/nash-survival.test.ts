import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeScenario, compileScenario, createRng, outcomeIndices, outcomeIndicesAt, valueScore, type CompiledScenario, type Scenario } from "@parley/core";
import { arbitraryScenario } from "../../test/arbitraries.js";
import {
  decideSurvival,
  drawFactors,
  partyWithFactors,
  survivalPlan,
  SURVIVAL_NOT_RATIONAL,
  SURVIVAL_STABLE,
  SURVIVAL_UNDECIDED,
  SURVIVAL_UNSTABLE,
  nominalProduct,
  survivalSearch,
  type SurvivalPlan,
  type WeightSpec,
} from "./nash-survival.js";
import { nashBeyond, planDecision, robustness } from "./robustness.js";

/** Each party's weights ±`range` (as robustness draws them by default). */
function specsOf(compiled: CompiledScenario, range: number): WeightSpec[] {
  return compiled.parties.map((cp) => {
    const u = cp.party.preferences!.utility;
    if (u.kind !== "linear-additive") throw new Error("linear-additive parties only");
    const weights = compiled.issues.map((issue) => u.weights[issue.id] ?? 0);
    return {
      lo: Float64Array.from(weights, (w) => Math.max(0, w * (1 - range))),
      hi: Float64Array.from(weights, (w) => w * (1 + range)),
      nominalSum: weights.reduce((a, b) => a + b, 0),
      scores: compiled.issues.map((issue, i) => Float64Array.from(compiled.values[i]!, (v) => (u.values[issue.id] ? valueScore(u.values[issue.id]!, issue, v) : 0))),
    };
  });
}

/**
 * The truth by enumeration, for the sample in plan.factors / plan.d: every outcome's utilities
 * (contribution factor · score summed in issue order, capped at 1), rational when every party reaches
 * its reservation value and no red line is crossed; the nominal package's product, and whether some
 * rational outcome's product is beyond it by more than 1e-12.
 */
function bruteForce(compiled: CompiledScenario, specs: readonly WeightSpec[], plan: SurvivalPlan, nominal: Int32Array) {
  const k = compiled.parties.length;
  const n = compiled.radices.length;
  const product = (idx: ArrayLike<number>): number | null => {
    if (compiled.parties.some((cp) => cp.redLines.some((line) => (line.kind === "forbid" ? line.mask[idx[line.issue]!] === 1 : line.ifMask[idx[line.ifIssue]!] === 1 && line.thenMask[idx[line.thenIssue]!] !== 1))))
      return null;
    let prod = 1;
    for (let p = 0; p < k; p++) {
      let u = 0;
      for (let i = 0; i < n; i++) u += plan.factors[p * n + i]! * specs[p]!.scores[i]![idx[i]!]!;
      u = Math.min(1, u);
      if (u < plan.d[p]!) return null;
      prod *= u - plan.d[p]!;
    }
    return prod;
  };
  const nominalProduct = product(nominal);
  let deal = false;
  let beyond = false;
  for (let j = 0; j < compiled.size; j++) {
    const q = product(outcomeIndicesAt(compiled, j));
    if (q === null) continue;
    deal = true;
    if (nominalProduct !== null && !(nominalProduct >= q - 1e-12)) beyond = true;
  }
  return { rational: nominalProduct !== null, deal, stable: nominalProduct !== null && !beyond };
}

const sampleOf = (compiled: CompiledScenario, specs: readonly WeightSpec[], plan: SurvivalPlan): CompiledScenario => ({
  ...compiled,
  parties: compiled.parties.map((cp, p) => partyWithFactors(cp, specs[p]!, plan.factors, p * compiled.radices.length, plan.d[p]!)),
});

describe("the Nash survival decision (nash-survival.ts)", () => {
  it("decides each sample as an enumeration does: the certificates when they answer, the search otherwise (2 and 3 parties, red lines, reservation values)", () => {
    const seen = [0, 0, 0, 0];
    fc.assert(
      fc.property(
        fc.oneof(
          arbitraryScenario({ maxOutcomes: 300, minParties: 2, maxParties: 3, redLines: true, reservations: true }),
          arbitraryScenario({ maxOutcomes: 300, minParties: 2, maxParties: 3, redLines: true, reservations: true, coarse: true, overweight: true }),
          // Issues of up to 16 options: several rivals per issue, some between two others (betweenTwo).
          arbitraryScenario({ maxOutcomes: 300, minParties: 2, maxParties: 3, reservations: true, maxOptions: 16 }),
        ),
        fc.nat(),
        fc.boolean(),
        fc.constantFrom(0, 0.05, 0.3),
        fc.constantFrom(0.05, 0.25, 0.6),
        (s: Scenario, seed, nashNominal, rho, range) => {
          const compiled = compileScenario(s);
          const rng = createRng(seed);
          // The nominal package: the Nash package of the nominal weights (the certificates' case), or any outcome.
          const nash = analyzeScenario(compiled).nash[0];
          const nominal = nashNominal && nash ? Int32Array.from(outcomeIndices(compiled, nash.outcome)) : outcomeIndicesAt(compiled, seed % compiled.size);
          const specs = specsOf(compiled, range);
          const plan = survivalPlan(compiled, specs, nominal)!;
          for (let sample = 0; sample < 16; sample++) {
            specs.forEach((spec, p) => drawFactors(spec, rng, plan.factors, p * compiled.radices.length));
            compiled.parties.forEach((cp, p) => (plan.d[p] = Math.min(1, Math.max(0, cp.reservation + rho * (2 * rng() - 1)))));
            const truth = bruteForce(compiled, specs, plan, nominal);
            const decision = decideSurvival(plan);
            seen[decision]++;
            if (decision === SURVIVAL_STABLE) expect(truth).toMatchObject({ rational: true, stable: true });
            if (decision === SURVIVAL_UNSTABLE) expect(truth).toMatchObject({ rational: true, stable: false });
            if (decision === SURVIVAL_UNDECIDED) expect(truth.rational).toBe(true);
            if (decision === SURVIVAL_NOT_RATIONAL) expect(truth.rational).toBe(false);
            expect(planDecision(plan)).toEqual({ deal: truth.deal, stable: truth.stable });
          }
        },
      ),
      { numRuns: 300 },
    );
    // Every way of deciding was taken (the test is not passing on the search alone).
    for (const kind of [SURVIVAL_STABLE, SURVIVAL_UNSTABLE, SURVIVAL_UNDECIDED, SURVIVAL_NOT_RATIONAL]) expect(seen[kind]).toBeGreaterThan(20);
  });

  it("does not call a sample stable when its tangent sums would overflow (a subnormal gain, a factor above 1)", () => {
    // Party 0's gain at the nominal package (a0, b0) is 6e-309 · 1: its tangent weight 1/a is finite,
    // but times the factor 1.5 it is not, and ∞ · 0 made every tangent sum of issue A a NaN.
    const issue = (id: string) => ({ kind: "categorical" as const, id, options: [`${id}0`, `${id}1`] });
    const party = (id: string, a: [number, number], b: [number, number]) => ({
      id,
      name: id,
      role: "party" as const,
      preferences: {
        utility: {
          kind: "linear-additive" as const,
          weights: { a: 0.5, b: 0.5 },
          values: { a: { kind: "table" as const, scores: { a0: a[0], a1: a[1] } }, b: { kind: "table" as const, scores: { b0: b[0], b1: b[1] } } },
        },
      },
    });
    const scenario: Scenario = { id: "o", name: "O", issues: [issue("a"), issue("b")], parties: [party("p0", [0, 0], [6e-309, 0.5]), party("p1", [0.3, 0.9], [0.5, 0.1])], frameworks: [] };
    const compiled = compileScenario(scenario);
    const specs = specsOf(compiled, 0.25);
    const nominal = Int32Array.of(0, 0);
    const plan = survivalPlan(compiled, specs, nominal)!;
    plan.factors.set([1.5, 1, 0.5, 0.5]);
    plan.d.set([0, 0.35]);
    const truth = bruteForce(compiled, specs, plan, nominal);
    expect(truth).toEqual({ rational: true, deal: true, stable: false });
    expect(decideSurvival(plan)).not.toBe(SURVIVAL_STABLE);
    expect(planDecision(plan)).toEqual({ deal: true, stable: false });
  });

  it("keeps, for any weights ≥ 0, the best tangent sum of an issue's options among its rivals (dominated ones and those between two others left out)", () => {
    let dropped = 0;
    fc.assert(
      fc.property(
        arbitraryScenario({ maxOutcomes: 400, minParties: 2, maxParties: 3, maxOptions: 20 }),
        fc.nat(),
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (s: Scenario, seed, weights) => {
          const compiled = compileScenario(s);
          const k = compiled.parties.length;
          const nominal = outcomeIndicesAt(compiled, seed % compiled.size);
          const plan = survivalPlan(compiled, specsOf(compiled, 0.25), nominal)!;
          const sum = (j: number) => {
            let w = 0;
            for (let p = 0; p < k; p++) w += weights[p]! * plan.byOption[j * k + p]!;
            return w;
          };
          for (let i = 0; i < compiled.radices.length; i++) {
            const own = plan.offsets[i]! + nominal[i]!;
            // Every option that could beat the nominal one on this issue: allowed, and above it for some party.
            let best = -Infinity;
            let count = 0;
            for (let j = plan.offsets[i]!; j < plan.offsets[i + 1]!; j++) {
              if (!plan.allowed[j] || j === own) continue;
              let above = false;
              for (let p = 0; p < k; p++) if (plan.byOption[j * k + p]! > plan.byOption[own * k + p]!) above = true;
              if (!above) continue;
              count++;
              best = Math.max(best, sum(j));
            }
            let kept = -Infinity;
            for (let r = plan.rivalStart[i]!; r < plan.rivalStart[i + 1]!; r++) kept = Math.max(kept, sum(plan.rivals[r]!));
            if (count === 0) expect(plan.rivalStart[i + 1]).toBe(plan.rivalStart[i]);
            else expect(Math.abs(kept - best)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(best)));
            dropped += count - (plan.rivalStart[i + 1]! - plan.rivalStart[i]!);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(dropped).toBeGreaterThan(100);
  });

  it("survivalSearch: whether some rational outcome's product is beyond the threshold by more than 1e-12, as an enumeration and nashBeyond say", () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ maxOutcomes: 400, minParties: 2, maxParties: 4, redLines: true, reservations: true, coarse: true, overweight: true }),
        fc.nat(),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        (s, seed, arbitrary) => {
          const compiled = compileScenario(s);
          const rng = createRng(seed);
          const nash = analyzeScenario(compiled).nash[0];
          const nominal = nash ? Int32Array.from(outcomeIndices(compiled, nash.outcome)) : outcomeIndicesAt(compiled, seed % compiled.size);
          const specs = specsOf(compiled, 0.25);
          const plan = survivalPlan(compiled, specs, nominal)!;
          specs.forEach((spec, p) => drawFactors(spec, rng, plan.factors, p * compiled.radices.length));
          compiled.parties.forEach((cp, p) => (plan.d[p] = Math.min(1, Math.max(0, cp.reservation + 0.1 * (2 * rng() - 1)))));
          const sample = sampleOf(compiled, specs, plan);
          let best = -Infinity;
          for (let j = 0; j < compiled.size; j++) {
            const idx = outcomeIndicesAt(compiled, j);
            if (sample.parties.some((cp) => cp.redLines.some((l) => (l.kind === "forbid" ? l.mask[idx[l.issue]!] === 1 : l.ifMask[idx[l.ifIssue]!] === 1 && l.thenMask[idx[l.thenIssue]!] !== 1)))) continue;
            const u = sample.parties.map((cp) => cp.utility.evaluate(idx));
            if (u.some((x, p) => x < plan.d[p]!)) continue;
            best = Math.max(best, u.reduce((prod, x, p) => prod * (x - plan.d[p]!), 1));
          }
          const own = nominalProduct(plan);
          for (const threshold of [arbitrary, best, best - 1e-12, best - 2e-12, best - 0.5e-12, -Infinity, ...(own !== null ? [own] : [])]) {
            const expected = best > -Infinity && !(threshold >= best - 1e-12);
            expect(survivalSearch(plan, threshold)).toBe(expected);
            expect(nashBeyond(sample, nominal, threshold)).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("robustness's shares without the samples' packages are those of an enumeration of every sample, weights drawn as before", () => {
    // The sampling written out plainly (robustness before nash-survival.ts): per sample, every
    // party's weights uniform in [w·(1 − r), w·(1 + r)] in issue order, rescaled to the nominal sum;
    // then every reservation value ± ρ, clamped to [0, 1].
    fc.assert(
      fc.property(
        arbitraryScenario({ maxOutcomes: 200, minParties: 2, maxParties: 3, redLines: true, reservations: true, coarse: true }),
        fc.nat(),
        fc.constantFrom(0, 0.05),
        (s, seed, rho) => {
          const compiled = compileScenario(s);
          const nash = analyzeScenario(compiled).nash[0] ?? null;
          const samples = 12;
          const report = robustness(compiled, { samples, rng: createRng(seed), frameworks: [], range: 0.25, reservationRange: rho, nominalNash: nash, nashOutcomes: false });
          const rng = createRng(seed);
          let stable = 0;
          let deals = 0;
          for (let sample = 0; sample < samples; sample++) {
            const contributions = compiled.parties.map((cp) => {
              const u = cp.party.preferences!.utility as Extract<NonNullable<Scenario["parties"][number]["preferences"]>["utility"], { kind: "linear-additive" }>;
              const weights = compiled.issues.map((issue) => u.weights[issue.id] ?? 0);
              const drawn = weights.map((w) => {
                const [lo, hi] = [Math.max(0, w * 0.75), w * 1.25];
                return lo + (hi - lo) * rng();
              });
              const sum = drawn.reduce((a, b) => a + b, 0);
              const scale = sum > 0 ? weights.reduce((a, b) => a + b, 0) / sum : 0;
              return compiled.issues.map((issue, i) => compiled.values[i]!.map((v) => drawn[i]! * scale * (u.values[issue.id] ? valueScore(u.values[issue.id]!, issue, v) : 0)));
            });
            const d = compiled.parties.map((cp) => (rho > 0 ? Math.min(1, Math.max(0, cp.reservation + rho * (2 * rng() - 1))) : cp.reservation));
            const product = (idx: ArrayLike<number>): number | null => {
              let prod = 1;
              for (let p = 0; p < compiled.parties.length; p++) {
                const cp = compiled.parties[p]!;
                let u = 0;
                for (let i = 0; i < idx.length; i++) u += contributions[p]![i]![idx[i]!]!;
                u = Math.min(1, u);
                const crosses = cp.redLines.some((l) => (l.kind === "forbid" ? l.mask[idx[l.issue]!] === 1 : l.ifMask[idx[l.ifIssue]!] === 1 && l.thenMask[idx[l.thenIssue]!] !== 1));
                if (u < d[p]! || crosses) return null;
                prod *= u - d[p]!;
              }
              return prod;
            };
            let best = -Infinity;
            for (let j = 0; j < compiled.size; j++) best = Math.max(best, product(outcomeIndicesAt(compiled, j)) ?? -Infinity);
            const own = nash ? product(outcomeIndices(compiled, nash.outcome)) : null;
            if (best > -Infinity) deals++;
            if (own !== null && own >= best - 1e-12) stable++;
          }
          expect([report.nash.stable, report.deal.possible]).toEqual([nash ? stable / samples : null, deals / samples]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
