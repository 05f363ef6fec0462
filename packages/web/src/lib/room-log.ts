// "Log verified" from the served proofs (docs/workbench.md, "Live rooms"): the browser checks the
// room's latest signed tree head (Ed25519, the server's key), that it extends the head this browser
// saw last (an RFC 9162 consistency proof), and that each event the page shows is in it (an
// inclusion proof per event, of the entry whose canonical JSON is that event's public record) —
// without downloading the whole log. @parley/audit is a parameter (the page loads it on demand).
import type * as Audit from "@parley/audit";
import type { ConsistencyJson, InclusionJson, RoomEvent, SignedTreeHeadJson } from "../api/types.js";

/** Where the proofs come from (the API client, or a log in memory in the tests). */
export interface LogProofSource {
  key(): Promise<{ readonly publicKey: string }>;
  head(): Promise<SignedTreeHeadJson>;
  inclusion(index: number, size: number): Promise<InclusionJson>;
  consistency(from: number, to: number): Promise<ConsistencyJson>;
}

export interface LogProofState {
  /** The latest head verified: its signature, and its consistency with the head seen before it. */
  readonly head: SignedTreeHeadJson | null;
  /** Every event up to this seq is proven in `head`'s tree (by its own inclusion proof, or one in an earlier head and the consistency since). */
  readonly proven: number;
  /** Consistency proofs checked, oldest first: the log only grew from `from` to `to` entries. */
  readonly grew: readonly { readonly from: number; readonly to: number }[];
}

export const noProofs: LogProofState = { head: null, proven: 0, grew: [] };

export type LogProofResult = { readonly ok: true; readonly state: LogProofState } | { readonly ok: false; readonly problem: string; readonly seq?: number };

/** The entry the log must hold for an event, as the server writes it (docs/rooms.md, "Audit"). */
function entryFields(roomId: string, e: RoomEvent): Record<string, unknown> {
  return { room: roomId, seq: e.seq, at: e.at, type: e.type, actor: e.actor, public: e.public, ...(e.commitment !== undefined ? { commitment: e.commitment } : {}) };
}

/**
 * One step: fetch the latest head, check it against `previous` (the head seen last: same root at the
 * same size, or a consistency proof to the larger one), then prove every event of `events` after
 * `previous.proven` that the new head covers. Never throws for a bad log: it answers the problem.
 */
export async function proveLog(roomId: string, events: readonly RoomEvent[], previous: LogProofState, source: LogProofSource, audit: typeof Audit): Promise<LogProofResult> {
  const hex = (h: string) => audit.fromHex(h) ?? new Uint8Array(0);
  const [key, head] = await Promise.all([source.key(), source.head()]);
  if (head.logId !== roomId) return { ok: false, problem: `the signed head is of log "${head.logId}", not this room's` };
  if (!audit.verifyTreeHead(head, hex(key.publicKey))) return { ok: false, problem: `the signature of the tree head of size ${head.treeSize} does not verify with the server's key` };
  const before = previous.head;
  let grew = previous.grew;
  let proven = previous.proven;
  if (before) {
    if (head.treeSize < before.treeSize) return { ok: false, problem: `the log shrank: ${before.treeSize} entries before, ${head.treeSize} now` };
    if (head.treeSize === before.treeSize) {
      if (head.rootHash !== before.rootHash) return { ok: false, problem: `two different roots for a log of ${head.treeSize} entries` };
    } else {
      const c = await source.consistency(before.treeSize, head.treeSize);
      if (!audit.verifyConsistency(before.treeSize, head.treeSize, hex(before.rootHash), hex(head.rootHash), c.proof.map(hex)))
        return { ok: false, problem: `the log of ${head.treeSize} entries does not extend the one of ${before.treeSize} you saw (consistency proof refused)` };
      grew = [...grew, { from: before.treeSize, to: head.treeSize }];
    }
  }
  const bytes = new TextEncoder();
  for (const e of events) {
    if (e.seq <= proven) continue;
    if (e.seq !== proven + 1 || e.seq > head.treeSize) break; // not contiguous, or not yet under a signed head
    const index = e.seq - 1;
    const inc = await source.inclusion(index, head.treeSize);
    let parsed: unknown;
    try {
      parsed = JSON.parse(inc.entry);
    } catch {
      return { ok: false, problem: `entry ${index} is not JSON`, seq: e.seq };
    }
    if (audit.canonicalJson(parsed) !== inc.entry) return { ok: false, problem: `entry ${index} is not in canonical JSON`, seq: e.seq };
    if (audit.canonicalJson(entryFields(roomId, e)) !== inc.entry) return { ok: false, problem: `event #${e.seq} as this page shows it is not the log's entry ${index}`, seq: e.seq };
    const leaf = audit.leafHash(bytes.encode(inc.entry));
    if (!audit.verifyInclusion(index, head.treeSize, leaf, inc.proof.map(hex), hex(head.rootHash)))
      return { ok: false, problem: `event #${e.seq}: the inclusion proof does not lead to the signed root`, seq: e.seq };
    proven = e.seq;
  }
  return { ok: true, state: { head, proven, grew } };
}
