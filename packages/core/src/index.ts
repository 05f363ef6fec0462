// The public API of @parley/core: everything that leaves the package is listed here.

export { ParleyError, isParleyError, parleyErrorCodes, type ParleyErrorCode } from "./errors.js";

export type { Value, Issue, IssueKind, CategoricalIssue, IntegerIssue, RealIssue } from "./model/issue.js";
export type { Party, PartyRole } from "./model/party.js";
export type {
  Preferences,
  Utility,
  UtilityKind,
  LinearAdditiveUtility,
  HyperRectangleUtility,
  HyperRectangle,
  TableUtility,
  ValueFunction,
  ValueFunctionKind,
  RedLine,
} from "./model/preferences.js";
export type { Framework, FrameworkPoint } from "./model/framework.js";
export type { Scenario } from "./model/scenario.js";

export { issueValues, issueSize, issueValueIndex, issueContains } from "./space/issue-values.js";
export {
  compileScenario,
  compiledParty,
  outcomeIndices,
  outcomeFromIndices,
  outcomeIndicesAt,
  utilityOf,
  type CompiledScenario,
  type CompiledParty,
} from "./space/compile-scenario.js";
export { valueScore } from "./preferences/value-function.js";
export { compileUtility, type CompiledUtility } from "./preferences/compile-utility.js";
export { compileRedLines, crossesRedLine, type CompiledRedLine } from "./preferences/compile-red-lines.js";
