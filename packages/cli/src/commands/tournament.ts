import { mkdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  checkTournament,
  compileScenario,
  scoreRecords,
  simulationReference,
  type CompiledScenario,
  type ParleyErrorCode,
  type Scenario,
  type TournamentPlan,
  type TournamentScenarioEntry,
  type TournamentScores,
} from "@parley/core";
import type { FormatIssue } from "@parley/formats";
import cliProgress from "cli-progress";
import pc from "picocolors";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { loadScenario } from "../load-scenario.js";
import { fmt, renderTable } from "../render/table.js";
import { parseTournamentConfig, type TournamentConfig } from "../tournament/config.js";
import { writeResults } from "../tournament/output.js";
import { runTournament } from "../tournament/run-tournament.js";
import { UserError, isUserError } from "../user-error.js";

/** A core problem of the config as a file problem: a name that refers to nothing, or a value that does not fit. */
function formatCode(code: ParleyErrorCode): FormatIssue["code"] {
  return code === "PARLEY_ERR_UNKNOWN_STRATEGY" || code === "PARLEY_ERR_UNKNOWN_PARTY" || code === "PARLEY_ERR_NO_PREFERENCES" || code === "PARLEY_ERR_UNKNOWN_PROTOCOL"
    ? "PARLEY_FMT_REFERENCE"
    : "PARLEY_FMT_VALUE";
}

export interface TournamentFlags {
  readonly out?: string;
  readonly threads?: number;
  readonly progress: boolean;
  /** Queue the runs on this PostgreSQL job queue instead of playing them here (commands/queue.ts). */
  readonly queue?: string;
}

/** A checked and planned tournament config: what both the local run and the queue start from. */
export interface PlannedTournament {
  readonly configPath: string;
  readonly config: TournamentConfig;
  readonly plan: TournamentPlan;
  /** Per scenario of the plan, compiled. */
  readonly compiled: readonly CompiledScenario[];
  /** Per scenario of the plan, its seats. */
  readonly seats: readonly (readonly string[])[];
}

/** Read, check and plan a tournament config (every problem with its line, as a UserError). */
export async function planTournamentConfig(configArg: string, io: CliIo): Promise<PlannedTournament> {
  const configPath = path.resolve(io.cwd, configArg);
  let text: string;
  try {
    text = await readFile(configPath, "utf8");
  } catch {
    throw new UserError(`${configArg}: no such file`, ExitCode.usage);
  }
  const parsed = parseTournamentConfig(text, configArg);
  if (!parsed.ok) throw new UserError(`${configArg}: the tournament config is not valid`, ExitCode.usage, parsed.issues);
  const { config, locate } = parsed;
  const issues: FormatIssue[] = [];
  const problem = (p: (string | number)[], message: string, code: FormatIssue["code"] = "PARLEY_FMT_VALUE") =>
    issues.push({ code, file: configArg, ...locate(p), path: p, message, severity: "error" });

  // Scenarios: relative to the config file. The core checks the rest (competitors, seats, protocol).
  const base = path.dirname(configPath);
  const loaded: { at: number; entry: TournamentScenarioEntry }[] = [];
  for (const [i, item] of config.scenarios.entries()) {
    const file = typeof item === "string" ? item : item.path;
    const at = typeof item === "string" ? ["scenarios", i] : ["scenarios", i, "path"];
    let scenario: Scenario;
    try {
      scenario = (await loadScenario(path.resolve(base, file), io.cwd)).scenario;
    } catch (error) {
      if (!isUserError(error)) throw error;
      problem(at, `Cannot load scenario ${file}: ${error.message.replace(/^.*?: /, "")}${error.issues.length ? ` (${error.issues.length} problem${error.issues.length === 1 ? "" : "s"}: run parley validate ${file})` : ""}.`, "PARLEY_FMT_IO");
      continue;
    }
    const seats = typeof item === "string" ? undefined : item.seats;
    loaded.push({ at: i, entry: { id: seats ? `${file} [${seats.join(",")}]` : file, compiled: compileScenario(scenario), seats } });
  }
  const checked = checkTournament({ ...config, scenarios: loaded.map((l) => l.entry) });
  if (!checked.ok)
    for (const p of checked.problems) {
      // The core's paths index the loaded scenarios; the config's index them all.
      const at = p.path[0] === "scenarios" && typeof p.path[1] === "number" ? ["scenarios", loaded[p.path[1]]!.at, ...p.path.slice(2)] : [...p.path];
      problem(at, `${p.message.replace(/\.$/, "")}.`, formatCode(p.code));
    }
  if (issues.length || !checked.ok) throw new UserError(`${configArg}: the tournament config is not valid`, ExitCode.usage, issues);
  return { configPath, config, plan: checked.plan, compiled: loaded.map((l) => l.entry.compiled), seats: checked.seats };
}

