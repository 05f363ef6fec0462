// The full walk of issue 13: `parley analyze FOLDER --json` on every folder of the GENIUS corpus
// (../shared/data/genius, 167 folders), each in its own process as a user runs it. Records the exit
// code, the wall time, the method, `exact` and the solver's gap, and checks that every folder
// analyses (exit 0) with an honest `exact` (true only with no gap; false only with a stated gap).
// Not in `npm run bench` (about 5 minutes on a quiet machine). Run alone:
//   npx tsx --conditions=@parley/source bench/genius-walk.ts [--time-limit S] [--only SUBSTRING] [--out FILE.json]
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { geniusRoot } from "./genius.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Every folder under `root` that holds XML files, as a path relative to `root`, sorted. */
export function geniusFolders(root: string): string[] {
  const out: string[] = [];
  const visit = (rel: string) => {
    const entries = readdirSync(path.join(root, rel)).sort();
    if (entries.some((e) => e.endsWith(".xml"))) out.push(rel);
    for (const e of entries) if (statSync(path.join(root, rel, e)).isDirectory()) visit(rel ? `${rel}/${e}` : e);
  };
  visit("");
  return out.sort();
}

export interface WalkRow {
  readonly folder: string;
  readonly exitCode: number | null;
  readonly seconds: number;
  readonly parties: number | null;
  readonly outcomes: number | null;
  readonly method: string | null;
  readonly exact: boolean | null;
  readonly gap: number | null;
  readonly frontier: number | null;
  /** Why the row fails the walk (null when it passes). */
  readonly problem: string | null;
}

/**
 * Whether a report's `exact` is honest: true only when nothing is left open (no solver gap), false
 * only when the report says how far it may be (sampling, or a solver gap under a time limit).
 */
export function honesty(report: { exact: boolean; method: string; solver?: { gap: number | null } }): string | null {
  const gap = report.solver?.gap;
  if (report.exact) return report.method === "sample" ? "a sampled frontier marked exact" : gap !== undefined && gap !== 0 ? `exact with a gap of ${gap}` : null;
  if (report.method === "solve") return gap === undefined ? "not exact and no gap stated" : gap === 0 ? "not exact with a zero gap" : null;
  return report.method === "sample" ? null : `not exact on the ${report.method} path`;
}

function walkOne(folder: string, extra: readonly string[]): WalkRow {
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--conditions=@parley/source", "--import", "tsx", "packages/cli/src/main.ts", "analyze", path.join(geniusRoot, folder), "--json", ...extra],
    { cwd: repo, encoding: "utf8", maxBuffer: 1 << 28 },
  );
  const seconds = (performance.now() - t0) / 1000;
  const base = { folder, exitCode: run.status, seconds, parties: null, outcomes: null, method: null, exact: null, gap: null, frontier: null };
  if (run.status !== 0) return { ...base, problem: `exit ${run.status}: ${(run.stderr ?? "").trim().split("\n").slice(-1)[0] ?? ""}` };
  try {
    const j = JSON.parse(run.stdout) as { parties: string[]; outcomes: number; method: string; exact: boolean; pareto: { count: number }; solver?: { gap: number | null } };
    return {
      ...base,
      parties: j.parties.length,
      outcomes: j.outcomes,
      method: j.method,
      exact: j.exact,
      gap: j.solver ? j.solver.gap : null,
      frontier: j.pareto.count,
      problem: honesty(j),
    };
  } catch (e) {
    return { ...base, problem: `output is not JSON: ${(e as Error).message}` };
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const only = arg("--only");
  const limit = arg("--time-limit");
  const out = arg("--out");
  const folders = geniusFolders(geniusRoot).filter((f) => !only || f.includes(only));
  console.log(`parley analyze --json on ${folders.length} GENIUS folders${limit ? ` (--time-limit ${limit})` : ""}; load average at start ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  const rows: WalkRow[] = [];
  for (const folder of folders) {
    const row = walkOne(folder, limit ? ["--time-limit", limit] : []);
    rows.push(row);
    console.log(
      `${folder.padEnd(40)} exit ${String(row.exitCode).padStart(2)} ${row.seconds.toFixed(2).padStart(7)} s  ${row.method ?? "-"} exact ${row.exact} gap ${row.gap ?? "-"} parties ${row.parties ?? "-"} frontier ${row.frontier ?? "-"}${row.problem ? `  PROBLEM: ${row.problem}` : ""}`,
    );
  }
  const failed = rows.filter((r) => r.problem !== null);
  const exact = rows.filter((r) => r.exact === true).length;
  const total = rows.reduce((s, r) => s + r.seconds, 0);
  console.log(
    `\n${rows.length - failed.length} of ${rows.length} folders analyse (${exact} exact, ${rows.length - failed.length - exact} with a stated gap), ${failed.length} fail; ${total.toFixed(0)} s in all; load average at end ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`,
  );
  if (out) writeFileSync(out, JSON.stringify({ loadAverage: os.loadavg(), timeLimit: limit ? Number(limit) : null, rows }, null, 2) + "\n");
  process.exitCode = failed.length ? 1 : 0;
}
