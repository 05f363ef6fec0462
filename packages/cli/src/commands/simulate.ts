import { writeFile } from "node:fs/promises";
import path from "node:path";
import { compileScenario, planSimulation, runSimulation, splitAgentList } from "@parley/core";
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
    ...runSimulation(plan),
  };
  const output = { ...report, ...loadFields(loaded) };
  if (flags.trace !== undefined) await writeFile(path.resolve(io.cwd, flags.trace), JSON.stringify(output, null, 2) + "\n");
  if (flags.json) io.stdout(JSON.stringify(output, null, 2) + "\n");
  else io.stdout(simulationText(report, { color: io.stdoutIsTty }));
}
