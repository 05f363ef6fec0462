// Writes examples/audit/sample-room.json and north-opening.json, the samples docs/audit-log.md verifies.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sampleFiles } from "../test/sample-log.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
for (const [file, text] of Object.entries(sampleFiles())) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
  console.log(`wrote ${file}`);
}
