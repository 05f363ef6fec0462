// Filtering a timeline by party, issue and framework point (the same rules as core's timeline()).
import type { Scenario } from "@parley/core";
import type { TimelineEntryJson } from "../api/types.js";

export interface TimelineFilter {
  readonly party: string;
  readonly issue: string;
  /** "FRAMEWORK/POINT" or "". */
  readonly point: string;
}

/** The scenario's statements and events by date (events first on a day), for when the server has none. */
export function localTimeline(scenario: Scenario): TimelineEntryJson[] {
  const entries: { e: TimelineEntryJson; order: number }[] = [];
  (scenario.events ?? []).forEach((e, k) => entries.push({ e: { type: "event", ...e }, order: k }));
  const offset = scenario.events?.length ?? 0;
  (scenario.statements ?? []).forEach((s, k) => entries.push({ e: { type: "statement", ...s }, order: offset + k }));
  return entries.sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.order - b.order)).map((x) => x.e);
}

export function filterTimeline(entries: readonly TimelineEntryJson[], scenario: Scenario, filter: TimelineFilter): TimelineEntryJson[] {
  const pointSets = new Map<string, readonly string[]>();
  for (const f of scenario.frameworks) for (const p of f.points) pointSets.set(`${f.id}/${p.id}`, Object.keys(p.sets));
  const [pf, pp] = filter.point ? filter.point.split("/") : [undefined, undefined];
  const pointIssues = filter.point ? (pointSets.get(filter.point) ?? []) : [];
  return entries.filter((e) => {
    if (e.type === "event") {
      if (filter.issue) return false;
      if (filter.party && !e.participants.includes(filter.party)) return false;
      if (filter.point && e.framework !== pf) return false;
      return true;
    }
    if (filter.party && e.party !== filter.party) return false;
    const subjectIssues = (a: (typeof e.about)[number]) => [
      ...(a.issue !== undefined ? [a.issue] : []),
      ...(a.framework !== undefined && a.point !== undefined ? (pointSets.get(`${a.framework}/${a.point}`) ?? []) : []),
    ];
    if (filter.issue && !e.about.some((a) => subjectIssues(a).includes(filter.issue))) return false;
    if (filter.point && !e.about.some((a) => (a.framework === pf && a.point === pp) || (a.issue !== undefined && pointIssues.includes(a.issue)))) return false;
    return true;
  });
}
