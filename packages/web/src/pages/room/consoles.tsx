// The seat console (its own preferences, the current draft or offer point by point with its own
// value, ratings, counter-offers, votes) and the pieces the other consoles share (MediatorConsole.tsx,
// ConvenerConsole.tsx). Every control is a labelled form element or a
// button, so the consoles work from the keyboard. Commands go through the API client; the room's
// stream brings the resulting events and the page refreshes the view.
import { useState, type FormEvent, type ReactNode } from "react";
import type { Issue, PointRating, Scenario, Value } from "@parley/core";
import { api, ApiError } from "../../api/client.js";
import type { RoomAction, RoomView } from "../../api/types.js";
import {
  describeRedLine,
  draftFromPreferences,
  keepOther,
  moveOptionTo,
  pointScores,
  previewPackage,
  setDirection,
  setForbidden,
  setWeight,
  toNativePreferences,
  type PreferencesDraft,
} from "../../lib/room-preferences.js";
import { applyFramework, completePackage, pct, showValue, type Package } from "../../lib/room-view.js";
import { errorMessage } from "../../state/use-resource.js";
import { OptionOrder } from "./OptionOrder.js";
import { SeatHistory, SeatSpacePanel, useSeatSide } from "./SeatOutlook.js";
import { SeatCommitment } from "./SeatCommitment.js";

/** Sends a command (or a preferences submission); keeps the busy flag and the refusal to show. */
export function useSend(): { busy: boolean; error: string | null; send: (run: () => Promise<unknown>) => Promise<boolean> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await run();
      return true;
    } catch (e) {
      const issues = e instanceof ApiError && e.issues.length > 0 ? ` (${e.issues.map((i) => i.message).join("; ")})` : "";
      setError(`${errorMessage(e)}${issues}${e instanceof ApiError && e.code ? ` [${e.code}]` : ""}`);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, send };
}

export function Refusal({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="error" data-testid="room-refusal">
      {error}
    </p>
  ) : null;
}

