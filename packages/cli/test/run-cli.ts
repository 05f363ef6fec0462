// In-process harness for the CLI: runs `parley ARGS` and captures stdout, stderr and the exit code.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runCli, type CliIo } from "@parley/cli";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const fixtures = path.join(repoRoot, "packages/formats/test/fixtures");
export { geniusCorpusDir as geniusRoot } from "../../../test/corpus.js";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function parley(args: readonly string[], cwd = repoRoot): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTty: false,
    stderrIsTty: false,
    cwd,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
