// A small element tree over fast-xml-parser's output, with source positions for every element.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { FormatIssue } from "../format-issue.js";
import { clip, defaultFormatLimits, formatLimits, limitHint } from "../limits.js";

/** One XML element with its attributes (entities decoded), child elements and where it starts. */
export interface XmlElement {
  readonly name: string;
  /** Attribute name → value. A null-prototype object: never read inherited keys. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Offset of the element's `<` in the source text. */
  readonly start: number;
  /** 1-based line and column of the element's `<`. */
  readonly line: number;
  readonly column: number;
  /** Element names from the root; a name is followed by its 0-based position when it has same-named siblings. */
  readonly path: readonly (string | number)[];
}

/** A parsed document: its root element and a way to locate offsets (and attributes) in the source. */
export interface XmlDocument {
  readonly root: XmlElement;
  readonly text: string;
  /** 1-based line and column of an offset in the source text. */
  position(offset: number): { line: number; column: number };
  /** Where attribute `attr` of `element` is written, or the element's own position when not found. */
  attrPosition(element: XmlElement, attr: string): { line: number; column: number };
}

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // Entities are decoded below, in one pass, so that `&amp;#10;` stays the text `&#10;`.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});
const metaSymbol = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Parse XML text into an element tree. Every problem comes back as a PARLEY_FMT_SYNTAX issue with
 * the file, line and column; this never throws.
 */
export function parseXmlTree(
  text: string,
  file: string | undefined,
  options: { readonly depth?: number } = {},
): { ok: true; doc: XmlDocument } | { ok: false; issues: FormatIssue[] } {
  const fail = (message: string, line?: number, column?: number, code: FormatIssue["code"] = "PARLEY_FMT_SYNTAX"): { ok: false; issues: FormatIssue[] } => ({
    ok: false,
    issues: [
      {
        code,
        ...(file !== undefined ? { file } : {}),
        ...(line !== undefined ? { line } : {}),
        ...(column !== undefined ? { column } : {}),
        path: [],
        message: clip(message),
        severity: "error",
      },
    ],
  });
  const lineStarts = computeLineStarts(text);
  const position = (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };

  if (text.trim() === "") return fail("the file is empty; expected an XML document");
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const p = position(doctype.index);
    return fail("DOCTYPE declarations are not supported in GENIUS files; remove it", p.line, p.column);
  }
  // Bound the nesting before any parser recurses into it.
  const maxDepth = options.depth ?? defaultFormatLimits.depth;
  const deep = firstTooDeep(text, maxDepth);
  if (deep >= 0) {
    const p = position(deep);
    return fail(`the XML nests elements more than ${maxDepth} deep; ${limitHint("depth", formatLimits({ depth: maxDepth }))}`, p.line, p.column, "PARLEY_FMT_LIMIT");
  }
  let raw: unknown;
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      const err = valid.err;
      return fail(`invalid XML: ${err.msg}`, err.line, Number.isFinite(err.col) ? err.col : undefined);
    }
    raw = parser.parse(text);
  } catch (error) {
    return fail(`invalid XML: ${error instanceof Error ? error.message : String(error)}`);
  }

  const roots = convertNodes(raw, [], position);
  if (roots.length === 0) return fail("the XML document has no root element");
  if (roots.length > 1) {
    const second = roots[1]!;
    return fail(
      `an XML document has one root element, but <${second.name}> follows <${roots[0]!.name}>`,
      second.line,
      second.column,
    );
  }
  const doc: XmlDocument = {
    root: roots[0]!,
    text,
    position,
    attrPosition(element, attr) {
      const end = text.indexOf(">", element.start);
      const tag = text.slice(element.start, end < 0 ? text.length : end);
      const m = new RegExp(`\\s${escapeRegExp(attr)}\\s*=`).exec(tag);
      return m ? position(element.start + m.index + 1) : { line: element.line, column: element.column };
    },
  };
  return { ok: true, doc };
}

/**
 * The offset of the first start tag nested deeper than `max`, or −1. A linear scan of the tags
 * (comments, CDATA, processing instructions and declarations skipped); it only has to bound the
 * depth, the parser reports malformed XML.
 */
export function firstTooDeep(text: string, max: number): number {
  let depth = 0;
  for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i + 1)) {
    const next = text[i + 1];
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) return -1;
      i = end + 2;
    } else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i + 9);
      if (end < 0) return -1;
      i = end + 2;
    } else if (next === "?" || next === "!") {
      const end = text.indexOf(">", i + 2);
      if (end < 0) return -1;
      i = end;
    } else if (next === "/") depth--;
    else {
      const end = text.indexOf(">", i + 1);
      if (end < 0) return -1;
      if (text[end - 1] !== "/") {
        depth++;
        if (depth > max) return i;
      }
      i = end;
    }
  }
  return -1;
}

function convertNodes(
  nodes: unknown,
  parentPath: readonly (string | number)[],
  position: (offset: number) => { line: number; column: number },
): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const elements: [Record<string | symbol, unknown>, string][] = [];
  const counts = new Map<string, number>();
  for (const node of nodes as unknown[]) {
    if (node === null || typeof node !== "object") continue;
    const record = node as Record<string | symbol, unknown>;
    const name = Object.keys(record).find((k) => k !== ":@");
    if (name === undefined || name.startsWith("#") || name.startsWith("?") || name.startsWith("!")) continue;
    elements.push([record, name]);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const out: XmlElement[] = [];
  const seen = new Map<string, number>();
  for (const [record, name] of elements) {
    const k = seen.get(name) ?? 0;
    seen.set(name, k + 1);
    // `issue[2]` when there are several issues, plain `objective` when there is one.
    const path = counts.get(name)! > 1 ? [...parentPath, name, k] : [...parentPath, name];
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    const rawAttrs = record[":@"];
    if (rawAttrs !== null && typeof rawAttrs === "object") {
      for (const [key, value] of Object.entries(rawAttrs as Record<string, unknown>)) {
        attrs[key] = decodeEntities(String(value));
      }
    }
    const meta = record[metaSymbol] as { startIndex?: number } | undefined;
    const start = typeof meta?.startIndex === "number" ? meta.startIndex : 0;
    const { line, column } = position(start);
    out.push({ name, attrs, children: convertNodes(record[name], path, position), start, line, column, path });
  }
  return out;
}

const namedEntities: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decode the five XML entities and numeric character references; leave anything else as written. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[body] ?? whole;
  });
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The child elements of `el` with this name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** The first child element of `el` with this name. */
export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Whether `el` or any element below it satisfies `test`. */
export function someElement(el: XmlElement, test: (e: XmlElement) => boolean): boolean {
  if (test(el)) return true;
  return el.children.some((c) => someElement(c, test));
}
