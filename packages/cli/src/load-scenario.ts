import { stat } from "node:fs/promises";
import path from "node:path";
import type { Scenario } from "@parley/core";
import { formatLimitsFromEnv, parseScenario, type FormatIssue, type FormatLimits, type ParseResult } from "@parley/formats";
import { readBuiltinScenarioText, readGeniusFolder, readScenarioFile } from "@parley/formats/node";
import { ExitCode } from "./exit-codes.js";
import { UserError } from "./user-error.js";

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** Where it came from, for messages: a path, or "built-in". */
  readonly source: string;
  readonly kind: "native" | "genius" | "builtin";
  readonly warnings: readonly FormatIssue[];
}

export const BUILTIN_SOURCE = "built-in";

/**
 * Load a scenario: a native YAML/JSON file, a GENIUS folder, or (no argument) the built-in scenario.
 * Problems become a UserError carrying every FormatIssue.
 */
export async function loadScenario(arg: string | undefined, cwd: string): Promise<LoadedScenario> {
  if (arg === undefined) {
    const result = parseScenario(readBuiltinScenarioText(), { file: "built-in scenario" });
    return unwrap(result, BUILTIN_SOURCE, "builtin");
  }
  const full = path.resolve(cwd, arg);
  let isDir: boolean;
  try {
    isDir = (await stat(full)).isDirectory();
  } catch {
    throw new UserError(`${arg}: no such file or folder`, ExitCode.usage);
  }
  const limits = limitsFromEnvironment();
  if (isDir) return unwrap(await readGeniusFolder(full, { limits }), arg, "genius");
  return unwrap(await readScenarioFile(full, { limits }), arg, "native");
}

/** The size limits the environment raises (PARLEY_MAX_*); a value that is not a whole number is a usage error. */
export function limitsFromEnvironment(): Partial<FormatLimits> {
  const { limits, problems } = formatLimitsFromEnv(process.env);
  if (problems.length) throw new UserError(problems.join("; "), ExitCode.usage);
  return limits;
}

function unwrap(result: ParseResult<Scenario>, source: string, kind: LoadedScenario["kind"]): LoadedScenario {
  if (!result.ok) throw new UserError(`${source}: the scenario could not be loaded`, ExitCode.usage, result.issues);
  return { scenario: result.value, source, kind, warnings: result.warnings };
}
