// The log a room appends to: entries as canonical JSON, their leaf hashes in a Merkle tree, signed
// tree heads, and the export a verifier checks offline (export-format.ts).
import { toHex, utf8 } from "./bytes.js";
import { canonicalJson } from "./canonical-json.js";
import { AuditError } from "./errors.js";
import { AUDIT_EXPORT_FORMAT, AUDIT_EXPORT_VERSION, type AuditExport, type ExportedEntry, type ExportedTreeHead } from "./export-format.js";
import { MerkleTree } from "./merkle.js";
import { signTreeHead, type SignedTreeHead, type SigningKey } from "./tree-head.js";

export interface AppendedEntry {
  readonly index: number;
  /** The entry's RFC 8785 canonical JSON: the leaf's data is its UTF-8 bytes. */
  readonly json: string;
  /** SHA-256(0x00 || data), hex. */
  readonly leafHash: string;
}

/** An append-only audit log with its signing key. In memory: a store keeps `entries` and `heads` and rebuilds the log with `restore`. */
export class AuditLog {
  private readonly tree = new MerkleTree();
  private readonly entryList: AppendedEntry[] = [];
  private readonly headList: SignedTreeHead[] = [];

  constructor(
    readonly logId: string,
    private readonly key: SigningKey,
  ) {
    if (logId.length === 0) throw new AuditError("PARLEY_AUDIT_BAD_ARGUMENT", "a log needs a non-empty logId");
  }

  /** The log again from what a store kept: the entries' canonical JSON in order, and the heads signed so far. */
  static restore(logId: string, key: SigningKey, entries: Iterable<string>, heads: readonly SignedTreeHead[]): AuditLog {
    const log = new AuditLog(logId, key);
    for (const json of entries) log.append(JSON.parse(json));
    for (const head of heads) {
      if (head.treeSize > log.size || head.rootHash !== log.root(head.treeSize)) {
        throw new AuditError("PARLEY_AUDIT_BAD_ARGUMENT", `the stored tree head of size ${head.treeSize} does not match the stored entries`);
      }
      log.headList.push(head);
    }
    return log;
  }

  get size(): number {
    return this.tree.size;
  }
  get entries(): readonly AppendedEntry[] {
    return this.entryList;
  }
  get heads(): readonly SignedTreeHead[] {
    return this.headList;
  }

  /** Append one public entry (any value with an RFC 8785 form; a private submission goes in as commit(salt, payload)). */
  append(entry: unknown): AppendedEntry {
    const json = canonicalJson(entry);
    const appended = { index: this.tree.size, json, leafHash: toHex(this.tree.append(utf8(json))) };
    this.entryList.push(appended);
    return appended;
  }

  /** Sign the current tree head at `timestamp` (ms since 1970; never earlier than the last head's). */
  signHead(timestamp: number): SignedTreeHead {
    const last = this.headList.at(-1);
    if (last && timestamp < last.timestamp) throw new AuditError("PARLEY_AUDIT_BAD_ARGUMENT", `timestamp ${timestamp} is earlier than the last tree head's (${last.timestamp})`);
    const head = signTreeHead({ logId: this.logId, treeSize: this.tree.size, rootHash: toHex(this.tree.root()), timestamp }, this.key.secretKey);
    this.headList.push(head);
    return head;
  }

  /** The root (hex) of the log as it was with `treeSize` entries. */
  root(treeSize = this.size): string {
    return toHex(this.tree.root(treeSize));
  }

  /** The inclusion proof (hex hashes, leaf to root) of entry `index` in the tree of `treeSize` entries. */
  inclusionProof(index: number, treeSize = this.size): string[] {
    return this.tree.inclusionProof(index, treeSize).map(toHex);
  }

  /** The consistency proof (hex hashes) from the tree of `fromSize` entries to that of `toSize`. */
  consistencyProof(fromSize: number, toSize = this.size): string[] {
    return this.tree.consistencyProof(fromSize, toSize).map(toHex);
  }

  /** The public export: every entry, every signed head with its consistency proof from the one before, and the public key. */
  toExport(): AuditExport {
    const entries: ExportedEntry[] = this.entryList.map(({ index, leafHash, json }) => ({ index, leafHash, json }));
    const treeHeads: ExportedTreeHead[] = this.headList.map((head, i) => ({
      ...head,
      consistency: this.consistencyProof(i === 0 ? 0 : this.headList[i - 1]!.treeSize, head.treeSize),
    }));
    return {
      format: AUDIT_EXPORT_FORMAT,
      version: AUDIT_EXPORT_VERSION,
      logId: this.logId,
      hashAlgorithm: "sha256",
      signatureAlgorithm: "ed25519",
      publicKey: toHex(this.key.publicKey),
      entries,
      treeHeads,
    };
  }
}
