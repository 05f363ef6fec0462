// Hostile file shapes for the fuzz suite: each shape is a small JSON descriptor (so that a failing
// case prints as data and can be kept in regressions.json) rendered to a native file or a GENIUS
// folder. The sizes reach past every limit in FormatLimits.
import fc from "fast-check";

export type Shape =
  | { readonly kind: "deep-flow"; readonly depth: number; readonly open: "[" | "{" }
  | { readonly kind: "deep-block"; readonly depth: number }
  | { readonly kind: "alias-bomb"; readonly anchor: number; readonly aliases: number; readonly nested: boolean }
  | { readonly kind: "many-issues"; readonly issues: number }
  | { readonly kind: "many-options"; readonly options: number; readonly duplicate: boolean }
  | { readonly kind: "wide-integer"; readonly max: number }
  | { readonly kind: "many-items"; readonly list: "frameworks" | "statements" | "events"; readonly count: number }
  | { readonly kind: "control-text"; readonly codes: readonly number[] }
  | { readonly kind: "long-text"; readonly length: number }
  | { readonly kind: "genius-wide-integer"; readonly upper: number }
  | { readonly kind: "genius-many-issues"; readonly issues: number }
  | { readonly kind: "genius-deep"; readonly depth: number; readonly closed: boolean }
  | { readonly kind: "genius-many-items"; readonly items: number }
  | { readonly kind: "genius-entities"; readonly text: string };

const header = "parley: 1\nid: fuzz\nname: Fuzz\n";
const parties = "parties:\n  - id: p\n    name: P\n    role: party\n    preferences:\n      weights: { a: 1 }\n      values: { a: [o1, o0] }\n  - id: q\n    name: Q\n    role: party\n    preferences:\n      weights: { a: 1 }\n      values: { a: [o0, o1] }\n";
const twoOptions = "issues:\n  - { id: a, kind: categorical, options: [o0, o1] }\n";
const list = (n: number, f: (i: number) => string, sep = ", ") => Array.from({ length: n }, (_, i) => f(i)).join(sep);

/** The native (YAML) text of a shape, or null for the GENIUS shapes. */
export function nativeText(shape: Shape): string | null {
  switch (shape.kind) {
    case "deep-flow":
      return `${header}issues: ${shape.open.repeat(shape.depth)}`;
    case "deep-block": {
      let text = `${header}${twoOptions}${parties}description:\n`;
      for (let d = 1; d <= shape.depth; d++) text += `${"  ".repeat(d)}k${d}:\n`;
      return text + `${"  ".repeat(shape.depth + 1)}x: 1\n`;
    }
    case "alias-bomb": {
      const anchor = `&opts [${list(shape.anchor, (i) => `o${i}`)}]`;
      const second = shape.nested ? `\n  - { id: z, kind: categorical, options: &twice [*opts, *opts, *opts, *opts] }` : "";
      const use = shape.nested ? "*twice" : "*opts";
      return `${header}issues:\n  - { id: a, kind: categorical, options: ${anchor} }${second}\n${list(shape.aliases, (i) => `  - { id: b${i}, kind: categorical, options: ${use} }`, "\n")}\n${parties}`;
    }
    case "many-issues":
      return `${header}issues:\n  - { id: a, kind: categorical, options: [o0, o1] }\n${list(shape.issues, (i) => `  - { id: i${i}, kind: integer, min: 0, max: 1 }`, "\n")}\n${parties}`;
    case "many-options":
      return `${header}issues:\n  - { id: a, kind: categorical, options: [${list(shape.options, (i) => `o${i}`)}${shape.duplicate ? ", o1" : ""}] }\n${parties}`;
    case "wide-integer":
      return `${header}${twoOptions}  - { id: n, kind: integer, min: 0, max: ${shape.max} }\n${parties}`;
    case "many-items": {
      const item =
        shape.list === "frameworks"
          ? (i: number) => `  - { id: f${i}, name: F, points: [{ number: 1, text: t, sets: { a: o0 } }] }`
          : shape.list === "statements"
            ? (i: number) => `  - { id: s${i}, date: 2025-12-01, speaker: x, party: p, text: t, subjects: [{ issue: a }], stance: accept, source: { outlet: o, url: "https://example.org" }, confidence: H }`
            : (i: number) => `  - { id: e${i}, date: 2025-12-01, kind: meeting, title: t, source: { outlet: o, url: "https://example.org" } }`;
      return `${header}${twoOptions}${parties}${shape.list}:\n${list(shape.count, item, "\n")}\n`;
    }
    case "control-text":
      return `${header.replace("name: Fuzz", `name: "${shape.codes.map((c) => `\\u${c.toString(16).padStart(4, "0")}`).join("")}"`)}${twoOptions}${parties}`;
    case "long-text":
      return `${header}description: "${"x".repeat(shape.length)}"\n${twoOptions}${parties}`;
    default:
      return null;
  }
}

