import { lintScenario, type LintRuleId, type LintTarget, type ProvenanceTarget, type Scenario } from "@parley/core";
import type { ParseResult } from "../format-issue.js";
import { parseScenario, type ParseScenarioOptions } from "./parse-scenario.js";
import type { Path } from "./problems.js";
import { scenarioLocator } from "./scenario-locator.js";

/** A `parley lint` finding placed in the file: rule, severity, file, line, column, path and how to fix it. */
export interface LintIssue {
  readonly rule: LintRuleId;
  readonly severity: "error" | "warning";
  readonly file?: string;
  readonly line: number;
  readonly column: number;
  /** Where in the file, e.g. ["parties", 1, "preferences", "redLines", 2]. */
  readonly path: Path;
  readonly message: string;
}

/**
 * Parse a native scenario file and check it against its modelling rules (core lintScenario): the
 * findings in file order, each placed at its line and column — or, when the file does not parse,
 * its problems (as parseScenario). Never throws on bad input.
 */
export function lintScenarioText(text: string, options: ParseScenarioOptions = {}): ParseResult<LintIssue[]> {
  const parsed = parseScenario(text, options);
  if (!parsed.ok) return parsed;
  const where = scenarioLocator(text);
  const findings = lintScenario(parsed.value).map((f): LintIssue => {
    const { path, at } = lintTargetPath(parsed.value, f.target);
    return {
      rule: f.rule,
      severity: f.severity,
      ...(options.file !== undefined && { file: options.file }),
      ...where(path, at),
      path,
      message: f.message,
    };
  });
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: true, value: findings, warnings: parsed.warnings };
}

/** Where a lint target is in a native scenario file (the file keeps the model's lists in order). */
export function lintTargetPath(scenario: Scenario, target: LintTarget): { path: Path; at: "key" | "value" } {
  if (target.kind === "issue") return { path: ["issues", scenario.issues.findIndex((i) => i.id === target.issue)], at: "value" };
  if (target.kind === "exception") return { path: [...provenancePath(scenario, target.at), "exceptions", target.rule], at: "key" };
  const party = ["parties", scenario.parties.findIndex((p) => p.id === target.party), "preferences"];
  if (target.kind === "red-line") return { path: [...party, "redLines", target.index], at: "value" };
  return { path: [...party, "values", target.issue], at: "key" };
}

function provenancePath(scenario: Scenario, at: ProvenanceTarget): Path {
  const party = ["parties", scenario.parties.findIndex((p) => p.id === at.party), "preferences"];
  switch (at.kind) {
    case "red-line":
      return [...party, "redLines", at.index, "provenance"];
    case "ordering":
      return [...party, "provenance", "values", at.issue];
    case "weight":
      return [...party, "provenance", "weights", at.issue];
    case "reservation":
      return [...party, "provenance", "reservation"];
  }
}
