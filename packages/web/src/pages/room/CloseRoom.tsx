// Closing a room before its end (the convener; the human mediator of a room it runs): a reason, then
// a second, explicit confirmation — a closed room refuses every command from then on.
import { useState } from "react";
import { api } from "../../api/client.js";
import { Panel, Refusal, useSend } from "./consoles.js";

export function CloseRoom({ roomId, who }: { roomId: string; who: "convener" | "mediator" }) {
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const { busy, error, send } = useSend();
  const close = () => void send(() => api.roomAction(roomId, { type: "close", ...(reason.trim() !== "" ? { reason: reason.trim() } : {}) }));
  return (
    <Panel title="Close the room" id={`close-title-${who}`} testId="room-close">
      <p className="small muted">Closing ends the room for everyone before an agreement; it is recorded in the audit log with your role and the reason.</p>
      <label className="field">
        <span>Reason (shown to everyone)</span>
        <input type="text" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="close-reason" placeholder={`closed by the ${who}`} />
      </label>
      <div className="form-actions">
        {confirming ? (
          <>
            <button type="button" className="button danger" disabled={busy} onClick={close} data-testid="close-confirm">
              Yes, close the room now
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => setConfirming(false)}>
              Keep it open
            </button>
          </>
        ) : (
          <button type="button" className="button secondary" onClick={() => setConfirming(true)} data-testid="close-room">
            Close the room…
          </button>
        )}
      </div>
      <Refusal error={error} />
    </Panel>
  );
}
