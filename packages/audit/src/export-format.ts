// The export file (version 1): what `parley audit verify` reads. Parsing checks the shape and names
// the field of the first problem; whether the contents verify is verify-export.ts's question.
import { AuditError } from "./errors.js";
import { jsonErrorOffset, lineColumn } from "./json-error.js";
import { HASH_BYTES } from "./merkle.js";
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, type SignedTreeHead } from "./tree-head.js";

export const AUDIT_EXPORT_FORMAT = "parley-audit-log";
export const AUDIT_EXPORT_VERSION = 1;

export interface ExportedEntry {
  /** The entry's position in the log (0-based). */
  readonly index: number;
  /** SHA-256(0x00 || UTF-8 of json), hex. */
  readonly leafHash: string;
  /** The entry as RFC 8785 canonical JSON text. */
  readonly json: string;
}

export interface ExportedTreeHead extends SignedTreeHead {
  /** RFC 9162 consistency proof (hex hashes) from the previous head's tree size (0 for the first head) to this one's. */
  readonly consistency: readonly string[];
}

export interface AuditExport {
  readonly format: typeof AUDIT_EXPORT_FORMAT;
  readonly version: typeof AUDIT_EXPORT_VERSION;
  readonly logId: string;
  readonly hashAlgorithm: "sha256";
  readonly signatureAlgorithm: "ed25519";
  /** The Ed25519 public key (hex, 32 bytes) the heads are signed with. */
  readonly publicKey: string;
  readonly entries: readonly ExportedEntry[];
  readonly treeHeads: readonly ExportedTreeHead[];
}

const bad = (path: string, what: string): never => {
  throw new AuditError("PARLEY_AUDIT_MALFORMED_EXPORT", `${path}: ${what}`, path);
};

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) bad(path, "expected an object");
  return value as Record<string, unknown>;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) bad(path, "expected an array");
  return value as unknown[];
}

function string(value: unknown, path: string): string {
  if (typeof value !== "string") bad(path, "expected a string");
  return value as string;
}

function count(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) bad(path, "expected a non-negative integer");
  return value as number;
}

function hex(value: unknown, path: string, bytes: number): string {
  const text = string(value, path);
  if (text.length !== bytes * 2 || !/^[0-9a-f]*$/.test(text)) bad(path, `expected ${bytes * 2} lower-case hex digits (${bytes} bytes)`);
  return text;
}

function literal<T extends string | number>(value: unknown, path: string, expected: T, hint = ""): T {
  if (value !== expected) bad(path, `expected ${JSON.stringify(expected)}, found ${JSON.stringify(value)}${hint}`);
  return expected;
}

/** Parse an export's text; throws AuditError PARLEY_AUDIT_MALFORMED_EXPORT naming the field (or line) of the first problem. */
export function parseAuditExport(text: string): AuditExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = jsonErrorOffset(text);
    throw new AuditError("PARLEY_AUDIT_MALFORMED_EXPORT", `not JSON${at === null ? "" : ` (${lineColumn(text, at)})`}: ${message}`);
  }
  const root = object(raw, "$");
  literal(root["format"], "format", AUDIT_EXPORT_FORMAT, " (not a Parley audit log export)");
  literal(root["version"], "version", AUDIT_EXPORT_VERSION, " (this parley reads version 1 exports)");
  const logId = string(root["logId"], "logId");
  literal(root["hashAlgorithm"], "hashAlgorithm", "sha256");
  literal(root["signatureAlgorithm"], "signatureAlgorithm", "ed25519");
  const publicKey = hex(root["publicKey"], "publicKey", PUBLIC_KEY_BYTES);
  const entries = array(root["entries"], "entries").map((e, i): ExportedEntry => {
    const at = `entries[${i}]`;
    const entry = object(e, at);
    return { index: count(entry["index"], `${at}.index`), leafHash: hex(entry["leafHash"], `${at}.leafHash`, HASH_BYTES), json: string(entry["json"], `${at}.json`) };
  });
  const treeHeads = array(root["treeHeads"], "treeHeads").map((h, i): ExportedTreeHead => {
    const at = `treeHeads[${i}]`;
    const head = object(h, at);
    return {
      logId: string(head["logId"], `${at}.logId`),
      treeSize: count(head["treeSize"], `${at}.treeSize`),
      rootHash: hex(head["rootHash"], `${at}.rootHash`, HASH_BYTES),
      timestamp: count(head["timestamp"], `${at}.timestamp`),
      signature: hex(head["signature"], `${at}.signature`, SIGNATURE_BYTES),
      consistency: array(head["consistency"], `${at}.consistency`).map((c, j) => hex(c, `${at}.consistency[${j}]`, HASH_BYTES)),
    };
  });
  if (treeHeads.length === 0) bad("treeHeads", "an export has at least one signed tree head");
  return { format: AUDIT_EXPORT_FORMAT, version: AUDIT_EXPORT_VERSION, logId, hashAlgorithm: "sha256", signatureAlgorithm: "ed25519", publicKey, entries, treeHeads };
}
