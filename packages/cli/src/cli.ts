import { isParleyError } from "@parley/core";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { analyzeCommand } from "./commands/analyze.js";
import { convertCommand } from "./commands/convert.js";
import { schemaCommand } from "./commands/schema.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerFrameworkCommands } from "./commands/framework.js";
import { registerSimulateCommand } from "./commands/simulate.js";
import { registerTimelineCommand } from "./commands/timeline.js";
import { registerTournamentCommand } from "./commands/tournament.js";
import { validateCommand } from "./commands/validate.js";
import { ExitCode, parleyErrorExit } from "./exit-codes.js";
import type { CliIo } from "./io.js";
import { formatIssues, UserError } from "./user-error.js";

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

function createProgram(io: CliIo): Command {
  const program = new Command("parley")
    .description("Model, analyse and simulate mediated multi-party negotiations.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command("analyze")
    .alias("analyse")
    .description(
      "Analyse a scenario: rational zone, Pareto frontier, Nash, Kalai–Smorodinsky, egalitarian and max-welfare points, frameworks.",
    )
    .argument("[scenario]", "a native .yaml/.json file or a GENIUS folder (default: the built-in scenario)")
    .option("--framework <id>", "evaluate only this framework")
    .option("--json", "print one JSON object (documented in the README) instead of the report")
    .addOption(
      new Option("--method <method>", "how to find the frontier").choices(["auto", "enumerate", "merge", "sample"]).default("auto"),
    )
    .option("--limit <n>", "enumerate at most this many outcomes", positiveInt("--limit"), 10_000_000)
    .option("--max-frontier <n>", "merge method: give up past this many frontier points", positiveInt("--max-frontier"), 200_000)
    .option("--samples <n>", "sample method: outcomes to draw", positiveInt("--samples"), 100_000)
    .option("--seed <n>", "sample method: random seed", seedInt, 1)
    .option("--top <n>", "show at most this many frontier points in the report", positiveInt("--top"), 15)
    .option("--no-progress", "no progress bar on stderr")
    .action(async (scenario: string | undefined, flags) => analyzeCommand(scenario, flags, io));

  program
    .command("validate")
    .description("Check a scenario file or GENIUS folder and list every problem with its line.")
    .argument("<file>", "a native .yaml/.json file or a GENIUS folder")
    .action(async (file: string) => validateCommand(file, io));

  program
    .command("convert")
    .description("Convert between the native format and GENIUS XML (OUT: a .yaml/.json file, or a folder for GENIUS).")
    .argument("<in>", "a native .yaml/.json file or a GENIUS folder")
    .argument("<out>", "a .yaml/.yml/.json file, or a folder to write GENIUS XML into")
    .action(async (input: string, output: string) => convertCommand(input, output, io));

  program
    .command("schema")
    .description("Print the JSON Schema of the native scenario format.")
    .action(() => schemaCommand(io));

  registerSimulateCommand(program, io);
  registerTournamentCommand(program, io);
  registerTimelineCommand(program, io);
  registerFrameworkCommands(program, io);
  registerServeCommand(program, io);

  program.addHelpText(
    "after",
    `
Exit codes: 0 ok, 1 internal error (a bug), 2 bad input or usage, 3 analysis not possible as asked.
Docs: README.md, docs/scenario-format.md, docs/analysis.md, docs/errors.md`,
  );
  return program;
}

/** Run the CLI with `args` (without the node and script paths). Resolves to the exit code; never throws. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...args], { from: "user" });
    return ExitCode.ok;
  } catch (error) {
    return handleError(error, io);
  }
}

function handleError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version exit with code 0; commander already printed the message.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof UserError) {
    if (error.issues.length) io.stderr(formatIssues(error.issues));
    io.stderr(`parley: ${error.message}\n`);
    return error.exitCode;
  }
  if (isParleyError(error)) {
    const code = parleyErrorExit[error.code] ?? ExitCode.usage;
    io.stderr(`parley: ${error.message} [${error.code}]\n`);
    if (code === ExitCode.analysis) io.stderr("hint: try --method sample --samples 200000 for an approximation, or --limit / --max-frontier to go further\n");
    return code;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  io.stderr(`parley: internal error: ${e.message}\nThis is a bug in Parley; please report it with the command you ran.\n`);
  if (process.env["PARLEY_DEBUG"]) io.stderr(`${e.stack}\n`);
  return ExitCode.internal;
}
