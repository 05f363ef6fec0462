// The public API of @parley/core: everything that leaves the package is listed here.

export { ParleyError, isParleyError, parleyErrorCodes, type ParleyErrorCode } from "./errors.js";
export { PARLEY_VERSION } from "./version.js";

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
export type { Framework, FrameworkPoint, FrameworkBasis } from "./model/framework.js";
export type { Scenario } from "./model/scenario.js";
export type { Reading, PartyReading } from "./model/reading.js";
export { applyReadings, findReadings, readingsConflict, readingTouches } from "./readings/index.js";
export type {
  Statement,
  StatementSubject,
  Stance,
  StatementClaim,
  Voice,
  NegotiationEvent,
  EventKind,
  SourceRef,
  Confidence,
  Provenance,
} from "./model/statement.js";
export { statementClaims, statementStances } from "./model/statement.js";

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

export { createRng, deriveSeed, type Rng } from "./random/rng.js";
export { closestWord, didYouMean, editDistance, SUGGEST_MAX_LENGTH, listOf, describeValue, valuesText, redLineText } from "./text/index.js";

export {
  outcomeUtilities,
  DEFAULT_ENUMERATION_LIMIT,
  analysisDefaults,
  enumerationBytes,
  enumerationFits,
  type OutcomeUtilities,
  type EnumerationOptions,
  type ProgressCallback,
} from "./analysis/outcome-utilities.js";
export { paretoFrontier, type FrontierGroup } from "./analysis/pareto-frontier.js";
export { paretoFrontierReference } from "./analysis/pareto-reference.js";
export { frontier2d, type PairColumns } from "./analysis/frontier-2d.js";
export { mergeFrontier, type MergeFrontierOptions, type MergeFrontierResult, type MergedPoint } from "./analysis/merge-frontier.js";
export {
  nashPoints,
  egalitarianPoints,
  maxWelfarePoints,
  kalaiSmorodinskyPoints,
  idealPoint,
  oppositionLevel,
  type SolutionOptions,
} from "./analysis/solutions.js";
export { findConflicts, type Constraint, type ConflictSearchOptions, type ConflictSearchResult } from "./analysis/conflicts.js";
export {
  evaluateFramework,
  type FrameworkEvaluation,
  type FrameworkPartyEvaluation,
  type Verdict,
} from "./analysis/evaluate-framework.js";
export {
  analyzeScenario,
  frontierReport,
  type FrontierFindings,
  type AnalysisOptions,
  type AnalysisMethod,
  type AnalysisReport,
  type FrontierPoint,
  type SolutionPoint,
} from "./analysis/analyze-scenario.js";
export { sampleOutcomes, sampledOutcome, type OutcomeSample } from "./analysis/sample-outcomes.js";
export { analysisReportJson, type AnalysisReportJson } from "./analysis/report-json.js";
export * from "./negotiation/index.js";
export * from "./tournament/index.js";
export {
  timeline,
  resolvePoint,
  scenarioAsOf,
  verdictHistory,
  type TimelineEntry,
  type TimelineFilter,
  type PointRef,
  type AsOfResult,
  type HistoryStep,
} from "./timeline/index.js";
export * from "./framework/index.js";
export * from "./lint/index.js";

// Use cases: what the CLI, the server and the browser do, each written once.
export {
  planSimulation,
  runSimulation,
  resolveSeats,
  openingText,
  simulationReference,
  singleTextMediators,
  DEFAULT_AGENT,
  type SimulationRequest,
  type SimulationPlan,
  type SimulationPlanOptions,
  type SimulationFieldNames,
  type SimulationReference,
  type SimulationSummary,
} from "./usecases/simulation.js";
export {
  checkTournament,
  planTournamentOrThrow,
  playTournamentRun,
  failedRun,
  tournamentRunRecord,
  scoreRecords,
  runErrorCodes,
  tournamentProtocols,
  type RunErrorCode,
  type TournamentProtocol,
  type TournamentRequest,
  type TournamentScenarioEntry,
  type TournamentLimits,
  type TournamentProblem,
  type TournamentCheck,
  type TournamentRunOutcome,
  type TournamentSettings,
  type TournamentRunRecord,
} from "./usecases/tournament.js";
export * from "./briefing/index.js";
export * from "./rooms/index.js";
