import { analyzeScenario, type SolutionPoint } from "../analysis/analyze-scenario.js";
import { evaluateFramework, type Verdict } from "../analysis/evaluate-framework.js";
import { mergeFrontier } from "../analysis/merge-frontier.js";
import { DEFAULT_ENUMERATION_LIMIT, outcomeUtilities } from "../analysis/outcome-utilities.js";
import { nashPoints } from "../analysis/solutions.js";
import { ParleyError } from "../errors.js";
import type { Value } from "../model/issue.js";
import type { Reading } from "../model/reading.js";
import type { Scenario } from "../model/scenario.js";
import { applyReadings, readingsConflict } from "../readings/apply.js";
import { crossesRedLine, type CompiledRedLine } from "../preferences/compile-red-lines.js";
import { valueScore } from "../preferences/value-function.js";
import type { Rng } from "../random/rng.js";
import {
  compileScenario,
  outcomeFromIndices,
  outcomeIndices,
  outcomeIndicesAt,
  type CompiledScenario,
} from "../space/compile-scenario.js";
import {
  decideSurvival,
  drawFactors,
  nominalProduct,
  partyWithFactors,
  survivalPlan,
  survivalSearch,
  SURVIVAL_NOT_RATIONAL,
  SURVIVAL_STABLE,
  SURVIVAL_UNDECIDED,
  type SurvivalPlan,
  type WeightSpec,
} from "./nash-survival.js";
import { findFramework } from "./settlement.js";

/**
 * The range a weight is drawn from: a number r is relative (w · [1 − r, 1 + r]); a pair [lo, hi]
 * is absolute. Draws are uniform; then the party's weights are rescaled to their nominal sum.
 */
export type WeightRange = number | readonly [number, number];

export interface RobustnessOptions {
  /** How many weight vectors to draw. */
  readonly samples: number;
  readonly rng: Rng;
  /** The default relative range for every weight. Default 0.25 (±25%). */
  readonly range?: number;
  /** Per party: one range for all its weights, or ranges by issue id (other issues take the default). */
  readonly weightRanges?: Readonly<Record<string, WeightRange | Readonly<Record<string, WeightRange>>>>;
  /** Only these frameworks (ids). Default: all. */
  readonly frameworks?: readonly string[];
  /**
   * Find each sample's Nash package by the exact outcome search (branch and bound, warm-started at
   * the nominal package) up to this many outcomes, else by the merge frontier. Default 10,000,000.
   */
  readonly enumerationLimit?: number;
  /**
   * Vary the scenario's readings too: each sample draws each reading (other than the `selected`
   * ones, which stay on) on with `probability` (default 0.5), in the scenario's order, skipping one
   * that conflicts with a reading already on. `scenario` is the scenario before any reading;
   * `prepare` is applied after the readings (e.g. an as-of cut). The input is the nominal model.
   */
  readonly readings?: {
    readonly scenario: Scenario;
    readonly selected?: readonly string[];
    readonly prepare?: (scenario: Scenario) => Scenario;
    readonly probability?: number;
  };
  /** Vary every reservation value too: uniform in [r − ρ, r + ρ] (absolute, clamped to [0, 1]). Default 0 (not varied). */
  readonly reservationRange?: number;
  /**
   * The nominal Nash package when the caller has it: the first of an exact `analyzeScenario` of the
   * same compiled scenario (null: nothing rational). Skips robustness's own nominal analysis, which
   * on a large space costs more than the samples.
   */
  readonly nominalNash?: SolutionPoint | null;
  /**
   * false: leave `nash.outcomes` empty and only decide, per sample, whether the nominal package stays
   * a Nash package and whether a deal is possible (the same answers): on linear-additive spaces the
   * search then stops at the first outcome that beats the nominal package. Default true.
   */
  readonly nashOutcomes?: boolean;
}

