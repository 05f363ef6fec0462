#!/usr/bin/env node
// The `parley` executable: parse argv, run, exit with the documented code.
import { setFlagsFromString } from "node:v8";
import { runCli } from "./cli.js";
import { processIo } from "./io.js";
import { v8Flags } from "./v8-flags.js";

setFlagsFromString(v8Flags(process.argv.slice(2), process.env));

const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
