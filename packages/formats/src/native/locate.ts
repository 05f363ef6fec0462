import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { Path } from "./problems.js";

export interface Position {
  readonly line: number;
  readonly column: number;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? "" : String(key.value);
  return undefined;
}

/**
 * The position of `path` in a parsed YAML/JSON document: the value there, or its key with `at: "key"`.
 * When the path does not exist (a missing field), the deepest node that does exist.
 */
export function locate(doc: Document, lines: LineCounter, path: Path, at: "key" | "value"): Position {
  const position = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 1, column: 1 };
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    // Follow aliases (bounded: a YAML alias cannot refer to itself).
    for (let hops = 0; isAlias(node) && hops < 100; hops++) node = node.resolve(doc);
    const step = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(step));
      if (!pair) break;
      if ((last && at === "key") || pair.value === null || pair.value === undefined) {
        const key = pair.key as Node | null;
        if (last && at === "key") return position(key?.range?.[0]);
        return position((pair.value as Node | null)?.range?.[0] ?? key?.range?.[0]);
      }
      node = pair.value;
    } else if (isSeq(node) && typeof step === "number") {
      const item = node.items[step];
      if (item === undefined || item === null) break;
      node = item;
    } else {
      break;
    }
  }
  const range = (node as Node | null | undefined)?.range;
  return position(range?.[0]);
}
