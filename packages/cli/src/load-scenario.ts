import { stat } from "node:fs/promises";
import path from "node:path";
import { applyReadings, findReadings, scenarioAsOf, type AsOfResult, type Scenario } from "@parley/core";
import { formatLimitsFromEnv, readGeniusFolderSync, type FormatIssue, type FormatLimits, type ParseResult } from "@parley/formats/node";
import { ExitCode } from "./exit-codes.js";
import { UserError } from "./user-error.js";

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The scenario as read, before readings and the as-of date. */
  readonly nominal: Scenario;
  /** With `asOf`: the date, and what was set aside as not yet known then. */
  readonly asOf?: { readonly date: string } & AsOfResult["setAside"];
  /** With `readings`: the readings in force (in the scenario's order). */
  readonly readings?: readonly LoadedReading[];
  /** Where it came from, for messages: a path, or "built-in". */
  readonly source: string;
  readonly kind: "native" | "genius" | "builtin";
  readonly warnings: readonly FormatIssue[];
}

/** A reading in force, as JSON outputs carry it. */
export interface LoadedReading {
  readonly id: string;
  readonly label?: string;
}

export const BUILTIN_SOURCE = "built-in";

/** How a command was asked to load its scenario: `--as-of` and `--reading`. */
export interface ScenarioOptions {
  readonly asOf?: string | undefined;
  readonly readings?: readonly string[] | undefined;
}

/**
 * Load a scenario: a native YAML/JSON file, a GENIUS folder, or (no argument) the built-in scenario.
 * Problems become a UserError carrying every FormatIssue.
 */
export async function loadScenario(arg: string | undefined, cwd: string, options: ScenarioOptions = {}): Promise<LoadedScenario> {
  let loaded: LoadedScenario = await loadAsIs(arg, cwd);
  // Readings first: what they add rests on their provenance, which the as-of date may then set aside.
  const ids = options.readings ?? [];
  if (ids.length > 0) {
    const readings = findReadings(loaded.scenario, ids).map((r) => ({ id: r.id, ...(r.label !== undefined && { label: r.label }) }));
    loaded = { ...loaded, scenario: applyReadings(loaded.scenario, ids), readings };
  }
  if (options.asOf === undefined) return loaded;
  const cut = scenarioAsOf(loaded.scenario, options.asOf);
  return { ...loaded, scenario: cut.scenario, asOf: { date: cut.date, ...cut.setAside } };
}

/** The lines for stderr on how the scenario was loaded: the readings in force, then what an as-of analysis set aside. */
export function loadNotes(loaded: LoadedScenario): string {
  const r = loaded.readings;
  const readings = r?.length ? `parley: under reading${r.length === 1 ? "" : "s"} ${r.map((x) => x.id).join(", ")} (the nominal model otherwise)\n` : "";
  return readings + asOfNote(loaded);
}

/** The fields JSON outputs add for the loading options: `readings` (ids in force) and `asOf`, each only when given. */
export function loadFields(loaded: LoadedScenario): { readings?: readonly LoadedReading[]; asOf?: LoadedScenario["asOf"] } {
  return { ...(loaded.readings ? { readings: loaded.readings } : {}), ...(loaded.asOf ? { asOf: loaded.asOf } : {}) };
}

/** One line for stderr: what an as-of analysis set aside. */
export function asOfNote(loaded: LoadedScenario): string {
  const a = loaded.asOf;
  if (!a) return "";
  const parts = [
    `${a.statements} statement${a.statements === 1 ? "" : "s"}`,
    `${a.events} event${a.events === 1 ? "" : "s"}`,
    ...(a.frameworks.length ? [`framework${a.frameworks.length === 1 ? "" : "s"} ${a.frameworks.join(", ")}`] : []),
    ...(a.redLines.length ? [`red lines ${a.redLines.map((r) => `${r.party}/${r.redLine}`).join(", ")}`] : []),
    ...(a.orderings.length ? [`orderings ${a.orderings.map((o) => `${o.party}/${o.issue}`).join(", ")}`] : []),
  ];
  return `parley: as of ${a.date}: set aside what was not known yet — ${parts.join(", ")}\n`;
}

async function loadAsIs(arg: string | undefined, cwd: string): Promise<LoadedScenario> {
  // The native format's parser (zod, yaml) is imported only when a native file is read: a GENIUS
  // folder does not load it (BENCHMARKS.md, "End to end").
  if (arg === undefined) return unwrap((await import("./load-native.js")).parseBuiltin(), BUILTIN_SOURCE, "builtin");
  const full = path.resolve(cwd, arg);
  let isDir: boolean;
  try {
    isDir = (await stat(full)).isDirectory();
  } catch {
    throw new UserError(`${arg}: no such file or folder`, ExitCode.usage);
  }
  const limits = limitsFromEnvironment();
  if (isDir) return unwrap(readGeniusFolderSync(full, { limits }), arg, "genius");
  return unwrap(await (await import("./load-native.js")).readScenarioFile(full, { limits }), arg, "native");
}

/** The size limits the environment raises (PARLEY_MAX_*); a value that is not a whole number is a usage error. */
export function limitsFromEnvironment(): Partial<FormatLimits> {
  const { limits, problems } = formatLimitsFromEnv(process.env);
  if (problems.length) throw new UserError(problems.join("; "), ExitCode.usage);
  return limits;
}

function unwrap(result: ParseResult<Scenario>, source: string, kind: LoadedScenario["kind"]): LoadedScenario {
  if (!result.ok) throw new UserError(`${source}: the scenario could not be loaded`, ExitCode.usage, result.issues);
  return { scenario: result.value, nominal: result.value, source, kind, warnings: result.warnings };
}
