// Checking a scenario against its own modelling rules (`parley lint`). Rules: docs/scenario-format.md.
export { lintScenario, isLintRuleId } from "./lint-scenario.js";
export { lintRuleIds, type LintRuleId, type LintFinding, type LintTarget, type ProvenanceTarget } from "./lint-finding.js";
export { latestOwnPositions, type OwnPosition } from "./rules/latest-position-first.js";
