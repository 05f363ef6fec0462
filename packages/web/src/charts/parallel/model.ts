// Parallel coordinates of a k-party Pareto frontier: one vertical axis per party (utility 0 at the
// bottom, 1 at the top), one polyline per frontier point, solution concepts highlighted.

export interface ParallelInput {
  readonly width: number;
  readonly height: number;
  readonly parties: readonly { readonly id: string; readonly label: string }[];
  /** Frontier points: one utility per party, in `parties` order. */
  readonly points: readonly (readonly number[])[];
  readonly reservation: readonly number[];
  readonly highlights: readonly { readonly label: string; readonly color: string; readonly utilities: readonly number[] }[];
  /** Draw at most this many frontier lines (evenly spaced through the list). */
  readonly maxLines?: number;
}

export interface ParallelModel {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly bottom: number;
  readonly axes: readonly { readonly id: string; readonly label: string; readonly x: number; readonly reservationY: number; readonly anchor: "start" | "middle" | "end" }[];
  readonly ticks: readonly { readonly value: number; readonly y: number }[];
  readonly lines: readonly string[];
  readonly highlights: readonly { readonly label: string; readonly color: string; readonly d: string }[];
  /** Frontier points in total, and how many are drawn. */
  readonly total: number;
  readonly drawn: number;
}

export function buildParallelModel(input: ParallelInput): ParallelModel {
  const top = 24;
  const bottom = input.height - 36;
  const left = 64;
  const right = input.width - 64;
  const k = input.parties.length;
  const xAt = (i: number) => (k <= 1 ? (left + right) / 2 : left + ((right - left) * i) / (k - 1));
  const yAt = (u: number) => bottom - Math.max(0, Math.min(1, u)) * (bottom - top);
  const path = (u: readonly number[]) => u.map((v, i) => `${i === 0 ? "M" : "L"}${xAt(i).toFixed(1)},${yAt(v).toFixed(1)}`).join("");
  const max = input.maxLines ?? 1500;
  const step = input.points.length > max ? input.points.length / max : 1;
  const lines: string[] = [];
  for (let t = 0; t < input.points.length && lines.length < max; t += step) lines.push(path(input.points[Math.floor(t)]!));
  return {
    width: input.width,
    height: input.height,
    top,
    bottom,
    axes: input.parties.map((p, i) => ({
      id: p.id,
      label: p.label,
      x: xAt(i),
      reservationY: yAt(input.reservation[i] ?? 0),
      anchor: k > 1 && i === 0 ? "start" : k > 1 && i === k - 1 ? "end" : "middle",
    })),
    ticks: [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, y: yAt(value) })),
    lines,
    highlights: input.highlights.map((h) => ({ label: h.label, color: h.color, d: path(h.utilities) })),
    total: input.points.length,
    drawn: lines.length,
  };
}
