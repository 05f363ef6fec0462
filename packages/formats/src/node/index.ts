// Node-only helpers of @parley/formats: reading and writing scenario files and GENIUS folders.
export { lintScenarioFile, readScenarioFile, writeScenarioFile } from "./read-scenario-file.js";
export {
  readGeniusFolder,
  readGeniusFolderSync,
  writeGeniusFolder,
  type ReadGeniusFolderOptions,
} from "./read-genius-folder.js";
export { builtinScenarioPath, readBuiltinScenarioText } from "./builtin-scenario.js";
// The issue and limit helpers of the package's index, also here: a Node program can take them from
// this module without importing the index (which re-exports the native parser: zod, yaml).
export { formatIssueText, type FormatIssue, type ParseResult } from "../format-issue.js";
export { defaultFormatLimits, formatLimitsFromEnv, type FormatLimits } from "../limits.js";
