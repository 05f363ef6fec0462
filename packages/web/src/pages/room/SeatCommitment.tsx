// "Check my submission in the log": the seat's browser opens its own salted commitments
// (lib/seat-commitment.ts), with @parley/audit loaded on demand.
import { useState } from "react";
import { api } from "../../api/client.js";
import { checkMySubmissions, type CommitmentCheck } from "../../lib/seat-commitment.js";
import { Panel } from "./consoles.js";

export function SeatCommitment({ roomId, preferences }: { roomId: string; preferences: unknown }) {
  const [result, setResult] = useState<CommitmentCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    try {
      const [audit, openings] = await Promise.all([import("@parley/audit"), api.roomOpenings(roomId)]);
      const source = { key: () => api.auditKey(), head: () => api.roomAuditHead(roomId), inclusion: (i: number, s: number) => api.roomInclusion(roomId, i, s) };
      setResult(await checkMySubmissions(roomId, openings, preferences, source, audit));
    } catch (error) {
      setResult({ ok: false, problem: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Panel title="Your submission in the log" id="seat-commitment-title" testId="seat-commitment">
      <p className="muted small">The log holds your private submissions only as salted commitments. This browser opens them with your salts and checks they are in the signed log.</p>
      <button type="button" className="button secondary" disabled={busy} onClick={() => void check()} data-testid="seat-commitment-check">
        Check my submission in the log
      </button>
      <p role="status" data-testid="seat-commitment-result" data-ok={result === null ? undefined : result.ok ? "1" : "0"} className={result && !result.ok ? "error" : undefined}>
        {result === null
          ? ""
          : result.ok
            ? `Verified: ${result.checked.length === 1 ? `event #${result.checked[0]} commits` : `events #${result.checked.join(", #")} commit`} to what you submitted, in the signed log of ${result.treeSize} entries.`
            : `Not verified: ${result.problem}`}
      </p>
    </Panel>
  );
}
