// Salted commitments for private submissions: the public log carries only
// SHA-256("parley-audit-commitment/v1" || 0x00 || salt || canonical JSON of the payload), so the
// log can be shown to everyone, and the seat that keeps (salt, payload) can show that its
// submission is the one committed. The salt (32 random bytes) keeps a guessable payload hidden.
import { sha256 } from "@noble/hashes/sha2.js";
import { randomBytes } from "@noble/hashes/utils.js";
import { equalBytes, fromHex, toHex, utf8 } from "./bytes.js";
import { canonicalJson } from "./canonical-json.js";
import { AuditError } from "./errors.js";

export const COMMITMENT_DOMAIN = "parley-audit-commitment/v1";
export const SALT_BYTES = 32;

/** 32 fresh salt bytes from the platform's CSPRNG. */
export function newSalt(): Uint8Array {
  return randomBytes(SALT_BYTES);
}

/** The commitment (hex SHA-256) to `payload` under `salt` (32 bytes). */
export function commit(salt: Uint8Array, payload: unknown): string {
  if (salt.length !== SALT_BYTES) throw new AuditError("PARLEY_AUDIT_BAD_ARGUMENT", `a commitment salt is ${SALT_BYTES} bytes, not ${salt.length}`);
  const h = sha256.create();
  h.update(utf8(COMMITMENT_DOMAIN));
  h.update(new Uint8Array([0]));
  h.update(salt);
  h.update(utf8(canonicalJson(payload)));
  return toHex(h.digest());
}

/** Whether `commitment` (hex) commits to `payload` under `salt` (hex or bytes): a seat's check of its own submission. */
export function verifyCommitment(commitment: string, salt: Uint8Array | string, payload: unknown): boolean {
  const saltBytes = typeof salt === "string" ? fromHex(salt, SALT_BYTES) : salt;
  if (saltBytes === null || saltBytes.length !== SALT_BYTES) return false;
  const expected = fromHex(commitment, 32);
  return expected !== null && equalBytes(expected, fromHex(commit(saltBytes, payload))!);
}

/** What a seat keeps to open its commitment: the log entry holding it, the salt (hex) and the payload it submitted. */
export interface SubmissionOpening {
  readonly entry: number;
  readonly salt: string;
  readonly payload: unknown;
}

/**
 * Whether entry `opening.entry` (its canonical JSON) commits to the opening's payload: the entry
 * must be an object whose `commitment` field equals commit(salt, payload). Returns why not, or null.
 */
export function openingProblem(entryJson: string, opening: SubmissionOpening): string | null {
  const entry: unknown = JSON.parse(entryJson);
  const commitment = typeof entry === "object" && entry !== null && !Array.isArray(entry) ? (entry as { commitment?: unknown }).commitment : undefined;
  if (typeof commitment !== "string") return `entry ${opening.entry} holds no commitment`;
  if (fromHex(opening.salt, SALT_BYTES) === null) return `the salt is not ${SALT_BYTES * 2} lower-case hex digits`;
  return verifyCommitment(commitment, opening.salt, opening.payload) ? null : `entry ${opening.entry}'s commitment is not to this payload under this salt`;
}
