// The audit log's state as this browser checks it, live (lib/room-log.ts): the latest signed tree
// head, "log verified" from the served proofs — an inclusion proof for each event the timeline shows,
// a consistency proof from the head this browser saw last (kept in localStorage per room, so a later
// visit checks that the log only grew) to the new one — after each event, without the full export.
import { useEffect, useRef, useState } from "react";
import { api } from "../../api/client.js";
import { noProofs, proveLog, type LogProofSource, type LogProofState } from "../../lib/room-log.js";
import { useAppState } from "../../state/store.js";
import { errorMessage } from "../../state/use-resource.js";
import type { SignedTreeHeadJson } from "../../api/types.js";

const storageKey = (roomId: string) => `parley.room-head.${roomId}`;

function rememberedHead(roomId: string): SignedTreeHeadJson | null {
  try {
    const text = localStorage.getItem(storageKey(roomId));
    return text ? (JSON.parse(text) as SignedTreeHeadJson) : null;
  } catch {
    return null;
  }
}

type Check = { readonly ok: true; readonly state: LogProofState; readonly since: SignedTreeHeadJson | null } | { readonly ok: false; readonly problem: string; readonly seq?: number };

export function LogProofs({ roomId }: { roomId: string }) {
  const events = useAppState((s) => s.room.events);
  const [check, setCheck] = useState<Check | null>(null);
  const state = useRef<LogProofState | null>(null);
  const since = useRef<SignedTreeHeadJson | null>(null);
  const running = useRef(false);
  const again = useRef(false);
  const latest = useRef(events);
  latest.current = events;
  const stopped = useRef(false);
  useEffect(() => {
    // (Mounted again after a cleanup, as StrictMode does in development: checking resumes.)
    stopped.current = false;
    return () => {
      stopped.current = true;
    };
  }, []);
  useEffect(() => {
    if (state.current === null) {
      since.current = rememberedHead(roomId);
      state.current = { ...noProofs, head: since.current };
    }
    const source: LogProofSource = {
      key: () => api.auditKey(),
      head: () => api.roomAuditHead(roomId),
      inclusion: (index, size) => api.roomInclusion(roomId, index, size),
      consistency: (from, to) => api.roomConsistency(roomId, from, to),
    };
    // One check at a time; events that arrive meanwhile ask for one more.
    const run = async () => {
      if (running.current) {
        again.current = true;
        return;
      }
      running.current = true;
      try {
        const audit = await import("@parley/audit");
        do {
          again.current = false;
          if (stopped.current || state.current === null) return;
          const r = await proveLog(roomId, latest.current, state.current, source, audit);
          if (stopped.current) return;
          if (!r.ok) {
            setCheck(r);
            return;
          }
          state.current = r.state;
          try {
            localStorage.setItem(storageKey(roomId), JSON.stringify(r.state.head));
          } catch {
            // No storage (a private window): the check holds for this visit only.
          }
          setCheck({ ok: true, state: r.state, since: since.current });
        } while (again.current);
      } catch (e) {
        if (!stopped.current) setCheck({ ok: false, problem: `the proofs could not be fetched: ${errorMessage(e)}` });
      } finally {
        running.current = false;
      }
    };
    void run();
  }, [roomId, events.length]);

  const head = check?.ok ? check.state.head : null;
  return (
    <section className="panel log-proofs" aria-labelledby="log-proofs-title" data-testid="log-proofs">
      <h2 id="log-proofs-title">Audit log, checked live</h2>
      <div role="status" aria-live="polite" data-testid="log-proofs-result">
        {check === null ? <p>Checking the proofs…</p> : null}
        {check && !check.ok ? (
          <p className="error">
            <strong>Log NOT verified</strong>: {check.problem}
          </p>
        ) : null}
        {check?.ok && head ? (
          <>
            <p className="verified">
              <strong>Log verified</strong> from the served proofs: events #1–#{check.state.proven} each proven in the signed tree of {head.treeSize} entries
              {check.since ? `; the log only grew since the head this browser saw on an earlier visit (${check.since.treeSize} entries)` : ""}
              {check.state.grew.length > 0 ? ` — ${check.state.grew.length} consistency proof${check.state.grew.length > 1 ? "s" : ""} checked` : ""}.
            </p>
            <dl className="facts" data-testid="log-head">
              <dt>Latest signed tree head</dt>
              <dd>
                {head.treeSize} entries, signed {new Date(head.timestamp).toLocaleString()}
              </dd>
              <dt>Root</dt>
              <dd>
                <code>{head.rootHash.slice(0, 24)}…</code>
              </dd>
              <dt>Signature</dt>
              <dd>Ed25519, verified with the server's key</dd>
            </dl>
          </>
        ) : null}
      </div>
    </section>
  );
}
