import { chmod, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Scenario } from "@parley/core";
import type { ParseResult } from "../format-issue.js";
import { formatLimits, type FormatLimits } from "../limits.js";
import type { LintIssue } from "../native/lint-scenario-text.js";
import type { StringifyScenarioOptions } from "../native/stringify-scenario.js";
import { readTextFile } from "./read-text-file.js";

// The native format's modules (zod, yaml) are imported when a function below runs, not with this
// module: a program that imports "@parley/formats/node" to read GENIUS folders does not load them,
// and a bundler keeps them in a chunk of their own (packages/cli/scripts/bundle.mjs).
const parser = () => import("../native/parse-scenario.js");

/**
 * Read and parse a native scenario file (`.yaml`, `.yml` or `.json`). Never rejects: a file that
 * cannot be read is reported as a PARLEY_FMT_IO issue.
 */
export async function readScenarioFile(path: string, options: { readonly limits?: Partial<FormatLimits> } = {}): Promise<ParseResult<Scenario>> {
  const read = await readTextFile(path, formatLimits(options.limits));
  if (!read.ok) return { ok: false, issues: [read.issue] };
  const { parseScenario } = await parser();
  return parseScenario(read.text, { file: path, ...(options.limits ? { limits: options.limits } : {}) });
}

/** Read a native scenario file and check it against its modelling rules (lintScenarioText). Never rejects. */
export async function lintScenarioFile(path: string, options: { readonly limits?: Partial<FormatLimits> } = {}): Promise<ParseResult<LintIssue[]>> {
  const read = await readTextFile(path, formatLimits(options.limits));
  if (!read.ok) return { ok: false, issues: [read.issue] };
  const { lintScenarioText } = await import("../native/lint-scenario-text.js");
  return lintScenarioText(read.text, { file: path, ...(options.limits ? { limits: options.limits } : {}) });
}

/**
 * Write a scenario as a native file: JSON for a `.json` path, YAML otherwise. The text goes to a
 * temporary file beside `path` that is then renamed over it, so a failure never leaves the target
 * half-written. Rejects on IO errors.
 */
export async function writeScenarioFile(
  path: string,
  scenario: Scenario,
  options: Omit<StringifyScenarioOptions, "format"> = {},
): Promise<void> {
  const [{ stringifyScenario }, { scenarioFormatOf }] = await Promise.all([import("../native/stringify-scenario.js"), parser()]);
  const text = stringifyScenario(scenario, { ...options, format: scenarioFormatOf(path) });
  // node:crypto is loaded here, when a file is written: loading it costs every reading command 10–30 ms.
  const { randomBytes } = await import("node:crypto");
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, text, { encoding: "utf8", flag: "wx" });
    // Keep the permissions of the file being replaced.
    const mode = await stat(path).then((s) => s.mode & 0o7777, () => undefined);
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
