import { writeFile } from "node:fs/promises";
import path from "node:path";
import { compileScenario, isParleyError, planSimulation, runSimulation, simulationReference, splitAgentList, type SimulationPlan, type SimulationReference } from "@parley/core";
import type { CliIo } from "../io.js";
import { loadFields, loadNotes, loadScenario } from "../load-scenario.js";
import { simulationText, type SimulationReport } from "../render/simulation-text.js";
import { formatIssues } from "../format-issues.js";
import { commaList } from "../options.js";

export interface SimulateFlags {
  readonly asOf?: string;
  readonly reading?: readonly string[];
  readonly protocol?: string;
  readonly agents?: string;
  readonly seats?: string;
  readonly steps: number;
  readonly seed: number;
  readonly exclude?: string[];
  readonly mediator?: string;
  readonly framework?: string;
  readonly trace?: string;
  readonly json?: boolean;
}

/** How the request's fields are called on the command line, for the core's messages. */
const flagNames = {
  protocol: "--protocol",
  seats: "--seats",
  agents: "--agents",
  rounds: "--steps",
  exclude: "--exclude",
  mediator: "--mediator",
  framework: "--framework",
} as const;

/** Seconds the solver may take for the reference of a space too large to enumerate. */
const REFERENCE_TIME_LIMIT = 20;

/**
 * The frontier and Nash points the run is measured against. A two-seat space too large to enumerate
 * takes the solver's frontier (@parley/solve, loaded only then; approximate past the time limit).
 */
async function reference(plan: SimulationPlan): Promise<SimulationReference> {
  const found = simulationReference(plan.compiled, plan.seats);
  if (found.reference || plan.seats.length !== 2 || plan.compiled.size <= 1e7) return found;
  try {
    const { solverReference } = await import("@parley/solve");
    const solved = await solverReference(plan.compiled, plan.seats, { timeLimit: REFERENCE_TIME_LIMIT });
    const how = solved.exact ? "the exact frontier by mixed-integer programming" : `the frontier found by mixed-integer programming within ${REFERENCE_TIME_LIMIT} s (not proven complete)`;
    return { reference: solved, notes: [`Pareto and Nash distances are measured against ${how}`] };
  } catch (error) {
    if (isParleyError(error)) return found;
    throw error;
  }
}

export async function simulateCommand(scenarioArg: string | undefined, flags: SimulateFlags, io: CliIo): Promise<void> {
  const loaded = await loadScenario(scenarioArg, io.cwd, { asOf: flags.asOf, readings: flags.reading });
  io.stderr(loadNotes(loaded));
  if (loaded.warnings.length) io.stderr(formatIssues(loaded.warnings));
  const plan = planSimulation(
    compileScenario(loaded.scenario),
    {
      protocol: flags.protocol,
      seats: flags.seats !== undefined ? commaList(flags.seats) : undefined,
      agents: flags.agents !== undefined ? splitAgentList(flags.agents) : undefined,
      rounds: flags.steps,
      seed: flags.seed,
      exclude: flags.exclude,
      mediator: flags.mediator,
      framework: flags.framework,
    },
    { fieldNames: flagNames },
  );
  const report: SimulationReport = {
    scenario: { id: plan.compiled.scenario.id, name: plan.compiled.scenario.name, source: loaded.source },
    ...runSimulation(plan, await reference(plan)),
  };
  const output = { ...report, ...loadFields(loaded) };
  if (flags.trace !== undefined) await writeFile(path.resolve(io.cwd, flags.trace), JSON.stringify(output, null, 2) + "\n");
  if (flags.json) io.stdout(JSON.stringify(output, null, 2) + "\n");
  else io.stdout(simulationText(report, { color: io.stdoutIsTty }));
}
