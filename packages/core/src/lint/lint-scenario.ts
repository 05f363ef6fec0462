import type { Scenario } from "../model/scenario.js";
import type { Provenance } from "../model/statement.js";
import { lintRuleIds, type LintFinding, type LintRuleId, type LintTarget, type ProvenanceTarget } from "./lint-finding.js";
import { blocRedLine } from "./rules/bloc-red-line.js";
import { controlledIssueRanked } from "./rules/controlled-issue-ranked.js";
import { latestPositionFirst } from "./rules/latest-position-first.js";
import { redLineVoice } from "./rules/red-line-voice.js";

/** The rules that look at the scenario (unused-exception is applied afterwards, by lintScenario). */
const rules: readonly ((scenario: Scenario) => LintFinding[])[] = [redLineVoice, latestPositionFirst, blocRedLine, controlledIssueRanked];

/** Every provenance of the scenario that can hold exceptions, with where it is. */
function provenances(scenario: Scenario): { at: ProvenanceTarget; provenance: Provenance }[] {
  const out: { at: ProvenanceTarget; provenance: Provenance }[] = [];
  for (const party of scenario.parties) {
    const prefs = party.preferences;
    if (!prefs) continue;
    prefs.redLines?.forEach((line, index) => {
      if (line.provenance) out.push({ at: { kind: "red-line", party: party.id, index }, provenance: line.provenance });
    });
    for (const [issue, provenance] of Object.entries(prefs.provenance?.values ?? {}))
      out.push({ at: { kind: "ordering", party: party.id, issue }, provenance });
    for (const [issue, provenance] of Object.entries(prefs.provenance?.weights ?? {}))
      out.push({ at: { kind: "weight", party: party.id, issue }, provenance });
    if (prefs.provenance?.reservation) out.push({ at: { kind: "reservation", party: party.id }, provenance: prefs.provenance.reservation });
  }
  return out;
}

const sameTarget = (a: LintTarget, b: ProvenanceTarget): boolean =>
  (a.kind === "red-line" && b.kind === "red-line" && a.party === b.party && a.index === b.index) ||
  (a.kind === "ordering" && b.kind === "ordering" && a.party === b.party && a.issue === b.issue);

/**
 * Check a scenario against its modelling rules (docs/scenario-format.md, "Checking the modelling
 * rules"): every finding of every rule, except those a provenance waives with a stated reason
 * (`exceptions: {rule-id: why}`); an exception that waives nothing is itself a finding
 * (unused-exception). Pure: the formats package places each finding in the file.
 */
export function lintScenario(scenario: Scenario): LintFinding[] {
  const withExceptions = provenances(scenario).filter((p) => p.provenance.exceptions !== undefined);
  const used = new Set<string>();
  const kept: LintFinding[] = [];
  for (const finding of rules.flatMap((rule) => rule(scenario))) {
    const waiver = withExceptions.find((p) => sameTarget(finding.target, p.at) && p.provenance.exceptions![finding.rule] !== undefined);
    if (waiver) used.add(`${JSON.stringify(waiver.at)} ${finding.rule}`);
    else kept.push(finding);
  }
  for (const { at, provenance } of withExceptions)
    for (const rule of Object.keys(provenance.exceptions!)) {
      if (used.has(`${JSON.stringify(at)} ${rule}`)) continue;
      kept.push({
        rule: "unused-exception",
        severity: "warning",
        target: { kind: "exception", at, rule },
        message: `This exception to ${rule} waives nothing: the choice follows the rule here. Remove it.`,
      });
    }
  return kept;
}

const lintRuleIdSet: ReadonlySet<string> = new Set(lintRuleIds);

/** Whether `id` names a lint rule (for checking `exceptions` keys). */
export function isLintRuleId(id: string): id is LintRuleId {
  return lintRuleIdSet.has(id);
}
