/**
 * Writes the generated files of the native scenario format (run `npm run schema` after changing
 * the zod schema or the built-in example):
 *   - schema/scenario.schema.json, the JSON Schema, from the zod schema;
 *   - packages/formats/src/native/builtin-scenario.ts, the built-in scenario as a string constant,
 *     from the example file named by builtinScenarioSourcePath (examples/peace-talks-2025.yaml), so
 *     browsers get it without a file system.
 * Tests fail with "run npm run schema" when either is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtinScenarioModuleText, builtinScenarioSourcePath } from "../src/native/builtin-scenario-source.js";
import { scenarioJsonSchemaText } from "../src/native/json-schema.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");

const targets: [string, string][] = [
  [join(root, "schema/scenario.schema.json"), scenarioJsonSchemaText()],
  [
    join(root, "packages/formats/src/native/builtin-scenario.ts"),
    builtinScenarioModuleText(readFileSync(join(root, builtinScenarioSourcePath), "utf8")),
  ],
];

for (const [path, text] of targets) {
  let old: string | undefined;
  try {
    old = readFileSync(path, "utf8");
  } catch {
    old = undefined;
  }
  if (old === text) {
    console.log(`unchanged ${path}`);
  } else {
    writeFileSync(path, text);
    console.log(`wrote     ${path}`);
  }
}
