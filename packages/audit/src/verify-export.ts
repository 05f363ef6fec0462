// Offline verification of an export: every entry against its leaf hash, every tree head's
// signature and root, and the consistency proof between successive heads. Reports the FIRST
// problem, in log order: the key, then the entries, then the heads, then entries no head signs.
import { equalBytes, fromHex, toHex, utf8 } from "./bytes.js";
import { canonicalJson } from "./canonical-json.js";
import type { AuditErrorCode } from "./errors.js";
import { parseAuditExport, type AuditExport } from "./export-format.js";
import { leafHash, MerkleTree } from "./merkle.js";
import { verifyConsistency } from "./proofs.js";
import { verifyTreeHead } from "./tree-head.js";

export interface AuditProblem {
  readonly code: AuditErrorCode;
  /** The entry at fault, when one is. */
  readonly entry?: number;
  /** The tree head at fault, when one is. */
  readonly treeHead?: number;
  /** The field at fault, as a JSON path into the export (e.g. `entries[3].json`). */
  readonly field: string;
  readonly message: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly logId: string;
  readonly publicKey: string;
  readonly entries: number;
  readonly treeHeads: number;
  /** The last tree head (what the log commits to), as the file states it. */
  readonly latest: { readonly treeSize: number; readonly rootHash: string; readonly timestamp: number };
  /** Entries whose JSON is an object with a string `commitment`: private submissions, committed (counted whether or not they verify). */
  readonly commitments: number;
  /** The first problem found; null when everything verifies. */
  readonly problem: AuditProblem | null;
}

export interface VerifyOptions {
  /** The public key the log is known by (hex or bytes), from somewhere other than the file: without it a forger could re-sign with a key of their own. */
  readonly publicKey?: string | Uint8Array;
}

/** Verify an export (its text, or an already parsed export). Throws AuditError PARLEY_AUDIT_MALFORMED_EXPORT for text that is not an export. */
export function verifyExport(input: string | AuditExport, options: VerifyOptions = {}): AuditVerification {
  const log = typeof input === "string" ? parseAuditExport(input) : input;
  const last = log.treeHeads.at(-1)!;
  const commitments = log.entries.filter((e) => hasCommitment(e.json)).length;
  const result = (problem: AuditProblem | null): AuditVerification => ({
    ok: problem === null,
    logId: log.logId,
    publicKey: log.publicKey,
    entries: log.entries.length,
    treeHeads: log.treeHeads.length,
    latest: { treeSize: last.treeSize, rootHash: last.rootHash, timestamp: last.timestamp },
    commitments,
    problem,
  });

  const expected = typeof options.publicKey === "string" ? options.publicKey : options.publicKey ? toHex(options.publicKey) : undefined;
  if (expected !== undefined && expected.toLowerCase() !== log.publicKey) {
    return result({ code: "PARLEY_AUDIT_KEY_MISMATCH", field: "publicKey", message: `the export is signed with key ${log.publicKey}, not the expected ${expected.toLowerCase()}` });
  }

  const tree = new MerkleTree();
  for (const [i, entry] of log.entries.entries()) {
    const problem = entryProblem(entry, i);
    if (problem) return result(problem);
    tree.appendLeafHash(fromHex(entry.leafHash)!);
  }

  const publicKey = fromHex(log.publicKey)!;
  for (const [i, head] of log.treeHeads.entries()) {
    const at = `treeHeads[${i}]`;
    const prev = i === 0 ? null : log.treeHeads[i - 1]!;
    const fail = (code: AuditErrorCode, field: string, message: string, entry?: number): AuditVerification =>
      result({ code, treeHead: i, ...(entry !== undefined ? { entry } : {}), field: `${at}${field}`, message: `tree head ${i} (size ${head.treeSize}): ${message}` });
    if (head.logId !== log.logId) return fail("PARLEY_AUDIT_HEAD_INVALID", ".logId", `it is for log ${JSON.stringify(head.logId)}, not ${JSON.stringify(log.logId)}`);
    if (!verifyTreeHead(head, publicKey)) return fail("PARLEY_AUDIT_HEAD_SIGNATURE", ".signature", "the signature does not verify with the export's public key (the head or the signature was changed)");
    if (prev && head.treeSize < prev.treeSize) return fail("PARLEY_AUDIT_HEAD_INVALID", ".treeSize", `the log shrank from ${prev.treeSize} entries`);
    if (prev && head.timestamp < prev.timestamp) return fail("PARLEY_AUDIT_HEAD_INVALID", ".timestamp", `signed at ${iso(head.timestamp)}, before the previous head (${iso(prev.timestamp)})`);
    if (head.treeSize > tree.size) return fail("PARLEY_AUDIT_HEAD_INVALID", ".treeSize", `the export has only ${tree.size} entries (entries were removed)`, tree.size);
    const from = prev?.treeSize ?? 0;
    if (!equalBytes(tree.root(head.treeSize), fromHex(head.rootHash)!)) {
      const range = from === head.treeSize - 1 ? `entry ${from}` : `one of entries ${from}..${head.treeSize - 1}`;
      return fail("PARLEY_AUDIT_HEAD_ROOT", ".rootHash", `the entries do not hash to the signed root: ${range} differs from what was signed (entries before ${from} match the previous head)`, from);
    }
    const proof = head.consistency.map((h) => fromHex(h)!);
    const fromRoot = prev ? fromHex(prev.rootHash)! : tree.root(0);
    if (!verifyConsistency(from, head.treeSize, fromRoot, fromHex(head.rootHash)!, proof)) {
      return fail("PARLEY_AUDIT_HEAD_CONSISTENCY", ".consistency", `the consistency proof from the previous head (size ${from}) does not verify`);
    }
  }
  if (last.treeSize < log.entries.length) {
    return result({
      code: "PARLEY_AUDIT_ENTRY_UNSIGNED",
      entry: last.treeSize,
      field: `entries[${last.treeSize}]`,
      message: `entry ${last.treeSize}: no signed tree head covers it (the last head has ${last.treeSize} entries, the export ${log.entries.length})`,
    });
  }
  return result(null);
}

function entryProblem(entry: AuditExport["entries"][number], i: number): AuditProblem | null {
  const at = `entries[${i}]`;
  const fail = (code: AuditErrorCode, field: string, message: string): AuditProblem => ({ code, entry: i, field: `${at}${field}`, message: `entry ${i}: ${message}` });
  if (entry.index !== i) return fail("PARLEY_AUDIT_ENTRY_INDEX", ".index", `its index says ${entry.index} (entries were removed, added or reordered)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry.json);
  } catch {
    return fail("PARLEY_AUDIT_ENTRY_NOT_CANONICAL", ".json", "the entry is not JSON");
  }
  let canonical: string;
  try {
    canonical = canonicalJson(parsed);
  } catch (error) {
    return fail("PARLEY_AUDIT_ENTRY_NOT_CANONICAL", ".json", `the entry has no canonical form (${error instanceof Error ? error.message : String(error)})`);
  }
  if (canonical !== entry.json) return fail("PARLEY_AUDIT_ENTRY_NOT_CANONICAL", ".json", "the entry is not in RFC 8785 canonical form (it was edited after logging)");
  if (!equalBytes(leafHash(utf8(entry.json)), fromHex(entry.leafHash)!)) {
    return fail("PARLEY_AUDIT_ENTRY_HASH", "", "the entry does not hash to its leaf hash (the entry or the hash was changed)");
  }
  return null;
}

function hasCommitment(json: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return false;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { commitment?: unknown }).commitment === "string";
}

const iso = (ms: number) => new Date(ms).toISOString();
