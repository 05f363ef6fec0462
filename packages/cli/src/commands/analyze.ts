import {
  analysisReportJson,
  analyzeScenario,
  compileScenario,
  createRng,
  isParleyError,
  robustness,
  type AnalysisOptions,
  type AnalysisReport,
  type CompiledScenario,
} from "@parley/core";
import { readingsSampling } from "./framework.js";
import type { LoadedScenario, ScenarioOptions } from "../load-scenario.js";
import type { CliIo } from "../io.js";
import { loadFields, loadNotes, loadScenario } from "../load-scenario.js";
import { createProgress } from "../progress.js";
import { reportText } from "../render/report-text.js";
import { formatIssues } from "../format-issues.js";

export interface AnalyzeFlags {
  readonly framework?: string;
  readonly json?: boolean;
  readonly method: "auto" | "enumerate" | "merge" | "sample" | "solve";
  /** Seconds: the solve method's anytime frontier. */
  readonly timeLimit?: number;
  readonly limit: number;
  readonly maxFrontier: number;
  readonly samples: number;
  readonly seed: number;
  readonly top: number;
  readonly progress: boolean;
  readonly asOf?: string;
  readonly reading?: readonly string[];
  /** false with --no-survival. */
  readonly survival: boolean;
  readonly survivalSamples: number;
}

/** How often the nominal Nash package survives when the weights, reservation values and readings vary (`nashSurvival` in the JSON). */
export interface NashSurvival {
  readonly samples: number;
  readonly seed: number;
  /** ± relative range of every weight, ± absolute range of every reservation value. */
  readonly range: number;
  readonly reservationRange: number;
  /** The readings drawn on or off in each sample (1 in 2). */
  readonly readings: readonly string[];
  /** The share of samples in which the nominal Nash package is still a Nash package of the sample (null: no nominal Nash package). */
  readonly stable: number | null;
  /** The share of samples in which a deal is possible. */
  readonly dealPossible: number;
}

/** The survival sampling analyze runs: robustness's, without frameworks (null when the space is too large for it). */
function nashSurvival(
  compiled: CompiledScenario,
  loaded: LoadedScenario,
  options: ScenarioOptions,
  flags: AnalyzeFlags,
  report: AnalysisReport,
): { survival: NashSurvival | null; note?: string } {
  const range = 0.25;
  const reservationRange = 0.05;
  try {
    const r = robustness(compiled, {
      samples: flags.survivalSamples,
      rng: createRng(flags.seed),
      frameworks: [],
      range,
      reservationRange,
      readings: readingsSampling(loaded.nominal, options),
      // The analysis just made is the nominal one: its Nash package, when exact, is robustness's.
      ...(report.exact ? { nominalNash: report.nash[0] ?? null } : {}),
      // Only the two shares below are reported: each sample stops at the first package beating the nominal one.
      nashOutcomes: false,
    });
    return {
      survival: {
        samples: r.samples,
        seed: flags.seed,
        range,
        reservationRange,
        readings: r.readings.map((x) => x.reading),
        stable: r.nash.stable,
        dealPossible: r.deal.possible,
      },
    };
  } catch (e) {
    if (isParleyError(e) && (e.code === "PARLEY_ERR_SPACE_TOO_LARGE" || e.code === "PARLEY_ERR_FRONTIER_TOO_LARGE")) return { survival: null, note: e.message };
    throw e;
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function survivalText(s: NashSurvival): string {
  const varied = `weights ±${(100 * s.range).toFixed(0)}%, reservation values ±${s.reservationRange}${s.readings.length ? `, ${s.readings.length} readings on or off` : ""}; seed ${s.seed}`;
  const head = s.stable === null ? "no nominal Nash package" : `the nominal Nash package is still the Nash package in ${pct(s.stable)} of ${s.samples} samples`;
  return `\nRobustness: ${head} (${varied}); a deal is possible in ${pct(s.dealPossible)} of them. parley robustness gives the details.\n`;
}

/** The exact frontier by mixed-integer programming (@parley/solve, loaded only when needed). */
async function solve(compiled: CompiledScenario, flags: AnalyzeFlags) {
  const { analyzeBySolver } = await import("@parley/solve");
  return analyzeBySolver(compiled, {
    ...(flags.timeLimit !== undefined ? { timeLimit: flags.timeLimit } : {}),
    ...(flags.framework !== undefined ? { framework: flags.framework } : {}),
  });
}

export async function analyzeCommand(scenarioArg: string | undefined, flags: AnalyzeFlags, io: CliIo): Promise<void> {
  const scenarioOptions: ScenarioOptions = { asOf: flags.asOf, readings: flags.reading };
  const loaded = await loadScenario(scenarioArg, io.cwd, scenarioOptions);
  if (loaded.warnings.length) io.stderr(formatIssues(loaded.warnings));
  io.stderr(loadNotes(loaded));
  const compiled = compileScenario(loaded.scenario);
  const progress = await createProgress(io, { enabled: flags.progress && compiled.size > 200_000 });
  const options: AnalysisOptions = {
    method: flags.method,
    enumerationLimit: flags.limit,
    maxFrontier: flags.maxFrontier,
    sampleSize: flags.samples,
    rng: createRng(flags.seed),
    ...(flags.framework !== undefined ? { framework: flags.framework } : {}),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
  };
  let report: AnalysisReport & { readonly solver?: unknown };
  try {
    report = flags.method === "solve" ? await solve(compiled, flags) : analyzeScenario(compiled, options);
  } catch (e) {
    // auto: a space too large to enumerate whose preferences are not all linear-additive goes to the solver.
    if (!(flags.method === "auto" && isParleyError(e) && e.code === "PARLEY_ERR_SPACE_TOO_LARGE")) throw e;
    progress.stop();
    report = await solve(compiled, flags);
  } finally {
    progress.stop();
  }
  if (flags.timeLimit !== undefined && report.method !== "solve")
    io.stderr(`parley: --time-limit applies to the solve method; the ${report.method} path ignores it\n`);
  const survival = flags.survival ? nashSurvival(compiled, loaded, scenarioOptions, flags, report) : { survival: null };
  if (survival.note) io.stderr(`parley: the Nash package's robustness is not computed: ${survival.note}\n`);
  const solver = report.solver !== undefined ? { solver: report.solver } : {};
  if (flags.json) io.stdout(JSON.stringify({ ...analysisReportJson(report), ...solver, ...loadFields(loaded), nashSurvival: survival.survival }, null, 2) + "\n");
  else io.stdout(reportText(report, { color: io.stdoutIsTty, top: flags.top, ...(io.columns !== undefined ? { width: io.columns } : {}) }) + (survival.survival ? survivalText(survival.survival) : ""));
}
