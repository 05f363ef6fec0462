// The XML reader's fast path (scanXmlElements) against fast-xml-parser (libraryXmlElements) as the
// oracle: whatever the fast path takes, the library takes too and reads the same way (names,
// decoded attributes, offsets, children); whatever the library refuses, the fast path leaves to it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { geniusCorpusDir, hasGeniusCorpus } from "../../../../test/corpus.js";
import { libraryXmlElements } from "./xml-library.js";
import { parseXmlTree, scanXmlElements, type RawXmlElement } from "./xml-tree.js";

const runs = Number(process.env["PARLEY_FC_RUNS"] ?? 300);

/** Plain objects (the readers' attribute maps have no prototype), for comparison. */
const plain = (elements: readonly RawXmlElement[]): unknown[] =>
  elements.map((e) => ({ name: e.name, attrs: { ...e.attrs }, start: e.start, children: plain(e.children) }));

/** The oracle: returns which reader read the text ("fast", "library" or "refused"). */
function agree(text: string): "fast" | "library" | "refused" {
  const fast = scanXmlElements(text);
  const library = libraryXmlElements(text);
  if (fast !== null) {
    expect(library.ok, `the library refuses what the fast path read: ${JSON.stringify(text)}`).toBe(true);
    if (library.ok) expect(plain(fast)).toEqual(plain(library.roots));
    return "fast";
  }
  return library.ok ? "library" : "refused";
}

// Documents built from pieces that are mostly valid, with the constructs the fast path leaves to the
// library (text, CDATA, processing instructions, namespaces, odd entities, control characters) mixed in.
const names = fc.constantFrom("a", "issue", "item", "x.y", "_b", "a-b", "B9", "ns:a", "9a", "xml", "é", "constructor", "toString", "__proto__");
const attrNames = fc.constantFrom("index", "name", "value", "evaluation", "a.b", "_c", "d-e", "xml:lang", "__proto__", "constructor", "valueOf", "__lookupGetter__", "1x", "v");
const valueChars = fc.constantFrom("a", "1", " ", ".", "-", "&amp;", "&lt;", "&#10;", "&#x41;", "&#xZZ;", "&bogus;", "&", "<", ">", "'", '"', "\n", "\t", "\r", "\u0001", "é", "\ud83d\ude00", "\ud800");
const value = fc.array(valueChars, { maxLength: 6 }).map((xs) => xs.join(""));
const space = fc.constantFrom(" ", "  ", "\n", "\t", "\r\n", "");
const attr = fc.tuple(space, attrNames, fc.constantFrom("=", " = ", "=\n", ""), fc.constantFrom('"', "'"), value).map(([s, n, eq, q, v]) => `${s || " "}${n}${eq}${q}${v}${q}`);
const attrRun = fc.array(fc.oneof({ weight: 9, arbitrary: attr }, { weight: 1, arbitrary: fc.constantFrom(" bare", 'x="1"', " a='1\"") }), { maxLength: 4 }).map((xs) => xs.join(""));
const between = fc.oneof(
  { weight: 8, arbitrary: space },
  { weight: 1, arbitrary: fc.constantFrom("<!-- note -->", "<!---->", "<!-- a -- b -->", "<!--->", "text", "<![CDATA[x]]>", "<?pi x?>", "&amp;", "\u0002") },
);

interface Tree {
  name: string;
  close: string;
  attrs: string;
  tail: string;
  children: Tree[];
}
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.record({
    name: names,
    close: fc.oneof({ weight: 12, arbitrary: fc.constant("") }, { weight: 1, arbitrary: names }),
    attrs: attrRun,
    tail: fc.constantFrom("", "", "", " ", "\n"),
    children: fc.oneof({ depthSize: "small" }, fc.constant([]), fc.array(tie("tree"), { maxLength: 3 })),
  }) as fc.Arbitrary<Tree>,
}));
const render = (t: Tree, gap: () => string): string =>
  t.children.length === 0 && t.close === "" && t.attrs.length % 2 === 0
    ? `<${t.name}${t.attrs}${t.tail}/>`
    : `<${t.name}${t.attrs}${t.tail}>${t.children.map((c) => gap() + render(c, gap)).join("")}${gap()}</${t.close || t.name}${t.tail}>`;
const declaration = fc.constantFrom("", "", '<?xml version="1.0" encoding="UTF-8"?>\n', "<?xml version='1.0'?>", '<?xml version="1.0" standalone="no" ?>', " <?xml version=\"1.0\"?>", "<?xml?>", "<?xml-stylesheet href='a'?>");
const documents = fc
  .tuple(declaration, fc.array(between, { minLength: 40, maxLength: 40 }), tree, fc.constantFrom("", "\n", "<!-- end -->", "<second/>", "tail"))
  .map(([decl, gaps, t, after]) => {
    let k = 0;
    return decl + render(t, () => gaps[k++ % gaps.length]!) + after;
  });
