import { randomBytes } from "node:crypto";
import { chmod, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Scenario } from "@parley/core";
import type { ParseResult } from "../format-issue.js";
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
export async function readScenarioFile(path: string): Promise<ParseResult<Scenario>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    return {
      ok: false,
      issues: [{ code: "PARLEY_FMT_IO", file: path, path: [], message: ioMessage(error, "read", path), severity: "error" }],
    };
  }
  // A UTF-8 byte-order mark is not part of the document.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseScenario(text, { file: path });
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