/** How the results depend on one reading: the samples with it on against those with it off. */
export interface ReadingSensitivity {
  readonly reading: string;
  /** The fraction of samples with the reading on. */
  readonly on: number;
  /** The fraction of samples in which a deal is possible, with the reading on and off (null: no such sample). */
  readonly dealOn: number | null;
  readonly dealOff: number | null;
  /** The fraction in which the nominal Nash package stays a Nash package, on and off. */
  readonly nashOn: number | null;
  readonly nashOff: number | null;
  /** The mean over frameworks and parties of |accept fraction on − accept fraction off|. */
  readonly verdictShift: number | null;
  /** |dealOn − dealOff| + |nashOn − nashOff| + verdictShift: readings are listed by it, largest first. */
  readonly score: number;
}

export interface FrameworkRobustness {
  readonly framework: { readonly id: string; readonly name: string };
  readonly parties: readonly {
    readonly party: string;
    /** The verdict with the nominal weights. */
    readonly nominal: Verdict;
    /** Fractions of the samples with each verdict (they sum to 1). */
    readonly accept: number;
    readonly depends: number;
    readonly reject: number;
  }[];
}

export interface RobustnessReport {
  readonly samples: number;
  readonly range: number;
  /** The reservation range ρ (0: not varied). */
  readonly reservationRange: number;
  /** The fraction of samples in which some outcome is acceptable to every party, and the answer of the nominal model. */
  readonly deal: { readonly nominal: boolean; readonly possible: number };
  /** Per reading varied, how the results depend on it, most sensitive first; empty when readings are not varied. */
  readonly readings: readonly ReadingSensitivity[];
  readonly parties: readonly string[];
  readonly frameworks: readonly FrameworkRobustness[];
  readonly nash: {
    /** The Nash package with the nominal weights (the first of `analyzeScenario`'s), null when nothing is rational. */
    readonly nominal: SolutionPoint | null;
    /** The fraction of samples in which the nominal Nash package is still a Nash package (null when there is none). */
    readonly stable: number | null;
    /** The samples' Nash packages (ties: the largest sum of utilities, then the first in outcome order), most frequent first; null outcome: none rational. */
    readonly outcomes: readonly { readonly outcome: Readonly<Record<string, Value>> | null; readonly fraction: number }[];
  };
  readonly notes: readonly string[];
}

const NASH_TOLERANCE = 1e-12;
/** The nominal analysis enumerates up to this many outcomes (additive spaces beyond: merge frontier). */
const NOMINAL_ENUMERATION_LIMIT = 1_000_000;

/**
 * How far the framework verdicts and the Nash package depend on the weights, which are assumptions:
 * draw `samples` weight vectors per linear-additive party within the stated ranges (seeded), and
 * count the verdicts and how often the nominal Nash package stays a Nash package.
 */
