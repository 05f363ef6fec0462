// A deterministic sample room log (fixed key seed, fixed times): the file docs/audit-log.md verifies
// (examples/audit/sample-room.json and the north seat's north-opening.json, written by `npx tsx --conditions=@parley/source packages/audit/scripts/write-sample.ts`;
// a test checks the committed file is this function's output). The room is invented: three seats, a
// mediator, two private submissions, one agreement. No real party or fact.
import { AuditLog, commit, generateSigningKey, toHex, type AuditExport, type SubmissionOpening } from "@parley/audit";

/** 32 bytes derived from a label: fixed seeds and salts for the sample (not secrets). */
export function fixedBytes(label: string): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = (label.charCodeAt(i % label.length) * 31 + i * 17) & 0xff;
  return out;
}

export const sampleKey = generateSigningKey(fixedBytes("parley sample room key"));
export const sampleSubmissions = [
  { seat: "north", salt: fixedBytes("north salt"), payload: { reservation: 0.4, offer: { border: "line-b", troops: "withdraw" } } },
  { seat: "south", salt: fixedBytes("south salt"), payload: { reservation: 0.35, offer: { border: "line-a", troops: "withdraw" } } },
] as const;

export function sampleAuditExport(): AuditExport {
  const log = new AuditLog("room-sample-0001", sampleKey);
  const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
  const min = 60_000;
  log.append({ type: "room-opened", room: "room-sample-0001", at: t0, seats: ["north", "south", "east"], mediator: "mediator" });
  log.append({ type: "seat-joined", seat: "north", at: t0 + 1 * min });
  log.append({ type: "seat-joined", seat: "south", at: t0 + 2 * min });
  log.signHead(t0 + 2 * min);
  log.append({ type: "seat-joined", seat: "east", at: t0 + 3 * min });
  for (const [i, s] of sampleSubmissions.entries()) {
    log.append({ type: "private-submission", seat: s.seat, at: t0 + (10 + i) * min, commitment: commit(s.salt, s.payload) });
  }
  log.signHead(t0 + 12 * min);
  log.append({ type: "proposal", by: "mediator", at: t0 + 20 * min, package: { border: "line-b", troops: "withdraw" } });
  for (const [i, seat] of ["north", "south", "east"].entries()) log.append({ type: "vote", seat, at: t0 + (21 + i) * min, vote: "accept" });
  log.append({ type: "agreement", at: t0 + 25 * min, package: { border: "line-b", troops: "withdraw" } });
  log.signHead(t0 + 25 * min);
  return log.toExport();
}

/** What the north seat keeps to show that entry 4 is its submission (examples/audit/north-opening.json). */
export function sampleOpening(): SubmissionOpening {
  const north = sampleSubmissions[0];
  return { entry: 4, salt: toHex(north.salt), payload: north.payload };
}

/** The sample files, by path from the repository's root, with their text. */
export function sampleFiles(): Record<string, string> {
  return {
    "examples/audit/sample-room.json": `${JSON.stringify(sampleAuditExport(), null, 2)}\n`,
    "examples/audit/north-opening.json": `${JSON.stringify(sampleOpening(), null, 2)}\n`,
  };
}
