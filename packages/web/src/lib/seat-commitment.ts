// "Check my submission in the log" (docs/workbench.md, Live rooms): a seat's browser fetches its own
// openings (GET …/openings: each private submission's log entry, salt and payload), checks the
// signed tree head with the server's key, that each entry is in the signed tree (an inclusion
// proof), that the entry's salted commitment opens to the payload, and that the payload of its
// preferences is the one this page holds. @parley/audit is a parameter (loaded on demand).
import type * as Audit from "@parley/audit";
import type { LogProofSource } from "./room-log.js";

export interface Opening {
  readonly entry: number;
  readonly seq: number;
  readonly type: string;
  readonly salt: string;
  readonly payload: unknown;
}

export type CommitmentCheck = { readonly ok: true; readonly checked: readonly number[]; readonly treeSize: number } | { readonly ok: false; readonly problem: string };

/** Checks every opening; `preferences` (the seat's own, as this page shows them) must be the `preferences` of an opened preferences submission (its payload is `{ preferences }`). */
export async function checkMySubmissions(
  roomId: string,
  openings: readonly Opening[],
  preferences: unknown,
  source: Pick<LogProofSource, "key" | "head" | "inclusion">,
  audit: typeof Audit,
): Promise<CommitmentCheck> {
  const hex = (h: string) => audit.fromHex(h) ?? new Uint8Array(0);
  if (openings.length === 0) return { ok: false, problem: "the server returned no submission of yours" };
  const [key, head] = await Promise.all([source.key(), source.head()]);
  if (head.logId !== roomId) return { ok: false, problem: `the signed head is of log "${head.logId}", not this room's` };
  if (!audit.verifyTreeHead(head, hex(key.publicKey))) return { ok: false, problem: "the signed tree head does not verify with the server's key" };
  const checked: number[] = [];
  for (const o of openings) {
    if (o.entry >= head.treeSize) return { ok: false, problem: `event #${o.seq} is not yet under the signed head (${head.treeSize} entries)` };
    const inc = await source.inclusion(o.entry, head.treeSize);
    const leaf = audit.leafHash(new TextEncoder().encode(inc.entry));
    if (!audit.verifyInclusion(o.entry, head.treeSize, leaf, inc.proof.map(hex), hex(head.rootHash)))
      return { ok: false, problem: `event #${o.seq}: the inclusion proof does not lead to the signed root` };
    const problem = audit.openingProblem(inc.entry, o);
    if (problem !== null) return { ok: false, problem: `event #${o.seq} (${o.type}): ${problem}` };
    if (o.type === "preferences-submitted" && preferences != null && audit.canonicalJson(((o.payload ?? {}) as { preferences?: Audit.JsonValue }).preferences ?? null) !== audit.canonicalJson(preferences as Audit.JsonValue))
      return { ok: false, problem: `event #${o.seq}: the committed preferences are not the ones this page shows as yours` };
    checked.push(o.seq);
  }
  return { ok: true, checked, treeSize: head.treeSize };
}
