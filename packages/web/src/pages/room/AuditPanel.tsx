// The room's tamper-evident audit log, checked in this browser: the export (every entry, every
// signed tree head) is fetched and verified by @parley/audit (loaded on demand) against the
// server's public key — each entry's leaf hash, the Merkle root of every head, each head's Ed25519
// signature and the consistency between heads — exactly as `parley audit verify` does offline.
import { useState } from "react";
import type { AuditVerification } from "@parley/audit";
import { api } from "../../api/client.js";
import { errorMessage } from "../../state/use-resource.js";

type Check = { readonly state: "idle" | "checking" } | { readonly state: "done"; readonly at: number; readonly result: AuditVerification } | { readonly state: "failed"; readonly error: string };

export function AuditPanel({ roomId, seq }: { roomId: string; seq: number }) {
  const [check, setCheck] = useState<Check>({ state: "idle" });
  const verify = async () => {
    setCheck({ state: "checking" });
    try {
      const [text, key, audit] = await Promise.all([api.roomExportText(roomId), api.auditKey(), import("@parley/audit")]);
      setCheck({ state: "done", at: seq, result: audit.verifyExport(text, { publicKey: key.publicKey }) });
    } catch (e) {
      setCheck({ state: "failed", error: errorMessage(e) });
    }
  };
  return (
    <section className="panel" aria-labelledby="audit-title" data-testid="room-audit">
      <h2 id="audit-title">Audit log</h2>
      <p className="small muted">
        Every event is in a signed, append-only log; private submissions appear in it only as salted commitments. Verifying downloads the public log and checks it here, in
        this browser, against the server's key.
      </p>
      <div className="form-actions">
        <button type="button" className="button secondary" disabled={check.state === "checking"} onClick={() => void verify()} data-testid="audit-verify">
          {check.state === "done" ? "Verify again" : "Verify the log in this browser"}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="audit-result">
        {check.state === "checking" ? <p>Checking…</p> : null}
        {check.state === "failed" ? <p className="error">The log could not be checked: {check.error}</p> : null}
        {check.state === "done" ? (
          check.result.ok ? (
            <p>
              <strong>Log verified</strong>: {check.result.entries} entries, {check.result.treeHeads} signed tree heads, {check.result.commitments} commitments; latest head:
              tree size {check.result.latest.treeSize}, root <code>{check.result.latest.rootHash.slice(0, 16)}…</code>, signed {new Date(check.result.latest.timestamp).toLocaleString()}.
              {check.at < seq ? " (The room has moved on since: verify again for the newer events.)" : ""}
            </p>
          ) : (
            <p className="error">
              <strong>Log NOT verified</strong>: {check.result.problem?.message} <code>{check.result.problem?.code}</code>
            </p>
          )
        ) : null}
      </div>
    </section>
  );
}
