// Shuttle rooms with a human mediator: the private channel between the mediator and one seat —
// everything the room keeps to the two of them (docs/rooms.md, "What each role sees"): the drafts the
// mediator consulted the seat on, the seat's counter-drafts and answers, and their messages (a text,
// optionally with a package). Only the seat and the mediator ever receive these private parts; the
// page shows what its own stream delivered, so another seat's channel is never here to show.
import { useState } from "react";
import type { Scenario } from "@parley/core";
import { api } from "../../api/client.js";
import type { RoomEvent } from "../../api/types.js";
import { completePackage, showValue, type Package } from "../../lib/room-view.js";
import { useAppState } from "../../state/store.js";
import { issueName, PackageEditor, Refusal, useSend } from "./consoles.js";

export interface ChannelEntry {
  readonly seq: number;
  readonly from: "mediator" | "seat";
  readonly text: string;
  readonly package?: Package;
}

/** The channel between the mediator and `party`, from the events this session received (private parts included when addressed to it). */
export function channelEntries(events: readonly RoomEvent[], party: string): ChannelEntry[] {
  const out: ChannelEntry[] = [];
  for (const e of events) {
    const p = e.public as { party?: string; from?: string; to?: string };
    const body = e.private?.body as { text?: string; package?: Package; response?: string } | undefined;
    if (e.type === "shuttle-message" && (p.from === party || p.to === party) && body?.text !== undefined)
      out.push({ seq: e.seq, from: p.from === "mediator" ? "mediator" : "seat", text: body.text, ...(body.package ? { package: body.package } : {}) });
    else if (e.type === "offer" && p.party === party && body?.package)
      out.push(e.actor.role === "engine" ? { seq: e.seq, from: "mediator", text: "Consulted on this draft", package: body.package } : { seq: e.seq, from: "seat", text: "Proposed this draft", package: body.package });
    else if (e.type === "response" && p.party === party && body?.response) out.push({ seq: e.seq, from: "seat", text: `Answered: ${body.response}` });
  }
  return out;
}

export function PrivateChannel({ roomId, party, viewer, scenario, open }: { roomId: string; party: string; viewer: "mediator" | "seat"; scenario: Scenario; open: boolean }) {
  const events = useAppState((s) => s.room.events);
  const entries = channelEntries(events, party);
  const [text, setText] = useState("");
  const [attach, setAttach] = useState(false);
  const [pkg, setPkg] = useState<Package>(() => completePackage(scenario.issues, undefined));
  const { busy, error, send } = useSend();
  const other = viewer === "mediator" ? party : "the mediator";
  const id = `channel-${party}`;
  const submit = async () => {
    const ok = await send(() => api.roomAction(roomId, { type: "message", to: viewer === "mediator" ? party : "mediator", text, ...(attach ? { package: pkg } : {}) }));
    if (ok) {
      setText("");
      setAttach(false);
    }
  };
  return (
    <section className="panel private-channel" aria-labelledby={`${id}-title`} data-testid={`channel-${party}`}>
      <h2 id={`${id}-title`}>Private channel with {other}</h2>
      <p className="small muted">Only {viewer === "mediator" ? `${party} and you` : "the mediator and you"} see this.</p>
      {entries.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol aria-label={`Messages with ${other}`}>
          {entries.map((m) => (
            <li key={m.seq} className={m.from === "seat" ? "from-seat" : "from-mediator"} data-seq={m.seq}>
              <span className="muted small">
                #{m.seq} {m.from === "mediator" ? "mediator" : party}:
              </span>{" "}
              {m.text}
              {m.package ? (
                <span className="small">
                  {" "}
                  ({scenario.issues.map((issue) => `${issueName(issue)} ${showValue(m.package![issue.id])}`).join("; ")})
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label className="field">
            <span>Message to {other}</span>
            <textarea value={text} rows={2} maxLength={10_000} onChange={(e) => setText(e.target.value)} data-testid={`${id}-text`} />
          </label>
          <label className="check">
            <input type="checkbox" checked={attach} onChange={(e) => setAttach(e.target.checked)} data-testid={`${id}-attach`} /> Attach a package
          </label>
          {attach ? <PackageEditor scenario={scenario} pkg={pkg} onChange={setPkg} bases={[]} idPrefix={`${id}-pkg`} /> : null}
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy || text.trim() === ""} data-testid={`${id}-send`}>
              Send privately
            </button>
          </div>
          <Refusal error={error} />
        </form>
      ) : null}
    </section>
  );
}
