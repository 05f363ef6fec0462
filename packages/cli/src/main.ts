#!/usr/bin/env node
// The `parley` executable: parse argv, run, exit with the documented code.
import { runCli } from "./cli.js";
import { processIo } from "./io.js";

const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
