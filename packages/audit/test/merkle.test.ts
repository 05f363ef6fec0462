import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AuditError, emptyRoot, leafHash, MerkleTree, rootFromInclusionProof, toHex, verifyConsistency, verifyInclusion } from "@parley/audit";
import { naiveConsistency, naivePath, naiveRoot } from "./naive.js";

const leavesArb = (max: number) => fc.array(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength: max });
const treeOf = (leaves: readonly Uint8Array[]) => {
  const tree = new MerkleTree();
  for (const d of leaves) tree.append(d);
  return tree;
};
const hex = (hs: readonly Uint8Array[]) => hs.map(toHex);
/** A copy of `bytes` with bit `bit` of byte `at` flipped. */
const flip = (bytes: Uint8Array, at: number, bit: number) => {
  const out = bytes.slice();
  out[at % out.length]! ^= 1 << bit;
  return out;
};

describe("MerkleTree (RFC 9162 §2.1)", () => {
  it("the empty tree's root is SHA-256 of the empty string", () => {
    expect(toHex(new MerkleTree().root())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(toHex(emptyRoot)).toBe(toHex(naiveRoot([])));
  });

  it("a leaf hash is SHA-256(0x00 || data), a one-leaf tree's root is that hash", () => {
    // SHA-256 of the single byte 0x00.
    expect(toHex(leafHash(new Uint8Array(0)))).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    expect(toHex(treeOf([new Uint8Array(0)]).root())).toBe(toHex(leafHash(new Uint8Array(0))));
  });

  it("for every size m ≤ n, the root equals MTH(D[0:m]) computed from the recursive definition", () => {
    fc.assert(
      fc.property(leavesArb(70), (leaves) => {
        const tree = treeOf(leaves);
        for (let m = 0; m <= leaves.length; m++) expect(toHex(tree.root(m))).toBe(toHex(naiveRoot(leaves.slice(0, m))));
      }),
      { numRuns: 40 },
    );
  });

  it("inclusion proofs for every leaf of every size equal PATH(m, D[n]), verify (§2.1.3.2) and recompute the naive root", () => {
    fc.assert(
      fc.property(leavesArb(40), (leaves) => {
        const tree = treeOf(leaves);
        for (let n = 1; n <= leaves.length; n++) {
          const root = naiveRoot(leaves.slice(0, n));
          for (let m = 0; m < n; m++) {
            const proof = tree.inclusionProof(m, n);
            expect(hex(proof)).toEqual(hex(naivePath(m, leaves.slice(0, n))));
            expect(toHex(rootFromInclusionProof(m, n, tree.leafHash(m), proof)!)).toBe(toHex(root));
            expect(verifyInclusion(m, n, tree.leafHash(m), proof, root)).toBe(true);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("consistency proofs between every m ≤ n equal PROOF(m, D[n]) and verify (§2.1.4.2)", () => {
    fc.assert(
      fc.property(leavesArb(40), (leaves) => {
        const tree = treeOf(leaves);
        for (let n = 0; n <= leaves.length; n++) {
          for (let m = 0; m <= n; m++) {
            const proof = tree.consistencyProof(m, n);
            expect(hex(proof)).toEqual(hex(naiveConsistency(m, leaves.slice(0, n))));
            expect(verifyConsistency(m, n, naiveRoot(leaves.slice(0, m)), naiveRoot(leaves.slice(0, n)), proof)).toBe(true);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("an inclusion proof fails after flipping any bit of the leaf hash, the root or a proof element, with an element more or less, or at the sibling's index", () => {
    fc.assert(
      fc.property(leavesArb(60), fc.nat(), fc.nat(), fc.nat(), fc.nat({ max: 7 }), (leaves, a, b, at, bit) => {
        const tree = treeOf(leaves);
        const n = 1 + (a % leaves.length);
        const m = b % n;
        const proof = tree.inclusionProof(m, n);
        const leaf = tree.leafHash(m);
        const root = tree.root(n);
        expect(verifyInclusion(m, n, flip(leaf, at, bit), proof, root)).toBe(false);
        expect(verifyInclusion(m, n, leaf, proof, flip(root, at, bit))).toBe(false);
        if (proof.length > 0) {
          const i = at % proof.length;
          expect(verifyInclusion(m, n, leaf, proof.map((p, j) => (j === i ? flip(p, at >> 3, bit) : p)), root)).toBe(false);
          expect(verifyInclusion(m, n, leaf, proof.slice(1), root)).toBe(false);
        }
        expect(verifyInclusion(m, n, leaf, [...proof, root], root)).toBe(false);
        // The sibling's index with the same proof swaps left and right at the bottom: fails unless the two leaves are equal.
        // (Another size can share a proof's shape: the size is bound by the signed tree head, not by the proof.)
        const sibling = m ^ 1;
        if (sibling < n && toHex(tree.leafHash(sibling)) !== toHex(leaf)) expect(verifyInclusion(sibling, n, leaf, proof, root)).toBe(false);
      }),
    );
  });

  it("a consistency proof fails after flipping any bit of either root or a proof element, or with the roots swapped", () => {
    fc.assert(
      fc.property(leavesArb(60), fc.nat(), fc.nat(), fc.nat(), fc.nat({ max: 7 }), (leaves, a, b, at, bit) => {
        const tree = treeOf(leaves);
        const n = 1 + (a % leaves.length);
        const m = 1 + (b % n);
        const proof = tree.consistencyProof(m, n);
        const r1 = tree.root(m);
        const r2 = tree.root(n);
        expect(verifyConsistency(m, n, flip(r1, at, bit), r2, proof)).toBe(false);
        expect(verifyConsistency(m, n, r1, flip(r2, at, bit), proof)).toBe(false);
        if (proof.length > 0) {
          const i = at % proof.length;
          expect(verifyConsistency(m, n, r1, r2, proof.map((p, j) => (j === i ? flip(p, at >> 3, bit) : p)))).toBe(false);
        }
        // Swapping the roots claims the later tree is a prefix of the earlier one.
        if (toHex(r1) !== toHex(r2)) expect(verifyConsistency(m, n, r2, r1, proof)).toBe(false);
      }),
    );
  });

  it("rejects out-of-range sizes and indices with an AuditError", () => {
    const tree = treeOf([Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)]);
    expect(() => tree.root(4)).toThrow(AuditError);
    expect(() => tree.inclusionProof(3, 3)).toThrow(/leaf index 3 is outside 0..2/);
    expect(() => tree.consistencyProof(3, 2)).toThrow(AuditError);
    expect(() => tree.appendLeafHash(new Uint8Array(31))).toThrow(/32 bytes/);
    expect(verifyInclusion(3, 3, tree.leafHash(0), [], tree.root())).toBe(false);
    expect(verifyConsistency(2, 1, tree.root(2), tree.root(1), [])).toBe(false);
  });

  it("fromLeafHashes rebuilds the same tree", () => {
    const leaves = Array.from({ length: 37 }, (_, i) => Uint8Array.of(i));
    const tree = treeOf(leaves);
    const copy = MerkleTree.fromLeafHashes(Array.from({ length: 37 }, (_, i) => tree.leafHash(i)));
    expect(toHex(copy.root())).toBe(toHex(tree.root()));
    expect(hex(copy.consistencyProof(13))).toEqual(hex(tree.consistencyProof(13)));
  });
});
