// `parley report [SCENARIO] --out FILE`: the briefing (core renderBriefing) written as one
// self-contained HTML file. The HTML is built in full first, then the file is replaced in one step:
// an existing report is overwritten (that is what re-running a report is for), never left half-written.
import { stat } from "node:fs/promises";
import path from "node:path";
import { renderBriefing } from "@parley/core";
import { ExitCode } from "../exit-codes.js";
import { formatIssues } from "../format-issues.js";
import type { CliIo } from "../io.js";
import { loadScenario } from "../load-scenario.js";
import { UserError } from "../user-error.js";
import { PARLEY_VERSION } from "../version.js";
import { writeFileAtomic } from "../write-atomic.js";

export interface ReportFlags {
  readonly out: string;
  readonly framework?: string;
  readonly asOf?: string;
  readonly reading?: readonly string[];
  readonly pair?: readonly string[];
  /** The date the briefing says it was generated on (default: today, UTC). */
  readonly date?: string;
}

export async function reportCommand(scenarioArg: string | undefined, flags: ReportFlags, io: CliIo, today: () => Date = () => new Date()): Promise<void> {
  const out = path.resolve(io.cwd, flags.out);
  await checkTarget(out, flags.out);
  if (flags.pair !== undefined && flags.pair.length !== 2)
    throw new UserError(`--pair takes two party ids separated by a comma (got ${flags.pair.length === 0 ? "none" : flags.pair.join(", ")})`, ExitCode.usage);
  const loaded = await loadScenario(scenarioArg, io.cwd);
  if (loaded.warnings.length) io.stderr(formatIssues(loaded.warnings));
  const html = renderBriefing(loaded.scenario, {
    generated: { version: PARLEY_VERSION, date: flags.date ?? today().toISOString().slice(0, 10) },
    ...(flags.framework !== undefined ? { framework: flags.framework } : {}),
    ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
    ...(flags.reading !== undefined ? { readings: flags.reading } : {}),
    ...(flags.pair !== undefined ? { plot: { pair: [flags.pair[0]!, flags.pair[1]!] as const } } : {}),
  });
  try {
    await writeFileAtomic(out, html);
  } catch (error) {
    throw new UserError(`${flags.out}: cannot write the briefing (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, ExitCode.usage);
  }
  io.stdout(`${flags.out}: briefing written (${Math.ceil(Buffer.byteLength(html) / 1024)} KiB)\n`);
}

/** Fail before the analysis runs when the output cannot be a file: its folder is missing, or it is a folder. */
async function checkTarget(out: string, given: string): Promise<void> {
  const folder = await stat(path.dirname(out)).catch(() => null);
  if (!folder?.isDirectory()) throw new UserError(`${given}: the folder ${path.dirname(given) || "."} does not exist`, ExitCode.usage);
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory()) throw new UserError(`${given} is a folder: give --out a file name, e.g. ${path.join(given, "briefing.html")}`, ExitCode.usage);
}
