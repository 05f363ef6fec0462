import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema, scenarioJsonSchemaText, scenarioSchemaId } from "./json-schema.js";

const repo = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

describe("the generated file is up to date", () => {
  it("schema/scenario.schema.json matches the zod schema", () => {
    const onDisk = readFileSync(repo("schema/scenario.schema.json"), "utf8");
    expect(onDisk === scenarioJsonSchemaText(), "schema/scenario.schema.json is stale: run npm run schema").toBe(true);
  });
});

describe("the JSON Schema", () => {
  const schema = scenarioJsonSchema();

  it("is a draft 2020-12 schema with an id, title and description first", () => {
    expect(Object.keys(schema).slice(0, 4)).toEqual(["$schema", "$id", "title", "description"]);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(scenarioSchemaId);
  });

  it("rejects unknown fields and names its building blocks", () => {
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.$defs as object)).toEqual(
      expect.arrayContaining(["Issue", "Party", "Preferences", "ValueFunction", "RedLine", "Framework", "FrameworkPoint", "Provenance", "Statement", "Subject", "Source", "Event"]),
    );
  });

  it("is generated the same way every time", () => {
    expect(scenarioJsonSchemaText()).toBe(scenarioJsonSchemaText());
    expect(scenarioJsonSchemaText().endsWith("}\n")).toBe(true);
  });
});