const domain = (issues: string) => `<negotiation_template><utility_space><objective index="0" name="root" type="objective" etype="objective">${issues}</objective></utility_space></negotiation_template>`;
const profile = (inner: string) => `<utility_space><objective index="0" name="root" type="objective" etype="objective">${inner}</objective></utility_space>`;
const discrete = (i: number, items: number) => `<issue index="${i + 1}" name="i${i}" type="discrete">${list(items, (k) => `<item index="${k + 1}" value="v${k}" evaluation="${k + 1}"/>`, "")}</issue>`;

/** The files of a GENIUS shape (file name → text), or null for the native shapes. */
export function geniusFiles(shape: Shape): Record<string, string> | null {
  switch (shape.kind) {
    case "genius-wide-integer": {
      const issue = `<issue index="1" name="x" type="integer" lowerbound="0" upperbound="${shape.upper}"><evaluator ftype="linear" slope="0.001" offset="0"/></issue>`;
      return { "d.xml": domain(issue), "a.xml": profile(`${issue}<weight index="1" value="1"/>`), "b.xml": profile(`${issue}<weight index="1" value="1"/>`) };
    }
    case "genius-many-issues": {
      const issues = list(shape.issues, (i) => discrete(i, 2), "");
      const weights = list(shape.issues, (i) => `<weight index="${i + 1}" value="1"/>`, "");
      return { "d.xml": domain(issues), "a.xml": profile(issues + weights), "b.xml": profile(issues + weights) };
    }
    case "genius-deep":
      return { "d.xml": "<a>".repeat(shape.depth) + (shape.closed ? "</a>".repeat(shape.depth) : ""), "p.xml": profile("") };
    case "genius-many-items": {
      const issue = discrete(0, shape.items);
      return { "d.xml": domain(issue), "a.xml": profile(`${issue}<weight index="1" value="1"/>`), "b.xml": profile(`${issue}<weight index="1" value="1"/>`) };
    }
    case "genius-entities":
      return { "d.xml": `<?xml version="1.0"?>${shape.text}${domain(discrete(0, 2))}`, "a.xml": profile(`${discrete(0, 2)}<weight index="1" value="1"/>`) };
    default:
      return null;
  }
}

/** Every hostile shape, from small to past the limits. `scale` (0–1] shrinks the sizes for quick runs. */
export function arbitraryShape(scale = 1): fc.Arbitrary<Shape> {
  const size = (max: number) => fc.integer({ min: 1, max: Math.max(1, Math.round(max * scale)) });
  return fc.oneof(
    fc.record({ kind: fc.constant("deep-flow" as const), depth: size(200_000), open: fc.constantFrom("[" as const, "{" as const) }),
    fc.record({ kind: fc.constant("deep-block" as const), depth: size(300) }),
    fc.record({ kind: fc.constant("alias-bomb" as const), anchor: size(20_000), aliases: size(2_000), nested: fc.boolean() }),
    fc.record({ kind: fc.constant("many-issues" as const), issues: size(20_000) }),
    fc.record({ kind: fc.constant("many-options" as const), options: size(150_000), duplicate: fc.boolean() }),
    fc.record({ kind: fc.constant("wide-integer" as const), max: fc.oneof(size(2_000_000), fc.constant(999_999_999_999), fc.constant(Number.MAX_SAFE_INTEGER)) }),
    fc.record({ kind: fc.constant("many-items" as const), list: fc.constantFrom("frameworks" as const, "statements" as const, "events" as const), count: size(120_000) }),
    fc.record({ kind: fc.constant("control-text" as const), codes: fc.array(fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })), { minLength: 1, maxLength: 20 }) }),
    fc.record({ kind: fc.constant("long-text" as const), length: size(2_000_000) }),
    fc.record({ kind: fc.constant("genius-wide-integer" as const), upper: fc.oneof(size(3_000_000), fc.constant(999_999_999_999), fc.constant(1e300)) }),
    fc.record({ kind: fc.constant("genius-many-issues" as const), issues: size(20_000) }),
    fc.record({ kind: fc.constant("genius-deep" as const), depth: size(500_000), closed: fc.boolean() }),
    fc.record({ kind: fc.constant("genius-many-items" as const), items: size(100_000) }),
    fc.record({
      kind: fc.constant("genius-entities" as const),
      text: fc.constantFrom(
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
        '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        "<!-- &#x1b;[2J -->",
      ),
    }),
  );
}
