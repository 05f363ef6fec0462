// A tiny benchmark harness: warm-up, then the median of N timed runs (performance.now).
export interface Measurement {
  readonly name: string;
  readonly medianMs: number;
  readonly runsMs: number[];
  readonly detail: string;
}

export function measure<T>(name: string, runs: number, fn: () => T, describe: (result: T) => string): Measurement {
  let result = fn(); // warm-up (JIT)
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const medianMs = sorted[Math.floor(sorted.length / 2)]!;
  return { name, medianMs, runsMs: times, detail: describe(result) };
}
