/**
 * Wrap text at `width` columns on spaces, with a first-line and a continuation indent. A no-break
 * space (U+00A0) keeps its words together and prints as a space. Words longer than a line stay whole.
 */
export function wrapWords(text: string, first: string, rest: string, width: number): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(" ")) {
    if (word === "") continue;
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line += (empty ? "" : " ") + word;
    empty = false;
  }
  lines.push(line);
  return lines.join("\n").replaceAll("\u00a0", " ");
}
