// The convener's console: invite links to copy (an observer; a new link for a human seat that has
// not joined, or for the human mediator — the server keeps only hashes of the links it gave out, so a
// lost one is replaced, not shown again), every seat's public status, and closing the room.
import { useState } from "react";
import { api } from "../../api/client.js";
import type { RoomInviteRequest, RoomView } from "../../api/types.js";
import { freshInvites } from "../../lib/room-create.js";
import { routeHash } from "../../lib/route.js";
import { CloseRoom } from "./CloseRoom.js";
import { Panel, Refusal, useSend } from "./consoles.js";

/** The invite link a person opens: this workbench's address with the room's join route. */
export function inviteLink(roomId: string, invite: string): string {
  return `${location.origin}${location.pathname}${routeHash({ page: "room", id: roomId, invite })}`;
}

/** What each seat has done, from the public view. */
function seatStatus(view: RoomView, party: string): string {
  const seat = view.seats.find((s) => s.party === party)!;
  if (!seat.joined) return "has not joined";
  if (!seat.preferencesSubmitted) return "joined; preferences not submitted";
  const parts: string[] = [];
  if (view.turn.parties.includes(party)) parts.push("the room waits for it");
  if (view.draft && view.status === "running") parts.push(view.draft.rated.includes(party) ? `rated draft ${view.draft.number}` : `has not rated draft ${view.draft.number}`);
  const vote = view.ratification?.votes[party];
  if (vote) parts.push(`voted ${vote} at ratification`);
  if (view.improvement?.voted.includes(party)) parts.push("voted on the improvement");
  return parts.length > 0 ? parts.join("; ") : "ready";
}

export function ConvenerConsole({ roomId, view }: { roomId: string; view: RoomView }) {
  // A room just created from the scenario page arrives with its seats' (and mediator's) invites.
  const [links, setLinks] = useState<readonly { key: string; who: string; link: string }[]>(() =>
    freshInvites(roomId).map((f) => ({ key: f.key, who: f.who, link: inviteLink(roomId, f.invite) })),
  );
  const [copied, setCopied] = useState<string | null>(null);
  const { busy, error, send } = useSend();
  const over = view.status === "settled" || view.status === "failed" || view.status === "closed";
  const make = (key: string, who: string, request: RoomInviteRequest) =>
    void send(async () => {
      const { invite } = await api.roomInvite(roomId, request);
      setLinks((ls) => [{ key, who, link: inviteLink(roomId, invite) }, ...ls.filter((l) => l.key !== key)]);
    });
  const copy = async (key: string, link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(key);
    } catch {
      setCopied(null);
    }
  };
  const waiting = view.seats.filter((s) => s.kind === "human" && !s.joined);
  return (
    <div className="room-console" data-testid="convener-console">
      <Panel title="Seats" id="conv-seats-title" testId="convener-seats">
        <table className="data-table compact" aria-label="What each seat has done">
          <thead>
            <tr>
              <th scope="col">Seat</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {view.seats.map((s) => (
              <tr key={s.party} data-party={s.party}>
                <th scope="row">{s.party}</th>
                <td>{s.kind}</td>
                <td>{seatStatus(view, s.party)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel title="Invite links" id="conv-invites-title" testId="convener-invites">
        <p className="small muted">Each link works once, for 7 days: send it to one person. A new link for a seat replaces a lost one until the seat joins.</p>
        <div className="form-actions">
          <button type="button" className="button secondary" disabled={busy} onClick={() => make("observer", "an observer", { role: "observer" })} data-testid="invite-observer">
            New observer link
          </button>
          {!over
            ? waiting.map((s) => (
                <button key={s.party} type="button" className="button secondary" disabled={busy} onClick={() => make(`seat:${s.party}`, `the seat of ${s.party}`, { role: "seat", party: s.party })} data-testid={`invite-seat-${s.party}`}>
                  New link for {s.party}
                </button>
              ))
            : null}
          {view.mediator === "human" && !over ? (
            <button type="button" className="button secondary" disabled={busy} onClick={() => make("mediator", "the mediator", { role: "mediator" })} data-testid="invite-mediator">
              New link for the mediator
            </button>
          ) : null}
        </div>
        <Refusal error={error} />
        {links.map((l) => (
          <div className="invite-link" key={l.key} data-testid={`invite-link-${l.key.replace(":", "-")}`}>
            <label className="field">
              <span>Link for {l.who}</span>
              <input type="text" readOnly value={l.link} onFocus={(e) => e.target.select()} />
            </label>
            <button type="button" className="button small" onClick={() => void copy(l.key, l.link)}>
              {copied === l.key ? "Copied" : `Copy the link for ${l.who}`}
            </button>
          </div>
        ))}
      </Panel>
      {!over ? <CloseRoom roomId={roomId} who="convener" /> : null}
    </div>
  );
}
