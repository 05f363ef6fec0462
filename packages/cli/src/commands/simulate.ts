import { writeFile } from "node:fs/promises";
import path from "node:path";
import { compileScenario, planSimulation, protocolNames, runSimulation, singleTextMediators, splitAgentList } from "@parley/core";
import { InvalidArgumentError, Option, type Command } from "commander";
import type { CliIo } from "../io.js";
import { loadScenario } from "../load-scenario.js";
import { simulationText, type SimulationReport } from "../render/simulation-text.js";
import { formatIssues } from "../user-error.js";

export interface SimulateFlags {
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

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive whole number`);
  return n;
};
const seedInt = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError("the seed must be a whole number ≥ 0");
  return n;
};
/** Party ids as given to --seats or --exclude. */
const commaList = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), ...commaList(value)];

/** `parley simulate`: run one negotiation between automated agents and report how it went. */
export function registerSimulateCommand(program: Command, io: CliIo): Command {
  return program
    .command("simulate")
    .description("Simulate a negotiation between automated agents: outcome, utilities, distance to the Pareto frontier and Nash point, timeline.")
    .argument("[scenario]", "a native .yaml/.json file or a GENIUS folder (default: the built-in scenario)")
    .addOption(new Option("--protocol <name>", "sao (2 seats), stacked, single-text or shuttle (default: sao for 2 seats, else stacked)").choices(protocolNames))
    .option("--agents <list>", "one agent per seat, in seat order, e.g. boulware,conceder(e=3) (default: linear in every seat)")
    .option("--seats <ids>", "party ids to seat, in order (default: the parties with preferences whose role is party; name a mediator here to seat it)")
    .option("--steps <n>", "the deadline in rounds", positiveInt("--steps"), 100)
    .option("--seed <n>", "random seed (agents and mediator)", seedInt, 1)
    .option("--exclude <party>", "shuttle: a seat left out of the talks, asked only to ratify the result (repeatable)", collect)
    .addOption(new Option("--mediator <kind>", "single-text: how the mediator picks changes").choices(singleTextMediators))
    .option("--framework <id>", "single-text / shuttle: open from this framework (its open issues filled at random)")
    .option("--trace <file>", "write the result with its full trace as JSON to this file")
    .option("--json", "print one JSON object instead of the report")
    .action(async (scenario: string | undefined, flags: SimulateFlags) => simulateCommand(scenario, flags, io));
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
  const loaded = await loadScenario(scenarioArg, io.cwd);
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
  if (flags.trace !== undefined) await writeFile(path.resolve(io.cwd, flags.trace), JSON.stringify(report, null, 2) + "\n");
  if (flags.json) io.stdout(JSON.stringify(report, null, 2) + "\n");
  else io.stdout(simulationText(report, { color: io.stdoutIsTty }));
}
