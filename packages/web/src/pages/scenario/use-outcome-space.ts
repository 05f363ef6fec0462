// The outcome-space data for the plot: every outcome's utilities for two parties, computed in the
// analysis worker (server /outcomes as the fallback for a stored scenario); and the analysis of an
// edited scenario (what-if weights), also in the worker.
import { useEffect, useState } from "react";
import type { Scenario } from "@parley/core";
import { api } from "../../api/client.js";
import type { AnalysisJson } from "../../api/types.js";
import type { OutcomeColumns } from "../../charts/outcome-space/model.js";
import { analysisWorker } from "../../worker/analysis-client.js";
import { errorMessage } from "../../state/use-resource.js";
import { recordMetric } from "../../lib/metrics.js";

export interface SpaceData {
  readonly key: string;
  readonly columns: OutcomeColumns;
  readonly size: number;
  readonly count: number;
  readonly sampled: boolean;
  readonly rationalCount: number;
  /** Where it was computed, and how long it took there. */
  readonly source: "worker" | "main thread" | "server";
  readonly ms: number;
}

export type Loadable<T> = { readonly status: "loading" } | { readonly status: "ready"; readonly data: T } | { readonly status: "error"; readonly error: string };

export function useOutcomeSpace(key: string, scenario: Scenario, x: string | null, y: string | null, serverId: string | null): Loadable<SpaceData> {
  const [state, setState] = useState<Loadable<SpaceData>>({ status: "loading" });
  useEffect(() => {
    if (x === null || y === null) return;
    let live = true;
    setState((s) => (s.status === "ready" ? s : { status: "loading" }));
    const worker = analysisWorker();
    const t0 = performance.now();
    worker
      .outcomeSpace({ key, scenario, parties: [x, y] })
      .then(
        (r): SpaceData => ({
          key,
          columns: { xs: r.columns[0]!, ys: r.columns[1]!, rational: r.rational },
          size: r.size,
          count: r.count,
          sampled: r.sampled,
          rationalCount: r.rationalCount,
          source: worker.inWorker ? "worker" : "main thread",
          ms: r.ms,
        }),
      )
      .catch(async (error: unknown): Promise<SpaceData> => {
        if (serverId === null) throw error;
        // The worker could not do it: ask the server (stored scenarios only).
        const o = await api.outcomes(serverId, [x, y]);
        return {
          key,
          columns: { xs: Float32Array.from(o.utilities[0] ?? []), ys: Float32Array.from(o.utilities[1] ?? []), rational: Uint8Array.from(o.rational) },
          size: o.total ?? o.count,
          count: o.count,
          sampled: o.truncated,
          rationalCount: o.rational.reduce((s, v) => s + (v ? 1 : 0), 0),
          source: "server",
          ms: performance.now() - t0,
        };
      })
      .then(
        (data) => {
          recordMetric("outcomeSpace", { ms: data.ms, source: data.source, count: data.count });
          if (live) setState({ status: "ready", data });
        },
        (error: unknown) => live && setState({ status: "error", error: errorMessage(error) }),
      );
    return () => {
      live = false;
    };
  }, [key, scenario, x, y, serverId]);
  return state;
}

/**
 * The analysis of an edited scenario, computed in the worker (debounced); null key: nothing to do.
 * While a new analysis runs, the previous one stays (pending: true).
 */
export function useWorkerAnalysis(key: string | null, scenario: Scenario): { readonly result: Loadable<AnalysisJson>; readonly pending: boolean } | null {
  const [state, setState] = useState<{ key: string; value: Loadable<AnalysisJson> } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const timer = setTimeout(() => {
      const t0 = performance.now();
      analysisWorker()
        .analyze(scenario)
        .then(
          (data) => {
            recordMetric("workerAnalysis", { ms: performance.now() - t0, key });
            if (live) setState({ key, value: { status: "ready", data } });
          },
          (error: unknown) => live && setState({ key, value: { status: "error", error: errorMessage(error) } }),
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, scenario]);
  if (key === null) return null;
  return { result: state?.value ?? { status: "loading" }, pending: state?.key !== key };
}