export function robustness(input: Scenario | CompiledScenario, options: RobustnessOptions): RobustnessReport {
  const compiled = "radices" in input ? input : compileScenario(input);
  const range = options.range ?? 0.25;
  if (!Number.isSafeInteger(options.samples) || options.samples <= 0)
    throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", `the number of samples must be a positive whole number (got ${options.samples})`);
  checkRange(range, "the default weight range");
  const frameworks = (options.frameworks ?? compiled.scenario.frameworks.map((f) => f.id)).map((id) => findFramework(compiled, id));
  const notes: string[] = [];
  const rho = options.reservationRange ?? 0;
  checkRange(rho, "the reservation range");
  const varied = variedReadings(options.readings);
  // conflicts[a][b]: the varied readings a and b cannot both be on (asked once, not per sample).
  const conflicts = varied.map((a) => varied.map((b) => readingsConflict(a, b).length > 0));
  const additive = compiled.parties.every((p) => p.utility.contributions !== null);
  const limit = options.enumerationLimit ?? DEFAULT_ENUMERATION_LIMIT;
  // Only whether the nominal package survives and whether a deal is possible: decided per sample by
  // nash-survival.ts's certificates when they can, else by the exact search that stops at the first
  // package beating the nominal one.
  const decide = options.nashOutcomes === false && additive && compiled.size <= limit;
  // The full analysis with the nominal weights (merge frontier for large additive spaces: enumerating
  // millions of outcomes would cost more than all the samples together).
  const nominal =
    options.nominalNash !== undefined
      ? options.nominalNash
      : (analyzeScenario(compiled, additive && compiled.size > NOMINAL_ENUMERATION_LIMIT ? { method: "merge" } : {}).nash[0] ?? null);
  const nominalIdx = nominal ? Int32Array.from(outcomeIndices(compiled, nominal.outcome)) : null;
  const newBase = (c: CompiledScenario, notesTo: string[]): Base => {
    const specs = weightSpecs(c, range, options.weightRanges ?? {}, notesTo);
    const plan = decide ? survivalPlan(c, specs, nominalIdx) : null;
    const n = c.radices.length;
    return { compiled: c, specs, plan, factors: plan?.factors ?? new Float64Array(c.parties.length * n), d: plan?.d ?? new Float64Array(c.parties.length) };
  };
  const nominalBase = newBase(compiled, notes);
  // The compiled scenario, weight distributions and survival plan of each combination of readings drawn, built once.
  const bases = new Map<string, Base>();
  const baseFor = (on: readonly Reading[]): Base => {
    const key = on.map((r) => r.id).join("\u0000");
    let base = bases.get(key);
    if (!base) {
      const r = options.readings!;
      const scenario = (r.prepare ?? ((x: Scenario) => x))(applyReadings(r.scenario, [...(r.selected ?? []), ...on.map((x) => x.id)]));
      const c = compileScenario(scenario);
      if (c.parties.length !== compiled.parties.length || c.size !== compiled.size)
        throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", "the readings' scenario does not match the scenario analysed");
      base = newBase(c, []);
      bases.set(key, base);
    }
    return base;
  };
  const nominalVerdicts = frameworks.map((f) => evaluateFramework(compiled, f).parties.map((p) => p.verdict));

  const counts = frameworks.map(() => compiled.parties.map(() => ({ accept: 0, depends: 0, reject: 0 })));
  let stable = 0;
  const nashCounts = new Map<string, { outcome: Record<string, Value> | null; count: number }>();

  // Per sample: which readings were on, whether a deal was possible, whether the Nash package held, the accept verdicts.
  const perSample: { on: Set<string>; deal: boolean; stable: boolean; accepts: boolean[] }[] = [];
  let deals = 0;
  for (let s = 0; s < options.samples; s++) {
    const on = varied.length > 0 ? drawReadings(varied, conflicts, options.readings?.probability ?? 0.5, options.rng) : [];
    const base = varied.length > 0 ? baseFor(on) : nominalBase;
    // Every party's weights, then every reservation value (the order of the draws is part of the seed's meaning).
    const { specs, factors, d } = base;
    const cps = base.compiled.parties;
    const n = base.compiled.radices.length;
    for (let p = 0; p < cps.length; p++) if (specs[p]) drawFactors(specs[p]!, options.rng, factors, p * n);
    for (let p = 0; p < cps.length; p++) d[p] = rho > 0 ? Math.min(1, Math.max(0, cps[p]!.reservation + rho * (2 * options.rng() - 1))) : cps[p]!.reservation;
    // The sample as a compiled scenario, unless only its plan is needed (analyze's case: nothing built per sample).
    const sample = frameworks.length > 0 || !base.plan ? sampleOf(base) : null;
    const accepts: boolean[] = [];
    frameworks.forEach((f, fi) => {
      evaluateFramework(sample!, f).parties.forEach((pe, p) => {
        counts[fi]![p]![pe.verdict]++;
        accepts.push(pe.verdict === "accept");
      });
    });
    const found = !decide
      ? withDeal(sampleNash(sample!, nominalIdx, limit, additive))
      : { best: null, ...(base.plan ? planDecision(base.plan) : sampleNashDecision(sample!, nominalIdx)) };
    if (found.stable) stable++;
    if (found.deal) deals++;
    // perSample feeds the readings' sensitivity only.
    if (varied.length > 0) perSample.push({ on: new Set(on.map((r) => r.id)), deal: found.deal, stable: found.stable, accepts });
    if (options.nashOutcomes === false) continue;
    const outcome = found.best ? outcomeFromIndices(compiled, found.best) : null;
    const key = outcome ? JSON.stringify(outcome) : "";
    const entry = nashCounts.get(key) ?? { outcome, count: 0 };
    entry.count++;
    nashCounts.set(key, entry);
  }

  const n = options.samples;
  return {
    samples: n,
    range,
    reservationRange: rho,
    deal: { nominal: nominal !== null, possible: deals / n },
    readings: sensitivity(varied, perSample),
    parties: compiled.parties.map((cp) => cp.party.id),
    frameworks: frameworks.map((f, fi) => ({
      framework: { id: f.id, name: f.name },
      parties: compiled.parties.map((cp, p) => {
        const c = counts[fi]![p]!;
        return { party: cp.party.id, nominal: nominalVerdicts[fi]![p]!, accept: c.accept / n, depends: c.depends / n, reject: c.reject / n };
      }),
    })),
    nash: {
      nominal,
      stable: nominal ? stable / n : null,
      outcomes: [...nashCounts.values()]
        .sort((a, b) => b.count - a.count)
        .map((e) => ({ outcome: e.outcome, fraction: e.count / n })),
    },
    notes,
  };
}

