/**
 * Writes schema/scenario.schema.json, the JSON Schema of the native scenario format, from the zod
 * schema (run `npm run schema` after changing it). A test fails with "run npm run schema" when it
 * is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchemaText } from "../src/native/json-schema.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const path = join(root, "schema/scenario.schema.json");
const text = scenarioJsonSchemaText();

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
