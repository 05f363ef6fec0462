// The exact analysis of non-linear spaces too large to enumerate (issue 13): the ANAC 2014 domains
// (10¹⁰–10⁵⁰ outcomes) and GENIUS's S-1NAGUNL folders, by @parley/solve. Also the choice of method:
// the subproblem every frontier step solves ("the best welfare S₁ + S₂") by HiGHS and by a plain
// branch and bound over the value classes, side by side.
// Run alone: npx tsx --conditions=@parley/source bench/nonlinear.ts [--size smoke]
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileScenario, type CompiledScenario, type Scenario } from "@parley/core";
import { analyzeBySolver, BoxMilp, boxStructure, loadHighs, type BoxStructure } from "@parley/solve";
import { readGeniusFolderSync } from "@parley/formats/node";
import type { Measurement } from "./harness.js";
import { geniusRoot } from "./genius.js";

function read(dir: string): Scenario {
  const r = readGeniusFolderSync(dir);
  if (!r.ok) throw new Error(`${dir}: ${r.issues.map((i) => i.message).join("; ")}`);
  return r.value;
}
const load = (dir: string): CompiledScenario => compileScenario(read(dir));

/** Three parties on one ANAC 2014 domain: the two profiles of NNissues and the first of NNissuesDiscounted (same domain file). */
function threeParties(issues: number): CompiledScenario {
  const a = read(path.join(geniusRoot, `anac/y2014/${issues}issues`));
  const b = read(path.join(geniusRoot, `anac/y2014/${issues}issuesDiscounted`));
  return compileScenario({ ...a, id: `three-${issues}`, parties: [...a.parties, { ...b.parties[0]!, id: "profile-3", name: "profile-3" }] });
}

/**
 * Max Σ_parties score by depth-first branch and bound over the issues' classes: the bound is the
 * weight of every positive term not yet ruled out. Stops after `limitMs` (returns null then).
 */
function branchAndBound(st: BoxStructure, limitMs: number): { best: number; nodes: number } | null {
  const terms = st.parties.flatMap((p) => p.terms);
  const constant = st.parties.reduce((s, p) => s + p.constant, 0);
  const n = st.representative.length;
  const touching = Array.from({ length: n }, () => [] as { t: number; classes: Uint8Array }[]);
  terms.forEach((t, k) => t.conds.forEach((c) => touching[c.issue]!.push({ t: k, classes: c.classes })));
  const order = [...Array(n).keys()].filter((i) => st.representative[i]!.length > 1).sort((a, b) => touching[b]!.length - touching[a]!.length);
  const dead = new Int32Array(terms.length);
  let alive = constant + terms.reduce((s, t) => s + Math.max(0, t.weight), 0);
  let best = -Infinity;
  let nodes = 0;
  const start = performance.now();
  let stopped = false;
  const visit = (depth: number) => {
    if (stopped) return;
    if (++nodes % 4096 === 0 && performance.now() - start > limitMs) {
      stopped = true;
      return;
    }
    if (alive <= best) return; // negative weights are left out of the bound (ANAC's are all positive)
    if (depth === order.length) {
      best = alive;
      return;
    }
    const i = order[depth]!;
    const classes = st.representative[i]!.length;
    // Classes that rule out the least weight first.
    const loss = Array.from({ length: classes }, (_, c) => touching[i]!.reduce((s, { t, classes: m }) => s + (!m[c] && dead[t] === 0 ? Math.max(0, terms[t]!.weight) : 0), 0));
    for (const c of [...Array(classes).keys()].sort((a, b) => loss[a]! - loss[b]!)) {
      for (const { t, classes: m } of touching[i]!) if (!m[c] && dead[t]++ === 0) alive -= Math.max(0, terms[t]!.weight);
      visit(depth + 1);
      for (const { t, classes: m } of touching[i]!) if (!m[c] && --dead[t] === 0) alive += Math.max(0, terms[t]!.weight);
      if (stopped) return;
    }
  };
  visit(0);
  return stopped ? null : { best, nodes };
}

export interface NonlinearRow extends Measurement {
  readonly folder: string;
}

export async function nonlinearBenchmarks(smoke: boolean): Promise<NonlinearRow[]> {
  if (!existsSync(geniusRoot)) return [];
  const anac = readdirSync(path.join(geniusRoot, "anac/y2014")).sort().map((d) => `anac/y2014/${d}`);
  const nagunl = readdirSync(path.join(geniusRoot, "other")).filter((d) => d.startsWith("S-1NAGUNL-")).sort().map((d) => `other/${d}`);
  const folders = smoke ? ["anac/y2014/10issues"] : [...anac, ...nagunl];
  const out: NonlinearRow[] = [];
  // The WebAssembly loads once (about 40 ms) and its code warms up on a first solve, outside the timings.
  await analyzeBySolver(load(path.join(geniusRoot, "anac/y2014/10issueswithRV")));
  const cases: [string, () => CompiledScenario][] = folders.map((folder) => [folder, () => load(path.join(geniusRoot, folder))]);
  // Three parties (search regions): not in the corpus, built from its profiles.
  if (!smoke) cases.push(["anac/y2014/10issues + 10issuesDiscounted profile-1 (3 parties)", () => threeParties(10)]);
  for (const [folder, make] of cases) {
    const compiled = make();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const report = await analyzeBySolver(compiled);
    const cpu = process.cpuUsage(cpu0);
    const ms = performance.now() - t0;
    out.push({
      folder,
      name: `solve ${folder} (${compiled.size.toExponential(0)} outcomes)`,
      medianMs: ms,
      runsMs: [ms],
      detail: `${report.pareto.count} frontier points, exact ${report.exact}, ${report.solver.solves} MILPs, ${report.solver.classes} classes, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
    });
  }
  // The method's choice: one frontier step's subproblem by HiGHS and by branch and bound.
  const highs = await loadHighs();
  for (const folder of smoke ? [] : ["anac/y2014/10issues", "anac/y2014/30issues", "anac/y2014/50issues"]) {
    const st = boxStructure(load(path.join(geniusRoot, folder)));
    const milp = new BoxMilp(highs, st);
    const t0 = performance.now();
    const byHighs = milp.maximise([1, 1], [-Infinity, -Infinity], Infinity);
    const highsMs = performance.now() - t0;
    milp.dispose();
    const t1 = performance.now();
    const byBnB = branchAndBound(st, 60_000);
    const bnbMs = performance.now() - t1;
    out.push({
      folder,
      name: `max S1+S2 ${folder}: HiGHS vs branch and bound`,
      medianMs: highsMs,
      runsMs: [highsMs],
      detail: `HiGHS ${highsMs.toFixed(0)} ms (${byHighs.objective}); branch and bound ${byBnB ? `${bnbMs.toFixed(0)} ms (${byBnB.best}, ${byBnB.nodes} nodes)` : "not done in 60 s"}`,
    });
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const smoke = process.argv.includes("--size") && process.argv[process.argv.indexOf("--size") + 1] === "smoke";
  for (const m of await nonlinearBenchmarks(smoke)) console.log(`${m.name.padEnd(62)} ${m.medianMs.toFixed(0).padStart(8)} ms  ${m.detail}`);
}
