// `parley lint`: check a native scenario file against its own modelling rules (core lintScenario,
// placed in the file by @parley/formats). Its options are defined in cli.ts; this module loads when it runs.
import { stat } from "node:fs/promises";
import path from "node:path";
import { formatIssuePath, formatIssueText, type LintIssue, type ParseResult } from "@parley/formats";
import { builtinScenarioPath, lintScenarioFile } from "@parley/formats/node";
import { ExitCode } from "../exit-codes.js";
import { formatIssues } from "../format-issues.js";
import type { CliIo } from "../io.js";
import { limitsFromEnvironment } from "../load-scenario.js";
import { UserError } from "../user-error.js";

export interface LintFlags {
  readonly json?: boolean;
}

export async function lintCommand(scenarioArg: string | undefined, flags: LintFlags, io: CliIo): Promise<void> {
  const file = scenarioArg ?? path.relative(io.cwd, builtinScenarioPath);
  const full = scenarioArg === undefined ? builtinScenarioPath : path.resolve(io.cwd, scenarioArg);
  const isDir = await stat(full).then(
    (s) => s.isDirectory(),
    () => {
      throw new UserError(`${file}: no such file`, ExitCode.usage);
    },
  );
  if (isDir) throw new UserError(`${file}: lint checks a native .yaml/.json scenario file, not a folder`, ExitCode.usage);
  const result: ParseResult<LintIssue[]> = await lintScenarioFile(full, { limits: limitsFromEnvironment() });
  if (!result.ok) throw new UserError(`${file}: the scenario could not be loaded`, ExitCode.usage, result.issues.map((i) => ({ ...i, file })));
  if (result.warnings.length) io.stderr(formatIssues(result.warnings.map((i) => ({ ...i, file }))));
  const findings = result.value.map((f) => ({ ...f, file }));
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (flags.json) {
    const json = findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, column: f.column, path: formatIssuePath(f.path), message: f.message }));
    io.stdout(JSON.stringify({ file, errors, warnings, findings: json }, null, 2) + "\n");
  } else if (findings.length === 0) io.stdout(`${file}: no findings\n`);
  else io.stdout(findings.map((f) => formatIssueText({ ...f, code: f.rule })).join("\n") + "\n");
  if (findings.length > 0)
    throw new UserError(
      `${file}: ${errors} error${errors === 1 ? "" : "s"}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""} (docs/scenario-format.md, "Checking the modelling rules")`,
      ExitCode.findings,
    );
}
