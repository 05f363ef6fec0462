// Every property test runs with one seed per run of the suite, so CI is reproducible:
// PARLEY_FC_SEED=<n> replays a run (a failing property prints its own seed and path too), and
// PARLEY_FC_RUNS=<n> raises the number of cases for a deeper local search. Tests that pass their
// own `seed` keep it.
import fc from "fast-check";

// PARLEY_FC_SEED=random (what `npm run fuzz` sets) draws a fresh seed and prints it, so a long run's
// failure can be replayed.
const requested = process.env["PARLEY_FC_SEED"];
const seed = requested === "random" ? Math.floor(Math.random() * 2 ** 31) : Number(requested ?? 20261127);
if (requested === "random") console.log(`[fast-check] seed ${seed} (replay with PARLEY_FC_SEED=${seed})`);
const runs = process.env["PARLEY_FC_RUNS"] ? Number(process.env["PARLEY_FC_RUNS"]) : undefined;
fc.configureGlobal({ seed, ...(runs ? { numRuns: runs } : {}) });
