// The built-in scenario, read from the YAML file this package ships (scenarios/, beside src/ and
// dist/: the same relative path from both, in the repository and in an installed package).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { builtinScenarioFileName } from "../native/builtin-scenario.js";

/** The absolute path of the built-in scenario's YAML file. */
export const builtinScenarioPath = fileURLToPath(new URL(`../../scenarios/${builtinScenarioFileName}`, import.meta.url));

/** The built-in scenario's YAML text (parse it with parseScenario). */
export function readBuiltinScenarioText(): string {
  return readFileSync(builtinScenarioPath, "utf8");
}
