// The scenarios every server starts with: the built-in one and the repository's example files.
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { builtinScenarioFileName, formatIssueText, parseScenario, scenarioFormatOf, stringifyScenario } from "@parley/formats";
import { builtinScenarioPath, readBuiltinScenarioText } from "@parley/formats/node";
import { scenarioSlug, type Store } from "./store.js";

/** The repository's examples folder, when this package runs from the repository (src/ or dist/). */
export const defaultExamplesDir = fileURLToPath(new URL("../../../../examples/", import.meta.url));

export interface BuiltinSource {
  readonly file: string;
  readonly text: string;
}

/** The built-in scenario, then every `.yaml`/`.yml`/`.json` file of `examplesDir` (sorted) that is a scenario file. */
export function builtinSources(examplesDir: string | null): BuiltinSource[] {
  const sources: BuiltinSource[] = [{ file: builtinScenarioFileName, text: readBuiltinScenarioText() }];
  if (examplesDir && existsSync(examplesDir))
    for (const name of readdirSync(examplesDir).sort()) {
      if (!/\.(ya?ml|json)$/i.test(name)) continue;
      // examples/peace-talks-2025.yaml links to the built-in scenario's file: read it once.
      if (realpathSync(path.join(examplesDir, name)) === realpathSync(builtinScenarioPath)) continue;
      const text = readFileSync(path.join(examplesDir, name), "utf8");
      // Scenario files start with `parley: 1`; other examples (tournament configs, …) are not scenarios.
      if (!/^parley\s*:/m.test(text) && !/"parley"\s*:/.test(text)) continue;
      sources.push({ file: path.join(examplesDir, name), text });
    }
  return sources;
}

export interface BuiltinLoad {
  /** Ids of the scenarios stored now. */
  readonly loaded: string[];
  /** Problems with files that look like scenarios but do not load. */
  readonly problems: string[];
}

/**
 * Store each built-in scenario whose id was never used (a deleted built-in stays deleted), as a
 * built-in scenario. Scenarios with the same id as an earlier source are skipped.
 */
export async function loadBuiltins(store: Store, sources: readonly BuiltinSource[]): Promise<BuiltinLoad> {
  const loaded: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    const parsed = parseScenario(source.text, { file: source.file, format: scenarioFormatOf(source.file) });
    if (!parsed.ok) {
      problems.push(...parsed.issues.filter((i) => i.severity === "error").map(formatIssueText));
      continue;
    }
    const id = scenarioSlug(parsed.value.id);
    if (seen.has(id)) continue;
    seen.add(id);
    const format = scenarioFormatOf(source.file);
    const yaml = format === "yaml" ? source.text : stringifyScenario(parsed.value);
    if (await store.createScenarioIfAbsent(id, { scenario: parsed.value, yaml, format }, { builtin: true })) loaded.push(id);
  }
  return { loaded, problems };
}
