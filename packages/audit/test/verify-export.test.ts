import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AuditError, AuditLog, generateSigningKey, leafHash, parseAuditExport, toHex, verifyExport, type AuditExport } from "@parley/audit";
import { fixedBytes, sampleAuditExport, sampleFiles, sampleKey } from "./sample-log.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const key = generateSigningKey(fixedBytes("export test"));

/** A log of `n` entries with heads signed after the entries listed in `cuts` (and after the last). */
function exportOf(n: number, cuts: readonly number[]): AuditExport {
  const log = new AuditLog("room-test", key);
  const after = new Set([...cuts.map((c) => c % (n + 1)), n]);
  if (after.has(0)) log.signHead(1000);
  for (let i = 0; i < n; i++) {
    log.append({ type: "event", i, text: `entry ${i}` });
    if (after.has(i + 1)) log.signHead(1000 + i);
  }
  return log.toExport();
}

const flipChar = (text: string, at: number): string => {
  const i = at % text.length;
  const c = text.charCodeAt(i);
  return text.slice(0, i) + String.fromCharCode(c ^ 1) + text.slice(i + 1);
};
const flipHex = (text: string, at: number, bit: number) => {
  const i = at % text.length;
  return text.slice(0, i) + (parseInt(text[i]!, 16) ^ (1 << bit % 4)).toString(16) + text.slice(i + 1);
};
const withEntry = (e: AuditExport, i: number, patch: object): AuditExport => ({ ...e, entries: e.entries.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
const withHead = (e: AuditExport, i: number, patch: object): AuditExport => ({ ...e, treeHeads: e.treeHeads.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

const exportArb = fc.record({ n: fc.integer({ min: 1, max: 24 }), cuts: fc.array(fc.nat(), { maxLength: 4 }) }).map(({ n, cuts }) => exportOf(n, cuts));

describe("verifyExport", () => {
  it("accepts an untouched export and counts what it holds", () => {
    const r = verifyExport(JSON.stringify(sampleAuditExport()));
    expect(r.problem).toBeNull();
    expect(r).toMatchObject({ ok: true, logId: "room-sample-0001", entries: 11, treeHeads: 3, commitments: 2, latest: { treeSize: 11 } });
    expect(r.publicKey).toBe(toHex(sampleKey.publicKey));
    fc.assert(
      fc.property(exportArb, (e) => {
        expect(verifyExport(e).problem).toBeNull();
      }),
      { numRuns: 20 },
    );
  });

  it("the files in examples/audit/ are the generator's output (else run packages/audit/scripts/write-sample.ts)", () => {
    for (const [file, text] of Object.entries(sampleFiles())) expect(readFileSync(path.join(repoRoot, file), "utf8"), file).toBe(text);
  });

  it("flipping any character of an entry, or any bit of its leaf hash, names that entry first", () => {
    fc.assert(
      fc.property(exportArb, fc.nat(), fc.nat(), fc.nat({ max: 3 }), fc.boolean(), (e, which, at, bit, inJson) => {
        const i = which % e.entries.length;
        const entry = e.entries[i]!;
        const tampered = inJson ? withEntry(e, i, { json: flipChar(entry.json, at) }) : withEntry(e, i, { leafHash: flipHex(entry.leafHash, at, bit) });
        const { problem } = verifyExport(tampered);
        expect(problem?.entry).toBe(i);
        expect(problem?.code).toMatch(/^PARLEY_AUDIT_ENTRY_(HASH|NOT_CANONICAL)$/);
        expect(problem?.message).toMatch(new RegExp(`^entry ${i}: `));
      }),
      { numRuns: 40 },
    );
  });

  it("an entry rewritten with a matching leaf hash is caught by the first head that covers it, which names the range", () => {
    fc.assert(
      fc.property(exportArb, fc.nat(), (e, which) => {
        const i = which % e.entries.length;
        const json = JSON.stringify({ forged: i });
        const { problem } = verifyExport(withEntry(e, i, { json, leafHash: toHex(leafHash(new TextEncoder().encode(json))) }));
        const h = e.treeHeads.findIndex((head) => head.treeSize > i);
        const from = h === 0 ? 0 : e.treeHeads[h - 1]!.treeSize;
        expect(problem).toMatchObject({ code: "PARLEY_AUDIT_HEAD_ROOT", treeHead: h, entry: from, field: `treeHeads[${h}].rootHash` });
        expect(from).toBeLessThanOrEqual(i);
        expect(i).toBeLessThan(e.treeHeads[h]!.treeSize);
      }),
      { numRuns: 30 },
    );
  });

  it("flipping any bit of a head's signature, root, size or time, or of a consistency proof element, names that head", () => {
    fc.assert(
      fc.property(exportArb, fc.nat(), fc.nat(), fc.nat({ max: 3 }), fc.constantFrom("signature", "rootHash", "treeSize", "timestamp", "consistency"), (e, which, at, bit, field) => {
        const h = which % e.treeHeads.length;
        const head = e.treeHeads[h]!;
        if (field === "consistency" && head.consistency.length === 0) return;
        const patch =
          field === "treeSize" ? { treeSize: head.treeSize ^ (1 << bit) }
          : field === "timestamp" ? { timestamp: head.timestamp ^ (1 << bit) }
          : field === "consistency" ? { consistency: head.consistency.map((c, j) => (j === at % head.consistency.length ? flipHex(c, at, bit) : c)) }
          : { [field]: flipHex(head[field], at, bit) };
        const { problem } = verifyExport(withHead(e, h, patch));
        expect(problem?.treeHead).toBe(h);
        expect(problem?.code).toBe(field === "consistency" ? "PARLEY_AUDIT_HEAD_CONSISTENCY" : "PARLEY_AUDIT_HEAD_SIGNATURE");
      }),
      { numRuns: 40 },
    );
  });

  it("removed, reordered and unsigned entries, a re-signing key and a foreign head are named", () => {
    const e = exportOf(6, [2, 4]);
    expect(verifyExport({ ...e, entries: e.entries.slice(0, 5) }).problem).toMatchObject({ code: "PARLEY_AUDIT_HEAD_INVALID", treeHead: 2, entry: 5 });
    expect(verifyExport({ ...e, entries: [e.entries[1]!, e.entries[0]!, ...e.entries.slice(2)] }).problem).toMatchObject({ code: "PARLEY_AUDIT_ENTRY_INDEX", entry: 0 });
    const extra = { index: 6, json: '{"late":true}', leafHash: toHex(leafHash(new TextEncoder().encode('{"late":true}'))) };
    expect(verifyExport({ ...e, entries: [...e.entries, extra] }).problem).toMatchObject({ code: "PARLEY_AUDIT_ENTRY_UNSIGNED", entry: 6 });
    expect(verifyExport(e, { publicKey: toHex(sampleKey.publicKey) }).problem).toMatchObject({ code: "PARLEY_AUDIT_KEY_MISMATCH", field: "publicKey" });
    expect(verifyExport(e, { publicKey: key.publicKey }).ok).toBe(true);
    expect(verifyExport(withHead(e, 1, { logId: "room-other" })).problem).toMatchObject({ code: "PARLEY_AUDIT_HEAD_INVALID", treeHead: 1, field: "treeHeads[1].logId" });
    // Heads out of order: the shrinking one is named (the signature does not cover the consistency proof, so the first head stays valid without one).
    const shrinking = [{ ...e.treeHeads[1]!, consistency: [] }, e.treeHeads[0]!];
    expect(verifyExport({ ...e, treeHeads: shrinking }).problem).toMatchObject({ code: "PARLEY_AUDIT_HEAD_INVALID", treeHead: 1, field: "treeHeads[1].treeSize" });
    expect(verifyExport({ ...e, treeHeads: [e.treeHeads[1]!, e.treeHeads[0]!] }).problem).toMatchObject({ code: "PARLEY_AUDIT_HEAD_CONSISTENCY", treeHead: 0 });
    expect(verifyExport(withEntry(e, 3, { json: '{"i": 2}' })).problem).toMatchObject({ code: "PARLEY_AUDIT_ENTRY_NOT_CANONICAL", entry: 3 });
  });
});

describe("parseAuditExport", () => {
  const good = sampleAuditExport();
  const text = (value: unknown) => JSON.stringify(value, null, 2);
  it.each([
    ["not JSON", "{\n  \"format\": \n}", /^not JSON \(line 3, column 1\)/, ""],
    ["another format", text({ ...good, format: "x" }), /^format: expected "parley-audit-log"/, "format"],
    ["a newer version", text({ ...good, version: 2 }), /^version: expected 1, found 2 \(this parley reads version 1/, "version"],
    ["a short key", text({ ...good, publicKey: "abcd" }), /^publicKey: expected 64 lower-case hex digits/, "publicKey"],
    ["a bad entry", text(withEntry(good, 2, { leafHash: 7 })), /^entries\[2\]\.leafHash: expected a string/, "entries[2].leafHash"],
    ["a bad head", text(withHead(good, 1, { consistency: ["x"] })), /^treeHeads\[1\]\.consistency\[0\]: expected 64/, "treeHeads[1].consistency[0]"],
    ["no head", text({ ...good, treeHeads: [] }), /^treeHeads: an export has at least one signed tree head/, "treeHeads"],
  ])("rejects %s naming the field", (_name, input, message, field) => {
    expect(() => parseAuditExport(input)).toThrow(message);
    try {
      parseAuditExport(input);
    } catch (error) {
      expect(error).toBeInstanceOf(AuditError);
      expect((error as AuditError).path).toBe(field);
      expect((error as AuditError).code).toBe("PARLEY_AUDIT_MALFORMED_EXPORT");
    }
  });
});

describe("AuditLog", () => {
  it("restore rebuilds a log from stored entries and heads, and refuses heads that do not match them", () => {
    const e = exportOf(9, [3, 6]);
    const restored = AuditLog.restore("room-test", key, e.entries.map((x) => x.json), e.treeHeads);
    expect(restored.root()).toBe(e.treeHeads.at(-1)!.rootHash);
    restored.append({ type: "event", i: 9 });
    restored.signHead(5000);
    expect(verifyExport(restored.toExport()).ok).toBe(true);
    expect(() => AuditLog.restore("room-test", key, e.entries.slice(0, 8).map((x) => x.json), e.treeHeads)).toThrow(/tree head of size 9 does not match/);
  });

  it("refuses a head earlier than the last one, and values with no canonical JSON", () => {
    const log = new AuditLog("room-test", key);
    log.signHead(2000);
    expect(() => log.signHead(1999)).toThrow(/earlier than the last tree head/);
    expect(() => log.append({ at: Number.NaN })).toThrow(/\$\.at: NaN/);
    expect(log.size).toBe(0);
  });

  it("a nesting too deep for JSON.parse is a malformed export, not a crash", () => {
    expect(() => parseAuditExport("[".repeat(200_000))).toThrow(/^not JSON/);
  });
});
