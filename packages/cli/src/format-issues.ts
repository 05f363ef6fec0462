import { defaultFormatLimits, formatIssueText, type FormatIssue } from "@parley/formats/node";

/** Compiler-style listing of file problems, errors first, with a count line; at most `max` listed, the rest counted. */
export function formatIssues(issues: readonly FormatIssue[], max = defaultFormatLimits.problems): string {
  const sorted = [...issues].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0),
  );
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const lines = sorted.slice(0, max).map(formatIssueText);
  if (sorted.length > max) lines.push(`… ${sorted.length - max} more not shown (set PARLEY_MAX_PROBLEMS to list more)`);
  lines.push(`${errors} error${errors === 1 ? "" : "s"}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}`);
  return lines.join("\n") + "\n";
}
