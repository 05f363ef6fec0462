// The piscina worker of `parley tournament`: runs one planned negotiation per task.
import { workerData } from "piscina";
import type { RunSpec } from "@parley/core";
import { runOne, warm, type RunContext, type RunOutcome } from "./run-one.js";

const context = workerData as RunContext;

export type WorkerTask = { readonly kind: "warm" } | { readonly kind: "run"; readonly run: RunSpec };

export default function task(t: WorkerTask): RunOutcome | number {
  return t.kind === "warm" ? warm(context) : runOne(context, t.run, () => performance.now());
}
