import * as audit from "@parley/audit";
import { AuditLog, commit, generateSigningKey, toHex } from "@parley/audit";
import { describe, expect, it } from "vitest";
import { checkMySubmissions, type Opening } from "./seat-commitment.js";

const key = generateSigningKey(new Uint8Array(32).fill(3));
const room = "room-c";
const prefs = { reservation: 0.3, values: { berths: ["shared", "north", "south"] } };
const salt = new Uint8Array(32).fill(9);

function setup() {
  const log = new AuditLog(room, key);
  log.append({ room, seq: 1, type: "room-created", public: {} });
  log.append({ room, seq: 2, type: "preferences-submitted", public: { party: "port" }, commitment: commit(salt, { preferences: prefs }) });
  log.append({ room, seq: 3, type: "seat-joined", public: { party: "city" } });
  log.signHead(1000);
  const source = {
    key: async () => ({ publicKey: toHex(key.publicKey) }),
    head: async () => log.heads.at(-1)!,
    inclusion: async (index: number, size: number) => ({ index, treeSize: size, entry: log.entries[index]!.json, leafHash: log.entries[index]!.leafHash, proof: log.inclusionProof(index, size), head: null }),
  };
  const opening: Opening = { entry: 1, seq: 2, type: "preferences-submitted", salt: toHex(salt), payload: { preferences: prefs } };
  return { source, opening };
}

describe("a seat's check of its own submission", () => {
  it("accepts the opening the log commits to", async () => {
    const { source, opening } = setup();
    expect(await checkMySubmissions(room, [opening], prefs, source, audit)).toEqual({ ok: true, checked: [2], treeSize: 3 });
  });
  it("detects a wrong opening: another payload, another salt, another entry", async () => {
    const { source, opening } = setup();
    const other = { ...prefs, reservation: 0.4 };
    const r1 = await checkMySubmissions(room, [{ ...opening, payload: { preferences: other } }], null, source, audit);
    expect(r1).toEqual({ ok: false, problem: "event #2 (preferences-submitted): entry 1's commitment is not to this payload under this salt" });
    const r2 = await checkMySubmissions(room, [{ ...opening, salt: "0a".repeat(32) }], null, source, audit);
    expect(r2.ok).toBe(false);
    const r3 = await checkMySubmissions(room, [{ ...opening, entry: 2 }], null, source, audit);
    expect(r3).toEqual({ ok: false, problem: "event #2 (preferences-submitted): entry 2 holds no commitment" });
  });
  it("detects a committed submission that is not the preferences the page shows", async () => {
    const { source, opening } = setup();
    const r = await checkMySubmissions(room, [opening], { ...prefs, reservation: 0.9 }, source, audit);
    expect(r).toEqual({ ok: false, problem: "event #2: the committed preferences are not the ones this page shows as yours" });
  });
  it("detects an entry not in the signed tree and a forged head", async () => {
    const { source, opening } = setup();
    const forged = { ...source, inclusion: async (i: number, s: number) => ({ ...(await source.inclusion(i, s)), proof: [] }) };
    expect(await checkMySubmissions(room, [opening], null, forged, audit)).toEqual({ ok: false, problem: "event #2: the inclusion proof does not lead to the signed root" });
    const badHead = { ...source, head: async () => ({ ...(await source.head()), rootHash: "00".repeat(32) }) };
    expect(await checkMySubmissions(room, [opening], null, badHead, audit)).toEqual({ ok: false, problem: "the signed tree head does not verify with the server's key" });
  });
});
