// Proof verification, step by step as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency)
// write it. Sizes are checked to be safe integers; shifts are done with arithmetic so that sizes
// past 2^31 work.
import { equalBytes } from "./bytes.js";
import { HASH_BYTES, nodeHash } from "./merkle.js";

const lsb = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);
const isSize = (x: number) => Number.isSafeInteger(x) && x >= 0;
const isHash = (h: Uint8Array) => h.length === HASH_BYTES;

/**
 * The root that `proof` leads to from leaf `index` of a tree of `treeSize` leaves whose hash is
 * `leafHash` (§2.1.3.2 steps 1–5 without the final comparison), or null when the proof cannot
 * belong to such a tree (index out of range, wrong length, a malformed hash).
 */
export function rootFromInclusionProof(index: number, treeSize: number, leafHash: Uint8Array, proof: readonly Uint8Array[]): Uint8Array | null {
  if (!isSize(index) || !isSize(treeSize) || index >= treeSize || !isHash(leafHash) || !proof.every(isHash)) return null;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return null;
    if (lsb(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!lsb(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

/** Whether `proof` shows that leaf `index`, with hash `leafHash`, is in the tree of `treeSize` leaves whose root is `root`. */
export function verifyInclusion(index: number, treeSize: number, leafHash: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  const r = rootFromInclusionProof(index, treeSize, leafHash, proof);
  return r !== null && equalBytes(r, root);
}

/**
 * Whether `proof` shows that the tree of `firstSize` leaves with root `firstRoot` is a prefix of the
 * tree of `secondSize` leaves with root `secondRoot` (§2.1.4.2). As in RFC 9162, a tree is consistent
 * with itself (empty proof, equal roots) and every tree with the empty one (empty proof).
 */
export function verifyConsistency(firstSize: number, secondSize: number, firstRoot: Uint8Array, secondRoot: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (!isSize(firstSize) || !isSize(secondSize) || firstSize > secondSize) return false;
  if (!isHash(firstRoot) || !isHash(secondRoot) || !proof.every(isHash)) return false;
  if (firstSize === secondSize) return proof.length === 0 && equalBytes(firstRoot, secondRoot);
  if (firstSize === 0) return proof.length === 0;
  // 1. An empty path fails.
  if (proof.length === 0) return false;
  // 2. If first is an exact power of 2, prepend first_hash.
  const path = isPowerOfTwo(firstSize) ? [firstRoot, ...proof] : proof;
  // 3.–4.
  let fn = firstSize - 1;
  let sn = secondSize - 1;
  while (lsb(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5.
  let fr = path[0]!;
  let sr = path[0]!;
  // 6.
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!lsb(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 7.
  return sn === 0 && equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
}

function isPowerOfTwo(x: number): boolean {
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}
