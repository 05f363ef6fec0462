import { formatIssueText, type FormatIssue } from "@parley/formats";

/** Compiler-style listing of file problems, errors first, with a count line. */
export function formatIssues(issues: readonly FormatIssue[]): string {
  const sorted = [...issues].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0),
  );
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const lines = sorted.map(formatIssueText);
  lines.push(`${errors} error${errors === 1 ? "" : "s"}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}`);
  return lines.join("\n") + "\n";
}
