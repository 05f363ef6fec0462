import { LineCounter, parseDocument } from "yaml";
import { locate, type Position } from "./locate.js";
import type { Path } from "./problems.js";

/** Where a path of a scenario file is: `at: "key"` for the key of its last element, else its value. */
export type ScenarioLocator = (path: Path, at?: "key" | "value") => Position;

/**
 * A function mapping a path in a native scenario file (e.g. `["parties", 1, "preferences",
 * "redLines", 2]`) to its 1-based line and column in `text`; a path that does not exist gives the
 * deepest part that does. Meant for text that parses (parseScenario); never throws.
 */
export function scenarioLocator(text: string): ScenarioLocator {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, resolveKnownTags: false, logLevel: "silent" });
  return (path, at = "value") => locate(doc, lines, path, at);
}
