// The human mediator's console: the current text and the draft out for rating, the aggregate
// feedback per point (disclosure "aggregates"), the engine's suggestions (packages computed from the
// seats' private preferences: GET …/suggestions), composing the next draft — from the current text,
// the last draft, a framework or an engine suggestion — publishing it, calling the ratification,
// closing the room; in shuttle rooms, a private channel per seat.
import { useEffect, useState } from "react";
import type { Scenario } from "@parley/core";
import { api } from "../../api/client.js";
import type { RoomSuggestionJson, RoomSuggestionsJson, RoomView } from "../../api/types.js";
import { completePackage, type Package } from "../../lib/room-view.js";
import { errorMessage } from "../../state/use-resource.js";
import { CloseRoom } from "./CloseRoom.js";
import { issueName, PackageEditor, PackageTable, Panel, RATINGS, Refusal, useSend } from "./consoles.js";
import { PrivateChannel } from "./PrivateChannel.js";

/** The suggestions by kind, in the order the console lists them. */
const SUGGESTIONS = [
  { key: "nextText", label: "next single text (the engine mediator's draft rule)" },
  { key: "nash", label: "Nash bargaining package" },
  { key: "kalaiSmorodinsky", label: "Kalai–Smorodinsky package" },
  { key: "improvement", label: "post-settlement improvement" },
] as const;

type Suggestions = { readonly state: "idle" | "loading" } | { readonly state: "ready"; readonly data: RoomSuggestionsJson } | { readonly state: "failed"; readonly error: string };

/** The engine's suggestions, fetched on demand and again whenever the room moves on (a new seq). */
function useSuggestions(roomId: string, seq: number): { suggestions: Suggestions; ask: () => void } {
  const [suggestions, setSuggestions] = useState<Suggestions>({ state: "idle" });
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    let stale = false;
    setSuggestions((s) => (s.state === "ready" ? s : { state: "loading" }));
    api.roomSuggestions(roomId).then(
      (data) => !stale && setSuggestions({ state: "ready", data }),
      (e: unknown) => !stale && setSuggestions({ state: "failed", error: errorMessage(e) }),
    );
    return () => {
      stale = true;
    };
  }, [roomId, seq, wanted]);
  return { suggestions, ask: () => setWanted(true) };
}

/** "2 of 3 seats at or above their walk-away; 1 crossing a red line" (disclosure aggregates), or nothing. */
export function describeCounts(s: RoomSuggestionJson): string {
  if (!s.seats) return "";
  const { atOrAboveWalkAway, crossingRedLines, of } = s.seats;
  return `${atOrAboveWalkAway} of ${of} seats at or above their walk-away; ${crossingRedLines === 0 ? "no seat" : `${crossingRedLines} of ${of}`} crossing a red line`;
}

export function MediatorConsole({ roomId, view, scenario }: { roomId: string; view: RoomView; scenario: Scenario }) {
  const { suggestions, ask } = useSuggestions(roomId, view.seq);
  const engine = suggestions.state === "ready" ? suggestions.data : null;
  const bases = [
    ...(view.text ? [{ label: "the current text", pkg: view.text }] : []),
    ...(view.draft ? [{ label: "the last draft", pkg: view.draft.package }] : []),
    ...SUGGESTIONS.flatMap(({ key, label }) => {
      const s = engine?.[key];
      return s ? [{ label: `engine: ${label}`, pkg: s.package }] : [];
    }),
  ];
  const [pkg, setPkg] = useState<Package>(() => completePackage(scenario.issues, view.text ?? view.draft?.package));
  const { busy, error, send } = useSend();
  const human = view.mediator === "human";
  const canDraft = view.protocol === "single-text" && view.status === "running" && view.turn.mediator && human;
  const over = view.status === "settled" || view.status === "failed" || view.status === "closed";
  return (
    <div className="room-console" data-testid="mediator-console">
      {view.text ? (
        <Panel title="Current text" id="m-text-title" testId="mediator-text">
          <PackageTable issues={scenario.issues} pkg={view.text} label="The current text" />
        </Panel>
      ) : null}
      {view.draft && view.status === "running" ? (
        <Panel title={`Draft ${view.draft.number} out for rating`} id="m-draft-title">
          <p>
            Rated by {view.draft.rated.length} of {view.seats.length} seats{view.draft.rated.length > 0 ? `: ${view.draft.rated.join(", ")}` : ""}.
          </p>
        </Panel>
      ) : null}
      {view.aggregates ? <Aggregates view={view} scenario={scenario} /> : null}
      {human && view.status !== "open" ? <EngineSuggestions suggestions={suggestions} ask={ask} scenario={scenario} disclosure={view.disclosure} /> : null}
      {canDraft ? (
        <Panel title="Compose the next draft" id="compose-title" testId="mediator-compose">
          {engine ? null : <p className="small muted">Ask for the engine's suggestions above to start from one of them.</p>}
          <PackageEditor scenario={scenario} pkg={pkg} onChange={setPkg} bases={bases} idPrefix="compose" />
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void send(() => api.roomAction(roomId, { type: "publish-draft", package: pkg }))} data-testid="compose-publish">
              Publish this draft
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy || !view.text}
              onClick={() => void send(() => api.roomAction(roomId, { type: "call-ratification" }))}
              data-testid="call-ratification"
            >
              Call the ratification vote on the current text
            </button>
          </div>
          <Refusal error={error} />
        </Panel>
      ) : null}
      {human && view.protocol === "shuttle" && view.status !== "open"
        ? view.seats.map((s) => <PrivateChannel key={s.party} roomId={roomId} party={s.party} viewer="mediator" scenario={scenario} open={!over} />)
        : null}
      {view.ratification ? (
        <Panel title="Ratification" id="m-ratify-title" testId="mediator-ratify">
          <PackageTable issues={scenario.issues} pkg={view.ratification.package} label="The text put to the vote" />
          <p>Votes: {Object.entries(view.ratification.votes).map(([p, v]) => `${p} ${v}`).join(", ") || "none yet"}</p>
        </Panel>
      ) : null}
      {view.final ? (
        <Panel title="Agreement" id="m-final-title" testId="mediator-final">
          <PackageTable issues={scenario.issues} pkg={view.final} label="The agreement" />
        </Panel>
      ) : null}
      {view.status === "failed" ? (
        <Panel title="No agreement" id="m-failed-title">
          <p>{view.reason}</p>
        </Panel>
      ) : null}
      {human && !over ? <CloseRoom roomId={roomId} who="mediator" /> : null}
    </div>
  );
}