export async function tournamentCommand(configArg: string, flags: TournamentFlags, io: CliIo): Promise<void> {
  if (flags.queue !== undefined) return (await import("./queue.js")).enqueueCommand(configArg, { queue: flags.queue }, io);
  const { configPath, config, plan, compiled, seats } = await planTournamentConfig(configArg, io);
  const references = compiled.map((c, s) => {
    const { reference, notes } = simulationReference(c, seats[s]!);
    for (const note of notes) io.stderr(`parley: note: ${plan.runs.find((r) => r.scenario === s)?.scenarioId ?? s}: ${note}\n`);
    return reference;
  });

  const outDir = flags.out !== undefined ? path.resolve(io.cwd, flags.out) : configPath.replace(/\.(ya?ml|json)$/i, "") + "-results";
  await mkdir(outDir, { recursive: true });
  const threads = flags.threads ?? Math.max(1, os.availableParallelism());
  const bar =
    flags.progress && io.stderrIsTty
      ? new cliProgress.SingleBar(
          { format: "runs [{bar}] {value}/{total} | {eta_formatted} left", stream: process.stderr, clearOnComplete: true, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  let started = false;
  const t0 = performance.now();
  let result;
  try {
    result = await runTournament({
      plan,
      context: { scenarios: compiled.map((c) => c.scenario), protocol: config.protocol, rounds: config.rounds },
      references,
      compiled,
      threads,
      timeLimitMs: config.timeLimitMs,
      journal: path.join(outDir, "runs.jsonl"),
      onProgress: (done, total) => {
        if (!bar) return;
        if (!started) bar.start(total, done);
        else bar.update(done);
        started = true;
      },
    });
  } finally {
    bar?.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  const scores = scoreRecords(result.records);
  const files = await writeResults(outDir, {
    plan: { hash: plan.hash, runs: plan.runs.length, input: plan.input },
    settings: { protocol: config.protocol, rounds: config.rounds, timeLimitMs: config.timeLimitMs },
    scores,
    runs: result.records,
  });

  const c = pc.createColors(io.stdoutIsTty);
  const ran = plan.runs.length - result.resumed;
  io.stdout(
    c.bold(`Tournament: ${plan.runs.length} runs`) +
      c.dim(
        ` — ${config.competitors.length} competitors, ${compiled.length} scenario${compiled.length === 1 ? "" : "s"}, ${config.protocol}, ${config.rounds} rounds, seed ${config.seed}; ` +
          `${ran} run in ${seconds.toFixed(1)} s on ${threads} thread${threads === 1 ? "" : "s"}${result.resumed ? `, ${result.resumed} resumed from the journal` : ""}`,
      ) +
      "\n\n",
  );
  printLeaderboard(scores, io);
  const show = (f: string) => (path.relative(io.cwd, f).startsWith("..") ? f : path.relative(io.cwd, f));
  io.stdout(c.dim(`Results: ${[...files, path.join(outDir, "runs.jsonl")].map(show).join(", ")}\n`));
}

/** The leaderboard and the overall line, as `parley tournament` prints them. */
export function printLeaderboard(scores: TournamentScores, io: CliIo): void {
  const dist = (x: number | null) => (x === null ? "—" : fmt(x));
  io.stdout(
    renderTable(
      ["rank", "competitor", "mean utility", "agreements", "Pareto dist.", "Nash dist.", "fairness", "errors"],
      scores.competitors.map((s) => [
        String(s.rank),
        s.competitor,
        fmt(s.meanUtility),
        `${(100 * s.agreementRate).toFixed(1)}%`,
        dist(s.meanParetoDistance),
        dist(s.meanNashDistance),
        fmt(s.fairness),
        String(s.errors),
      ]),
    ) + "\n\n",
  );
  const o = scores.overall;
  io.stdout(`Agreements ${(100 * o.agreementRate).toFixed(1)}% · mean welfare ${fmt(o.meanWelfare)} · errors ${o.errors}\n`);
}
