// Bounds checked on a native file before it is converted, so that no hostile file can make the
// parser recurse, expand or allocate past the limits (FormatLimits): nesting depth, YAML alias
// expansion, and the number of issues, options, parties and items.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import { limitHint, type FormatLimits } from "../limits.js";
import type { Problem } from "./problems.js";

/**
 * The offset of the first flow bracket (`[` or `{`) nested deeper than `max`, or −1: a linear scan
 * (quoted text and comments skipped) run before the YAML parser, which recurses on flow nesting.
 */
export function firstTooDeepFlow(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x27 /* ' */ && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x27; i++);
    } else if (c === 0x23 /* # */ && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return -1;
}

export interface DocumentSize {
  /** The deepest nesting of collections (a scalar at the top is depth 0). */
  readonly depth: number;
  /** Nodes that expanding every alias would add. */
  readonly aliasNodes: number;
}

/**
 * Walk a parsed document without recursion: its nesting depth, and how many nodes its aliases would
 * add when expanded (each alias adds the size of its anchor's node, aliases inside it included).
 * Stops counting once `limits` are passed. A cyclic alias counts as too many.
 */
export function documentSize(doc: Document, limits: Pick<FormatLimits, "depth" | "aliasNodes">): DocumentSize {
  const sizes = new Map<Node, number>();
  const anchors = new Map<string, Node>();
  // Post-order sizes with an explicit stack; anchors are recorded in document order, as YAML resolves them.
  const size = (root: Node): number => {
    const known = sizes.get(root);
    if (known !== undefined) return known;
    let total = 0;
    const stack: { node: Node; expanded: boolean }[] = [{ node: root, expanded: false }];
    const inProgress = new Set<Node>();
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (sizes.has(top.node)) {
        stack.pop();
        continue;
      }
      const kids = children(top.node, anchors);
      if (!top.expanded) {
        top.expanded = true;
        inProgress.add(top.node);
        for (const k of kids) {
          if (inProgress.has(k)) return Infinity; // an alias of its own ancestor
          if (!sizes.has(k)) stack.push({ node: k, expanded: false });
        }
        continue;
      }
      let s = 1;
      for (const k of kids) s += sizes.get(k) ?? 0;
      sizes.set(top.node, Math.min(s, Number.MAX_SAFE_INTEGER));
      inProgress.delete(top.node);
      stack.pop();
      total = s;
    }
    return sizes.get(root) ?? total;
  };

  let depth = 0;
  let aliasNodes = 0;
  const walk: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (walk.length > 0) {
    const { node, depth: d } = walk.pop()!;
    if (node === null || node === undefined) continue;
    if (isPair(node)) {
      walk.push({ node: node.value, depth: d }, { node: node.key, depth: d });
      continue;
    }
    const n = node as Node;
    if (n.anchor) anchors.set(n.anchor, n);
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      if (target) aliasNodes += size(target);
      if (aliasNodes > limits.aliasNodes) return { depth, aliasNodes };
      continue;
    }
    if (isMap(n) || isSeq(n)) {
      depth = Math.max(depth, d + 1);
      if (depth > limits.depth) return { depth, aliasNodes };
      for (let i = n.items.length - 1; i >= 0; i--) walk.push({ node: n.items[i], depth: d + 1 });
    }
  }
  return { depth, aliasNodes };
}

function children(node: Node, anchors: ReadonlyMap<string, Node>): Node[] {
  if (isAlias(node)) {
    const target = anchors.get(node.source);
    return target ? [target] : [];
  }
  if (isScalar(node)) return [];
  if (isMap(node)) return node.items.flatMap((p) => [p.key, p.value].filter((x): x is Node => x !== null && typeof x === "object"));
  if (isSeq(node)) return node.items.filter((x): x is Node => x !== null && typeof x === "object") as Node[];
  return [];
}

/**
 * Counts checked on the plain data before the schema walks it: issues, options of each issue,
 * parties, frameworks, points, statements and events. Each problem names the limit.
 */
export function countProblems(raw: unknown, limits: FormatLimits): Problem[] {
  const problems: Problem[] = [];
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return problems;
  const doc = raw as Record<string, unknown>;
  const over = (path: (string | number)[], what: string, n: number, key: keyof FormatLimits) =>
    problems.push({ code: "PARLEY_FMT_LIMIT", path, at: "key", message: `${n.toLocaleString("en")} ${what}; ${limitHint(key, limits)}.`, severity: "error" });
  const list = (key: string): unknown[] | undefined => (Array.isArray(doc[key]) ? (doc[key] as unknown[]) : undefined);
  const issues = list("issues");
  if (issues && issues.length > limits.issues) over(["issues"], "issues", issues.length, "issues");
  else
    issues?.forEach((issue, i) => {
      const options = issue !== null && typeof issue === "object" ? (issue as Record<string, unknown>)["options"] : undefined;
      if (Array.isArray(options) && options.length > limits.valuesPerIssue) over(["issues", i, "options"], "options", options.length, "valuesPerIssue");
    });
  const parties = list("parties");
  if (parties && parties.length > limits.parties) over(["parties"], "parties", parties.length, "parties");
  for (const key of ["frameworks", "statements", "events"]) {
    const items = list(key);
    if (items && items.length > limits.items) over([key], key, items.length, "items");
  }
  list("frameworks")?.forEach((f, i) => {
    const points = f !== null && typeof f === "object" ? (f as Record<string, unknown>)["points"] : undefined;
    if (Array.isArray(points) && points.length > limits.items) over(["frameworks", i, "points"], "points", points.length, "items");
  });
  return problems;
}
