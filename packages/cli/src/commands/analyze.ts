import { analysisReportJson, analyzeScenario, compileScenario, createRng, type AnalysisOptions } from "@parley/core";
import type { CliIo } from "../io.js";
import { loadFields, loadNotes, loadScenario } from "../load-scenario.js";
import { createProgress } from "../progress.js";
import { reportText } from "../render/report-text.js";
import { formatIssues } from "../format-issues.js";

export interface AnalyzeFlags {
  readonly framework?: string;
  readonly json?: boolean;
  readonly method: "auto" | "enumerate" | "merge" | "sample";
  readonly limit: number;
  readonly maxFrontier: number;
  readonly samples: number;
  readonly seed: number;
  readonly top: number;
  readonly progress: boolean;
  readonly asOf?: string;
  readonly reading?: readonly string[];
}

export async function analyzeCommand(scenarioArg: string | undefined, flags: AnalyzeFlags, io: CliIo): Promise<void> {
  const loaded = await loadScenario(scenarioArg, io.cwd, { asOf: flags.asOf, readings: flags.reading });
  if (loaded.warnings.length) io.stderr(formatIssues(loaded.warnings));
  io.stderr(loadNotes(loaded));
  const compiled = compileScenario(loaded.scenario);
  const progress = createProgress(io, { enabled: flags.progress && compiled.size > 200_000 });
  const options: AnalysisOptions = {
    method: flags.method,
    enumerationLimit: flags.limit,
    maxFrontier: flags.maxFrontier,
    sampleSize: flags.samples,
    rng: createRng(flags.seed),
    ...(flags.framework !== undefined ? { framework: flags.framework } : {}),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
  };
  let report;
  try {
    report = analyzeScenario(compiled, options);
  } finally {
    progress.stop();
  }
  if (flags.json) io.stdout(JSON.stringify({ ...analysisReportJson(report), ...loadFields(loaded) }, null, 2) + "\n");
  else io.stdout(reportText(report, { color: io.stdoutIsTty, top: flags.top, ...(io.columns !== undefined ? { width: io.columns } : {}) }));
}
