import { z } from "zod";
import { scenarioFileSchema, schemaRegistry } from "./scenario-schema.js";

/** The `$id` of the scenario JSON Schema (an identifier, not a download location). */
export const scenarioSchemaId = "urn:parley:schema:scenario:1";

/** The JSON Schema (draft 2020-12) of native scenario files, generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioFileSchema, {
    io: "input",
    metadata: schemaRegistry,
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: scenarioSchemaId,
    title: "Parley scenario",
    description:
      "A Parley negotiation scenario (format version 1): issues, parties with preferences and red lines, and frameworks. Written in YAML or JSON; see docs/scenario-format.md.",
    ...rest,
  };
}

/** The JSON Schema as the text of schema/scenario.schema.json (two-space indent, trailing newline). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