function EngineSuggestions({ suggestions, ask, scenario, disclosure }: { suggestions: Suggestions; ask: () => void; scenario: Scenario; disclosure: RoomView["disclosure"] }) {
  const data = suggestions.state === "ready" ? suggestions.data : null;
  return (
    <Panel title="Engine suggestions" id="suggest-title" testId="mediator-suggestions">
      <p className="small muted">
        Packages the engine computes from every seat's private preferences. You see the packages only
        {disclosure === "aggregates" ? ", and how many seats each leaves at or above their walk-away and takes across a red line" : ""} — never a seat's own numbers.
      </p>
      {suggestions.state === "idle" ? (
        <div className="form-actions">
          <button type="button" className="button secondary" onClick={ask} data-testid="suggest-ask">
            Ask the engine for suggestions
          </button>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {suggestions.state === "loading" ? <p>Computing…</p> : null}
        {suggestions.state === "failed" ? <p className="error">{suggestions.error}</p> : null}
      </div>
      {data ? (
        <>
          {SUGGESTIONS.map(({ key, label }) => {
            const s = data[key];
            if (s === undefined) return null;
            return (
              <div key={key} data-testid={`suggestion-${key}`} className="suggestion">
                <h3>{label[0]!.toUpperCase() + label.slice(1)}</h3>
                {s === null ? (
                  <p className="muted">{key === "nextText" ? "No one-issue change improves the text: the engine would call the ratification." : key === "improvement" ? "No package is better for every seat." : "No package is acceptable to every seat."}</p>
                ) : (
                  <>
                    <PackageTable issues={scenario.issues} pkg={s.package} label={label} />
                    {s.seats ? <p className="small" data-testid={`suggestion-${key}-counts`}>{describeCounts(s)}</p> : null}
                  </>
                )}
              </div>
            );
          })}
          {data.notes.map((n) => (
            <p key={n} className="small muted">
              {n}
            </p>
          ))}
          <p className="small muted" data-testid="suggestions-seq">
            As of event #{data.seq}; updated as the room moves on.
          </p>
        </>
      ) : null}
    </Panel>
  );
}

function Aggregates({ view, scenario }: { view: RoomView; scenario: Scenario }) {
  const a = view.aggregates!;
  return (
    <Panel title={`Feedback on draft ${a.draft} (${a.rated} of ${a.of} seats)`} id="agg-title" testId="mediator-aggregates">
      <table className="data-table compact" aria-label={`Ratings of draft ${a.draft}, counted per point`}>
        <thead>
          <tr>
            <th scope="col">Point</th>
            {RATINGS.map((r) => (
              <th scope="col" className="num" key={r}>
                {r}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scenario.issues.map((issue) => (
            <tr key={issue.id} data-issue={issue.id}>
              <th scope="row">{issueName(issue)}</th>
              {RATINGS.map((r) => (
                <td className="num" key={r}>
                  {a.points[issue.id]?.[r] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="aggregates-overall">
        Overall: {a.overall.accept} of {a.of} accept, {a.overall.reject} reject.
      </p>
    </Panel>
  );
}
