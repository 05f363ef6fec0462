// Page 7: statements and events by date, filterable by party, issue and framework point.
import { useMemo } from "react";
import type { Scenario } from "@parley/core";
import { api } from "../../api/client.js";
import type { ScenarioDetail, TimelineEntryJson } from "../../api/types.js";
import { Loading } from "../../components/Status.js";
import { STANCE_SYMBOLS } from "../../charts/stance-matrix/model.js";
import { fmtDate } from "../../charts/format.js";
import { filterTimeline, localTimeline } from "../../lib/timeline.js";
import { partyLabel, partyViews } from "../../lib/parties.js";
import { timelineFilterSet } from "../../state/actions/views.js";
import { resourceKey } from "../../state/actions/resources.js";
import { dispatch, useAppState } from "../../state/store.js";
import { useResource } from "../../state/use-resource.js";

const EVENT_LABEL: Readonly<Record<string, string>> = { meeting: "Meeting", draft: "Draft", leak: "Leak", talks: "Talks", statement: "Statement" };

export function TimelineView({ detail }: { detail: ScenarioDetail }) {
  const scenario = detail.scenario;
  const remote = useResource(resourceKey.timeline(detail.id), () => api.timeline(detail.id));
  const filter = useAppState((s) => s.timelineFilter);
  // The server's timeline when it has one; else the scenario's own statements and events.
  const entries = useMemo(() => (remote?.status === "ready" ? remote.data : remote?.status === "error" ? localTimeline(scenario) : null), [remote, scenario]);
  const shown = useMemo(() => (entries ? filterTimeline(entries, scenario, filter) : []), [entries, scenario, filter]);
  const colors = useMemo(() => new Map(partyViews(scenario).map((p) => [p.id, p.color])), [scenario]);
  const points = scenario.frameworks.flatMap((f) => f.points.map((p) => ({ value: `${f.id}/${p.id}`, label: `${f.name} · point ${p.number}` })));

  return (
    <div className="timeline-view" data-testid="timeline-view">
      <section className="panel">
        <div className="toolbar filters" role="group" aria-label="Filters">
          <label>
            Party{" "}
            <select value={filter.party} onChange={(e) => dispatch(timelineFilterSet, { party: e.target.value })} data-testid="filter-party">
              <option value="">all</option>
              {scenario.parties.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Issue{" "}
            <select value={filter.issue} onChange={(e) => dispatch(timelineFilterSet, { issue: e.target.value })} data-testid="filter-issue">
              <option value="">all</option>
              {scenario.issues.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name ?? i.id}
                </option>
              ))}
            </select>
          </label>
          <label>
            Point{" "}
            <select value={filter.point} onChange={(e) => dispatch(timelineFilterSet, { point: e.target.value })} data-testid="filter-point">
              <option value="">all</option>
              {points.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          {(filter.party || filter.issue || filter.point) && (
            <button type="button" className="link" onClick={() => dispatch(timelineFilterSet, { party: "", issue: "", point: "" })}>
              Clear filters
            </button>
          )}
          <span className="muted small count">{entries ? `${shown.length} of ${entries.length} entries` : ""}</span>
        </div>
      </section>
      {!entries ? (
        <Loading what="the timeline" />
      ) : entries.length === 0 ? (
        <section className="panel">
          <p className="empty">This scenario records no statements or events.</p>
        </section>
      ) : shown.length === 0 ? (
        <section className="panel">
          <p className="empty">Nothing matches these filters.</p>
        </section>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {shown.map((e) => (
            <TimelineItem key={`${e.type}-${e.id}`} entry={e} scenario={scenario} color={colors.get(e.type === "statement" ? e.party : (e.participants[0] ?? "")) ?? "#7b8794"} />
          ))}
        </ol>
      )}
    </div>
  );
}

function Source({ source, confidence }: { source: { outlet: string; title?: string; url?: string; date?: string }; confidence: string }) {
  const text = [source.outlet, source.title].filter(Boolean).join(", ");
  return (
    <span className="source small">
      {source.url ? (
        <a href={source.url} target="_blank" rel="noreferrer noopener">
          {text}
        </a>
      ) : (
        text
      )}
      {source.date && ` (${fmtDate(source.date)})`}{" "}
      <span className={`confidence confidence-${confidence}`} title={`confidence ${confidence}`}>
        {confidence}
      </span>
    </span>
  );
}

function TimelineItem({ entry, scenario, color }: { entry: TimelineEntryJson; scenario: Scenario; color: string }) {
  if (entry.type === "event")
    return (
      <li className="timeline-item event" data-testid="timeline-event">
        <time dateTime={entry.date}>
          {fmtDate(entry.date)}
          {entry.endDate && ` – ${fmtDate(entry.endDate)}`}
        </time>
        <div className="timeline-card">
          <span className={`kind kind-${entry.kind}`}>{EVENT_LABEL[entry.kind] ?? entry.kind}</span> <strong>{entry.title}</strong>
          {entry.place && <span className="muted small"> · {entry.place}</span>}
          {entry.description && <p className="small">{entry.description}</p>}
          <div className="small muted">
            {entry.participants.map((p) => partyLabel(scenario, p)).join(", ")}
            {entry.framework && ` · framework ${scenario.frameworks.find((f) => f.id === entry.framework)?.name ?? entry.framework}`}
          </div>
          <Source source={entry.source} confidence={entry.confidence} />
        </div>
      </li>
    );
  // One claim, or several (e.g. denies one thing and partly accepts another): each stance with what it is about.
  const claims = entry.claims && entry.claims.length > 0 ? entry.claims : [{ stance: entry.stance, about: entry.about }];
  const subjectLabel = (a: (typeof entry.about)[number]) => {
    const fw = a.framework ? scenario.frameworks.find((f) => f.id === a.framework) : undefined;
    const pt = fw && a.point ? fw.points.find((p) => p.id === a.point) : undefined;
    return pt ? `${fw!.name} · point ${pt.number}` : a.issue ? `${scenario.issues.find((i) => i.id === a.issue)?.name ?? a.issue}${a.values ? `: ${a.values.join(", ")}` : ""}` : (fw?.name ?? a.framework ?? "");
  };
  return (
    <li className="timeline-item statement" data-testid="timeline-statement">
      <time dateTime={entry.date}>{fmtDate(entry.date)}</time>
      <div className="timeline-card" style={{ borderLeft: `3px solid ${color}` }}>
        <span className="party-dot" style={{ background: color }} aria-hidden="true" /> <strong>{partyLabel(scenario, entry.party)}</strong>
        <span className="muted small"> · {entry.speaker}</span>
        {[...new Set(claims.map((c) => c.stance))].map((x) => (
          <span key={x}>
            {" "}
            <span className={`declared declared-${x}`} title={STANCE_SYMBOLS[x]?.label ?? x}>
              {STANCE_SYMBOLS[x]?.symbol ?? "•"}
            </span>{" "}
            <span className="small">{STANCE_SYMBOLS[x]?.label ?? x}</span>
          </span>
        ))}
        <p>{entry.paraphrase}</p>
        {claims.map((claim, j) => (
          <div className="about" key={j}>
            {claims.length > 1 && <span className="small muted">{STANCE_SYMBOLS[claim.stance]?.label ?? claim.stance}: </span>}
            {claim.about.map((a, k) => (
              <span key={k} className="chip small">
                {subjectLabel(a)}
              </span>
            ))}
          </div>
        ))}
        <Source source={entry.source} confidence={entry.confidence} />
      </div>
    </li>
  );
}
