import type { Scenario } from "../../model/scenario.js";
import type { Statement } from "../../model/statement.js";
import { listOf } from "../../text/index.js";
import type { LintFinding } from "../lint-finding.js";
import { redLineLabel } from "./describe.js";

const voices = new Set(["principal", "spokesperson"]);

/**
 * red-line-voice: a red line is modelled only where a principal or an official spokesperson of the
 * party says it will not accept an option (or only on a condition), so its provenance must cite at
 * least one statement by that party whose `voice` is `principal` or `spokesperson`. Checked only in
 * scenarios that have statements (a scenario without sources has nothing to check against).
 */
export function redLineVoice(scenario: Scenario): LintFinding[] {
  if (!scenario.statements || scenario.statements.length === 0) return [];
  const byId = new Map(scenario.statements.map((s) => [s.id, s] as const));
  const findings: LintFinding[] = [];
  for (const party of scenario.parties) {
    (party.preferences?.redLines ?? []).forEach((line, index) => {
      const target = { kind: "red-line", party: party.id, index } as const;
      const label = redLineLabel(party.id, line, index);
      const cited = (line.provenance?.cites ?? []).map((id) => byId.get(id)).filter((s): s is Statement => s !== undefined);
      const own = cited.filter((s) => s.party === party.id);
      if (own.some((s) => s.voice !== undefined && voices.has(s.voice))) return;
      const details =
        own.length > 0
          ? listOf(own.map((s) => `${s.id}: ${s.voice ?? "no voice"}`))
          : cited.length > 0
            ? `it cites only statements of other parties: ${listOf(cited.map((s) => s.id))}`
            : "it cites no statement";
      findings.push({
        rule: "red-line-voice",
        severity: "error",
        target,
        message: `Red line ${label} cites no statement by ${party.id} whose voice is principal or spokesperson (${details}): cite one (or set the voice of a cited statement), remove the red line (its position stays in the ordering), or give the reason in provenance.exceptions.red-line-voice.`,
      });
    });
  }
  return findings;
}