/** The readings a robustness run varies: the scenario's, other than those selected (which stay on) and those that conflict with them. */
function variedReadings(options: RobustnessOptions["readings"]): Reading[] {
  if (!options) return [];
  const all = options.scenario.readings ?? [];
  const selected = all.filter((r) => options.selected?.includes(r.id));
  return all.filter((r) => !selected.includes(r) && selected.every((x) => readingsConflict(x, r).length === 0));
}

/** Each reading on with probability `p` (one draw per reading, in order), unless it conflicts with one already on. */
function drawReadings(readings: readonly Reading[], conflicts: readonly (readonly boolean[])[], p: number, rng: Rng): Reading[] {
  const on: number[] = [];
  for (let r = 0; r < readings.length; r++) if (rng() < p && on.every((x) => !conflicts[x]![r])) on.push(r);
  return on.map((r) => readings[r]!);
}

function sensitivity(readings: readonly Reading[], samples: readonly { on: Set<string>; deal: boolean; stable: boolean; accepts: boolean[] }[]): ReadingSensitivity[] {
  const share = (list: readonly { deal: boolean; stable: boolean }[], key: "deal" | "stable") =>
    list.length === 0 ? null : list.filter((x) => x[key]).length / list.length;
  return readings
    .map((r): ReadingSensitivity => {
      const on = samples.filter((x) => x.on.has(r.id));
      const off = samples.filter((x) => !x.on.has(r.id));
      const [dealOn, dealOff, nashOn, nashOff] = [share(on, "deal"), share(off, "deal"), share(on, "stable"), share(off, "stable")];
      const cells = samples[0]?.accepts.length ?? 0;
      let verdictShift: number | null = null;
      if (on.length > 0 && off.length > 0 && cells > 0) {
        let total = 0;
        for (let c = 0; c < cells; c++) total += Math.abs(on.filter((x) => x.accepts[c]).length / on.length - off.filter((x) => x.accepts[c]).length / off.length);
        verdictShift = total / cells;
      }
      const diff = (a: number | null, b: number | null) => (a === null || b === null ? 0 : Math.abs(a - b));
      return { reading: r.id, on: samples.length ? on.length / samples.length : 0, dealOn, dealOff, nashOn, nashOff, verdictShift, score: diff(dealOn, dealOff) + diff(nashOn, nashOff) + (verdictShift ?? 0) };
    })
    .sort((a, b) => b.score - a.score);
}

