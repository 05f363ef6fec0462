// Writes examples/audit/sample-room.json, the sample audit log docs/audit-log.md verifies.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sampleAuditExport } from "../test/sample-log.js";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../examples/audit/sample-room.json");
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(sampleAuditExport(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
