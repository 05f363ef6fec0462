// fast-xml-parser's reading of an XML document as raw elements (xml-tree.ts's RawXmlElement), or what
// is wrong with it: what the fast path of xml-tree.ts leaves to the library. A module of its own so
// that the CLI's bundle loads the library only when a file needs it (scripts/bundle.mjs).
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { decodeEntities } from "./xml-entities.js";
import type { RawXmlElement } from "./xml-tree.js";

// It reads anything but elements, attributes, comments and blank space, and every malformed file (its
// validator says where, and what is wrong). The parser is built on first use.
let libraryParser: XMLParser | undefined;
const parserOptions = {
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
} as const;

/** @internal fast-xml-parser's reading of the text, as raw elements, or what is wrong with it (exported for tests). */
export function libraryXmlElements(text: string): { ok: true; roots: RawXmlElement[] } | { ok: false; message: string; line?: number; column?: number } {
  let raw: unknown;
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      const err = valid.err;
      return { ok: false, message: `invalid XML: ${err.msg}`, line: err.line, ...(Number.isFinite(err.col) ? { column: err.col } : {}) };
    }
    raw = (libraryParser ??= new XMLParser(parserOptions)).parse(text);
  } catch (error) {
    return { ok: false, message: `invalid XML: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, roots: fromLibrary(raw, XMLParser.getMetaDataSymbol() as unknown as symbol) };
}

function fromLibrary(nodes: unknown, metaSymbol: symbol): RawXmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const out: RawXmlElement[] = [];
  for (const node of nodes as unknown[]) {
    if (node === null || typeof node !== "object") continue;
    const record = node as Record<string | symbol, unknown>;
    const name = Object.keys(record).find((k) => k !== ":@");
    if (name === undefined || name.startsWith("#") || name.startsWith("?") || name.startsWith("!")) continue;
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    const rawAttrs = record[":@"];
    if (rawAttrs !== null && typeof rawAttrs === "object") {
      for (const [key, value] of Object.entries(rawAttrs as Record<string, unknown>)) {
        attrs[key] = decodeEntities(String(value));
      }
    }
    const meta = record[metaSymbol] as { startIndex?: number } | undefined;
    const start = typeof meta?.startIndex === "number" ? meta.startIndex : 0;
    out.push({ name, attrs, start, children: fromLibrary(record[name], metaSymbol) });
  }
  return out;
}
