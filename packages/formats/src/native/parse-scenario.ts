import type { Scenario } from "@parley/core";
import { isScalar, LineCounter, parseDocument, visit, type Node, type YAMLError } from "yaml";
import type { FormatIssue, ParseResult } from "../format-issue.js";
import { formatLimits, limitHint, type FormatLimits } from "../limits.js";
import { countProblems, documentSize, firstTooDeepFlow } from "./guards.js";
import { scenarioFromFile } from "./convert/index.js";
import { locate } from "./locate.js";
import { Problems, type Problem } from "./problems.js";
import { scenarioFileSchema } from "./scenario-schema.js";
import { reportZodIssues } from "./zod-problems.js";

export interface ParseScenarioOptions {
  /** The file name or path, used in issues; a name ending in `.json` also selects JSON. */
  readonly file?: string;
  /** The syntax of `text`: JSON is read as YAML (it is a subset), with JSON wording in messages. Default: by `file`'s extension, else YAML. */
  readonly format?: "yaml" | "json";
  /** Size limits (see FormatLimits); the defaults otherwise. */
  readonly limits?: Partial<FormatLimits>;
}

/** The scenario-file syntax implied by a file name: JSON for `.json`, YAML otherwise. */
export function scenarioFormatOf(file: string | undefined): "yaml" | "json" {
  return file !== undefined && /\.json$/i.test(file) ? "json" : "yaml";
}

/**
 * Parse a native scenario file (YAML or JSON). Never throws on bad input: returns the scenario, or
 * every problem found, each with its line, column and field path.
 */
