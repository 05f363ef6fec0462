// Preferences as small bars: a party's issue weights, and each value function's score per option.
import { issueValues, valueScore, type Issue, type Provenance, type Statement, type ValueFunction } from "@parley/core";

export interface Bar {
  readonly label: string;
  /** In [0, 1]. */
  readonly value: number;
}

/** Scores of a value function over an issue's values (at most `max` of them, evenly spaced, ends kept). */
export function valueFunctionBars(issue: Issue, fn: ValueFunction, max = 12): Bar[] {
  const all = issueValues(issue);
  const pick: typeof all =
    all.length <= max ? all : Array.from({ length: max }, (_, k) => all[Math.round((k * (all.length - 1)) / (max - 1))]!);
  return pick.map((v) => ({ label: String(v), value: Math.max(0, Math.min(1, valueScore(fn, issue, v))) }));
}

/** Weights as shares of their sum (GENIUS weights may not sum to 1), in issue order. */
export function weightBars(issues: readonly Issue[], weights: Readonly<Record<string, number>>): Bar[] {
  const total = issues.reduce((s, i) => s + Math.max(0, weights[i.id] ?? 0), 0);
  return issues.map((i) => ({ label: i.name ?? i.id, value: total > 0 ? Math.max(0, weights[i.id] ?? 0) / total : 0 }));
}

/** What a modelling choice rests on, as lines for a tooltip: each cited statement's paraphrase and source. */
export function provenanceLines(p: Provenance | undefined, statements: readonly Statement[]): string[] {
  if (!p) return [];
  const lines: string[] = [];
  for (const id of p.cites ?? []) {
    const s = statements.find((x) => x.id === id);
    if (!s) {
      lines.push(`${id} (statement not found)`);
      continue;
    }
    lines.push(`${s.date} · ${s.speaker}: “${s.paraphrase}” — ${[s.source.outlet, s.source.title].filter(Boolean).join(", ")} (${s.confidence})`);
  }
  if (p.assumption) lines.push(`Assumption: ${p.assumption}`);
  return lines;
}
