// The native scenario format (YAML / JSON): re-exported by the package's index.ts.
export { parseScenario, scenarioFormatOf, type ParseScenarioOptions } from "./parse-scenario.js";
export { scenarioLocator, type ScenarioLocator } from "./scenario-locator.js";
export { lintScenarioText, lintTargetPath, type LintIssue } from "./lint-scenario-text.js";
export { stringifyScenario, type StringifyScenarioOptions } from "./stringify-scenario.js";
export { scenarioJsonSchema, scenarioJsonSchemaText, scenarioSchemaId } from "./json-schema.js";
export { builtinScenarioFileName } from "./builtin-scenario.js";
export { scenarioFileSchema, type ScenarioFile } from "./scenario-schema.js";
export { appendStatement, type StatementInput } from "./append-statement.js";
export { parsePartyPreferences } from "./party-preferences.js";
