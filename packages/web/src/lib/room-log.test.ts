import * as audit from "@parley/audit";
import { AuditLog, generateSigningKey, toHex } from "@parley/audit";
import { describe, expect, it } from "vitest";
import type { RoomEvent } from "../api/types.js";
import { noProofs, proveLog, type LogProofSource } from "./room-log.js";

const key = generateSigningKey(new Uint8Array(32).fill(7));
const room = "room-test";

const event = (seq: number, extra: Partial<RoomEvent> = {}): RoomEvent =>
  ({ seq, at: new Date(Date.UTC(2026, 11, 1, 10, 0, seq)).toISOString(), type: "seat-joined", actor: { role: "seat", party: "p" }, public: { party: `p${seq}` }, ...extra }) as RoomEvent;
const entryOf = (e: RoomEvent) => ({ room, seq: e.seq, at: e.at, type: e.type, actor: e.actor, public: e.public, ...(e.commitment ? { commitment: e.commitment } : {}) });

/** A log in memory, served as the server serves it; `tamper` changes what it serves. */
function served(log: AuditLog, tamper: { entry?: (i: number, s: string) => string; head?: (h: audit.SignedTreeHead) => audit.SignedTreeHead } = {}) {
  const calls = { inclusion: 0, consistency: 0 };
  const source: LogProofSource = {
    key: async () => ({ publicKey: toHex(key.publicKey) }),
    head: async () => (tamper.head ?? ((h) => h))(log.heads.at(-1)!),
    inclusion: async (index, size) => {
      calls.inclusion++;
      const json = log.entries[index]!.json;
      return { index, treeSize: size, entry: tamper.entry ? tamper.entry(index, json) : json, leafHash: log.entries[index]!.leafHash, proof: log.inclusionProof(index, size), head: null };
    },
    consistency: async (from, to) => {
      calls.consistency++;
      return { from, to, proof: log.consistencyProof(from, to) };
    },
  };
  return { source, calls };
}

function logOf(events: readonly RoomEvent[]): AuditLog {
  const log = new AuditLog(room, key);
  for (const e of events) log.append(entryOf(e));
  log.signHead(1000 + events.length);
  return log;
}

describe("the log verified from served proofs", () => {
  it("proves each event by inclusion, then a grown log by consistency and only the new events", async () => {
    const events = [1, 2, 3, 4, 5].map((s) => event(s, s === 3 ? { commitment: "ab".repeat(32) } : {}));
    const log = logOf(events.slice(0, 3));
    const first = served(log);
    const r1 = await proveLog(room, events.slice(0, 3), noProofs, first.source, audit);
    expect(r1).toMatchObject({ ok: true, state: { proven: 3, grew: [] } });
    expect(first.calls).toEqual({ inclusion: 3, consistency: 0 });
    for (const e of events.slice(3)) log.append(entryOf(e));
    log.signHead(2000);
    const again = served(log);
    const r2 = await proveLog(room, events, r1.ok ? r1.state : noProofs, again.source, audit);
    expect(r2).toMatchObject({ ok: true, state: { proven: 5, grew: [{ from: 3, to: 5 }] } });
    expect(again.calls).toEqual({ inclusion: 2, consistency: 1 });
    // A later visit (the head remembered, nothing proven yet in this session) proves every shown event again.
    const later = await proveLog(room, events, { head: r2.ok ? r2.state.head : null, proven: 0, grew: [] }, served(log).source, audit);
    expect(later).toMatchObject({ ok: true, state: { proven: 5 } });
  });

  it("an event shown that is not the log's entry, a forged head, a rewritten history, a log that shrank: each is named", async () => {
    const events = [1, 2, 3, 4].map((s) => event(s));
    const log = logOf(events);
    const shown = events.map((e) => (e.seq === 2 ? { ...e, public: { party: "someone else" } } : e));
    expect(await proveLog(room, shown, noProofs, served(log).source, audit)).toMatchObject({ ok: false, seq: 2, problem: expect.stringMatching(/#2 as this page shows it is not the log's entry 1/) });
    const reordered = served(log, { entry: (i, s) => (i === 1 ? JSON.stringify(JSON.parse(s), null, 1) : s) });
    expect(await proveLog(room, events, noProofs, reordered.source, audit)).toMatchObject({ ok: false, seq: 2, problem: expect.stringMatching(/canonical/) });
    const forged = served(log, { head: (h) => ({ ...h, timestamp: h.timestamp + 1 }) });
    expect(await proveLog(room, events, noProofs, forged.source, audit)).toMatchObject({ ok: false, problem: expect.stringMatching(/signature/) });
    const otherLog = served(log, { head: (h) => ({ ...h, logId: "room-other" }) });
    expect(await proveLog(room, events, noProofs, otherLog.source, audit)).toMatchObject({ ok: false, problem: expect.stringMatching(/room-other/) });

    // The head seen before, then a log whose first entries were rewritten: no consistency proof holds.
    const seen = await proveLog(room, events.slice(0, 2), noProofs, served(logOf(events.slice(0, 2))).source, audit);
    expect(seen.ok).toBe(true);
    const rewritten = logOf([event(1), event(2, { public: { party: "rewritten" } }), event(3), event(4)]);
    expect(await proveLog(room, events, seen.ok ? seen.state : noProofs, served(rewritten).source, audit)).toMatchObject({ ok: false, problem: expect.stringMatching(/does not extend/) });
    const full = await proveLog(room, events, noProofs, served(log).source, audit);
    expect(await proveLog(room, events, full.ok ? full.state : noProofs, served(logOf(events.slice(0, 3))).source, audit)).toMatchObject({ ok: false, problem: expect.stringMatching(/shrank/) });
  });
});
