import { ParleyError } from "../errors.js";
import type { Scenario } from "../model/scenario.js";
import type { NegotiationEvent, Statement, StatementSubject } from "../model/statement.js";
import { didYouMean } from "../text/suggest.js";

/** One entry of a timeline: a statement or an event, with all its fields and a `type` to tell them apart. */
export type TimelineEntry = ({ readonly type: "statement" } & Statement) | ({ readonly type: "event" } & NegotiationEvent);

/** A framework point: `{framework, point}` or the text "FRAMEWORK/POINT". */
export type PointRef = { readonly framework: string; readonly point: string } | string;

export interface TimelineFilter {
  /** Statements made for this party, and events it took part in. */
  readonly party?: string;
  /**
   * Statements about this issue: directly, or about a framework point that sets it. Events carry
   * no issue, so with this filter they are left out.
   */
  readonly issue?: string;
  /**
   * Statements about this framework point, or about an issue the point sets; and events about the
   * point's framework (its drafts and leaks).
   */
  readonly point?: PointRef;
  /** First date to include: an ISO date or a prefix of one ("2025-12", "2026"). */
  readonly from?: string;
  /** Last date to include: an ISO date or a prefix of one ("2025-12" includes all of December). */
  readonly to?: string;
}

/**
 * The scenario's statements and events in date order (events before statements on the same day,
 * otherwise in file order), optionally filtered; the filters combine (all must hold). An event
 * spanning several days is placed at its first day and kept when any of its days lies in
 * [from, to]. Throws ParleyError for an unknown party, issue, framework or point.
 */
export function timeline(scenario: Scenario, filter: TimelineFilter = {}): TimelineEntry[] {
  const point = filter.point === undefined ? undefined : resolvePoint(scenario, filter.point);
  if (filter.party !== undefined && !scenario.parties.some((p) => p.id === filter.party)) {
    const ids = scenario.parties.map((p) => p.id);
    const hint = didYouMean(filter.party, ids);
    throw new ParleyError("PARLEY_ERR_UNKNOWN_PARTY", `scenario "${scenario.id}" has no party "${filter.party}"; parties: ${ids.join(", ")}${hint && `.${hint}`}`);
  }
  if (filter.issue !== undefined && !scenario.issues.some((i) => i.id === filter.issue)) {
    const ids = scenario.issues.map((i) => i.id);
    const hint = didYouMean(filter.issue, ids);
    throw new ParleyError("PARLEY_ERR_UNKNOWN_ISSUE", `scenario "${scenario.id}" has no issue "${filter.issue}"; issues: ${ids.join(", ")}${hint && `.${hint}`}`);
  }

  // Which framework points set which issues, to relate issue and point subjects.
  const pointSets = new Map<string, readonly string[]>();
  for (const f of scenario.frameworks) for (const p of f.points) pointSets.set(pointKey(f.id, p.id), Object.keys(p.sets));
  const subjectIssues = (s: StatementSubject): readonly string[] => [
    ...(s.issue !== undefined ? [s.issue] : []),
    ...(s.framework !== undefined && s.point !== undefined ? (pointSets.get(pointKey(s.framework, s.point)) ?? []) : []),
  ];
  const pointIssues = point ? (pointSets.get(pointKey(point.framework, point.point)) ?? []) : [];

  const inRange = (first: string, last: string): boolean =>
    (filter.from === undefined || last.slice(0, filter.from.length) >= filter.from) &&
    (filter.to === undefined || first.slice(0, filter.to.length) <= filter.to);

  const keepStatement = (s: Statement): boolean =>
    inRange(s.date, s.date) &&
    (filter.party === undefined || s.party === filter.party) &&
    (filter.issue === undefined || s.about.some((a) => subjectIssues(a).includes(filter.issue!))) &&
    (point === undefined ||
      s.about.some(
        (a) =>
          (a.framework === point.framework && a.point === point.point) || (a.issue !== undefined && pointIssues.includes(a.issue)),
      ));

  const keepEvent = (e: NegotiationEvent): boolean =>
    inRange(e.date, e.endDate ?? e.date) &&
    filter.issue === undefined &&
    (filter.party === undefined || e.participants.includes(filter.party)) &&
    (point === undefined || e.framework === point.framework);

  const entries: { entry: TimelineEntry; order: number }[] = [];
  (scenario.events ?? []).forEach((e, k) => keepEvent(e) && entries.push({ entry: { type: "event", ...e }, order: k }));
  const offset = scenario.events?.length ?? 0;
  (scenario.statements ?? []).forEach((s, k) => keepStatement(s) && entries.push({ entry: { type: "statement", ...s }, order: offset + k }));
  entries.sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.order - b.order));
  return entries.map((x) => x.entry);
}

const pointKey = (framework: string, point: string): string => JSON.stringify([framework, point]);

/**
 * The framework and point a PointRef names. "FRAMEWORK/POINT" is split at a "/" whose left side
 * names a framework and whose right side names one of its points (framework ids may contain "/").
 */
export function resolvePoint(scenario: Scenario, ref: PointRef): { framework: string; point: string } {
  let framework: string | undefined;
  let point: string | undefined;
  if (typeof ref === "string") {
    // Prefer the split naming an existing point; else the first naming a framework (reported below).
    for (let k = ref.indexOf("/"); k > 0; k = ref.indexOf("/", k + 1)) {
      const f = scenario.frameworks.find((x) => x.id === ref.slice(0, k));
      if (!f) continue;
      if (f.points.some((p) => p.id === ref.slice(k + 1))) {
        [framework, point] = [f.id, ref.slice(k + 1)];
        break;
      }
      if (framework === undefined) [framework, point] = [f.id, ref.slice(k + 1)];
    }
    if (framework === undefined)
      throw new ParleyError(
        "PARLEY_ERR_UNKNOWN_FRAMEWORK",
        `"${ref}" names no framework point: write FRAMEWORK/POINT with one of the frameworks ${scenario.frameworks.map((f) => f.id).join(", ") || "(none)"}`,
      );
  } else ({ framework, point } = ref);
  const f = scenario.frameworks.find((x) => x.id === framework);
  if (!f) {
    const ids = scenario.frameworks.map((x) => x.id);
    const hint = didYouMean(framework!, ids);
    throw new ParleyError("PARLEY_ERR_UNKNOWN_FRAMEWORK", `scenario "${scenario.id}" has no framework "${framework}"; frameworks: ${ids.join(", ")}${hint && `.${hint}`}`);
  }
  if (!f.points.some((p) => p.id === point)) {
    const ids = f.points.map((p) => p.id);
    const hint = didYouMean(point!, ids);
    throw new ParleyError("PARLEY_ERR_UNKNOWN_FRAMEWORK", `framework "${framework}" has no point "${point!}"; its points: ${ids.join(", ")}${hint && `.${hint}`}`);
  }
  return { framework: framework!, point: point! };
}
