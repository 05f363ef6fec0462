// An uploaded scenario (native YAML/JSON text or the files of a GENIUS folder) → the core model,
// its native YAML, and warnings; or an HttpError with every problem and its line.
import { compileScenario, type Scenario } from "@parley/core";
import {
  classifyGeniusFile,
  formatIssueText,
  geniusFilesToScenario,
  parseScenario,
  stringifyScenario,
  type FormatIssue,
  type ParseResult,
} from "@parley/formats";
import type { ScenarioUpload } from "./api/contract.js";
import { HttpError } from "./errors.js";
import type { NewScenarioVersion } from "./store/store.js";

export interface LoadedUpload extends NewScenarioVersion {
  readonly warnings: readonly FormatIssue[];
}

/** The id given to a GENIUS upload without one: the domain file's name, without `.xml` and a `domain` suffix. */
export function geniusDefaultId(files: readonly { name: string; text: string }[]): string {
  const domain = files.find((f) => classifyGeniusFile(f.text) === "domain") ?? files[0];
  const base = (domain?.name ?? "")
    .replace(/^.*[\\/]/, "")
    .replace(/\.xml$/i, "")
    .replace(/[-_ .]*domain$/i, "");
  return base === "" ? "genius" : base;
}

/** Parse and check an upload. Throws HttpError PARLEY_HTTP_INVALID_SCENARIO with the FormatIssues. */
export function loadUpload(upload: ScenarioUpload): LoadedUpload {
  let result: ParseResult<Scenario>;
  if (upload.format === "genius") {
    const id = upload.id ?? geniusDefaultId(upload.files);
    result = geniusFilesToScenario(
      upload.files.map((f) => ({ name: f.name, text: f.text })),
      { id, ...(upload.name !== undefined ? { name: upload.name } : {}) },
    );
  } else result = parseScenario(upload.text, { format: upload.format });

  if (!result.ok) {
    const errors = result.issues.filter((i) => i.severity === "error");
    const first = errors[0] ?? result.issues[0];
    const summary = `${errors.length} error${errors.length === 1 ? "" : "s"}${first ? `, the first: ${formatIssueText(first)}` : ""}`;
    throw new HttpError("PARLEY_HTTP_INVALID_SCENARIO", [summary], { issues: result.issues });
  }
  const scenario = result.value;
  compileScenario(scenario); // a ParleyError here is a bug of the format's checks; it still maps to a 4xx
  const yaml = upload.format === "yaml" ? upload.text : stringifyScenario(scenario);
  return { scenario, yaml, format: upload.format, warnings: result.warnings };
}
