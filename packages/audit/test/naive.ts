// RFC 9162 §2.1's recursive definitions written over plain arrays of leaf data, with no cache:
// the brute-force reference the incremental MerkleTree is checked against.
import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes } from "@noble/hashes/utils.js";

const k = (n: number) => 2 ** Math.floor(Math.log2(n - 1));

/** MTH(D[n]). */
export function naiveRoot(leaves: readonly Uint8Array[]): Uint8Array {
  const n = leaves.length;
  if (n === 0) return sha256(new Uint8Array(0));
  if (n === 1) return sha256(concatBytes(Uint8Array.of(0), leaves[0]!));
  const split = k(n);
  return sha256(concatBytes(Uint8Array.of(1), naiveRoot(leaves.slice(0, split)), naiveRoot(leaves.slice(split))));
}

/** PATH(m, D[n]). */
export function naivePath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  const n = leaves.length;
  if (n <= 1) return [];
  const split = k(n);
  return m < split
    ? [...naivePath(m, leaves.slice(0, split)), naiveRoot(leaves.slice(split))]
    : [...naivePath(m - split, leaves.slice(split)), naiveRoot(leaves.slice(0, split))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
export function naiveConsistency(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  return m === 0 || m === leaves.length ? [] : subproof(m, leaves, true);
}

function subproof(m: number, leaves: readonly Uint8Array[], b: boolean): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return b ? [] : [naiveRoot(leaves)];
  const split = k(n);
  return m <= split
    ? [...subproof(m, leaves.slice(0, split), b), naiveRoot(leaves.slice(split))]
    : [...subproof(m - split, leaves.slice(split), false), naiveRoot(leaves.slice(0, split))];
}