const mutated = fc
  .tuple(documents, fc.array(fc.tuple(fc.nat(), fc.constantFrom("", "<", ">", "/", "=", '"', "'", "&", "!", "?", "-", " ", "a")), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) =>
    edits.reduce((s, [at, c]) => {
      const i = s.length === 0 ? 0 : at % s.length;
      return c === "" ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + c + s.slice(i);
    }, text),
  );

describe("the XML reader's fast path agrees with fast-xml-parser", () => {
  it("on generated documents: what it reads, the library reads the same; what the library refuses, it leaves alone", () => {
    const seen = { fast: 0, library: 0, refused: 0 };
    fc.assert(
      fc.property(documents, (text) => {
        seen[agree(text)]++;
      }),
      { numRuns: runs * 4 },
    );
    // The generator reaches all three cases (else the property says little).
    expect(seen.fast).toBeGreaterThan(0);
    expect(seen.library).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it("on generated documents with a few characters inserted or deleted", () => {
    fc.assert(
      fc.property(mutated, (text) => {
        agree(text);
      }),
      { numRuns: runs * 4 },
    );
  });

  it("takes a document of elements, quoted attributes (entities decoded), comments and blank space", () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<u a="1 &amp; 2" b='&#x41;&lt;'>\r\n  <i v="x"/><i v="y" ></i>\n</u >\n<!-- end -->\n`;
    expect(agree(text)).toBe("fast");
    const r = parseXmlTree(text, "f.xml");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect({ ...r.doc.root.attrs }).toEqual({ a: "1 & 2", b: "A<" });
    expect(r.doc.root.children.map((c) => [c.path, c.line, c.column])).toEqual([
      [["u", "i", 0], 4, 3],
      [["u", "i", 1], 4, 13],
    ]);
  });

  it("leaves text, CDATA, processing instructions, namespaces and unusual attribute values to the library, which reads them", () => {
    for (const text of ["<a>text</a>", "<a><![CDATA[x]]></a>", "<a><?pi x?></a>", '<n:a xmlns:n="u"/>', "<a>&amp;</a>", '<a x="&bogus;"/>', '<a x="\r"/>', "<a>\u0001</a>", "<!-- a -- b --><a/>"]) {
      expect(scanXmlElements(text), text).toBeNull();
      expect(parseXmlTree(text, "f.xml").ok, text).toBe(true);
    }
  });

  it("leaves malformed documents to the library, which says where they break", () => {
    for (const text of ["<a><b></a>", '<a x="1" x="2"/>', "<a x=1/>", "<a/><b/>", "<a"]) {
      expect(scanXmlElements(text), text).toBeNull();
      const r = parseXmlTree(text, "f.xml");
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.issues[0]!.file).toBe("f.xml");
    }
  });

  it("gives each element's line and column, whatever the line breaks (LF, CR LF, CR)", () => {
    // The reference: walk the text, a CR LF pair, a lone CR and a lone LF each end a line.
    const naive = (text: string, offset: number): [number, number] => {
      let line = 1;
      let start = 0;
      for (let i = 0; i < offset; i++) {
        if (text[i] === "\r" && text[i + 1] === "\n") continue;
        if (text[i] === "\n" || text[i] === "\r") {
          line++;
          start = i + 1;
        }
      }
      return [line, offset - start + 1];
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(" ", "\n", "\r", "\r\n", "\t", "\n\n"), { minLength: 1, maxLength: 12 }), (gaps) => {
        const text = `<a>${gaps.map((g) => `${g}<b/>`).join("")}${gaps[0]}</a>`;
        const r = parseXmlTree(text, "f.xml");
        expect(r.ok).toBe(true);
        if (r.ok) for (const c of r.doc.root.children) expect([c.line, c.column]).toEqual(naive(text, c.start));
      }),
      { numRuns: runs },
    );
  });

  it.skipIf(!hasGeniusCorpus)("on every XML file of the GENIUS corpus, and reads nearly all of them itself", () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.toLowerCase().endsWith(".xml")) files.push(full);
      }
    };
    walk(geniusCorpusDir);
    expect(files.length).toBeGreaterThan(300);
    const byReader = { fast: [] as string[], library: [] as string[], refused: [] as string[] };
    for (const file of files) byReader[agree(readFileSync(file, "utf8"))].push(path.relative(geniusCorpusDir, file));
    // Refused: only files that are not XML (some pareto.xml files hold plain numbers).
    expect(byReader.refused.filter((f) => readFileSync(path.join(geniusCorpusDir, f), "utf8").trimStart().startsWith("<"))).toEqual([]);
    expect(byReader.library.length, byReader.library.join("\n")).toBeLessThanOrEqual(files.length / 50);
  });
});
