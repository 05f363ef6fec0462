// Audit log benchmarks (docs/audit-log.md): appending entries and computing the root at 10,000 and
// 100,000 entries, inclusion and consistency proofs generated and verified per second on a
// 100,000-entry tree, and verifying a whole export. bench/run.ts calls `auditBenchmarks(runs, smoke)`.
import { AuditLog, generateSigningKey, MerkleTree, verifyConsistency, verifyExport, verifyInclusion } from "@parley/audit";
import { measure, type Measurement } from "./harness.js";

const key = generateSigningKey(new Uint8Array(32).fill(7));
const entry = (i: number) => ({ type: "vote", seat: `seat-${i % 7}`, at: 1_767_600_000_000 + i * 1000, vote: i % 3 === 0 ? "reject" : "accept" });
const perSecond = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString("en-US")}/s`;

/** A deterministic sequence of (small, large) pairs with small ≤ large ≤ n (an LCG: only the spread matters). */
function pairs(n: number, count: number): [number, number][] {
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n;
  return Array.from({ length: count }, () => {
    const a = next();
    const b = next();
    return [Math.min(a, b), Math.max(a, b) + 1];
  });
}

export function auditBenchmarks(runs: number, smoke: boolean): Measurement[] {
  const out: Measurement[] = [];
  for (const n of smoke ? [10_000] : [10_000, 100_000]) {
    const m = measure(`audit log: append ${n.toLocaleString("en-US")} entries (canonical JSON + SHA-256) + root`, runs, () => {
      const log = new AuditLog("bench", key);
      for (let i = 0; i < n; i++) log.append(entry(i));
      return log.root();
    }, (root) => `root ${root.slice(0, 12)}…`);
    out.push({ ...m, detail: `${m.detail}, ${perSecond(n, m.medianMs)}` });
  }

  const n = smoke ? 10_000 : 100_000;
  const tree = new MerkleTree();
  for (let i = 0; i < n; i++) tree.append(new TextEncoder().encode(JSON.stringify(entry(i))));
  const count = smoke ? 2_000 : 10_000;
  const queries = pairs(n, count);
  const inclusion = queries.map(([m, size]) => ({ m, size, leaf: tree.leafHash(m), proof: tree.inclusionProof(m, size), root: tree.root(size) }));
  const consistency = queries.map(([m, size]) => ({ m: m + 1, size, proof: tree.consistencyProof(m + 1, size), r1: tree.root(m + 1), r2: tree.root(size) }));
  const rate = (name: string, fn: () => number) => {
    const m = measure(name, runs, fn, (ok) => `${ok}/${count} ok`);
    return { ...m, detail: `${m.detail}, ${perSecond(count, m.medianMs)}` };
  };
  const nk = `${n.toLocaleString("en-US")}-entry tree`;
  out.push(rate(`audit log: ${count.toLocaleString("en-US")} inclusion proofs generated (${nk})`, () => queries.reduce((k, [m, size]) => k + (tree.inclusionProof(m, size).length >= 0 ? 1 : 0), 0)));
  out.push(rate(`audit log: ${count.toLocaleString("en-US")} inclusion proofs verified (${nk})`, () => inclusion.filter((q) => verifyInclusion(q.m, q.size, q.leaf, q.proof, q.root)).length));
  out.push(rate(`audit log: ${count.toLocaleString("en-US")} consistency proofs generated (${nk})`, () => queries.reduce((k, [m, size]) => k + (tree.consistencyProof(m + 1, size).length >= 0 ? 1 : 0), 0)));
  out.push(rate(`audit log: ${count.toLocaleString("en-US")} consistency proofs verified (${nk})`, () => consistency.filter((q) => verifyConsistency(q.m, q.size, q.r1, q.r2, q.proof)).length));

  // A whole export, as `parley audit verify` reads it: 10,000 entries, a head every 100.
  const log = new AuditLog("bench", key);
  for (let i = 0; i < 10_000; i++) {
    log.append(entry(i));
    if ((i + 1) % 100 === 0) log.signHead(1_767_600_000_000 + i * 1000);
  }
  const text = JSON.stringify(log.toExport());
  out.push(
    measure(`audit log: verifyExport, 10,000 entries and 100 signed heads (${(text.length / 1e6).toFixed(1)} MB)`, smoke ? 1 : Math.min(runs, 3), () => verifyExport(text), (r) => (r.ok ? "verified" : `FAILED: ${r.problem?.message}`)),
  );
  return out;
}