export function parseScenario(text: string, options: ParseScenarioOptions = {}): ParseResult<Scenario> {
  const format = options.format ?? scenarioFormatOf(options.file);
  const limits = formatLimits(options.limits);
  const early = (code: FormatIssue["code"], message: string, offset = 0): ParseResult<Scenario> => {
    const before = text.slice(0, offset).split("\n");
    return {
      ok: false,
      issues: [
        {
          code,
          ...(options.file !== undefined && { file: options.file }),
          line: before.length,
          column: before.at(-1)!.length + 1,
          path: [],
          message,
          severity: "error",
        },
      ],
    };
  };
  if (text.length > limits.fileBytes) return early("PARLEY_FMT_LIMIT", `The document has ${text.length.toLocaleString("en")} characters; ${limitHint("fileBytes", limits)}.`);
  // The YAML parser recurses on nesting: bound it before parsing.
  const deep = firstTooDeepFlow(text, limits.depth);
  if (deep >= 0) return early("PARLEY_FMT_LIMIT", `Lists and maps are nested more than ${limits.depth} deep here; ${limitHint("depth", limits)}.`, deep);
  const lines = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: true,
      // Plain YAML 1.2 only: no !!binary, !!set, … (a scenario holds text, numbers, lists and maps).
      resolveKnownTags: false,
      uniqueKeys: true,
      // Problems are returned, never printed (yaml otherwise emits process warnings).
      logLevel: "error",
    });
  } catch (error) {
    if (error instanceof RangeError) return early("PARLEY_FMT_LIMIT", `The document is nested too deeply to read; ${limitHint("depth", limits)}.`);
    throw error;
  }
  const place = (p: Problem): FormatIssue => ({
    code: p.code,
    ...(options.file !== undefined && { file: options.file }),
    ...locate(doc, lines, p.path, p.at),
    path: p.path,
    message: p.message,
    severity: p.severity,
  });

  // After the first syntax error the parser's other complaints are mostly its consequences; duplicate
  // keys are independent of each other, so all of those are reported.
  const firstSyntax = doc.errors.find((e) => e.code !== "DUPLICATE_KEY");
  const errors = doc.errors.filter((e) => e.code === "DUPLICATE_KEY" || e === firstSyntax);
  const syntax = sortIssues([
    ...errors.map((e) => syntaxIssue(e, "error", format)),
    ...doc.warnings.map((e) => syntaxIssue(e, "warning", format)),
  ]).map((i) => ({ ...i, ...(options.file !== undefined && { file: options.file }) }));
  if (doc.errors.length > 0) return { ok: false, issues: syntax };
  // YAML reads JSON, and more: a file declared JSON must be JSON.
  if (format === "json") {
    try {
      JSON.parse(text);
    } catch (error) {
      const at = /position (\d+)/.exec(error instanceof Error ? error.message : "");
      return early(
        "PARLEY_FMT_SYNTAX",
        `JSON syntax error: the file is declared JSON but is not valid JSON (${error instanceof Error ? error.message.replace(/ in JSON at position \d+.*$/, "") : "unreadable"}); it reads as YAML: name the file .yaml if it is YAML.`,
        at ? Number(at[1]) : 0,
      );
    }
  }

  // Block nesting and alias expansion, bounded before anything walks or expands the document.
  const size = documentSize(doc, limits);
  if (size.depth > limits.depth) return early("PARLEY_FMT_LIMIT", `Lists and maps are nested more than ${limits.depth} deep; ${limitHint("depth", limits)}.`);
  if (size.aliasNodes > limits.aliasNodes)
    return early(
      "PARLEY_FMT_LIMIT",
      `Expanding the document's aliases (*name) would add more than ${limits.aliasNodes.toLocaleString("en")} values; ${limitHint("aliasNodes", limits)}.`,
    );

  // A key that is a list or a map (`? [a, b]: c`, `{a: 1}: b`) has no place in a scenario.
  const complexKeys: FormatIssue[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (pair.key === null || isScalar(pair.key)) return;
      const offset = (pair.key as Node).range?.[0];
      const pos = offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
      complexKeys.push({
        code: "PARLEY_FMT_SCHEMA",
        ...(options.file !== undefined && { file: options.file }),
        line: pos.line,
        column: pos.col,
        path: [],
        message: "A key must be a name (text or a number), not a list or a map.",
        severity: "error",
      });
    },
  });
  if (complexKeys.length > 0) return { ok: false, issues: sortIssues([...syntax, ...complexKeys]) };

  const problems = new Problems();
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // Alias bombs and similar: yaml throws from toJS.
    return {
      ok: false,
      issues: [
        ...syntax,
        {
          code: "PARLEY_FMT_SYNTAX",
          ...(options.file !== undefined && { file: options.file }),
          line: 1,
          column: 1,
          path: [],
          message: `The document cannot be read: ${e instanceof Error ? e.message : String(e)}.`,
          severity: "error",
        },
      ],
    };
  }
  if (raw === undefined || raw === null) {
    problems.error(
      "PARLEY_FMT_SCHEMA",
      [],
      `The ${format === "json" ? "JSON" : "YAML"} document is empty; a scenario starts with \`parley: 1\`, then id, name, issues and parties.`,
    );
    return { ok: false, issues: [...syntax, ...problems.list.map(place)] };
  }

  const tooMany = countProblems(raw, limits);
  if (tooMany.length > 0) return { ok: false, issues: [...syntax, ...tooMany.map(place)] };

  const checked = scenarioFileSchema.safeParse(raw, { reportInput: true });
  if (!checked.success) reportZodIssues(checked.error.issues, raw, problems, format);
  const scenario = scenarioFromFile(raw, checked.success ? checked.data : undefined, problems);

  const issues = [...syntax, ...problems.list.map(place)];
  if (scenario && !issues.some((i) => i.severity === "error")) return { ok: true, value: scenario, warnings: issues };
  return { ok: false, issues: sortIssues(issues) };
}

function syntaxIssue(e: YAMLError, severity: "error" | "warning", format: "yaml" | "json"): FormatIssue {
  const pos = e.linePos?.[0];
  const first = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  const duplicate = e.code === "DUPLICATE_KEY";
  const lang = format === "json" ? "JSON" : "YAML";
  return {
    code: duplicate ? "PARLEY_FMT_DUPLICATE" : "PARLEY_FMT_SYNTAX",
    ...(pos && { line: pos.line, column: pos.col }),
    path: [],
    message: duplicate
      ? "This key appears twice in the same map; remove or rename one of them."
      : `${lang} ${severity === "error" ? "syntax error" : "warning"}: ${first}${first.endsWith(".") ? "" : "."}${hint(e, format)}`,
    severity,
  };
}

function hint(e: YAMLError, format: "yaml" | "json"): string {
  if (format === "json") return " Check for a missing or extra comma, quote or bracket just before this point.";
  if (e.code === "TAB_AS_INDENT") return " Indent with spaces, not tabs.";
  if (e.code === "BAD_INDENT" || e.code === "MISSING_CHAR") return " Check the indentation and the brackets just before this point.";
  if (e.code === "MULTIPLE_DOCS") return " A scenario file holds one document: remove the extra `---`.";
  return "";
}

/** Problems in file order (stable for the same position). */
function sortIssues(issues: readonly FormatIssue[]): FormatIssue[] {
  return issues
    .map((issue, k) => ({ issue, k }))
    .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.k - b.k)
    .map((x) => x.issue);
}

