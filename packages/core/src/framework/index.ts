// Framework analysis: stance matrix, deal check, amendments, comparison, exclusion, Adjusted Winner,
// robustness, and the `parley framework` report. Definitions: docs/framework-analysis.md.
export {
  settleFramework,
  findFramework,
  resolveFramework,
  applyChanges,
  type Settlement,
  type SettledPoint,
  type PointSetting,
  type SettingChange,
} from "./settlement.js";
export { createPackageEvaluator, type PackagePartyState } from "./package-evaluator.js";
export {
  stanceMatrix,
  pointValue,
  pointRedLines,
  declaredPointStance,
  declaredFrameworkStance,
  disagrees,
  verdictDisagrees,
  ACCEPT_THRESHOLD,
  STANCE_ABBREVIATIONS,
  type StanceMatrix,
  type StanceRow,
  type PointPartyStance,
  type DeclaredStance,
  type DeclaredVia,
  type ModelledStance,
} from "./stance-matrix.js";
export { dealCheck, findConflictsAdditive, type DealCheck, type DealCheckOptions } from "./deal-check.js";
export { zoneMargin, type ZoneMargin, type ZoneMarginOptions } from "./zone-margin.js";
export { readingDeciders, type ReadingDeciders, type ReadingDecidersOptions } from "./deal-readings.js";
export {
  amendFramework,
  GAIN_TOLERANCE,
  type AmendmentOptions,
  type AmendmentBasis,
  type AmendmentReport,
  type Amendment,
  type Fix,
  type PartyFixes,
  type PartyChange,
} from "./amendments.js";
export {
  compareFrameworks,
  type FrameworkComparison,
  type IssueComparison,
  type IssueChangeKind,
  type PartyComparison,
} from "./compare.js";
export {
  excludeParty,
  type ExclusionOptions,
  type ExclusionResult,
  type ExclusionPoint,
  type ExcludedView,
  type AgreementFinder,
} from "./exclusion.js";
export { adjustedWinner, type AdjustedWinnerResult, type AdjustedWinnerItem } from "./adjusted-winner.js";
export {
  robustness,
  type RobustnessOptions,
  type RobustnessReport,
  type FrameworkRobustness,
  type WeightRange,
} from "./robustness.js";
export {
  explainVerdict,
  explainFramework,
  TOP_ISSUES,
  type VerdictExplanation,
  type IssueExplanation,
  type IssueTerm,
  type RedLineExplanation,
  type VerdictReason,
  type WeakGround,
} from "./explain-verdict.js";
export { resolveGrounds, statementRef, isWeakSupport, byDate, type Cite, type Grounds, type StatementRef, type Support } from "./grounds.js";
export {
  frameworkReport,
  constraintJson,
  type FrameworkReport,
  type FrameworkReportEntry,
  type FrameworkReportOptions,
  type PointStanceJson,
  type VerdictJson,
  type AmendmentJson,
  type FixJson,
  type WorsenedWhy,
  type ConstraintJson,
  type DeclaredJson,
} from "./report.js";
