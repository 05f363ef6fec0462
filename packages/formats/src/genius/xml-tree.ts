// A small element tree of an XML document, with source positions for every element: read by the fast
// path below, or by fast-xml-parser (xml-library.ts) for everything else.
import type { FormatIssue } from "../format-issue.js";
import { clip, defaultFormatLimits, formatLimits, limitHint } from "../limits.js";
import { decodeEntities } from "./xml-entities.js";
import { libraryXmlElements } from "./xml-library.js";

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

/** An element as read, before its path and line are worked out. Attribute values are decoded. */
export interface RawXmlElement {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly start: number;
  readonly children: RawXmlElement[];
}

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
  let raw = scanXmlElements(text);
  if (raw === null) {
    const read = libraryXmlElements(text);
    if (!read.ok) return fail(read.message, read.line, read.column);
    raw = read.roots;
  }
  const roots = placeElements(raw, [], position);
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

// The fast path: a document of elements with quoted attributes, comments and blank space, and an
// XML declaration at its very start — every GENIUS file we know — read with a few sticky regular
// expressions in one pass. It takes nothing the library would refuse, and reads what it takes as the
// library does: anything else (text, CDATA, processing instructions, namespaces, a character XML
// forbids, an unknown entity, a mismatched tag, a second root...) returns null and goes to the
// library, which reads it or says what is wrong (xml-tree.test.ts checks both against the library,
// on generated documents and on every GENIUS file of the corpus). A third of the time of reading a
// GENIUS folder was fast-xml-parser's two passes, in a command that runs it once (BENCHMARKS.md).
const xmlDeclaration = /<\?xml(?:[ \t\r\n]+[A-Za-z_][\w.-]*[ \t\r\n]*=[ \t\r\n]*(?:"[^"<&]*"|'[^'<&]*'))*[ \t\r\n]*\?>/y;
const blank = /[ \t\r\n]*/y;
const openTag = /<([A-Za-z_][\w.-]*)((?:[ \t\r\n]+[A-Za-z_][\w.-]*[ \t\r\n]*=[ \t\r\n]*(?:"[^"<]*"|'[^'<]*'))*)[ \t\r\n]*(\/?)>/y;
const closeTag = /<\/([A-Za-z_][\w.-]*)[ \t\r\n]*>/y;
const attribute = /([A-Za-z_][\w.-]*)[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/g;
const badReference = /&(?!(?:#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);)/;
// Characters outside XML's Char production, and surrogates (paired or not: the library decides).
const notPlainChar = /[^\t\n\r\x20-\ud7ff\ue000-\ufffd]/;
// Names the library refuses or renames (its guard against prototype pollution): left to it.
const reservedKeys = new Set(["__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "valueOf", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"]);

/** @internal The fast path's element tree, or null when the library must read the text (exported for tests). */
export function scanXmlElements(text: string): RawXmlElement[] | null {
  if (notPlainChar.test(text)) return null;
  let i = 0;
  if (text.startsWith("<?xml", 0)) {
    xmlDeclaration.lastIndex = 0;
    if (!xmlDeclaration.test(text)) return null;
    i = xmlDeclaration.lastIndex;
  }
  const roots: RawXmlElement[] = [];
  const open: RawXmlElement[] = [];
  for (;;) {
    blank.lastIndex = i;
    blank.test(text);
    i = blank.lastIndex;
    if (i >= text.length) break;
    if (text.charCodeAt(i) !== 60 /* < */) return null;
    const next = text.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      if (!text.startsWith("<!--", i)) return null;
      const end = text.indexOf("--", i + 4);
      if (end < 0 || text.charCodeAt(end + 2) !== 62 /* > */) return null;
      i = end + 3;
    } else if (next === 47 /* / */) {
      closeTag.lastIndex = i;
      const m = closeTag.exec(text);
      if (m === null || open.pop()?.name !== m[1]) return null;
      i = closeTag.lastIndex;
    } else {
      openTag.lastIndex = i;
      const m = openTag.exec(text);
      if (m === null || (open.length === 0 && roots.length > 0) || reservedKeys.has(m[1]!)) return null;
      const attrs = m[2] ? scanAttributes(m[2]) : (Object.create(null) as Record<string, string>);
      if (attrs === null) return null;
      const element: RawXmlElement = { name: m[1]!, attrs, start: i, children: [] };
      (open.length > 0 ? open[open.length - 1]!.children : roots).push(element);
      if (m[3] !== "/") open.push(element);
      i = openTag.lastIndex;
    }
  }
  return open.length === 0 && roots.length === 1 ? roots : null;
}

function scanAttributes(written: string): Record<string, string> | null {
  const attrs = Object.create(null) as Record<string, string>;
  attribute.lastIndex = 0;
  for (let m = attribute.exec(written); m !== null; m = attribute.exec(written)) {
    const name = m[1]!;
    const value = m[2] ?? m[3]!;
    // The library turns a carriage return in a value into a line feed: left to it.
    if (name in attrs || reservedKeys.has(name) || value.includes("\r") || (value.includes("&") && badReference.test(value))) return null;
    attrs[name] = decodeEntities(value);
  }
  return attrs;
}

/** Paths (`issue[2]` when there are several issues, plain `objective` when there is one) and positions. */
function placeElements(
  raw: readonly RawXmlElement[],
  parentPath: readonly (string | number)[],
  position: (offset: number) => { line: number; column: number },
): XmlElement[] {
  const counts = new Map<string, number>();
  for (const element of raw) counts.set(element.name, (counts.get(element.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return raw.map(({ name, attrs, start, children }) => {
    const k = seen.get(name) ?? 0;
    seen.set(name, k + 1);
    const path = counts.get(name)! > 1 ? [...parentPath, name, k] : [...parentPath, name];
    const { line, column } = position(start);
    return { name, attrs, children: placeElements(children, path, position), start, line, column, path };
  });
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes("\r")) {
    // The common case, found by the engine's own search rather than a loop over every character.
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    return starts;
  }
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
