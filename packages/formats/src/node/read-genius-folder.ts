// Reading and writing GENIUS scenario folders on disk (Node only).
import { readdirSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { Scenario } from "@parley/core";
import type { FormatIssue, ParseResult } from "../format-issue.js";
import { formatLimits, type FormatLimits } from "../limits.js";
import { readTextFile, readTextFileSync } from "./read-text-file.js";
import { geniusFilesToScenario, type GeniusFile } from "../genius/genius-scenario.js";
import { scenarioToGenius, type GeniusFiles } from "../genius/genius-writer.js";

export interface ReadGeniusFolderOptions {
  /** Scenario id; defaults to the folder's name. */
  readonly id?: string;
  /** Scenario name; defaults to the id. */
  readonly name?: string;
  /** Grid intervals for real issues (default GENIUS_DEFAULT_REAL_INTERVALS). */
  readonly realIntervals?: number;
  /** Size limits (see FormatLimits); the defaults otherwise. */
  readonly limits?: Partial<FormatLimits>;
}

/**
 * Load a GENIUS folder (its `*.xml` files, not sub-folders) as one Scenario: see
 * geniusFilesToScenario. File problems become PARLEY_FMT_IO issues; never throws.
 */
export async function readGeniusFolder(dir: string, options: ReadGeniusFolderOptions = {}): Promise<ParseResult<Scenario>> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.filter((e) => e.isFile() && /\.xml$/i.test(e.name)).map((e) => e.name);
  } catch (error) {
    return { ok: false, issues: [ioIssue(dir, `cannot read the folder: ${describe(error)}`)] };
  }
  const limits = formatLimits(options.limits);
  const files: GeniusFile[] = [];
  const issues: FormatIssue[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const read = await readTextFile(path, limits);
    if (read.ok) files.push({ name, path, text: read.text });
    else issues.push(read.issue);
  }
  return issues.length > 0 ? { ok: false, issues } : toScenario(dir, files, options);
}

/** readGeniusFolder, synchronously (the CLI, scripts and benchmarks: a one-off command gains nothing from waiting on the thread pool). */
export function readGeniusFolderSync(dir: string, options: ReadGeniusFolderOptions = {}): ParseResult<Scenario> {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.xml$/i.test(e.name))
      .map((e) => e.name);
  } catch (error) {
    return { ok: false, issues: [ioIssue(dir, `cannot read the folder: ${describe(error)}`)] };
  }
  const limits = formatLimits(options.limits);
  const files: GeniusFile[] = [];
  const issues: FormatIssue[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const read = readTextFileSync(path, limits);
    if (read.ok) files.push({ name, path, text: read.text });
    else issues.push(read.issue);
  }
  return issues.length > 0 ? { ok: false, issues } : toScenario(dir, files, options);
}

function toScenario(dir: string, files: GeniusFile[], options: ReadGeniusFolderOptions): ParseResult<Scenario> {
  const result = geniusFilesToScenario(files, {
    id: options.id ?? basename(resolve(dir)),
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.realIntervals !== undefined ? { realIntervals: options.realIntervals } : {}),
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
  });
  // Problems of the folder as a whole (no domain file, no profile) are the folder's.
  const located = (issues: readonly FormatIssue[]) => issues.map((i) => (i.file === undefined ? { ...i, file: dir } : i));
  return result.ok ? { ...result, warnings: located(result.warnings) } : { ok: false, issues: located(result.issues) };
}

/**
 * Write a scenario as a GENIUS folder (created if needed): the domain file and one profile per
 * party with preferences (see scenarioToGenius). Returns the files written, or the reasons the
 * scenario cannot be written; IO failures are PARLEY_FMT_IO issues. Never throws.
 */
export async function writeGeniusFolder(dir: string, scenario: Scenario): Promise<ParseResult<GeniusFiles>> {
  const result = scenarioToGenius(scenario);
  if (!result.ok) return result;
  const { domain, profiles } = result.value;
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    return { ok: false, issues: [ioIssue(dir, `cannot create the folder: ${describe(error)}`)] };
  }
  const issues: FormatIssue[] = [];
  for (const file of [domain, ...profiles]) {
    const path = join(dir, file.name);
    try {
      await writeFile(path, file.text, "utf8");
    } catch (error) {
      issues.push(ioIssue(path, `cannot write the file: ${describe(error)}`));
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return result;
}

function ioIssue(file: string, message: string): FormatIssue {
  return { code: "PARLEY_FMT_IO", file, path: [], message, severity: "error" };
}

function describe(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && "message" in error) return String(error.message);
  return error instanceof Error ? error.message : String(error);
}
