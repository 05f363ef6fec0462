/**
 * A problem found in a user's file. Parsers collect *every* problem instead of stopping at the
 * first, and never throw for bad input.
 */
export interface FormatIssue {
  /** Stable code, `PARLEY_FMT_<WHAT>`; documented in docs/errors.md. */
  readonly code: FormatIssueCode;
  /** The file the problem is in, as given by the caller (e.g. a path), when known. */
  readonly file?: string;
  /** 1-based line and column, when known. */
  readonly line?: number;
  readonly column?: number;
  /** Where in the document: field names and array indices, e.g. ["parties", 2, "preferences", "reservation"]. */
  readonly path: readonly (string | number)[];
  /** What is wrong and what to do about it, in one or two sentences. */
  readonly message: string;
  /** "error" blocks loading; "warning" is reported but the scenario still loads. */
  readonly severity: "error" | "warning";
}

export const formatIssueCodes = [
  "PARLEY_FMT_SYNTAX", // the text is not valid YAML / JSON / XML
  "PARLEY_FMT_SCHEMA", // a field is missing, has the wrong type or an unknown name
  "PARLEY_FMT_REFERENCE", // a reference to an issue, party, option, framework, … that does not exist
  "PARLEY_FMT_DUPLICATE", // two things share an id
  "PARLEY_FMT_VALUE", // a value out of range or inconsistent (e.g. min > max, negative weight)
  "PARLEY_FMT_GENIUS", // a GENIUS XML construct that is malformed or not supported
  "PARLEY_FMT_FOLDER", // a scenario folder without exactly one domain file or without profiles
  "PARLEY_FMT_IO", // a file or folder that cannot be read
  "PARLEY_FMT_LIMIT", // a file that asks for more than a size limit allows (values, issues, depth, bytes, …)
] as const;

export type FormatIssueCode = (typeof formatIssueCodes)[number];

/** The result of parsing user input: the value, or every problem found. Warnings may accompany a value. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly FormatIssue[] }
  | { readonly ok: false; readonly issues: readonly FormatIssue[] };

/** Format one issue like a compiler: `file:line:column: error CODE at path: message` (lint findings pass their rule id as `code`). */
export function formatIssueText(issue: Pick<FormatIssue, "file" | "line" | "column" | "path" | "message" | "severity"> & { readonly code: string }): string {
  const where = [issue.file ?? "<input>", issue.line, issue.line !== undefined ? issue.column : undefined]
    .filter((x) => x !== undefined)
    .join(":");
  const path = issue.path.length > 0 ? ` at ${formatIssuePath(issue.path)}` : "";
  return `${where}: ${issue.severity} ${issue.code}${path}: ${issue.message}`;
}

/** `parties[2].preferences.reservation` */
export function formatIssuePath(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out;
}
