// Writing a tournament's results: results.json, runs.csv, competitors.csv.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { TournamentPlan, TournamentScores } from "@parley/core";
import type { RunRecord } from "./run-tournament.js";

/** A CSV field, quoted when it must be (RFC 4180). */
export function csvField(x: unknown): string {
  const s = x === null || x === undefined ? "" : typeof x === "number" ? (Number.isFinite(x) ? String(x) : "") : typeof x === "string" ? x : JSON.stringify(x);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (header: readonly string[], rows: readonly (readonly unknown[])[]) =>
  [header.join(","), ...rows.map((r) => r.map(csvField).join(","))].join("\n") + "\n";

export const RUN_COLUMNS = [
  "index",
  "scenario",
  "seats",
  "competitors",
  "repetition",
  "seed",
  "status",
  "agreement",
  "utilities",
  "rounds",
  "wall_ms",
  "pareto_distance",
  "nash_distance",
  "welfare",
  "error",
] as const;

export function runsCsv(records: readonly RunRecord[]): string {
  return csv(
    RUN_COLUMNS,
    records.map((r) => [
      r.index,
      r.scenario,
      r.seats.join(";"),
      r.competitors.join(";"),
      r.repetition,
      r.seed,
      r.status,
      r.agreement,
      r.utilities.join(";"),
      r.rounds,
      Number(r.wallMs.toFixed(3)),
      r.paretoDistance,
      r.nashDistance,
      r.welfare,
      r.error ? `${r.error.code}: ${r.error.message}` : "",
    ]),
  );
}

export function competitorsCsv(scores: TournamentScores): string {
  return csv(
    ["rank", "competitor", "appearances", "mean_utility", "agreement_rate", "mean_pareto_distance", "mean_nash_distance", "fairness", "errors", "faults"],
    scores.competitors.map((c) => [
      c.rank,
      c.competitor,
      c.appearances,
      c.meanUtility,
      c.agreementRate,
      c.meanParetoDistance,
      c.meanNashDistance,
      c.fairness,
      c.errors,
      c.faults,
    ]),
  );
}

export interface TournamentResults {
  readonly plan: { readonly hash: string; readonly runs: number; readonly input: TournamentPlan["input"] };
  readonly settings: Readonly<Record<string, unknown>>;
  readonly scores: TournamentScores;
  readonly runs: readonly RunRecord[];
}

/** Write results.json, runs.csv and competitors.csv into `dir` (which exists). Returns the paths. */
export async function writeResults(dir: string, results: TournamentResults): Promise<string[]> {
  const files = {
    "results.json": JSON.stringify(results, null, 2) + "\n",
    "runs.csv": runsCsv(results.runs),
    "competitors.csv": competitorsCsv(results.scores),
  };
  const out: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    await writeFile(file, text);
    out.push(file);
  }
  return out;
}
