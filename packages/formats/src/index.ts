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
export * from "./native/index.js";
export * from "./genius/index.js";
