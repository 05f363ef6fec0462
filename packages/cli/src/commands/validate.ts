import { compileScenario, issueSize } from "@parley/core";
import type { CliIo } from "../io.js";
import { loadScenario } from "../load-scenario.js";
import { formatIssues } from "../format-issues.js";

export async function validateCommand(file: string, io: CliIo): Promise<void> {
  const loaded = await loadScenario(file, io.cwd);
  if (loaded.warnings.length) io.stderr(formatIssues(loaded.warnings));
  const s = loaded.scenario;
  compileScenario(s); // references resolve
  const size = s.issues.reduce((a, i) => a * issueSize(i), 1);
  io.stdout(
    `${file}: ok — "${s.name}": ${s.parties.length} parties, ${s.issues.length} issues (${size.toLocaleString("en-US")} outcomes), ${s.frameworks.length} framework${s.frameworks.length === 1 ? "" : "s"}\n`,
  );
}
