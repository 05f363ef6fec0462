import path from "node:path";
import type { FormatIssue } from "@parley/formats";
import { writeGeniusFolder, writeScenarioFile } from "@parley/formats/node";
import type { CliIo } from "../io.js";
import { loadScenario } from "../load-scenario.js";
import { ExitCode } from "../exit-codes.js";
import { formatIssues } from "../format-issues.js";
import { UserError } from "../user-error.js";

/** Native file or GENIUS folder in; native file (.yaml/.yml/.json) or GENIUS folder out. */
export async function convertCommand(input: string, output: string, io: CliIo): Promise<void> {
  const loaded = await loadScenario(input, io.cwd);
  if (loaded.warnings.length) io.stderr(formatIssues(loaded.warnings));
  const target = path.resolve(io.cwd, output);
  const ext = path.extname(target).toLowerCase();
  if ([".yaml", ".yml", ".json"].includes(ext)) {
    await writeScenarioFile(target, loaded.scenario);
    io.stdout(`wrote ${output}\n`);
    return;
  }
  if (ext !== "") throw new UserError(`${output}: write a .yaml, .yml or .json file, or a folder (GENIUS XML)`, ExitCode.usage);
  const result = await writeGeniusFolder(target, loaded.scenario);
  // The writer's problems are about the scenario, not a file: name the input they come from.
  const named = (issues: readonly FormatIssue[]) => issues.map((i) => (i.file === undefined ? { ...i, file: input } : i));
  if (!result.ok) throw new UserError(`${input}: cannot be written as GENIUS XML`, ExitCode.usage, named(result.issues));
  if (result.warnings.length) io.stderr(formatIssues(named(result.warnings)));
  io.stdout(`wrote GENIUS folder ${output}: ${[result.value.domain, ...result.value.profiles].map((f) => f.name).join(", ")}\n`);
}