export function Panel({ title, id, children, testId }: { title: string; id: string; children: ReactNode; testId?: string }) {
  return (
    <section className="panel" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export const issueName = (issue: Issue): string => issue.name ?? issue.id;

/** A package point by point, with this seat's own score of each point when given. */
export function PackageTable({ issues, pkg, scores, label, testId }: { issues: readonly Issue[]; pkg: Package; scores?: Record<string, number>; label: string; testId?: string }) {
  return (
    <table className="data-table compact" aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Point</th>
          <th scope="col">Value</th>
          {scores ? (
            <th scope="col" className="num">
              Worth to you
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {issues.map((issue) => (
          <tr key={issue.id}>
            <th scope="row">{issueName(issue)}</th>
            <td data-issue={issue.id}>{showValue(pkg[issue.id])}</td>
            {scores ? <td className="num">{pct(scores[issue.id])}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Edits a complete package point by point; "Start from" loads the current text or a framework. */
export function PackageEditor({ scenario, pkg, onChange, bases, idPrefix }: { scenario: Scenario; pkg: Package; onChange: (p: Package) => void; bases: readonly { label: string; pkg: Package }[]; idPrefix: string }) {
  const [start, setStart] = useState("");
  const load = (key: string) => {
    setStart(key);
    const base = bases.find((b) => b.label === key);
    if (base) return onChange(completePackage(scenario.issues, base.pkg));
    const fw = scenario.frameworks.find((f) => `framework:${f.id}` === key);
    if (fw) onChange(applyFramework(scenario.issues, pkg, fw));
  };
  const set = (issue: string, value: Value) => onChange({ ...pkg, [issue]: value });
  return (
    <div className="package-editor">
      <label className="field">
        <span>Start from</span>
        <select value={start} onChange={(e) => load(e.target.value)} data-testid={`${idPrefix}-start`}>
          <option value="">(as it is)</option>
          {bases.map((b) => (
            <option key={b.label} value={b.label}>
              {b.label}
            </option>
          ))}
          {scenario.frameworks.map((f) => (
            <option key={f.id} value={`framework:${f.id}`}>
              framework: {f.name}
            </option>
          ))}
        </select>
      </label>
      <div className="form-grid">
        {scenario.issues.map((issue) => (
          <label className="field" key={issue.id}>
            <span>{issueName(issue)}</span>
            {issue.kind === "categorical" ? (
              <select value={String(pkg[issue.id])} onChange={(e) => set(issue.id, e.target.value)} data-testid={`${idPrefix}-${issue.id}`}>
                {issue.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type="number"
                min={issue.min}
                max={issue.max}
                step={issue.kind === "real" ? issue.step : 1}
                value={Number(pkg[issue.id])}
                onChange={(e) => set(issue.id, Number(e.target.value))}
                data-testid={`${idPrefix}-${issue.id}`}
              />
            )}
          </label>
        ))}
      </div>
    </div>
  );
}

// ── the seat console ─────────────────────────────────────────────────────────

export function SeatConsole({ roomId, view, party, scenario }: { roomId: string; view: RoomView; party: string; scenario: Scenario }) {
  const you = view.you;
  const prefs = you?.preferences ?? null;
  const issues = scenario.issues;
  const scores = (pkg: Package) => pointScores(issues, prefs, pkg);
  const side = useSeatSide(scenario, party, prefs);
  const myTurn = view.turn.parties.includes(party);
  const offers = view.protocol === "sao" || view.protocol === "stacked";
  return (
    <div className="room-console" data-testid="seat-console">
      {view.status === "open" ? <PreferencesForm roomId={roomId} scenario={scenario} party={party} submitted={prefs !== null} /> : null}
      {view.text ? (
        <Panel title={`Current text (worth ${pct(you?.utility.text)} to you)`} id="text-title" testId="seat-text">
          <PackageTable issues={issues} pkg={view.text} scores={scores(view.text)} label="The current text" />
        </Panel>
      ) : null}
      {view.draft && view.status === "running" ? (
        view.draft.rated.includes(party) ? (
          <Panel title={`Draft ${view.draft.number}`} id="draft-title" testId="seat-draft-rated">
            <p>
              You rated this draft: overall <strong>{you?.ratings[view.draft.number]?.overall ?? "—"}</strong>. Waiting for the other seats.
            </p>
          </Panel>
        ) : (
          <RatingForm key={view.draft.number} roomId={roomId} view={view} scenario={scenario} scores={scores(view.draft.package)} />
        )
      ) : null}
      {offers && view.status === "running" ? <OfferPanel roomId={roomId} view={view} party={party} scenario={scenario} myTurn={myTurn} scores={scores} /> : null}
      {view.ratification ? <RatifyPanel roomId={roomId} view={view} party={party} scenario={scenario} scores={scores} myTurn={myTurn} /> : null}
      {view.improvement && view.status === "improving" ? <ImprovementPanel roomId={roomId} view={view} scenario={scenario} scores={scores} myTurn={myTurn} /> : null}
      {view.final ? (
        <Panel title={`Agreement (worth ${pct(you?.utility.final)} to you)`} id="final-title" testId="seat-final">
          <PackageTable issues={issues} pkg={view.final} scores={scores(view.final)} label="The agreement" />
        </Panel>
      ) : null}
      {view.status === "failed" ? (
        <Panel title="No agreement" id="failed-title" testId="seat-failed">
          <p>{view.reason}</p>
        </Panel>
      ) : null}
      {side ? <SeatHistory side={side} party={party} walkAway={side.seat.reservation} /> : null}
      {side ? <SeatSpacePanel side={side} view={view} scenario={scenario} /> : null}
      {prefs !== null ? <SeatCommitment roomId={roomId} preferences={prefs} /> : null}
    </div>
  );
}

function PreferencesForm({ roomId, scenario, party, submitted }: { roomId: string; scenario: Scenario; party: string; submitted: boolean }) {
  const modelled = scenario.parties.find((p) => p.id === party)?.preferences;
  const [draft, setDraft] = useState<PreferencesDraft>(() => draftFromPreferences(scenario.issues, modelled));
  const { busy, error, send } = useSend();
  const [sent, setSent] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await send(() => api.submitRoomPreferences(roomId, toNativePreferences(draft)))) setSent(true);
  };
  return (
    <Panel title="Your preferences (private to you and the engine)" id="prefs-title" testId="seat-preferences">
      <p className="small muted">
        {modelled ? "Started from the scenario's model of your party; change anything. " : ""}Order each issue's options best first, weigh the issues, mark what you will never
        accept, and set your walk-away level. No other seat sees any of it.
      </p>
      {/* noValidate: modelled weights need not sit on the arrows' step; the server checks the values. */}
      <form onSubmit={submit} noValidate>
        <div className="pref-issues">
          {draft.issues.map((c) => (
            <fieldset key={c.issue} className="pref-issue" data-testid={`pref-${c.issue}`}>
              <legend>{c.name}</legend>
              <label className="field narrow">
                <span>Weight of {c.name}</span>
                <input type="number" min={0} step={0.05} value={c.weight} onChange={(e) => setDraft(setWeight(draft, c.issue, Math.max(0, Number(e.target.value))))} data-testid={`pref-weight-${c.issue}`} />
              </label>
              {c.kind === "numeric" ? (
                <label className="field">
                  <span>Better is</span>
                  <select value={c.direction} onChange={(e) => setDraft(setDirection(draft, c.issue, e.target.value as "increasing" | "decreasing"))}>
                    <option value="increasing">higher</option>
                    <option value="decreasing">lower</option>
                  </select>
                </label>
              ) : (
                <OptionOrder choice={c} onMove={(o, i) => setDraft((d) => moveOptionTo(d, c.issue, o, i))} onForbid={(o, f) => setDraft((d) => setForbidden(d, c.issue, o, f))} />
              )}
            </fieldset>
          ))}
        </div>
        {draft.other.length > 0 ? (
          <fieldset>
            <legend>Other red lines (from the model)</legend>
            {draft.other.map((o, i) => (
              <label key={i} className="field checkbox">
                <input type="checkbox" checked={o.keep} onChange={(e) => setDraft(keepOther(draft, i, e.target.checked))} /> keep: {describeRedLine(o.line)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <label className="field narrow">
          <span>Walk-away level (0–1): below it you prefer no agreement</span>
          <input
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={draft.reservation}
            onChange={(e) => setDraft({ ...draft, reservation: Math.min(1, Math.max(0, Number(e.target.value))) })}
            data-testid="pref-reservation"
          />
        </label>
        <PreferencesPreview draft={draft} scenario={scenario} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="pref-submit">
            {submitted ? "Submit again" : "Submit preferences"}
          </button>
          {submitted || sent ? <span data-testid="pref-submitted">Submitted; you may change them until the room starts.</span> : null}
        </div>
        <Refusal error={error} />
      </form>
    </Panel>
  );
}

/** What each framework is worth under the form as it stands (open issues: worst–best), and the red lines it crosses. */
function PreferencesPreview({ draft, scenario }: { draft: PreferencesDraft; scenario: Scenario }) {
  if (scenario.frameworks.length === 0) return null;
  return (
    <table className="data-table compact" aria-label="Preview: what each framework is worth to you under these preferences" data-testid="pref-preview">
      <caption className="small muted">Preview under these preferences (before you submit)</caption>
      <thead>
        <tr>
          <th scope="col">Framework</th>
          <th scope="col" className="num">
            Worth to you
          </th>
          <th scope="col">Your red lines it crosses</th>
        </tr>
      </thead>
      <tbody>
        {scenario.frameworks.map((f) => {
          const sets: Record<string, Value> = {};
          for (const p of f.points) Object.assign(sets, p.sets);
          const p = previewPackage(draft, scenario.issues, sets);
          return (
            <tr key={f.id} data-framework={f.id}>
              <th scope="row">{f.name}</th>
              <td className="num">{p.min === p.max ? pct(p.min) : `${pct(p.min)}–${pct(p.max)}`}</td>
              <td>{p.crossed.length > 0 ? p.crossed.join("; ") : "none"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export const RATINGS: readonly PointRating[] = ["acceptable", "needs-change", "unacceptable"];

function RatingForm({ roomId, view, scenario, scores }: { roomId: string; view: RoomView; scenario: Scenario; scores: Record<string, number> }) {
  const draft = view.draft!;
  const [points, setPoints] = useState<Record<string, PointRating>>(() => Object.fromEntries(scenario.issues.map((i) => [i.id, "acceptable" as PointRating])));
  const [comments, setComments] = useState<Record<string, string>>({});
  const [overall, setOverall] = useState<"accept" | "reject">("accept");
  const { busy, error, send } = useSend();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(scenario.issues.map((i) => [i.id, { rating: points[i.id]!, ...(comments[i.id] ? { comment: comments[i.id]! } : {}) }]));
    await send(() => api.roomAction(roomId, { type: "rate", draft: draft.number, points: body, overall }));
  };
  return (
    <Panel title={`Draft ${draft.number} (worth ${pct(view.you?.utility.draft)} to you): rate it`} id="rate-title" testId="seat-rating">
      <form onSubmit={submit}>
        <div className="room-table-scroll">
          <table className="data-table compact" aria-label={`Draft ${draft.number}`}>
            <thead>
              <tr>
                <th scope="col">Point</th>
                <th scope="col">Value</th>
                <th scope="col" className="num">
                  Worth to you
                </th>
                <th scope="col">Your rating</th>
                <th scope="col">Comment</th>
              </tr>
            </thead>
            <tbody>
              {scenario.issues.map((issue) => (
                <tr key={issue.id}>
                  <th scope="row">{issueName(issue)}</th>
                  <td data-issue={issue.id}>{showValue(draft.package[issue.id])}</td>
                  <td className="num">{pct(scores[issue.id])}</td>
                  <td>
                    <select aria-label={`Rating of ${issueName(issue)}`} value={points[issue.id]} onChange={(e) => setPoints({ ...points, [issue.id]: e.target.value as PointRating })} data-testid={`rate-${issue.id}`}>
                      {RATINGS.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input aria-label={`Comment on ${issueName(issue)}`} value={comments[issue.id] ?? ""} maxLength={500} onChange={(e) => setComments({ ...comments, [issue.id]: e.target.value })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <fieldset className="inline-form">
          <legend>The draft as a whole</legend>
          {(["accept", "reject"] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="overall" value={v} checked={overall === v} onChange={() => setOverall(v)} data-testid={`rate-overall-${v}`} /> {v}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="rate-submit">
            Send my rating
          </button>
        </div>
        <Refusal error={error} />
      </form>
    </Panel>
  );
}

function OfferPanel({ roomId, view, party, scenario, myTurn, scores }: { roomId: string; view: RoomView; party: string; scenario: Scenario; myTurn: boolean; scores: (p: Package) => Record<string, number> }) {
  const [counter, setCounter] = useState<Package>(() => completePackage(scenario.issues, view.offer?.package));
  const { busy, error, send } = useSend();
  const act = (command: RoomAction) => void send(() => api.roomAction(roomId, command));
  const standing = view.offer && view.offer.party !== party ? view.offer : null;
  return (
    <Panel title={myTurn ? "Your turn" : "Offers"} id="offer-title" testId="seat-offer">
      {view.offer ? (
        <>
          <p>
            On the table, from {view.offer.party === party ? "you" : view.offer.party} (worth {pct(view.you?.utility.offer)} to you):
          </p>
          <PackageTable issues={scenario.issues} pkg={view.offer.package} scores={scores(view.offer.package)} label="The offer on the table" />
        </>
      ) : (
        <p>No offer yet.</p>
      )}
      {myTurn ? (
        <>
          <div className="form-actions">
            {standing ? (
              <button type="button" className="button" disabled={busy} onClick={() => act({ type: "respond", response: "accept" })} data-testid="offer-accept">
                Accept the offer
              </button>
            ) : null}
            <button type="button" className="button secondary" disabled={busy} onClick={() => act({ type: "respond", response: "end" })} data-testid="offer-end">
              End the negotiation
            </button>
          </div>
          <h3>{standing ? "Counter-offer" : "Your offer"}</h3>
          <PackageEditor scenario={scenario} pkg={counter} onChange={setCounter} bases={view.offer ? [{ label: "the offer on the table", pkg: view.offer.package }] : []} idPrefix="counter" />
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => act({ type: "offer", package: counter })} data-testid="offer-send">
              {standing ? "Reject and send this counter-offer" : "Send this offer"}
            </button>
          </div>
        </>
      ) : null}
      <Refusal error={error} />
    </Panel>
  );
}

function RatifyPanel({ roomId, view, party, scenario, scores, myTurn }: { roomId: string; view: RoomView; party: string; scenario: Scenario; scores: (p: Package) => Record<string, number>; myTurn: boolean }) {
  const r = view.ratification!;
  const { busy, error, send } = useSend();
  const voted = r.votes[party];
  return (
    <Panel title="Ratification" id="ratify-title" testId="seat-ratify">
      <PackageTable issues={scenario.issues} pkg={r.package} scores={scores(r.package)} label="The text put to the vote" />
      {voted ? (
        <p>
          You voted <strong>{voted}</strong>.
        </p>
      ) : null}
      {myTurn && view.status === "ratifying" ? (
        <div className="form-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void send(() => api.roomAction(roomId, { type: "ratify", vote: "accept" }))} data-testid="ratify-accept">
            Vote to accept
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void send(() => api.roomAction(roomId, { type: "ratify", vote: "reject" }))} data-testid="ratify-reject">
            Vote to reject
          </button>
        </div>
      ) : null}
      <p className="small muted">Votes so far: {Object.entries(r.votes).map(([p, v]) => `${p} ${v}`).join(", ") || "none"}</p>
      <Refusal error={error} />
    </Panel>
  );
}

function ImprovementPanel({ roomId, view, scenario, scores, myTurn }: { roomId: string; view: RoomView; scenario: Scenario; scores: (p: Package) => Record<string, number>; myTurn: boolean }) {
  const imp = view.improvement!;
  const { busy, error, send } = useSend();
  return (
    <Panel title={`A better package for every seat? (worth ${pct(view.you?.utility.improvement)} to you)`} id="improve-title" testId="seat-improvement">
      <PackageTable issues={scenario.issues} pkg={imp.package} scores={scores(imp.package)} label="The improvement proposed" />
      {myTurn ? (
        <div className="form-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void send(() => api.roomAction(roomId, { type: "improvement-vote", vote: "accept" }))} data-testid="improve-accept">
            Accept the improvement
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void send(() => api.roomAction(roomId, { type: "improvement-vote", vote: "keep" }))} data-testid="improve-keep">
            Keep the agreement
          </button>
        </div>
      ) : (
        <p>{view.you?.improvementVote ? `You voted ${view.you.improvementVote}.` : "Waiting for the other seats."}</p>
      )}
      <Refusal error={error} />
    </Panel>
  );
}
