// Two frameworks side by side: what each sets per issue, and how each party's verdict moves.
import type { Framework, Scenario, Value } from "@parley/core";
import type { FrameworkEntryJson, Verdict } from "../api/types.js";

export interface IssueDiff {
  readonly issue: string;
  readonly label: string;
  readonly a: Value | null;
  readonly b: Value | null;
  readonly kind: "same" | "changed" | "added" | "removed" | "open";
}

export interface VerdictDiff {
  readonly party: string;
  readonly a: Verdict | null;
  readonly b: Verdict | null;
  readonly utilityA: number | null;
  readonly utilityB: number | null;
}

/** What a framework sets: the later point (by number) wins when two points set an issue. */
export function settled(framework: Framework): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const p of [...framework.points].sort((x, y) => x.number - y.number)) for (const [k, v] of Object.entries(p.sets)) out.set(k, v);
  return out;
}

export function compareFrameworks(scenario: Scenario, a: Framework, b: Framework, ea?: FrameworkEntryJson, eb?: FrameworkEntryJson): { issues: IssueDiff[]; verdicts: VerdictDiff[] } {
  const sa = settled(a);
  const sb = settled(b);
  const issues = scenario.issues.map((i): IssueDiff => {
    const va = sa.get(i.id) ?? null;
    const vb = sb.get(i.id) ?? null;
    const kind = va === null && vb === null ? "open" : va === null ? "added" : vb === null ? "removed" : va === vb ? "same" : "changed";
    return { issue: i.id, label: i.name ?? i.id, a: va, b: vb, kind };
  });
  const parties = [...new Set([...Object.keys(ea?.verdicts ?? {}), ...Object.keys(eb?.verdicts ?? {})])];
  const verdicts = parties.map((party): VerdictDiff => ({
    party,
    a: ea?.verdicts[party]?.verdict ?? null,
    b: eb?.verdicts[party]?.verdict ?? null,
    utilityA: ea?.verdicts[party]?.utility ?? null,
    utilityB: eb?.verdicts[party]?.utility ?? null,
  }));
  return { issues, verdicts };
}
