import type { FormatIssueCode } from "../format-issue.js";

export type Path = readonly (string | number)[];

/** A problem before it is placed in the file: `at: "key"` points at the key of the last path element. */
export interface Problem {
  readonly code: FormatIssueCode;
  readonly path: Path;
  readonly message: string;
  readonly severity: "error" | "warning";
  readonly at: "key" | "value";
}

/** Collects every problem found while reading a file. */
export class Problems {
  readonly list: Problem[] = [];

  error(code: FormatIssueCode, path: Path, message: string, at: "key" | "value" = "value"): void {
    this.list.push({ code, path, message, severity: "error", at });
  }

  warn(code: FormatIssueCode, path: Path, message: string, at: "key" | "value" = "value"): void {
    this.list.push({ code, path, message, severity: "warning", at });
  }

  get errorCount(): number {
    return this.list.filter((p) => p.severity === "error").length;
  }
}
