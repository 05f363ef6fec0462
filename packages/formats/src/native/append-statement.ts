// Appending a statement to a scenario file's text, keeping its comments and layout: the YAML
// document is edited in place (a JSON file stays JSON), and the result must still be a valid
// scenario, or nothing changes.
import { isCollection, isMap, isSeq, LineCounter, parseDocument, Document, type YAMLMap } from "yaml";
import type { FormatIssue } from "../format-issue.js";
import { parseScenario } from "./parse-scenario.js";

/** A statement as written in a scenario file (see docs/scenario-format.md). */
export interface StatementInput {
  readonly id: string;
  readonly date: string;
  readonly speaker: string;
  /** principal, spokesperson, official, unnamed or other. */
  readonly voice?: string;
  readonly party: string;
  readonly paraphrase: string;
  /** Issue ids (`eu`), issue values (`{issue, values}`) or framework points (`28-point/5`). */
  readonly about?: readonly (string | Readonly<Record<string, unknown>>)[];
  readonly stance?: string;
  /** Instead of `stance` and `about`: several stances, each on its own subjects. */
  readonly claims?: readonly { readonly stance: string; readonly about: readonly (string | Readonly<Record<string, unknown>>)[] }[];
  readonly source: { readonly outlet: string; readonly url: string; readonly title?: string };
  readonly confidence: string;
}

/**
 * The file's text with `statement` appended to its `statements` list (created at the end when
 * absent). Comments, key order and the other entries' layout are kept. When the result is not a
 * valid scenario, its problems come back and the text is not changed.
 */
export function appendStatement(
  text: string,
  statement: StatementInput,
  options: { readonly file?: string; readonly format?: "yaml" | "json" } = {},
): { ok: true; text: string } | { ok: false; issues: readonly FormatIssue[] } {
  const format = options.format ?? (options.file?.toLowerCase().endsWith(".json") ? "json" : "yaml");
  let next: string;
  if (format === "json") {
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON: the parser says where.
      const problems = parseScenario(text, { ...(options.file !== undefined ? { file: options.file } : {}), format });
      return { ok: false, issues: problems.ok ? [] : problems.issues };
    }
    raw["statements"] = [...((raw["statements"] as unknown[] | undefined) ?? []), statement];
    next = JSON.stringify(raw, null, 2) + "\n";
  } else next = appendYamlItem(text, statement);
  const after = parseScenario(next, { ...(options.file !== undefined ? { file: options.file } : {}), format });
  if (!after.ok) return { ok: false, issues: after.issues };
  return { ok: true, text: next };
}

/**
 * The text with `item` appended to the block list under the top-level `statements:` key, written in
 * the style of the built-in scenario (one key per line; `about` and `source` on one line) and
 * indented like the list's first item; every other byte of the file is kept as it was.
 */
function appendYamlItem(text: string, item: StatementInput): string {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const render = (indent: string) => {
    const d = new Document([item]);
    const map = (d.contents as { items: YAMLMap[] }).items[0]!;
    for (const key of ["about", "source"]) {
      const v = map.get(key, true);
      if (isCollection(v)) v.flow = true;
    }
    // Each claim on one line: - {stance: deny, about: [...]}
    const claims = map.get("claims", true);
    if (isSeq(claims)) for (const c of claims.items) if (isCollection(c)) c.flow = true;
    return d
      .toString({ lineWidth: 0, flowCollectionPadding: false })
      .trimEnd()
      .split("\n")
      .map((l) => indent + l)
      .join("\n");
  };
  const list = isMap(doc.contents) ? doc.contents.get("statements", true) : undefined;
  if (isSeq(list) && !list.flow && list.items.length > 0 && list.range) {
    const first = list.items[0] as { range?: [number, number, number] };
    const column = first.range ? lines.linePos(first.range[0]).col : 3;
    const indent = " ".repeat(Math.max(0, column - 3));
    const end = list.range[1];
    const head = text.slice(0, end).replace(/\s*$/, "");
    const rest = text.slice(end).replace(/^\s*\n/, "");
    return `${head}\n\n${render(indent)}\n${rest ? `\n${rest}` : ""}`;
  }
  if (list === undefined || list === null) return `${text.replace(/\s*$/, "")}\n\nstatements:\n${render("  ")}\n`;
  // A flow list (`statements: []` or `[…]`): rewrite the document; the layout of the list changes.
  const seq = doc.createNode([...((doc.toJS() as { statements?: unknown[] }).statements ?? []), item]);
  (doc.contents as YAMLMap).set("statements", seq);
  return doc.toString({ lineWidth: 0 });
}
