// The `parley` program: every command's arguments and options, and the error handling. Only
// commander loads at start: each command's module (and with it @parley/core, @parley/formats, zod,
// yaml) is imported when that command runs, so `parley --version` and `--help` start fast
// (BENCHMARKS.md, "CLI start-up").
import { Command, CommanderError, Option } from "commander";
import type { AnalyzeFlags } from "./commands/analyze.js";
import type { AuditVerifyFlags } from "./commands/audit.js";
import type { LintFlags } from "./commands/lint.js";
import type { ExcludeFlags, FrameworkFlags, RobustnessFlags } from "./commands/framework.js";
import { registerServeCommand } from "./commands/serve.js";
import type { ReportFlags } from "./commands/report.js";
import type { RoomCreateFlags, RoomExportFlags, RoomInviteFlags, RoomPlayFlags, RoomTokenFlags, RoomWatchFlags } from "./commands/room.js";
import type { SimulateFlags } from "./commands/simulate.js";
import type { StatementAddFlags } from "./commands/statement.js";
import type { HistoryFlags, TimelineFlags } from "./commands/timeline.js";
import type { ResultsFlags, StatusFlags, WorkerFlags } from "./commands/queue.js";
import type { TournamentFlags } from "./commands/tournament.js";
import { commandModules } from "./command-modules.js";
import { ExitCode, parleyErrorExit } from "./exit-codes.js";
import type { CliIo } from "./io.js";
import { collect, commaList, datePrefix, repeated, fraction, nonNegative, positiveInt, positiveSeconds, seedInt } from "./options.js";
import { terminalSafe } from "./terminal-text.js";
import { isUserError } from "./user-error.js";
import { PARLEY_VERSION } from "./version.js";

const SCENARIO_ARG = "a native .yaml/.json file or a GENIUS folder (default: the built-in scenario)";
const READING_HELP = "analyse the scenario under this named reading of the sources (the scenario's `readings:`; repeatable, or comma-separated)";

/** @parley/core's protocolNames and singleTextMediators, written out so that defining the options does not load the core (a test keeps them equal). */
export const protocolChoices = ["sao", "stacked", "single-text", "shuttle"] as const;
export const mediatorChoices = ["random-flip", "hill-climb"] as const;

