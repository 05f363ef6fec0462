// Signed tree heads: {treeSize, rootHash, timestamp, logId} signed with Ed25519 (RFC 8032, checked
// strictly: no ZIP 215 leniency). The signed bytes are the RFC 8785 canonical JSON of the head with
// a "type" field that names this use, so a head's signature can never be read as anything else.
import { ed25519 } from "@noble/curves/ed25519.js";
import { fromHex, toHex, utf8 } from "./bytes.js";
import { canonicalJson } from "./canonical-json.js";
import { AuditError } from "./errors.js";
import { HASH_BYTES } from "./merkle.js";

export const TREE_HEAD_TYPE = "parley-audit-tree-head/v1";
export const PUBLIC_KEY_BYTES = 32;
export const SECRET_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

/** What a tree head states: the log `logId` had `treeSize` entries with root `rootHash` (hex) at `timestamp` (ms since the Unix epoch, UTC). */
export interface TreeHead {
  readonly logId: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly timestamp: number;
}

export interface SignedTreeHead extends TreeHead {
  /** Ed25519 signature (hex, 64 bytes) of treeHeadMessage(head). */
  readonly signature: string;
}

export interface SigningKey {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

/**
 * A new Ed25519 key pair. `seed` (32 bytes) makes it deterministic (tests, fixtures); without it
 * the secret comes from the platform's CSPRNG (crypto.getRandomValues, in Node and browsers).
 */
export function generateSigningKey(seed?: Uint8Array): SigningKey {
  if (seed !== undefined && seed.length !== SECRET_KEY_BYTES) throw new AuditError("PARLEY_AUDIT_BAD_ARGUMENT", `a key seed is ${SECRET_KEY_BYTES} bytes, not ${seed.length}`);
  const secretKey = ed25519.utils.randomSecretKey(seed);
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

/** The bytes a tree head's signature covers. */
export function treeHeadMessage(head: TreeHead): Uint8Array {
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 0) throw new AuditError("PARLEY_AUDIT_BAD_ARGUMENT", `treeSize ${head.treeSize} is not a non-negative integer`);
  if (!Number.isSafeInteger(head.timestamp) || head.timestamp < 0) throw new AuditError("PARLEY_AUDIT_BAD_ARGUMENT", `timestamp ${head.timestamp} is not a non-negative integer (ms since 1970)`);
  if (fromHex(head.rootHash, HASH_BYTES) === null) throw new AuditError("PARLEY_AUDIT_BAD_ARGUMENT", `rootHash is not ${HASH_BYTES * 2} lower-case hex digits`);
  return utf8(canonicalJson({ type: TREE_HEAD_TYPE, logId: head.logId, treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp }));
}

/** Sign a tree head. The time is a parameter (the log never reads the clock). */
export function signTreeHead(head: TreeHead, secretKey: Uint8Array): SignedTreeHead {
  const { logId, treeSize, rootHash, timestamp } = head;
  const signature = toHex(ed25519.sign(treeHeadMessage(head), secretKey));
  return { logId, treeSize, rootHash, timestamp, signature };
}

/** Whether `head.signature` is a valid Ed25519 signature of the head by `publicKey` (false for malformed hex or keys, never a throw). */
export function verifyTreeHead(head: SignedTreeHead, publicKey: Uint8Array): boolean {
  const signature = fromHex(head.signature, SIGNATURE_BYTES);
  if (signature === null || publicKey.length !== PUBLIC_KEY_BYTES) return false;
  try {
    return ed25519.verify(signature, treeHeadMessage(head), publicKey, { zip215: false });
  } catch {
    return false;
  }
}
