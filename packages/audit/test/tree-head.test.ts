import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commit, generateSigningKey, newSalt, openingProblem, signTreeHead, toHex, treeHeadMessage, verifyCommitment, verifyTreeHead, type SignedTreeHead } from "@parley/audit";
import { fixedBytes } from "./sample-log.js";

const key = generateSigningKey(fixedBytes("tree head test"));
const head = signTreeHead({ logId: "room-1", treeSize: 12, rootHash: "ab".repeat(32), timestamp: 1_767_600_000_000 }, key.secretKey);
const flipHex = (text: string, at: number, bit: number) => {
  const i = at % text.length;
  const c = (parseInt(text[i]!, 16) ^ (1 << (bit % 4))).toString(16);
  return text.slice(0, i) + c + text.slice(i + 1);
};

describe("signed tree heads (Ed25519)", () => {
  it("a seed gives the same key; no seed gives a fresh one", () => {
    expect(toHex(generateSigningKey(fixedBytes("tree head test")).publicKey)).toBe(toHex(key.publicKey));
    expect(toHex(generateSigningKey().publicKey)).not.toBe(toHex(generateSigningKey().publicKey));
    expect(() => generateSigningKey(new Uint8Array(16))).toThrow(/32 bytes/);
  });

  it("signs the canonical JSON of the head with its type", () => {
    expect(new TextDecoder().decode(treeHeadMessage(head))).toBe(
      `{"logId":"room-1","rootHash":"${"ab".repeat(32)}","timestamp":1767600000000,"treeSize":12,"type":"parley-audit-tree-head/v1"}`,
    );
    expect(verifyTreeHead(head, key.publicKey)).toBe(true);
    expect(verifyTreeHead(head, generateSigningKey(fixedBytes("another key")).publicKey)).toBe(false);
  });

  it("any change to the size, root, time, log id or signature breaks the signature", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 3 }), fc.integer({ min: 1, max: 2 ** 40 }), (at, bit, delta) => {
        const changed: SignedTreeHead[] = [
          { ...head, treeSize: head.treeSize + delta },
          { ...head, treeSize: head.treeSize - 1 },
          { ...head, timestamp: head.timestamp + delta },
          { ...head, rootHash: flipHex(head.rootHash, at, bit) },
          { ...head, signature: flipHex(head.signature, at, bit) },
          { ...head, logId: `${head.logId}${String.fromCharCode(33 + (at % 90))}` },
        ];
        for (const h of changed) expect(verifyTreeHead(h, key.publicKey)).toBe(false);
      }),
      { numRuns: 25 }, // an Ed25519 verification is about a millisecond
    );
  });

  it("a malformed signature or key is false, never a throw", () => {
    expect(verifyTreeHead({ ...head, signature: "zz" }, key.publicKey)).toBe(false);
    expect(verifyTreeHead(head, new Uint8Array(31))).toBe(false);
    expect(verifyTreeHead(head, new Uint8Array(32))).toBe(false);
  });
});

describe("salted commitments", () => {
  const salt = fixedBytes("salt");
  const payload = { offer: { border: "line-b" }, reservation: 0.4 };

  it("open with the same salt and payload, in any key order", () => {
    const c = commit(salt, payload);
    expect(c).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyCommitment(c, salt, { reservation: 0.4, offer: { border: "line-b" } })).toBe(true);
    expect(verifyCommitment(c, toHex(salt), payload)).toBe(true);
  });

  it("do not open with another salt or payload, and differ between salts", () => {
    const c = commit(salt, payload);
    expect(verifyCommitment(c, fixedBytes("other salt"), payload)).toBe(false);
    expect(verifyCommitment(c, salt, { ...payload, reservation: 0.41 })).toBe(false);
    expect(commit(newSalt(), payload)).not.toBe(commit(newSalt(), payload));
    expect(() => commit(new Uint8Array(8), payload)).toThrow(/32 bytes/);
  });

  it("a seat checks its opening against the log entry", () => {
    const entry = JSON.stringify({ type: "private-submission", commitment: commit(salt, payload) });
    expect(openingProblem(entry, { entry: 4, salt: toHex(salt), payload })).toBeNull();
    expect(openingProblem(entry, { entry: 4, salt: toHex(salt), payload: { ...payload, reservation: 0 } })).toMatch(/not to this payload/);
    expect(openingProblem('{"type":"vote"}', { entry: 4, salt: toHex(salt), payload })).toMatch(/holds no commitment/);
    expect(openingProblem(entry, { entry: 4, salt: "12", payload })).toMatch(/salt is not 64/);
  });
});