function createProgram(io: CliIo): Command {
  const program = new Command("parley")
    .description("Model, analyse and simulate mediated multi-party negotiations.")
    .version(PARLEY_VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    // Options belong to the command they follow (`tournament results --out` is the subcommand's).
    .enablePositionalOptions();

  program
    .command("analyze")
    .alias("analyse")
    .description(
      "Analyse a scenario: rational zone, Pareto frontier, Nash, Kalai–Smorodinsky, egalitarian and max-welfare points, frameworks.",
    )
    .argument("[scenario]", SCENARIO_ARG)
    .option("--framework <id>", "evaluate only this framework")
    .option("--json", "print one JSON object (documented in the README) instead of the report")
    .addOption(
      new Option("--method <method>", "how to find the frontier (auto: enumerate, else merge for linear-additive preferences, else solve)").choices(["auto", "enumerate", "merge", "sample", "solve"]).default("auto"),
    )
    .option("--time-limit <seconds>", "solve method: stop after this long with the frontier found so far and its proven gap (exact: false)", positiveSeconds("--time-limit"))
    .option("--limit <n>", "enumerate at most this many outcomes", positiveInt("--limit"), 10_000_000)
    .option("--max-frontier <n>", "merge method: give up past this many frontier points", positiveInt("--max-frontier"), 200_000)
    .option("--samples <n>", "sample method: outcomes to draw", positiveInt("--samples"), 100_000)
    .option("--seed <n>", "random seed (the sample method, and the Nash package's survival)", seedInt, 1)
    .option("--top <n>", "show at most this many frontier points in the report", positiveInt("--top"), 15)
    .option("--survival-samples <n>", "samples (weights ±25%, reservation values ±0.05, each reading on or off) for how often the nominal Nash package survives", positiveInt("--survival-samples"), 200)
    .option("--no-survival", "do not sample how often the nominal Nash package survives")
    .option("--no-progress", "no progress bar on stderr")
    .option("--as-of <date>", "analyse the scenario as known on this date (YYYY-MM-DD, YYYY-MM or YYYY): later statements, events, frameworks and the red lines and orderings only they support are set aside", datePrefix("--as-of"))
    .option("--reading <id>", READING_HELP, collect)
    .action(async (scenario: string | undefined, flags: AnalyzeFlags) => (await commandModules.analyze()).analyzeCommand(scenario, flags, io));

  program
    .command("validate")
    .description("Check a scenario file or GENIUS folder and list every problem with its line.")
    .argument("<file>", "a native .yaml/.json file or a GENIUS folder")
    .action(async (file: string) => (await commandModules.validate()).validateCommand(file, io));

  program
    .command("lint")
    .description("Check a scenario file against its modelling rules (red lines, orderings, blocs, controlled issues): each finding with its line and how to fix it.")
    .argument("[scenario]", "a native .yaml/.json file (default: the built-in scenario)")
    .option("--json", "print one JSON object instead of the findings")
    .action(async (scenario: string | undefined, flags: LintFlags) => (await commandModules.lint()).lintCommand(scenario, flags, io));

  program
    .command("convert")
    .description("Convert between the native format and GENIUS XML (OUT: a .yaml/.json file, or a folder for GENIUS).")
    .argument("<in>", "a native .yaml/.json file or a GENIUS folder")
    .argument("<out>", "a .yaml/.yml/.json file, or a folder to write GENIUS XML into")
    .action(async (input: string, output: string) => (await commandModules.convert()).convertCommand(input, output, io));

  program
    .command("schema")
    .description("Print the JSON Schema of the native scenario format.")
    .action(async () => (await commandModules.schema()).schemaCommand(io));

  program
    .command("simulate")
    .description("Simulate a negotiation between automated agents: outcome, utilities, distance to the Pareto frontier and Nash point, timeline.")
    .argument("[scenario]", SCENARIO_ARG)
    .addOption(
      new Option("--protocol <name>", "sao (2 seats), stacked, single-text or shuttle (default: sao for 2 seats, else stacked)").choices(protocolChoices),
    )
    .option("--agents <list>", "one agent per seat, in seat order, e.g. boulware,conceder(e=3) (default: linear in every seat)")
    .option("--seats <ids>", "party ids to seat, in order (default: the parties with preferences whose role is party; name a mediator here to seat it)")
    .option("--steps <n>", "the deadline in rounds", positiveInt("--steps"), 100)
    .option("--seed <n>", "random seed (agents and mediator)", seedInt, 1)
    .option("--exclude <party>", "shuttle: a seat left out of the talks, asked only to ratify the result (repeatable)", collect)
    .addOption(new Option("--mediator <kind>", "single-text: how the mediator picks changes").choices(mediatorChoices))
    .option("--framework <id>", "single-text / shuttle: open from this framework (its open issues filled at random)")
    .option("--trace <file>", "write the result with its full trace as JSON to this file")
    .option("--json", "print one JSON object instead of the report")
    .option("--as-of <date>", "analyse the scenario as known on this date (YYYY-MM-DD, YYYY-MM or YYYY): later statements, events, frameworks and the red lines and orderings only they support are set aside", datePrefix("--as-of"))
    .option("--reading <id>", READING_HELP, collect)
    .action(async (scenario: string | undefined, flags: SimulateFlags) => (await commandModules.simulate()).simulateCommand(scenario, flags, io));

  const tournament = program
    .command("tournament")
    .description("Run a tournament of negotiation agents from a YAML config (docs/simulation.md); resumes an interrupted one. With --queue, queue its runs for workers (docs/distributed-tournaments.md).")
    .enablePositionalOptions()
    .argument("<config>", "a tournament config (.yaml / .json)")
    .option("--out <dir>", "where to write runs.jsonl, results.json, runs.csv and competitors.csv (default: CONFIG-results next to the config)")
    .option("--threads <n>", "worker threads (default: the number of cores)", positiveInt("--threads"))
    .option("--no-progress", "no progress bar on stderr")
    .option("--queue <url>", "queue the runs on this PostgreSQL database (postgres://…) for `parley worker` instead of playing them here")
    .action(async (config: string, flags: TournamentFlags) => (await commandModules.tournament()).tournamentCommand(config, flags, io));
  tournament
    .command("status")
    .description("Progress of the tournaments on a queue: runs done, errors, failed, being played; \"complete\" once every run has its result.")
    .requiredOption("--queue <url>", "the PostgreSQL database (postgres://…)")
    .option("--plan <hash>", "only the tournament whose plan hash starts with this")
    .option("--json", "print one JSON object with every tournament's counts")
    .action(async (flags: StatusFlags) => (await commandModules.queue()).statusCommand(flags, io));
  tournament
    .command("results")
    .description("Write a queued tournament's results (the same files as a local tournament) once it is complete.")
    .requiredOption("--queue <url>", "the PostgreSQL database (postgres://…)")
    .requiredOption("--out <dir>", "where to write results.json, runs.csv, competitors.csv and runs.jsonl")
    .option("--plan <hash>", "the tournament whose plan hash starts with this (needed when the queue holds several)")
    .action(async (flags: ResultsFlags) => (await commandModules.queue()).resultsCommand(flags, io));

  program
    .command("worker")
    .description("Play queued tournament runs (docs/distributed-tournaments.md); run one or more on every machine. Ctrl-C finishes the runs in hand and stops.")
    .requiredOption("--queue <url>", "the PostgreSQL database (postgres://…)")
    .option("--concurrency <n>", "runs played at the same time, one worker thread each (default 1)", positiveInt("--concurrency"))
    .option("--until-done", "stop once every queued tournament is complete")
    .option("--verbose", "a line per recorded run")
    .action(async (flags: WorkerFlags) => (await commandModules.queue()).workerCommand(flags, io));

  program
    .command("timeline")
    .description("List a scenario's dated statements and events in date order, optionally for one party, issue or framework point.")
    .argument("[scenario]", "a native .yaml/.json file (default: the built-in scenario)")
    .option("--party <id>", "statements made for this party, and events it took part in")
    .option("--issue <id>", "statements about this issue, directly or through a framework point that sets it (events carry no issue)")
    .option("--point <framework/point>", "statements about this framework point or the issues it sets, and events about its framework")
    .option("--from <date>", "first date to include (YYYY-MM-DD, YYYY-MM or YYYY)", datePrefix("--from"))
    .option("--to <date>", "last date to include (YYYY-MM-DD, YYYY-MM or YYYY)", datePrefix("--to"))
    .option("--json", "print one JSON object listing every entry with all its fields")
    .option("--as-of <date>", "analyse the scenario as known on this date (YYYY-MM-DD, YYYY-MM or YYYY): later statements, events, frameworks and the red lines and orderings only they support are set aside", datePrefix("--as-of"))
    .option("--reading <id>", READING_HELP, collect)
    .action(async (scenario: string | undefined, flags: TimelineFlags) => (await commandModules.timeline()).timelineCommand(scenario, flags, io));

  program
    .command("history")
    .description("How the frameworks' verdicts and whether a deal is possible changed from one dated event to the next (the scenario as of each date).")
    .argument("[scenario]", "a native .yaml/.json file (default: the built-in scenario)")
    .option("--all", "every date, also those where nothing changed")
    .option("--json", "print one JSON object: every date with its verdicts, the deal check and what changed")
    .option("--reading <id>", READING_HELP, collect)
    .action(async (scenario: string | undefined, flags: HistoryFlags) => (await commandModules.timeline()).historyCommand(scenario, flags, io));

  program
    .command("statement")
    .description("Edit a scenario file's dated statements.")
    .command("add")
    .description("Append a statement to a native scenario file: validated, keeping the file's comments and layout (the file is unchanged if the result is not valid).")
    .argument("<file>", "a native .yaml/.yml/.json scenario file")
    .requiredOption("--id <id>", "the statement's id (unique in the file)")
    .requiredOption("--date <date>", "YYYY-MM-DD")
    .requiredOption("--speaker <text>", "who spoke, with their role")
    .option("--voice <voice>", "the speaker's standing: principal, spokesperson, official, unnamed or other")
    .requiredOption("--party <id>", "the party the speaker speaks for")
    .requiredOption("--paraphrase <text>", "what was said, paraphrased neutrally in your own words")
    .option("--about <subject>", "an issue id, or FRAMEWORK/POINT (repeatable); with --stance", collect)
    .option("--stance <stance>", "accept, reject, partial, conditional, deny or process")
    .option("--claim <stance=subjects>", "instead of --stance and --about, for a statement with several stances: STANCE=SUBJECT[,SUBJECT…] (repeatable)", (v: string, prev: string[] = []) => [...prev, v])
    .requiredOption("--outlet <name>", "the source's outlet")
    .requiredOption("--url <url>", "the source's URL")
    .option("--title <text>", "the source's title")
    .requiredOption("--confidence <H|M|L>", "how reliable the report is")
    .option("--dry-run", "print the new file instead of writing it")
    .action(async (file: string, flags: StatementAddFlags) => (await commandModules.statement()).statementAddCommand(file, flags, io));

  program
    .command("framework")
    .description("Framework analysis: each point's value to each party (stance matrix), verdicts, whether any deal exists, best amendments.")
    .argument("[scenario]", SCENARIO_ARG)
    .option("--framework <id>", "analyse only this framework")
    .option("--json", "print one JSON object (docs/framework-analysis.md) instead of the report")
    .addOption(new Option("--basis <basis>", "utility compared by amendments when issues are open").choices(["worst", "midpoint"]).default("worst"))
    .option("--top <n>", "amendments and fixes to list", positiveInt("--top"), 5)
    .option("--as-of <date>", "analyse the scenario as known on this date (YYYY-MM-DD, YYYY-MM or YYYY): later statements, events, frameworks and the red lines and orderings only they support are set aside", datePrefix("--as-of"))
    .option("--reading <id>", READING_HELP, collect)
    .action(async (scenario: string | undefined, flags: FrameworkFlags) => (await commandModules.framework()).frameworkCommand(scenario, flags, io));

  program
    .command("compare")
    .description("Compare two frameworks: what each issue becomes, and each party's utility and verdict.")
    .argument("<a>", "the first framework's id")
    .argument("<b>", "the second framework's id")
    .argument("[scenario]", SCENARIO_ARG)
    .option("--json", "print one JSON object instead of the report")
    .option("--as-of <date>", "analyse the scenario as known on this date (YYYY-MM-DD, YYYY-MM or YYYY): later statements, events, frameworks and the red lines and orderings only they support are set aside", datePrefix("--as-of"))
    .option("--reading <id>", READING_HELP, collect)
    .action(async (a: string, b: string, scenario: string | undefined, flags: { json?: boolean; asOf?: string; reading?: string[] }) =>
      (await commandModules.framework()).compareCommand(a, b, scenario, flags, io),
    );

  program
    .command("exclude")
    .description("The agreement the others would reach without PARTY (Nash, Kalai–Smorodinsky), and whether PARTY would ratify it.")
    .argument("<party>", "the id of the party left out")
    .argument("[scenario]", SCENARIO_ARG)
    .option("--framework <id>", "negotiate only the completions of this framework")
    .option("--simulate", "also simulate the talks without PARTY under the shuttle protocol")
    .option("--agents <list>", "--simulate: one agent per included party, or one for all (default: linear)", "linear")
    .option("--steps <n>", "--simulate: the deadline in rounds", positiveInt("--steps"), 100)
    .option("--seed <n>", "--simulate: random seed", seedInt, 1)
    .option("--json", "print one JSON object instead of the report")
    .option("--as-of <date>", "analyse the scenario as known on this date (YYYY-MM-DD, YYYY-MM or YYYY): later statements, events, frameworks and the red lines and orderings only they support are set aside", datePrefix("--as-of"))
    .option("--reading <id>", READING_HELP, collect)
    .action(async (party: string, scenario: string | undefined, flags: ExcludeFlags) =>
      (await commandModules.framework()).excludeCommand(party, scenario, flags, io),
    );

  program
    .command("robustness")
    .description("How often each party accepts each framework, a deal is possible and the Nash package stays put, when the weights, the reservation values and the readings vary.")
    .argument("[scenario]", SCENARIO_ARG)
    .option("--samples <n>", "weight vectors to draw", positiveInt("--samples"), 200)
    .option("--seed <n>", "random seed", seedInt, 1)
    .option("--range <r>", "relative range of every weight (0.25 = ±25%)", fraction, 0.25)
    .option("--reservation-range <r>", "absolute range of every reservation value (0.05 = ±0.05; 0: not varied)", nonNegative("--reservation-range"), 0.05)
    .option("--no-vary-readings", "keep the scenario's readings as loaded (by default each sample draws each reading on or off)")
    .option("--json", "print one JSON object instead of the report")
    .option("--as-of <date>", "analyse the scenario as known on this date (YYYY-MM-DD, YYYY-MM or YYYY): later statements, events, frameworks and the red lines and orderings only they support are set aside", datePrefix("--as-of"))
    .option("--reading <id>", READING_HELP, collect)
    .action(async (scenario: string | undefined, flags: RobustnessFlags) => (await commandModules.framework()).robustnessCommand(scenario, flags, io));

  program
    .command("report")
    .description("Write a briefing: one self-contained HTML file (stance matrices, verdicts, deal check, outcome-space plot, timeline, sources) that prints cleanly to PDF.")
    .argument("[scenario]", SCENARIO_ARG)
    .requiredOption("--out <file>", "the HTML file to write (replaced if it exists)")
    .option("--framework <id>", "brief on this framework only")
    .option("--reading <name>", "put a named reading of the scenario in force (repeatable)", collect)
    .option("--pair <x,y>", "the two parties the outcome-space plot shows (default: the pair whose utilities are least correlated)", commaList)
    .option("--date <date>", "the date the briefing says it was generated on (default: today)", datePrefix("--date"))
    .option("--as-of <date>", "analyse the scenario as known on this date (YYYY-MM-DD, YYYY-MM or YYYY): later statements, events, frameworks and the red lines and orderings only they support are set aside", datePrefix("--as-of"))
    .action(async (scenario: string | undefined, flags: ReportFlags) => (await commandModules.report()).reportCommand(scenario, flags, io));

  program
    .command("audit")
    .description("Tamper-evident audit logs of negotiation rooms (docs/audit-log.md).")
    .command("verify")
    .description("Check an exported audit log offline: every entry's hash, the signed tree heads' signatures and roots, consistency between heads. Exit 4 names the first bad entry or head.")
    .argument("<file>", "an audit log export (.json)")
    .option("--key <hex>", "the log's Ed25519 public key, as the server serves it: fail unless the export is signed with it")
    .option("--opening <file>", "a seat's opening { entry, salt, payload }: also check that this entry commits to that private submission")
    .option("--json", "print one JSON object: the verification, with the first problem (code, entry or head, field)")
    .action(async (file: string, flags: AuditVerifyFlags) => (await commandModules.audit()).auditVerifyCommand(file, flags, io));

  registerServeCommand(program, io);

  const room = program.command("room").description("Live negotiation rooms on a running server (docs/rooms.md): create, invite, status, watch, export, play.");
  const SERVER_HELP = "the server (default: http://127.0.0.1:PARLEY_PORT, else port 4600, as parley serve listens)";
  const TOKEN_HELP = "a session token of the room: the convene token, or one from joining (default: PARLEY_ROOM_TOKEN)";
  room
    .command("create")
    .description("Create a room from a scenario of the server: prints the room id, the convener's token and an invite per human seat (and the mediator).")
    .argument("<scenario>", "a scenario id of the server (GET /api/scenarios; the built-in one is peace-talks-2025)")
    .requiredOption("--seat <party=human|agent>", 'one per party, in seat order: PARTY=human, or PARTY=AGENT_SPEC the server runs (e.g. russia="boulware(e=0.2)"; repeatable)', repeated)
    .addOption(new Option("--protocol <name>", "how the room negotiates (default single-text)").choices(protocolChoices))
    .addOption(new Option("--mediator <who>", "single text, shuttle: a person (an invite is printed) or the engine (default)").choices(["human", "engine"]))
    .option("--rounds <n>", "deadline in rounds", positiveInt("--rounds"))
    .option("--seconds <n>", "deadline in wall-clock seconds from the start", positiveInt("--seconds"))
    .option("--exclude <party>", "shuttle: a seat excluded from the table that must ratify (repeatable, or comma-separated)", collect)
    .addOption(new Option("--disclosure <what>", "what a human mediator learns of the seats' ratings").choices(["aggregates", "none"]))
    .option("--opening <framework>", "single text, shuttle: open from this framework of the scenario")
    .option("--version <n>", "the scenario version (default: the current one)", positiveInt("--version"))
    .option("--seed <n>", "seeds the engine and the agents (default: the server draws one)", seedInt)
    .option("--server <url>", SERVER_HELP)
    .option("--json", "print the server's answer as JSON (id, conveneToken, invites, url)")
    .action(async (scenario: string, flags: RoomCreateFlags) => (await commandModules.room()).roomCreateCommand(scenario, flags, io));
  room
    .command("invite")
    .description("The convener makes a one-time invite and its workbench link: an observer, its own browser (the convener's console), the human mediator, or a seat that has not joined.")
    .argument("<room>", "the room id")
    .addOption(new Option("--role <role>", "whom the invite is for").choices(["observer", "convener", "mediator", "seat"]).makeOptionMandatory())
    .option("--party <party>", "with --role seat: the human seat's party")
    .option("--token <token>", "the convene token (default: PARLEY_ROOM_TOKEN)")
    .option("--server <url>", SERVER_HELP)
    .option("--json", "print the server's answer with the link as JSON")
    .action(async (id: string, flags: RoomInviteFlags) => (await commandModules.room()).roomInviteCommand(id, flags, io));
  room
    .command("status")
    .description("The room as the token's holder may see it: status, seats, whose turn, the draft or offer, the agreement.")
    .argument("<room>", "the room id")
    .option("--token <token>", TOKEN_HELP)
    .option("--server <url>", SERVER_HELP)
    .option("--json", "print GET /api/rooms/{id} as JSON")
    .action(async (id: string, flags: RoomTokenFlags) => (await commandModules.room()).roomStatusCommand(id, flags, io));
  room
    .command("watch")
    .description("Print the room's events as they come (over its WebSocket, reconnecting without gaps) until the room ends; Ctrl-C stops.")
    .argument("<room>", "the room id")
    .option("--token <token>", TOKEN_HELP)
    .option("--after <n>", "start after this seq (default 0: from the first event)", seedInt)
    .option("--server <url>", SERVER_HELP)
    .option("--json", "one JSON event per line")
    .action(async (id: string, flags: RoomWatchFlags) => (await commandModules.room()).roomWatchCommand(id, flags, io));
  room
    .command("export")
    .description("Write the room's public audit log (signed tree heads included) to a file: check it offline with parley audit verify FILE.")
    .argument("<room>", "the room id")
    .requiredOption("--out <file>", "where to write the export (.json)")
    .option("--token <token>", TOKEN_HELP)
    .option("--server <url>", SERVER_HELP)
    .action(async (id: string, flags: RoomExportFlags) => (await commandModules.room()).roomExportCommand(id, flags, io));
  room
    .command("play")
    .description("Join a room with a seat's invite and play the seat with an agent from here until the room ends (bring your own agent); prints the result.")
    .argument("<url>", "the room's URL, as parley room create prints it (http://HOST:PORT/api/rooms/ROOM)")
    .requiredOption("--invite <token>", "the seat's one-time invite")
    .requiredOption("--agent <spec>", 'the agent, as in --agents: e.g. "boulware(e=0.2)"; every agent of parley simulate --agents')
    .option("--preferences <file>", "the seat's own preferences (a YAML/JSON party-preferences object) to submit; default: the scenario's model of the party")
    .option("--seed <n>", "seeds the agent's random source", seedInt)
    .option("--quiet", "do not print each move on stderr")
    .option("--json", "print the result as JSON")
    .action(async (url: string, flags: RoomPlayFlags) => (await commandModules.room()).roomPlayCommand(url, flags, io));

  program.addHelpText(
    "after",
    `
Exit codes: 0 ok, 1 internal error (a bug), 2 bad input or usage, 3 analysis not possible as asked,
4 lint findings or an audit log that does not verify, 5 the server cannot be reached (parley room).
Docs: README.md, docs/scenario-format.md, docs/analysis.md, docs/audit-log.md, docs/errors.md`,
  );
  return program;
}

/** Run the CLI with `args` (without the node and script paths). Resolves to the exit code; never throws. */
export async function runCli(args: readonly string[], rawIo: CliIo): Promise<number> {
  // Everything a command writes goes through terminalSafe: no raw control character from a file.
  const io: CliIo = {
    ...rawIo,
    stdout: (t) => rawIo.stdout(terminalSafe(t, { colour: rawIo.stdoutIsTty })),
    stderr: (t) => rawIo.stderr(terminalSafe(t, { colour: rawIo.stderrIsTty })),
  };
  const program = createProgram(io);
  try {
    await program.parseAsync([...args], { from: "user" });
    return ExitCode.ok;
  } catch (error) {
    return await handleError(error, io);
  }
}

async function handleError(error: unknown, io: CliIo): Promise<number> {
  if (error instanceof CommanderError) {
    // Help and version exit with code 0; commander already printed the message.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (isUserError(error)) {
    if (error.issues.length) io.stderr((await import("./format-issues.js")).formatIssues(error.issues));
    io.stderr(`parley: ${error.message}\n`);
    return error.exitCode;
  }
  // Errors other than usage errors come from a command that ran, so the core is loaded already.
  const { isParleyError } = await import("./parley-error.js");
  if (isParleyError(error)) {
    const code = parleyErrorExit[error.code] ?? ExitCode.usage;
    io.stderr(`parley: ${error.message} [${error.code}]\n`);
    if (code === ExitCode.analysis) io.stderr("hint: try --method solve (exact, any number of parties; --time-limit for an anytime answer), --method sample --samples 200000 for an approximation, or --limit / --max-frontier to go further\n");
    return code;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  io.stderr(`parley: internal error: ${e.message}\nThis is a bug in Parley; please report it with the command you ran.\n`);
  if (process.env["PARLEY_DEBUG"]) io.stderr(`${e.stack}\n`);
  return ExitCode.internal;
}
