// @parley/solve in the browser, imported on demand by the analysis tasks (a chunk of its own): the
// HiGHS WebAssembly is an asset Vite serves, fetched only when a non-linear space is too large to
// enumerate.
import wasmUrl from "highs/runtime?url";
import { analyzeBySolver } from "@parley/solve";
import type { SolveInBrowser } from "./tasks.js";

export const solveInBrowser: SolveInBrowser = (scenario, timeLimit) => analyzeBySolver(scenario, { timeLimit, highs: { locateFile: () => wasmUrl } });
