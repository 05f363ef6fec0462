// Every property test runs with one seed per run of the suite, so CI is reproducible:
// PARLEY_FC_SEED=<n> replays a run (a failing property prints its own seed and path too), and
// PARLEY_FC_RUNS=<n> raises the number of cases for a deeper local search. Tests that pass their
// own `seed` keep it.
import fc from "fast-check";

const seed = Number(process.env["PARLEY_FC_SEED"] ?? 20261127);
const runs = process.env["PARLEY_FC_RUNS"] ? Number(process.env["PARLEY_FC_RUNS"]) : undefined;
fc.configureGlobal({ seed, ...(runs ? { numRuns: runs } : {}) });
