// RFC 9162 §2.1: the Merkle Tree Hash over SHA-256 with domain-separated leaves (0x00) and nodes
// (0x01), and an append-only tree that keeps every complete subtree's hash, so that appending is
// O(log n) and the root, inclusion proofs (§2.1.3.1) and consistency proofs (§2.1.4.1) of ANY
// earlier size are O(log n) too.
import { sha256 } from "@noble/hashes/sha2.js";
import { AuditError } from "./errors.js";

export const HASH_BYTES = 32;
/** The most leaves a MerkleTree holds (2^31 − 1). */
export const MAX_TREE_SIZE = 2 ** 31 - 1;

/** MTH({}) = SHA-256 of the empty string: the root of the empty tree. */
export const emptyRoot: Uint8Array = sha256(new Uint8Array(0));

/** MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(data: Uint8Array): Uint8Array {
  const h = sha256.create();
  h.update(new Uint8Array([0]));
  h.update(data);
  return h.digest();
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const h = sha256.create();
  h.update(new Uint8Array([1]));
  h.update(left);
  h.update(right);
  return h.digest();
}

/** The largest power of two smaller than n (n ≥ 2): RFC 9162's k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A growable array of 32-byte hashes in one buffer. */
class HashList {
  private buffer = new Uint8Array(HASH_BYTES * 64);
  length = 0;
  push(hash: Uint8Array): void {
    if ((this.length + 1) * HASH_BYTES > this.buffer.length) {
      const bigger = new Uint8Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer.set(hash, this.length * HASH_BYTES);
    this.length++;
  }
  /** A view (not a copy): callers inside this module only. */
  at(i: number): Uint8Array {
    return this.buffer.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES);
  }
}

/**
 * An append-only RFC 9162 Merkle tree over leaf hashes. `levels[h][i]` is the hash of the complete
 * subtree of 2^h leaves starting at leaf i·2^h; every range the RFC's recursion visits is either
 * such a subtree or splits into one and a smaller range, so any MTH(D[0:m]) needs O(log m) nodes.
 */
export class MerkleTree {
  private readonly levels: HashList[] = [new HashList()];

  /** A tree holding these leaf hashes (e.g. read back from a store), in order. */
  static fromLeafHashes(hashes: Iterable<Uint8Array>): MerkleTree {
    const tree = new MerkleTree();
    for (const h of hashes) tree.appendLeafHash(h);
    return tree;
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  /** Append a leaf's data; returns its leaf hash. */
  append(data: Uint8Array): Uint8Array {
    const h = leafHash(data);
    this.appendLeafHash(h);
    return h;
  }

  /** Append an already computed leaf hash (32 bytes). */
  appendLeafHash(hash: Uint8Array): void {
    if (hash.length !== HASH_BYTES) throw new AuditError("PARLEY_AUDIT_BAD_ARGUMENT", `a leaf hash is ${HASH_BYTES} bytes, not ${hash.length}`);
    // Sizes stay below 2^31 so that the power-of-two tests below can use 32-bit integer arithmetic.
    if (this.size >= MAX_TREE_SIZE) throw new AuditError("PARLEY_AUDIT_BAD_ARGUMENT", `a tree holds at most ${MAX_TREE_SIZE} leaves`);
    this.levels[0]!.push(hash);
    // A right child completes its parent: carry up while the new node has an even count below it.
    for (let level = 0; this.levels[level]!.length % 2 === 0; level++) {
      const below = this.levels[level]!;
      const parent = nodeHash(below.at(below.length - 2), below.at(below.length - 1));
      (this.levels[level + 1] ??= new HashList()).push(parent);
    }
  }

  /** The hash of leaf `index`. */
  leafHash(index: number): Uint8Array {
    this.checkIndex("leaf index", index, 0, this.size - 1);
    return this.levels[0]!.at(index).slice();
  }

  /** MTH(D[0:size]): the root of the tree as it was with `size` leaves (default: now). */
  root(size = this.size): Uint8Array {
    this.checkIndex("tree size", size, 0, this.size);
    return size === 0 ? emptyRoot.slice() : this.subtree(0, size).slice();
  }

  /** PATH(index, D[0:size]) (RFC 9162 §2.1.3.1): the sibling hashes from the leaf up to the root. */
  inclusionProof(index: number, size = this.size): Uint8Array[] {
    this.checkIndex("tree size", size, 1, this.size);
    this.checkIndex("leaf index", index, 0, size - 1);
    const path: Uint8Array[] = [];
    this.path(index, 0, size, path);
    return path.map((h) => h.slice());
  }

  /** PROOF(from, D[0:to]) (RFC 9162 §2.1.4.1); empty when from is 0 or equals to. */
  consistencyProof(from: number, to = this.size): Uint8Array[] {
    this.checkIndex("tree size", to, 0, this.size);
    this.checkIndex("earlier tree size", from, 0, to);
    const proof: Uint8Array[] = [];
    if (from > 0 && from < to) this.subproof(from, 0, to, true, proof);
    return proof.map((h) => h.slice());
  }

  /** MTH(D[start:end]) for a range the RFC's recursion visits (start is a multiple of every power of two ≤ end − start). */
  private subtree(start: number, end: number): Uint8Array {
    const n = end - start;
    if ((n & (n - 1)) === 0) return this.levels[Math.log2(n)]!.at(start / n);
    const k = splitPoint(n);
    return nodeHash(this.subtree(start, start + k), this.subtree(start + k, end));
  }

  private path(m: number, start: number, end: number, out: Uint8Array[]): void {
    const n = end - start;
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      this.path(m, start, start + k, out);
      out.push(this.subtree(start + k, end));
    } else {
      this.path(m - k, start + k, end, out);
      out.push(this.subtree(start, start + k));
    }
  }

  private subproof(m: number, start: number, end: number, whole: boolean, out: Uint8Array[]): void {
    const n = end - start;
    if (m === n) {
      if (!whole) out.push(this.subtree(start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      this.subproof(m, start, start + k, whole, out);
      out.push(this.subtree(start + k, end));
    } else {
      this.subproof(m - k, start + k, end, false, out);
      out.push(this.subtree(start, start + k));
    }
  }

  private checkIndex(what: string, value: number, min: number, max: number): void {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new AuditError("PARLEY_AUDIT_BAD_ARGUMENT", `${what} ${value} is outside ${min}..${max} (the tree has ${this.size} leaves)`);
    }
  }
}
