import { randomBytes } from "node:crypto";
import { chmod, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Scenario } from "@parley/core";
import { decodeText } from "../decode-text.js";
import type { FormatIssue, ParseResult } from "../format-issue.js";
import { formatLimits, limitHint, type FormatLimits } from "../limits.js";
import { lintScenarioText, type LintIssue } from "../native/lint-scenario-text.js";
import { parseScenario, scenarioFormatOf } from "../native/parse-scenario.js";
import { stringifyScenario, type StringifyScenarioOptions } from "../native/stringify-scenario.js";

function ioMessage(error: unknown, action: string, path: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return `Cannot ${action} ${path}: no such file. Check the path.`;
    case "EISDIR":
      return `Cannot ${action} ${path}: it is a folder, not a file.`;
    case "EACCES":
    case "EPERM":
      return `Cannot ${action} ${path}: permission denied.`;
    default:
      return `Cannot ${action} ${path}: ${error instanceof Error ? error.message : String(error)}.`;
  }
}

/**
 * Read and parse a native scenario file (`.yaml`, `.yml` or `.json`). Never rejects: a file that
 * cannot be read is reported as a PARLEY_FMT_IO issue.
 */
export async function readScenarioFile(path: string, options: { readonly limits?: Partial<FormatLimits> } = {}): Promise<ParseResult<Scenario>> {
  const read = await readTextFile(path, formatLimits(options.limits));
  if (!read.ok) return { ok: false, issues: [read.issue] };
  return parseScenario(read.text, { file: path, ...(options.limits ? { limits: options.limits } : {}) });
}

/** Read a native scenario file and check it against its modelling rules (lintScenarioText). Never rejects. */
export async function lintScenarioFile(path: string, options: { readonly limits?: Partial<FormatLimits> } = {}): Promise<ParseResult<LintIssue[]>> {
  const read = await readTextFile(path, formatLimits(options.limits));
  if (!read.ok) return { ok: false, issues: [read.issue] };
  return lintScenarioText(read.text, { file: path, ...(options.limits ? { limits: options.limits } : {}) });
}

/** A file past the byte limit, refused before it is read. */
export function tooLargeIssue(path: string, size: number, limits: FormatLimits): FormatIssue {
  return { code: "PARLEY_FMT_LIMIT", file: path, path: [], message: `the file has ${size.toLocaleString("en")} bytes; ${limitHint("fileBytes", limits)}`, severity: "error" };
}

/**
 * A text file's content, checked before it is read whole: at most `limits.fileBytes` bytes, UTF-8
 * (a byte-order mark dropped). Never rejects: problems come back as one FormatIssue.
 */
export async function readTextFile(path: string, limits: FormatLimits): Promise<{ ok: true; text: string } | { ok: false; issue: FormatIssue }> {
  const io = (message: string): { ok: false; issue: FormatIssue } => ({ ok: false, issue: { code: "PARLEY_FMT_IO", file: path, path: [], message, severity: "error" } });
  try {
    const info = await stat(path);
    if (info.isDirectory()) return io(ioMessage({ code: "EISDIR" }, "read", path));
    if (info.size > limits.fileBytes) return { ok: false, issue: tooLargeIssue(path, info.size, limits) };
    // decodeText drops a UTF-8 byte-order mark.
    return decodeText(await readFile(path), path);
  } catch (error) {
    return io(ioMessage(error, "read", path));
  }
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
  const text = stringifyScenario(scenario, { ...options, format: scenarioFormatOf(path) });
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
