import type { Scenario } from "../../model/scenario.js";
import type { LintFinding } from "../lint-finding.js";

/**
 * controlled-issue-ranked: an issue a party controls is left to that party when it is not at the
 * table (excludeParty fixes it at the value the party ranks first), so each controlling party needs
 * a linear-additive utility with a value function for the issue.
 */
export function controlledIssueRanked(scenario: Scenario): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const issue of scenario.issues) {
    for (const id of issue.controlledBy ?? []) {
      const party = scenario.parties.find((p) => p.id === id);
      const u = party?.preferences?.utility;
      if (u?.kind === "linear-additive" && u.values[issue.id]) continue;
      findings.push({
        rule: "controlled-issue-ranked",
        severity: "warning",
        target: { kind: "issue", issue: issue.id },
        message: `Issue ${issue.id} is controlled by ${id}, which ${u === undefined ? "has no preferences" : u.kind !== "linear-additive" ? "has a non-linear utility" : "has no value function for it"}: without ${id}, excludeParty cannot tell where the issue stays. Give ${id} an ordering of ${issue.id}, or remove ${id} from controlledBy.`,
      });
    }
  }
  return findings;
}
