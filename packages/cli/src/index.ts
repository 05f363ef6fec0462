export { runCli } from "./cli.js";
export { ExitCode } from "./exit-codes.js";
export type { CliIo } from "./io.js";
