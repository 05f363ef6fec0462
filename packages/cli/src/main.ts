#!/usr/bin/env node
// The `parley` executable: parse argv, run, exit with the documented code.
import { setFlagsFromString } from "node:v8";
import { runCli } from "./cli.js";
import { processIo } from "./io.js";

// Tier up later than V8's default (an interrupt budget of 132 KB of bytecode). A function that gets
// hot is compiled by TurboFan on a background thread, and Node does not exit before every such job
// has finished: big functions take 20–60 ms each, so a command that was done in 100 ms waited up to
// 70 ms more for code it would never run (2-core machine; BENCHMARKS.md, "End to end"). With a larger
// budget, short commands mostly stay in the interpreter and baseline code, and long ones lose a few
// milliseconds before their hot loops are optimised. PARLEY_V8_FLAGS overrides it (e.g. for profiling).
setFlagsFromString(process.env["PARLEY_V8_FLAGS"] ?? "--interrupt-budget=1048576");

const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