/** Per party, how its weights are drawn (null: not linear-additive, its preferences are kept as they are). */
function weightSpecs(
  compiled: CompiledScenario,
  range: number,
  ranges: Readonly<Record<string, WeightRange | Readonly<Record<string, WeightRange>>>>,
  notes: string[],
): (WeightSpec | null)[] {
  for (const id of Object.keys(ranges))
    if (!compiled.parties.some((cp) => cp.party.id === id))
      throw new ParleyError("PARLEY_ERR_UNKNOWN_PARTY", `weight ranges name "${id}", which is not a party with preferences`);
  return compiled.parties.map((cp) => {
    const utility = cp.party.preferences!.utility;
    if (utility.kind !== "linear-additive" || !cp.utility.contributions) {
      notes.push(`party "${cp.party.id}" has a ${utility.kind} utility: its preferences are kept as they are`);
      return null;
    }
    const own = ranges[cp.party.id];
    const byIssue = own !== undefined && typeof own !== "number" && !Array.isArray(own) ? (own as Readonly<Record<string, WeightRange>>) : null;
    if (byIssue)
      for (const id of Object.keys(byIssue))
        if (!compiled.issues.some((i) => i.id === id))
          throw new ParleyError("PARLEY_ERR_UNKNOWN_ISSUE", `weight ranges for "${cp.party.id}" name unknown issue "${id}"`);
    const n = compiled.issues.length;
    const lo = new Float64Array(n);
    const hi = new Float64Array(n);
    compiled.issues.forEach((issue, i) => {
      const w = utility.weights[issue.id] ?? 0;
      const r: WeightRange = (byIssue ? byIssue[issue.id] : (own as WeightRange | undefined)) ?? range;
      if (typeof r === "number") {
        checkRange(r, `the weight range of "${cp.party.id}" on "${issue.id}"`);
        lo[i] = Math.max(0, w * (1 - r));
        hi[i] = w * (1 + r);
        return;
      }
      if (!(r[0] >= 0 && r[1] >= r[0] && Number.isFinite(r[1])))
        throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", `the weight range of "${cp.party.id}" on "${issue.id}" must be [lo, hi] with 0 ≤ lo ≤ hi`);
      lo[i] = r[0];
      hi[i] = r[1];
    });
    const nominalSum = compiled.issues.reduce((s, issue) => s + (utility.weights[issue.id] ?? 0), 0);
    // Unweighted scores per issue and option (the compiled contributions are weight · score).
    const scores = compiled.issues.map((issue, i) => {
      const fn = utility.values[issue.id];
      return Float64Array.from(compiled.values[i]!, (v) => (fn ? valueScore(fn, issue, v) : 0));
    });
    return { lo, hi, nominalSum, scores };
  });
}

/** The sample held in the base's arrays as a compiled scenario (reweighted parties, drawn reservation values). */
function sampleOf(base: Base): CompiledScenario {
  const n = base.compiled.radices.length;
  const parties = base.compiled.parties.map((cp, p) =>
    base.specs[p] ? partyWithFactors(cp, base.specs[p]!, base.factors, p * n, base.d[p]!) : { ...cp, reservation: base.d[p]! },
  );
  return { ...base.compiled, parties };
}

/** A combination of readings' scenario, as the samples draw from it. */
interface Base {
  readonly compiled: CompiledScenario;
  readonly specs: readonly (WeightSpec | null)[];
  /** The survival plan when the samples are only decided (nashOutcomes: false); its arrays hold the sample. */
  readonly plan: SurvivalPlan | null;
  /** The sample's weight factors (party p, issue i at p · n + i) and reservation values. */
  readonly factors: Float64Array;
  readonly d: Float64Array;
}

function checkRange(r: number, what: string): void {
  if (!(r >= 0 && Number.isFinite(r))) throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", `${what} must be a number ≥ 0 (got ${r})`);
}

/**
 * The sample's Nash package (ties: the largest sum of utilities, then the first in outcome order;
 * on the merge path the first tied frontier point) and whether the nominal package
 * reaches the maximal Nash product within 1e-12.
 */
