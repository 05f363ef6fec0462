import { scenarioJsonSchemaText } from "@parley/formats";
import type { CliIo } from "../io.js";

export function schemaCommand(io: CliIo): void {
  io.stdout(scenarioJsonSchemaText());
}
