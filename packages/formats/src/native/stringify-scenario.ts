import type { Scenario } from "@parley/core";
import { Document, isMap, isPair, isScalar, isSeq, visit, type Node } from "yaml";
import { scenarioToFile } from "./to-file.js";

export interface StringifyScenarioOptions {
  /** Default "yaml". */
  readonly format?: "yaml" | "json";
  /**
   * A JSON Schema location to associate with the file: written as a `# yaml-language-server: $schema=…`
   * comment in YAML and as a `$schema` field in JSON. Default: none.
   */
  readonly schema?: string;
}

/** Maps under these keys are written inline (`forbid: {issue: [a, b]}`). */
const inlineUnder = new Set(["forbid", "if", "then", "sets", "outcome", "includes", "excludes"]);
/** Top-level lists whose items are separated by a blank line. */
const spacedLists = new Set(["issues", "parties", "frameworks", "statements", "events", "readings"]);
/** Maps that are items of these lists are written inline (`about: [{issue: a, values: [x]}]`). */
const inlineItemsOf = new Set(["about"]);

const isLeaf = (n: unknown): boolean => isScalar(n) || (isSeq(n) && n.items.every(isScalar));

/**
 * Write a scenario as a native scenario file (YAML by default, or JSON) that parses back to an
 * equal scenario. Uses the format's shorthands where they are exact.
 */
export function stringifyScenario(scenario: Scenario, options: StringifyScenarioOptions = {}): string {
  const file = scenarioToFile(scenario);
  if (options.format === "json") {
    const withSchema = options.schema !== undefined ? { $schema: options.schema, ...file } : file;
    return `${JSON.stringify(withSchema, null, 2)}\n`;
  }
  const doc = new Document(file);
  if (options.schema !== undefined) doc.commentBefore = ` yaml-language-server: $schema=${options.schema}`;
  visit(doc, {
    Seq(_key, node) {
      // Lists of values, and lists of [x, y] pairs, on one line.
      if (node.items.every(isLeaf)) node.flow = true;
    },
    Map(_key, node, path) {
      const parent = path[path.length - 1];
      const keyName = isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : undefined;
      const grand = path[path.length - 3];
      const underValues = isPair(grand) && isScalar(grand.key) && grand.key.value === "values";
      const owner = path[path.length - 2];
      const listKey = isSeq(parent) && isPair(owner) && isScalar(owner.key) ? String(owner.key.value) : undefined;
      if ((keyName !== undefined && inlineUnder.has(keyName)) || underValues || (listKey !== undefined && inlineItemsOf.has(listKey)))
        node.flow = true;
    },
    Pair(_key, pair, path) {
      // Blank lines between the top-level sections and between their items.
      if (path.length !== 2 || !isScalar(pair.key)) return;
      const name = String(pair.key.value);
      if (spacedLists.has(name)) {
        (pair.key as Node).spaceBefore = true;
        if (isSeq(pair.value)) pair.value.items.forEach((item, k) => k > 0 && isMap(item) && (item.spaceBefore = true));
      }
    },
  });
  return doc.toString({ lineWidth: 100, flowCollectionPadding: false });
}
