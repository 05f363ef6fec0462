// Collects the FormatIssues of one GENIUS file, each with its file, line, column and element path.
import type { FormatIssue, FormatIssueCode, ParseResult } from "../format-issue.js";
import type { XmlDocument, XmlElement } from "./xml-tree.js";

export class GeniusReport {
  readonly issues: FormatIssue[] = [];
  constructor(
    readonly file: string | undefined,
    readonly doc: XmlDocument | undefined,
  ) {}

  /** Report a problem at an element (and, when given, at one of its attributes). */
  add(
    severity: "error" | "warning",
    code: FormatIssueCode,
    at: XmlElement | undefined,
    message: string,
    attr?: string,
  ): void {
    const where = at ? (attr !== undefined && this.doc ? this.doc.attrPosition(at, attr) : at) : undefined;
    const path = at ? (attr !== undefined ? [...at.path, attr] : at.path) : [];
    this.issues.push({
      code,
      ...(this.file !== undefined ? { file: this.file } : {}),
      ...(where ? { line: where.line, column: where.column } : {}),
      path,
      message,
      severity,
    });
  }

  error(code: FormatIssueCode, at: XmlElement | undefined, message: string, attr?: string): void {
    this.add("error", code, at, message, attr);
  }

  warning(code: FormatIssueCode, at: XmlElement | undefined, message: string, attr?: string): void {
    this.add("warning", code, at, message, attr);
  }

  get hasErrors(): boolean {
    return this.issues.some((i) => i.severity === "error");
  }

  /** Read a numeric attribute; reports a missing or non-numeric value and returns undefined. */
  number(el: XmlElement, attr: string, what: string, options: { integer?: boolean; optional?: boolean } = {}): number | undefined {
    const raw = el.attrs[attr];
    if (raw === undefined) {
      if (!options.optional) this.error("PARLEY_FMT_GENIUS", el, `<${el.name}> needs a ${attr}="…" attribute (${what})`);
      return undefined;
    }
    const value = parseGeniusNumber(raw);
    if (value === undefined || (options.integer && !Number.isInteger(value))) {
      this.error(
        "PARLEY_FMT_VALUE",
        el,
        `${attr}="${raw}" is not ${options.integer ? "an integer" : "a number"} (${what})`,
        attr,
      );
      return undefined;
    }
    return value;
  }
}

/** Parse a number the way Java's Double.valueOf reads GENIUS files: decimal, optional exponent, `.5` allowed. */
export function parseGeniusNumber(raw: string): number | undefined {
  const s = raw.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(s)) return undefined;
  const value = Number(s.replace(/[dDfF]$/, ""));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Run a reader and turn an unexpected exception into a FormatIssue, so that the public parsers
 * never throw whatever the input. (Fuzzing finds none; this is the last line of defence.)
 */
export function neverThrow<T>(file: string | undefined, read: () => ParseResult<T>): ParseResult<T> {
  try {
    return read();
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          code: "PARLEY_FMT_GENIUS",
          ...(file !== undefined ? { file } : {}),
          path: [],
          message: `internal error while handling GENIUS XML (please report it): ${error instanceof Error ? error.message : String(error)}`,
          severity: "error",
        },
      ],
    };
  }
}
