// `npm run bench [-- --size smoke|full] [--only SECTION,…]`: Parley's benchmarks against the NegMAS
// baseline (../shared/reference/negmas-baseline.json, measured on the same kind of 2-core machine).
// Sections, in order: synthetic, genius, nonlinear, framework, audit, negotiation, server, rooms,
// web, cli, e2e (all by default).
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeScenario, compileScenario, mergeFrontier, outcomeUtilities, paretoFrontier } from "@parley/core";
import { measure, type Measurement } from "./harness.js";
import { randomAdditiveScenario } from "./random-scenario.js";
import { geniusBenchmarks, type NegmasBaseline } from "./genius.js";
import { nonlinearBenchmarks } from "./nonlinear.js";
import { negotiationBenchmarks, type NegmasSaoBaseline } from "./negotiation.js";
import { cliStartupBenchmarks } from "./cli.js";
import { e2eBenchmarks } from "./e2e.js";
import { builtinFrameworkBenchmark } from "./framework.js";
import { auditBenchmarks } from "./audit.js";
import { nonBlockingBenchmarks, serverBenchmarks } from "./server.js";
import { roomBenchmarks } from "./rooms.js";
import { webBenchmarks } from "./web.js";
import { webRoomBenchmarks } from "./web-rooms.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const sizeArg = process.argv.includes("--size") ? process.argv[process.argv.indexOf("--size") + 1] : "full";
const smoke = sizeArg === "smoke";
const runs = smoke ? 1 : 5;
const SECTIONS = ["synthetic", "genius", "nonlinear", "framework", "audit", "negotiation", "server", "rooms", "web", "cli", "e2e"] as const;
const onlyArg = process.argv.includes("--only")
  ? (process.argv[process.argv.indexOf("--only") + 1] ?? "")
  : (process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? null);
const only = onlyArg === null ? null : new Set(onlyArg.split(",").filter((x) => x !== ""));
const unknown = only ? [...only].filter((x) => !(SECTIONS as readonly string[]).includes(x)) : [];
if (unknown.length > 0 || only?.size === 0) {
  console.error(`bench: --only takes sections among ${SECTIONS.join(", ")} (got "${onlyArg}")`);
  process.exit(2);
}
const want = (section: (typeof SECTIONS)[number]) => only === null || only.has(section);

const baselinePath = path.resolve(here, "../../shared/reference/negmas-baseline.json");
const baseline: (NegmasBaseline & NegmasSaoBaseline) | null = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, "utf8")) : null;

function endToEnd(issues: number, options: number, parties: number) {
  const scenario = randomAdditiveScenario(issues, options, parties, 12345);
  return () => {
    const compiled = compileScenario(scenario);
    const all = outcomeUtilities(compiled);
    const candidates = new Int32Array(all.rationalCount);
    let m = 0;
    for (let j = 0; j < all.size; j++) if (all.rational[j]) candidates[m++] = j;
    return paretoFrontier(all.utilities as Float64Array[], candidates).length;
  };
}

const results: (Measurement & { negmasMs?: number })[] = [];
const log = (m: Measurement & { negmasMs?: number }) => {
  results.push(m);
  const ratio = m.negmasMs ? `  ${(m.negmasMs / m.medianMs).toFixed(1)}× faster than NegMAS (${m.negmasMs.toFixed(0)} ms)` : "";
  console.log(`${m.name.padEnd(58)} ${m.medianMs.toFixed(1).padStart(9)} ms  ${m.detail}${ratio}`);
};

console.log(`Parley analysis benchmarks (${smoke ? "smoke" : "full"}) — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}`);
console.log(`median of ${runs} run(s) after a warm-up\n`);

if (want("synthetic")) {
  const [aIssues, aOptions] = smoke ? [4, 10] : [6, 10];
  log({
    ...measure(`(a) ${aIssues}×${aOptions} (10^${aIssues}), 2 parties: utilities + Pareto`, runs, endToEnd(aIssues, aOptions, 2), (n) => `${n} frontier points`),
    ...(smoke || !baseline ? {} : { negmasMs: baseline.c_synthetic_1e6.median_pareto_end_to_end_s * 1000 }),
  });
  log(measure(`(b) ${aIssues}×${aOptions} (10^${aIssues}), 3 parties: utilities + Pareto`, runs, endToEnd(aIssues, aOptions, 3), (n) => `${n} frontier points`));

  const cIssues = smoke ? 10 : 30;
  const cScenario = randomAdditiveScenario(cIssues, 4, 2, 777);
  log(
    measure(
      `(c) merge frontier, ${cIssues}×4 (4^${cIssues} ≈ ${(4 ** cIssues).toExponential(2)}), 2 parties`,
      smoke ? 1 : 3,
      () => mergeFrontier(compileScenario(cScenario)),
      (r) => `${r.points.length} frontier points (peak ${r.peakFrontier})`,
    ),
  );
  // The same space through the full report (merge path, solutions included).
  log(
    measure(`(c') analyzeScenario on the same space (auto → merge)`, smoke ? 1 : 3, () => analyzeScenario(cScenario), (r) => `method ${r.method}, Nash ${r.nash[0]?.utilities.map((x) => x.toFixed(4)).join("/")}`),
  );
}

if (want("genius")) for (const m of geniusBenchmarks(baseline, runs, smoke)) log(m);
if (want("nonlinear")) for (const m of await nonlinearBenchmarks(smoke)) log(m);
if (want("framework")) log(builtinFrameworkBenchmark(runs));
if (want("audit")) for (const m of auditBenchmarks(runs, smoke)) log(m);
if (want("negotiation")) for (const m of await negotiationBenchmarks(baseline, runs, smoke)) log(m);
if (want("server")) for (const m of await serverBenchmarks(smoke)) log(m);
if (want("server")) for (const m of await nonBlockingBenchmarks(smoke)) log(m);
if (want("rooms")) for (const m of await roomBenchmarks(smoke)) log(m);
if (want("web")) for (const m of await webBenchmarks(runs, smoke)) log(m);
if (want("web")) for (const m of await webRoomBenchmarks(smoke ? 4 : 40)) log(m);
if (want("cli")) for (const m of cliStartupBenchmarks(smoke ? 5 : 21)) log(m);
if (want("e2e")) for (const m of await e2eBenchmarks(baseline, smoke)) log(m);
