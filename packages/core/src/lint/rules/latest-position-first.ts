import type { Value } from "../../model/issue.js";
import type { Scenario } from "../../model/scenario.js";
import { statementClaims } from "../../model/statement.js";
import { valueScore } from "../../preferences/value-function.js";
import { issueValues } from "../../space/issue-values.js";
import { listOf } from "../../text/index.js";
import type { LintFinding } from "../lint-finding.js";

/** A party's own position on an issue: a framework it authored that sets the issue, or its statement (or a claim of it) accepting some values. */
export interface OwnPosition {
  /** YYYY-MM-DD; "" for an undated framework (older than any dated position). */
  readonly date: string;
  readonly values: readonly Value[];
  /** `framework 20-point` or `statement s-…`, for messages. */
  readonly via: string;
}

/**
 * The latest own positions of `party` on `issue` (all those of the latest date): the frameworks
 * whose `authoredBy` names the party and that set the issue, and the party's statements with stance
 * `accept` about specific values of the issue.
 */
export function latestOwnPositions(scenario: Scenario, party: string, issue: string): OwnPosition[] {
  const positions: OwnPosition[] = [];
  for (const fw of scenario.frameworks) {
    if (!fw.authoredBy?.includes(party)) continue;
    const set = fw.points.find((p) => Object.hasOwn(p.sets, issue));
    if (set) positions.push({ date: fw.date ?? "", values: [set.sets[issue]!], via: `framework ${fw.id}` });
  }
  for (const s of scenario.statements ?? []) {
    if (s.party !== party) continue;
    for (const claim of statementClaims(s)) {
      if (claim.stance !== "accept") continue;
      for (const subject of claim.about)
        if (subject.issue === issue && subject.values && subject.values.length > 0)
          positions.push({ date: s.date, values: subject.values, via: `statement ${s.id}` });
    }
  }
  if (positions.length === 0) return [];
  const latest = positions.reduce((a, p) => (p.date > a ? p.date : a), "");
  return positions.filter((p) => p.date === latest);
}

const EPS = 1e-9;

/**
 * latest-position-first: where a party's position moved, its latest own position ranks first — the
 * same way for every party. For each party with a linear-additive utility and each issue it weighs
 * (weight > 0, with a value function), the values its latest own position sets (latestOwnPositions)
 * must include one the party scores highest.
 */
export function latestPositionFirst(scenario: Scenario): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const party of scenario.parties) {
    const u = party.preferences?.utility;
    if (u?.kind !== "linear-additive") continue;
    for (const issue of scenario.issues) {
      const fn = u.values[issue.id];
      if (!fn || !((u.weights[issue.id] ?? 0) > 0)) continue;
      const latest = latestOwnPositions(scenario, party.id, issue.id);
      if (latest.length === 0) continue;
      const all = issueValues(issue);
      const scores = all.map((v) => valueScore(fn, issue, v));
      const best = Math.max(...scores);
      const held = latest.flatMap((p) => p.values);
      if (held.some((v) => valueScore(fn, issue, v) >= best - EPS)) continue;
      const top = all.filter((_, k) => scores[k]! >= best - EPS);
      const when = latest[0]!.date === "" ? "undated" : latest[0]!.date;
      findings.push({
        rule: "latest-position-first",
        severity: "error",
        target: { kind: "ordering", party: party.id, issue: issue.id },
        message: `${party.id} ranks ${listOf(top)} first on ${issue.id}, but its latest own position (${listOf(latest.map((p) => p.via))}, ${when}) sets ${listOf(held)}: rank ${held.length === 1 ? "it" : "one of them"} first, or say why not in provenance.values.${issue.id}.exceptions.latest-position-first.`,
      });
    }
  }
  return findings;
}
