import { stripVTControlCharacters } from "node:util";

/** A plain-text table with aligned columns; numbers right-aligned. Cells may contain ANSI colour. */
// The pattern spells − and — as escapes: a regular expression is the one place esbuild keeps non-ASCII
// text as written, and one such character makes V8 hold a whole bundled command file as two-byte text.
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], options: { indent?: string } = {}): string {
  const indent = options.indent ?? "  ";
  const visible = (s: string) => stripVTControlCharacters(s).length;
  const widths = header.map((h, c) => Math.max(visible(h), ...rows.map((r) => visible(r[c] ?? ""))));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^[-+]?[\d.,e%\u2212]+$|^\u2014$/.test(stripVTControlCharacters(r[c] ?? ""))));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, c) => {
        const pad = " ".repeat(Math.max(0, widths[c]! - visible(cell)));
        return numeric[c] ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(header), indent + widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** A utility with 4 decimals. */
export const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : String(x));
