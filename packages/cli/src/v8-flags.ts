// The V8 flags the `parley` executable sets before it runs a command (main.ts).
//
// Tier up later than V8's default (an interrupt budget of 66 KB of bytecode). A function that gets
// hot is compiled by TurboFan on a background thread, and Node does not exit before every such job
// has finished: big functions take 20–60 ms each, so a command that was done in 100 ms waited up to
// 70 ms more for code it would never run (2-core machine; BENCHMARKS.md, "End to end"). With a larger
// budget, short commands mostly stay in the interpreter and baseline code, and long ones lose a few
// milliseconds before their hot loops are optimised.
//
// And keep the young generation at its first size (semi-spaces of 1 MB) instead of doubling it
// whenever many objects survive a scavenge: a one-off command allocates a few megabytes, mostly
// short-lived numbers in interpreted code, and every page of a grown young generation is memory the
// process touches for the first time (a page fault each, costly in a virtual machine), while
// scavenges of a small, mostly dead young generation are cheap. An analysis of 248,832 outcomes × 3
// parties took 7 ms less with it, out of 28 (BENCHMARKS.md, "Sixth pass"). The long-running commands
// (the server, queue workers, tournaments) keep V8's own sizing.

/**
 * Commands that serve requests or may allocate heavily for minutes: V8 sizes their young generation
 * as it likes. (`room watch` and `room play` live long too, but allocate little: like one-off commands.)
 */
export const LONG_RUNNING_COMMANDS: ReadonlySet<string> = new Set(["serve", "worker", "tournament"]);

/** The flags for a run of `parley` with these arguments; PARLEY_V8_FLAGS replaces them all (e.g. for profiling). */
export function v8Flags(args: readonly string[], env: NodeJS.ProcessEnv): string {
  const set = env["PARLEY_V8_FLAGS"];
  if (set !== undefined) return set;
  const command = args.find((a) => !a.startsWith("-"));
  const growth = command !== undefined && LONG_RUNNING_COMMANDS.has(command) ? "" : " --semi-space-growth-factor=1";
  return `--interrupt-budget=1048576${growth}`;
}
