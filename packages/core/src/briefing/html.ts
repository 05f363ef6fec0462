// HTML building for the briefing: every piece of scenario text goes through `esc` (scenario files are
// untrusted), and links only ever point at http(s) addresses.

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for HTML element content and quoted attribute values. */
export function esc(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** The URL when it is an absolute http(s) address (safe to put in an href), else null. */
export function safeHref(url: string | undefined): string | null {
  if (url === undefined) return null;
  const trimmed = url.trim();
  return /^https?:\/\/[^\s"'<>`]+$/i.test(trimmed) ? trimmed : null;
}

/** A link to `url` with `text` (escaped); plain text when the URL is not http(s). */
export function link(text: string, url: string | undefined): string {
  const href = safeHref(url);
  return href ? `<a href="${esc(href)}">${esc(text)}</a>` : esc(text);
}

/** Text with every http(s) address in it made a link (trailing punctuation stays text); the rest escaped. */
export function linkify(text: string): string {
  let out = "";
  let at = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s"'<>`]+/gi)) {
    const url = m[0].replace(/[.,;:!?)\]]+$/, "");
    out += esc(text.slice(at, m.index)) + link(url, url);
    at = m.index + url.length;
  }
  return out + esc(text.slice(at));
}

/** A number with 2 decimals (the briefing's precision for utilities). */
export function num2(x: number): string {
  return x.toFixed(2);
}

/** A table of already-escaped HTML cells; `columnClass` gives a column's cells a class. */
export function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  options: { readonly className?: string; readonly columnClass?: (column: number) => string | undefined } = {},
): string {
  const cls = options.className ? ` class="${options.className}"` : "";
  const td = (html: string, c: number) => {
    const cc = options.columnClass?.(c);
    return cc ? `<td class="${cc}">${html}</td>` : `<td>${html}</td>`;
  };
  return (
    `<table${cls}><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map(td).join("")}</tr>`).join("")}</tbody></table>`
  );
}
