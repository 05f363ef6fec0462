// The native format's readers, imported by load-scenario.ts only when a native file or the built-in
// scenario is read (they load zod and yaml, which a GENIUS folder does not need). A module of its
// own so that the bundler (scripts/bundle.mjs) puts them in a chunk of their own.
import { parseScenario, type ParseResult } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import type { Scenario } from "@parley/core";

export { readScenarioFile } from "@parley/formats/node";

/** The built-in scenario, parsed. */
export function parseBuiltin(): ParseResult<Scenario> {
  return parseScenario(readBuiltinScenarioText(), { file: "built-in scenario" });
}
