// The public API of @parley/formats (universal: no Node APIs). Node file helpers: "@parley/formats/node".
export {
  formatIssueCodes,
  formatIssueText,
  formatIssuePath,
  type FormatIssue,
  type FormatIssueCode,
  type ParseResult,
} from "./format-issue.js";
export {
  defaultFormatLimits,
  formatLimits,
  formatLimitEnv,
  formatLimitsFromEnv,
  limitHint,
  type FormatLimits,
} from "./limits.js";
export { decodeText } from "./decode-text.js";
// Named, not `export *`: a bundler then follows only the names used, so a program that reads GENIUS
// files only does not load the native parser (zod, yaml) — see packages/cli/scripts/bundle.mjs.
export {
  parseScenario,
  scenarioFormatOf,
  type ParseScenarioOptions,
  scenarioLocator,
  type ScenarioLocator,
  lintScenarioText,
  lintTargetPath,
  type LintIssue,
  stringifyScenario,
  type StringifyScenarioOptions,
  scenarioJsonSchema,
  scenarioJsonSchemaText,
  scenarioSchemaId,
  builtinScenarioFileName,
  scenarioFileSchema,
  type ScenarioFile,
  appendStatement,
  type StatementInput,
  parsePartyPreferences,
} from "./native/index.js";
export {
  parseGeniusDomain,
  GENIUS_DEFAULT_REAL_INTERVALS,
  type GeniusDomain,
  type GeniusIssueSource,
  type GeniusParseOptions,
  parseGeniusProfile,
  geniusFilesToScenario,
  classifyGeniusFile,
  geniusPartyId,
  type GeniusFile,
  type GeniusFileKind,
  type GeniusScenarioOptions,
  scenarioToGenius,
  type GeniusFiles,
} from "./genius/index.js";
