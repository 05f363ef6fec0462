import type { Scenario } from "../../model/scenario.js";
import type { Statement } from "../../model/statement.js";
import { listOf } from "../../text/index.js";
import type { LintFinding } from "../lint-finding.js";
import { redLineLabel } from "./describe.js";

/**
 * bloc-red-line: one leader's remark does not become a bloc-wide red line without saying so. For a
 * party with `members`, a red line whose cited statements for the party all name the same single
 * member (Statement.members) is reported unless its provenance says why it binds the bloc
 * (exceptions.bloc-red-line). A statement without `members` speaks for the bloc as a whole.
 */
export function blocRedLine(scenario: Scenario): LintFinding[] {
  const byId = new Map((scenario.statements ?? []).map((s) => [s.id, s] as const));
  const findings: LintFinding[] = [];
  for (const party of scenario.parties) {
    if (!party.members || party.members.length < 2) continue;
    (party.preferences?.redLines ?? []).forEach((line, index) => {
      const own = (line.provenance?.cites ?? [])
        .map((id) => byId.get(id))
        .filter((s): s is Statement => s !== undefined && s.party === party.id);
      if (own.length === 0 || own.some((s) => !s.members || s.members.length !== 1)) return;
      const members = new Set(own.map((s) => s.members![0]!));
      if (members.size !== 1) return;
      const [member] = members;
      findings.push({
        rule: "bloc-red-line",
        severity: "error",
        target: { kind: "red-line", party: party.id, index },
        message: `Red line ${redLineLabel(party.id, line, index)} rests only on statements by ${member} (${listOf(own.map((s) => s.id))}), one member of the bloc ${party.id}: cite a statement for the bloc or its other members, or say why one member's position binds the bloc in provenance.exceptions.bloc-red-line.`,
      });
    });
  }
  return findings;
}