function sampleNash(
  sample: CompiledScenario,
  nominal: Int32Array | null,
  limit: number,
  additive: boolean,
): { best: Int32Array | null; stable: boolean } {
  const d = sample.parties.map((p) => p.reservation);
  let bestProduct = -Infinity;
  let best: Int32Array | null = null;
  if (additive && sample.size <= limit) {
    const bestJ = nashBranchAndBound(sample, nominal);
    if (bestJ.index >= 0) {
      best = outcomeIndicesAt(sample, bestJ.index);
      bestProduct = bestJ.product;
    }
  } else if (sample.size <= limit || !additive) {
    // Non-additive preferences (up to the default enumeration limit): every outcome's utilities.
    const all = outcomeUtilities(sample, sample.size <= limit ? { limit } : {});
    let bestJ = -1;
    let bestSum = -Infinity;
    for (let j = 0; j < all.size; j++) {
      if (!all.rational[j]) continue;
      let prod = 1;
      let sum = 0;
      for (let p = 0; p < d.length; p++) {
        prod *= all.utilities[p]![j]! - d[p]!;
        sum += all.utilities[p]![j]!;
      }
      if (prod > bestProduct || (prod === bestProduct && sum > bestSum)) {
        bestProduct = prod;
        bestSum = sum;
        bestJ = j;
      }
    }
    if (bestJ >= 0) best = outcomeIndicesAt(sample, bestJ);
  } else {
    const merged = mergeFrontier(sample);
    const vectors = merged.points.map((p) => p.utilities);
    const ix = nashPoints(vectors, d, { tolerance: 0 });
    if (ix.length > 0) {
      best = merged.points[ix[0]!]!.outcome;
      bestProduct = vectors[ix[0]!]!.reduce((prod, x, p) => prod * (x - d[p]!), 1);
    }
  }
  if (!best || !nominal) return { best, stable: false };
  const prod = rationalProduct(sample, nominal);
  return { best, stable: prod !== null && prod >= bestProduct - NASH_TOLERANCE };
}

/**
 * sampleNash's answers without the sample's own Nash package (linear-additive, enumerable): whether
 * some outcome is rational (a deal), and whether the nominal package is stable: rational in the
 * sample, and no outcome's product beyond its own (nashBeyond).
 */
function sampleNashDecision(sample: CompiledScenario, nominal: Int32Array | null): { deal: boolean; stable: boolean } {
  const prod = nominal ? rationalProduct(sample, nominal) : null;
  if (prod === null) return { deal: nashBeyond(sample, null, -Infinity), stable: false };
  return { deal: true, stable: !nashBeyond(sample, nominal, prod) };
}

/**
 * The sample in the plan's arrays (nash-survival.ts): whether a deal is possible and whether the
 * nominal package stays a Nash package — by a certificate, or else by the exact search on the
 * plan's arrays (survivalSearch, nashBeyond's answer). The answers are sampleNashDecision's.
 */
export function planDecision(plan: SurvivalPlan): { deal: boolean; stable: boolean } {
  const decision = decideSurvival(plan);
  if (decision === SURVIVAL_NOT_RATIONAL) return { deal: survivalSearch(plan, -Infinity), stable: false };
  if (decision !== SURVIVAL_UNDECIDED) return { deal: true, stable: decision === SURVIVAL_STABLE };
  return { deal: true, stable: !survivalSearch(plan, nominalProduct(plan)!) };
}

/** The sample's Nash package exists exactly when some outcome is rational: that is the deal check. */
function withDeal(found: { best: Int32Array | null; stable: boolean }) {
  return { ...found, deal: found.best !== null };
}

/** The Nash product of an outcome when it is rational (null when it is not, or crosses a red line), as sampleNash computes it. */
function rationalProduct(sample: CompiledScenario, outcome: Int32Array): number | null {
  let prod = 1;
  for (const cp of sample.parties) {
    const u = cp.utility.evaluate(outcome);
    if (u < cp.reservation || cp.redLines.some((line) => crossesRedLine(line, outcome))) return null;
    prod *= u - cp.reservation;
  }
  return prod;
}

/**
 * The outcome with the largest Nash product Πᵢ(uᵢ − dᵢ) among the rational outcomes — among equal
 * products the one with the largest Σᵢ uᵢ (so it is Pareto-optimal, even when the best product is
 * 0), then the first in outcome order; linear-additive parties only. A depth-first branch and bound over the issues in order
 * (each issue's options most promising first; ties are settled at the leaves): options a `forbid` removes are
 * skipped, `require` rules are checked as soon as both their issues are assigned, and a branch is
 * cut when some party cannot reach its reservation value even with its best options on the
 * remaining issues, or when an optimistic bound on the Nash product cannot beat the best found.
 * Two bounds: the product of each party's own best (loose when the parties want opposite things),
 * and the weighted AM–GM bound Πᵢ aᵢ ≤ (Σᵢ tᵢaᵢ / k)ᵏ / Πᵢ tᵢ (aᵢ = uᵢ − dᵢ ≥ 0, any tᵢ > 0), whose
 * Σᵢ tᵢaᵢ is additive over issues, so its best completion is one table lookup per issue; with
 * tᵢ = 1 / aᵢ at the warm start it is tight near a good package and cuts most of the tree.
 * Partial sums run in issue order, as in outcomeUtilities, so utilities are bit-for-bit the same.
 */
