// The analyses the workbench runs in the browser, on @parley/core: every outcome's utilities for the
// outcome-space plot, and a full analysis (the `analyze --json` shape) for what-if weights — with
// @parley/solve (HiGHS in WebAssembly, loaded only then) for non-linear spaces too large to
// enumerate. analysis.worker.ts runs them off the main thread; the page runs them inline only when
// no worker can be started.
import {
  analysisDefaults,
  analysisReportJson,
  analyzeScenario,
  compileScenario,
  createRng,
  outcomeUtilities,
  sampleOutcomes,
  type AnalysisReport,
  type CompiledScenario,
  type Scenario,
} from "@parley/core";
import type { AnalysisJson } from "../api/types.js";

/** Spaces up to this size are enumerated exactly for the plot; larger ones are sampled. */
export const PLOT_ENUMERATION_LIMIT = analysisDefaults.plotEnumerationLimit;
/** Outcomes drawn when the space is sampled. */
export const PLOT_SAMPLE_SIZE = analysisDefaults.plotSampleSize;

export interface SpaceRequest {
  /** Identifies the scenario's content (e.g. id@version + what-if weights): results are cached by it. */
  readonly key: string;
  readonly scenario: Scenario;
  /** Party ids whose utility columns are wanted, in this order. */
  readonly parties: readonly string[];
  readonly seed?: number;
}

export interface SpaceResult {
  readonly key: string;
  readonly parties: readonly string[];
  /** Outcomes in the space. */
  readonly size: number;
  /** Outcomes returned (all of them, or the sample). */
  readonly count: number;
  readonly sampled: boolean;
  /** One column per requested party: utilities in [0, 1]. */
  readonly columns: readonly Float32Array[];
  /** 1 for rational outcomes (reservation values met, no red line crossed). */
  readonly rational: Uint8Array;
  readonly rationalCount: number;
  /** Time spent computing (ms). */
  readonly ms: number;
}

interface CachedSpace {
  readonly compiled: CompiledScenario;
  readonly size: number;
  readonly sampled: boolean;
  readonly columns: readonly Float32Array[];
  readonly rational: Uint8Array;
  readonly rationalCount: number;
}

/** Keeps the last few enumerated spaces, so switching axes does not recompute them. */
export class SpaceCache {
  private readonly entries = new Map<string, CachedSpace>();
  constructor(private readonly capacity = 2) {}
  get(key: string): CachedSpace | undefined {
    const e = this.entries.get(key);
    if (e) {
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }
  set(key: string, value: CachedSpace): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

function computeSpace(scenario: Scenario, seed: number): CachedSpace {
  const compiled = compileScenario(scenario);
  if (compiled.size <= PLOT_ENUMERATION_LIMIT) {
    const all = outcomeUtilities(compiled, { limit: PLOT_ENUMERATION_LIMIT });
    // Kept as float32: half the memory, and what the plot needs.
    const columns = all.utilities.map((c) => Float32Array.from(c));
    return { compiled, size: all.size, sampled: false, columns, rational: all.rational, rationalCount: all.rationalCount };
  }
  // Too many outcomes to draw them all: the core's uniform, seeded sample (the server draws the same points).
  const sample = sampleOutcomes(compiled, PLOT_SAMPLE_SIZE, createRng(seed));
  const columns = sample.columns.map((c) => Float32Array.from(c));
  const { rational, rationalCount } = sample;
  return { compiled, size: compiled.size, sampled: true, columns, rational, rationalCount };
}

/** The utilities of every outcome (or of a sample) for the requested parties. */
export function outcomeSpace(request: SpaceRequest, cache: SpaceCache = new SpaceCache()): SpaceResult {
  const t0 = performance.now();
  let space = cache.get(request.key);
  if (!space) {
    space = computeSpace(request.scenario, request.seed ?? 1);
    cache.set(request.key, space);
  }
  const ids = space.compiled.parties.map((p) => p.party.id);
  const columns = request.parties.map((id) => {
    const p = ids.indexOf(id);
    if (p < 0) throw new Error(`party "${id}" has no preferences in this scenario; parties: ${ids.join(", ")}`);
    return space.columns[p]!.slice();
  });
  return {
    key: request.key,
    parties: [...request.parties],
    size: space.size,
    count: space.rational.length,
    sampled: space.sampled,
    columns,
    rational: space.rational.slice(),
    rationalCount: space.rationalCount,
    ms: performance.now() - t0,
  };
}

/** The `parley analyze --json` object of a core AnalysisReport (the shape GET …/analysis returns). */
export function analysisJsonOf(report: AnalysisReport): AnalysisJson {
  return analysisReportJson(report) as AnalysisJson;
}

/** The solver's analysis (@parley/solve's analyzeBySolver, as analyze --json prints it, `solver` included). */
export type SolveInBrowser = (scenario: Scenario, timeLimit: number) => Promise<AnalysisReport & { readonly solver: NonNullable<AnalysisJson["solver"]> }>;

export interface BrowserAnalysisOptions {
  readonly seed?: number;
  /** Spaces up to this many outcomes are enumerated (default PLOT_ENUMERATION_LIMIT). */
  readonly enumerationLimit?: number;
  /** Loads the solver on demand; without it, non-linear spaces too large to enumerate are sampled. */
  readonly solver?: () => Promise<SolveInBrowser>;
  /** Seconds the solver may take before it answers with its proven gap (default SOLVER_TIME_LIMIT). */
  readonly timeLimit?: number;
}

/** The solver's time limit in the browser: a hard space answers within it, `exact: false` with its gap. */
export const SOLVER_TIME_LIMIT = 20;

/**
 * Analyse a scenario in the browser: exact when it can be (enumeration or merge; the solver for
 * non-linear spaces too large to enumerate, exact or with a proven gap under its time limit), else
 * sampled.
 */
export async function analyzeInBrowser(scenario: Scenario, options: BrowserAnalysisOptions = {}): Promise<AnalysisJson> {
  const analysisOptions = { enumerationLimit: options.enumerationLimit ?? PLOT_ENUMERATION_LIMIT, maxFrontier: 50_000 };
  try {
    return analysisJsonOf(analyzeScenario(scenario, analysisOptions));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "PARLEY_ERR_SPACE_TOO_LARGE" && code !== "PARLEY_ERR_FRONTIER_TOO_LARGE") throw error;
    if (code === "PARLEY_ERR_SPACE_TOO_LARGE" && options.solver) {
      const solve = await options.solver();
      const report = await solve(scenario, options.timeLimit ?? SOLVER_TIME_LIMIT);
      return { ...analysisJsonOf(report), solver: report.solver };
    }
    return analysisJsonOf(
      analyzeScenario(scenario, { ...analysisOptions, method: "sample", sampleSize: PLOT_SAMPLE_SIZE, rng: createRng(options.seed ?? 1) }),
    );
  }
}