export function nashBranchAndBound(
  sample: CompiledScenario,
  warmStart: Int32Array | null = null,
  options: { readonly stopBeyond?: number } = {},
): { index: number; product: number; beyond: boolean } {
  // stopBeyond (nashBeyond): stop at the first rational outcome whose product q is beyond it, !(stopBeyond ≥ q − 1e-12).
  const stopBeyond = options.stopBeyond;
  let beyond = false;
  const parties = sample.parties;
  const tables = parties.map((p) => p.utility.contributions!);
  const d = Float64Array.from(parties, (p) => p.reservation);
  const k = tables.length;
  const n = sample.radices.length;
  const radices = sample.radices;
  const allowed = radices.map((r) => new Uint8Array(r).fill(1));
  for (const p of parties) for (const line of p.redLines) if (line.kind === "forbid") line.mask.forEach((m, x) => m && (allowed[line.issue]![x] = 0));
  const rulesAt: CompiledRedLine[][] = radices.map(() => []);
  for (const p of parties)
    for (const line of p.redLines) if (line.kind === "require") rulesAt[Math.max(line.ifIssue, line.thenIssue)]!.push(line);
  // rest[i·k + p]: party p's best possible sum over issues i … n − 1 (allowed options only).
  const rest = new Float64Array((n + 1) * k);
  for (let i = n - 1; i >= 0; i--)
    for (let p = 0; p < k; p++) {
      let best = -Infinity;
      const col = tables[p]![i]!;
      for (let x = 0; x < col.length; x++) if (allowed[i]![x] && col[x]! > best) best = col[x]!;
      rest[i * k + p] = rest[(i + 1) * k + p]! + best;
    }
  const prefix = new Float64Array((n + 1) * k);
  const idx = new Int32Array(n);
  let bestIndex = -1;
  let bestProduct = -Infinity;
  let bestSum = -Infinity;
  // The AM–GM weights t (from the warm start when it is rational with every aᵢ > 0; else 1 / the
  // party's best gain), and restT[i]: the best Σₚ tₚ·(sum over issues i … n − 1) of one option per issue.
  const t = new Float64Array(k);
  const setWeights = (a: ArrayLike<number> | null) => {
    for (let p = 0; p < k; p++) {
      const gain = a && a[p]! > 0 ? a[p]! : rest[p]! - d[p]!;
      t[p] = gain > 1e-9 ? 1 / gain : 1e9;
    }
  };
  const restT = new Float64Array(n + 1);
  let tProduct = 1;
  const weightedRest = () => {
    tProduct = t.reduce((x, y) => x * y, 1);
    for (let i = n - 1; i >= 0; i--) {
      let best = -Infinity;
      for (let x = 0; x < radices[i]!; x++) {
        if (!allowed[i]![x]) continue;
        let v = 0;
        for (let p = 0; p < k; p++) v += t[p]! * tables[p]![i]![x]!;
        if (v > best) best = v;
      }
      restT[i] = restT[i + 1]! + best;
    }
  };
  let tD = 0;
  if (warmStart && parties.every((p) => !p.redLines.some((line) => crossesRedLine(line, warmStart)))) {
    // Start from a good guess (the nominal Nash package): a high incumbent cuts far more branches.
    let prod = 1;
    let sum = 0;
    let rational = true;
    for (let p = 0; p < k; p++) {
      let u = 0;
      for (let i = 0; i < n; i++) u += tables[p]![i]![warmStart[i]!]!;
      if (u > 1) u = 1;
      if (u < d[p]!) rational = false;
      prod *= u - d[p]!;
      sum += u;
    }
    if (rational) {
      bestProduct = prod;
      bestSum = sum;
      bestIndex = warmStart.reduce((j, x, i) => j * radices[i]! + x, 0);
      const a = new Float64Array(k);
      for (let p = 0; p < k; p++) {
        let u = 0;
        for (let i = 0; i < n; i++) u += tables[p]![i]![warmStart[i]!]!;
        a[p] = Math.min(1, u) - d[p]!;
      }
      setWeights(a);
    } else setWeights(null);
  } else setWeights(null);
  weightedRest();
  for (let p = 0; p < k; p++) tD += t[p]! * d[p]!;
  // The AM–GM bound is compared with a relative margin, so rounding never cuts a true maximiser (or a tie).
  const amgm = (weighted: number): number => {
    const m = weighted - tD;
    return m <= 0 ? 0 : Math.pow(m / k, k) / tProduct;
  };
  // Each issue's allowed options, the most promising first (largest Σₚ tₚ·contribution): good
  // packages are met early, so the incumbent rises fast and cuts more. The order of the visit does
  // not decide the result: ties are broken by product, then sum, then outcome number, at the leaves.
  // (An insertion sort without closures: this runs once per robustness sample, mostly cold.)
  const tried = radices.map((r, i) => {
    const options: number[] = [];
    const scores: number[] = [];
    for (let x = 0; x < r; x++) {
      if (!allowed[i]![x]) continue;
      let score = 0;
      for (let p = 0; p < k; p++) score += t[p]! * tables[p]![i]![x]!;
      let at = options.length;
      options.push(x);
      scores.push(score);
      for (; at > 0 && scores[at - 1]! < score; at--) {
        options[at] = options[at - 1]!;
        scores[at] = scores[at - 1]!;
      }
      options[at] = x;
      scores[at] = score;
    }
    return Int32Array.from(options);
  });
  const visit = (i: number, j: number): void => {
    if (i === n) {
      let prod = 1;
      let sum = 0;
      for (let p = 0; p < k; p++) {
        let u = prefix[n * k + p]!;
        if (u > 1) u = 1;
        if (u < d[p]!) return;
        prod *= u - d[p]!;
        sum += u;
      }
      if (prod > bestProduct || (prod === bestProduct && (sum > bestSum || (sum === bestSum && j < bestIndex)))) {
        bestProduct = prod;
        bestSum = sum;
        bestIndex = j;
      }
      if (stopBeyond !== undefined && !(stopBeyond >= prod - NASH_TOLERANCE)) beyond = true;
      return;
    }
    const r = radices[i]!;
    const rules = rulesAt[i]!;
    const options = tried[i]!;
    outer: for (let o = 0; o < options.length; o++) {
      const x = options[o]!;
      idx[i] = x;
      for (const line of rules) if (line.kind === "require" && line.ifMask[idx[line.ifIssue]!] && !line.thenMask[idx[line.thenIssue]!]) continue outer;
      let bound = 1;
      let weighted = restT[i + 1]!;
      for (let p = 0; p < k; p++) {
        const s = prefix[i * k + p]! + tables[p]![i]![x]!;
        prefix[(i + 1) * k + p] = s;
        weighted += t[p]! * s;
        let top = s + rest[(i + 1) * k + p]!;
        if (top > 1) top = 1;
        // A small margin keeps rounding in the optimistic sums from cutting a true maximiser.
        if (top < d[p]! - 1e-12) continue outer;
        bound *= Math.max(0, top - d[p]!) + 1e-12;
      }
      if (bound < bestProduct) continue;
      if (bestProduct > 0 && amgm(weighted) * (1 + 1e-9) + 1e-12 < bestProduct) continue;
      visit(i + 1, j * r + x);
      if (beyond) return;
    }
  };
  visit(0, 0);
  return { index: bestIndex, product: bestProduct, beyond };
}

/**
 * Whether some rational outcome of a linear-additive scenario has a Nash product q beyond `threshold`,
 * !(threshold ≥ q − 1e-12): nashBranchAndBound stopped at the first such outcome (a stable Nash
 * package needs the whole proof, an unstable one usually a single descent). −Infinity: whether any
 * outcome is rational. The answer is the full search's: beyond exactly when its best product is.
 */
export function nashBeyond(sample: CompiledScenario, warmStart: Int32Array | null, threshold: number): boolean {
  return nashBranchAndBound(sample, warmStart, { stopBeyond: threshold }).beyond;
}
