// The outcome-space plot as data: a pure view model (layout, frontier, markers, reservation lines,
// framework boxes, negotiation trail) and a rasteriser that turns up to millions of outcomes into
// pixels in one pass. OutcomeSpaceChart.tsx only paints what these functions return.
import { frontier2d } from "@parley/core";
import type { AnalysisJson } from "../../api/types.js";

// The frontier of two columns lives in the core (the briefing draws it too).
export { frontier2d };

export interface PlotRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface OutcomeColumns {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly rational: ArrayLike<number>;
}

export type MarkerShape = "star" | "diamond" | "triangle" | "square" | "circle";

export interface Marker {
  readonly id: string;
  readonly label: string;
  readonly shape: MarkerShape;
  /** Utilities (x, y) in [0, 1]. */
  readonly x: number;
  readonly y: number;
  readonly detail: string;
}

export interface FrameworkBox {
  readonly id: string;
  readonly label: string;
  /** Worst and best completion, per axis. */
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export interface TrailPoint {
  readonly x: number;
  readonly y: number;
  /** The sender's seat (-1: the mediator) and colour. */
  readonly sender: number;
  readonly color: string;
  readonly label: string;
}

export interface OutcomeSpaceModel {
  readonly width: number;
  readonly height: number;
  readonly plot: PlotRect;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly ticks: readonly number[];
  /** The two-party Pareto frontier of the rational outcomes, by increasing x. */
  readonly frontier: readonly (readonly [number, number])[];
  /** With three or more parties: the full frontier projected onto these two axes. */
  readonly projectedFrontier: readonly (readonly [number, number])[];
  readonly reservation: { readonly x: number | null; readonly y: number | null };
  readonly markers: readonly Marker[];
  readonly frameworks: readonly FrameworkBox[];
  readonly trail: readonly TrailPoint[];
}

export const SOLUTION_MARKERS: readonly { key: "nash" | "kalaiSmorodinsky" | "egalitarian" | "maxWelfare"; label: string; shape: MarkerShape }[] = [
  { key: "nash", label: "Nash", shape: "star" },
  { key: "kalaiSmorodinsky", label: "Kalai–Smorodinsky", shape: "diamond" },
  { key: "egalitarian", label: "Egalitarian", shape: "triangle" },
  { key: "maxWelfare", label: "Max welfare", shape: "square" },
];

/** Plot layout for a canvas of the given CSS size: a square plot area with room for axes. */
export function plotLayout(width: number, height: number): PlotRect {
  const margin = { left: 56, right: 16, top: 16, bottom: 48 };
  const side = Math.max(10, Math.min(width - margin.left - margin.right, height - margin.top - margin.bottom));
  return { left: margin.left, top: margin.top, width: side, height: side };
}

/** Utility → CSS pixel. */
export function toPixel(plot: PlotRect, x: number, y: number): [number, number] {
  return [plot.left + x * plot.width, plot.top + (1 - y) * plot.height];
}

export interface OutcomeSpaceInput {
  readonly width: number;
  readonly height: number;
  readonly x: { readonly id: string; readonly label: string };
  readonly y: { readonly id: string; readonly label: string };
  readonly columns: OutcomeColumns | null;
  readonly analysis: AnalysisJson | null;
  /** Show these overlays (all by default). */
  readonly show?: { readonly frontier?: boolean; readonly solutions?: boolean; readonly frameworks?: boolean; readonly reservation?: boolean };
  readonly trail?: readonly TrailPoint[];
  /** frontier2d(columns), when the caller has it already. */
  readonly frontier?: readonly (readonly [number, number])[];
}

/** The view model of the plot: everything but the outcome pixels (see rasterizeOutcomes). */
export function buildOutcomeSpaceModel(input: OutcomeSpaceInput): OutcomeSpaceModel {
  const plot = plotLayout(input.width, input.height);
  const show = { frontier: true, solutions: true, frameworks: true, reservation: true, ...input.show };
  const a = input.analysis;
  const px = a ? a.parties.indexOf(input.x.id) : -1;
  const py = a ? a.parties.indexOf(input.y.id) : -1;
  const both = px >= 0 && py >= 0;

  const markers: Marker[] = [];
  if (a && both && show.solutions)
    for (const s of SOLUTION_MARKERS)
      a[s.key].forEach((p, k) =>
        markers.push({
          id: `${s.key}-${k}`,
          label: a[s.key].length > 1 ? `${s.label} (${k + 1} of ${a[s.key].length})` : s.label,
          shape: s.shape,
          x: p.utilities[px]!,
          y: p.utilities[py]!,
          detail: a.parties.map((id, i) => `${id} ${round3(p.utilities[i]!)}`).join(" · "),
        }),
      );

  const frameworks: FrameworkBox[] =
    a && both && show.frameworks
      ? a.frameworks.map((f) => {
          const ex = f.parties.find((p) => p.party === input.x.id);
          const ey = f.parties.find((p) => p.party === input.y.id);
          return {
            id: f.framework.id,
            label: f.framework.name,
            x: [ex?.utility.min ?? 0, ex?.utility.max ?? 0] as const,
            y: [ey?.utility.min ?? 0, ey?.utility.max ?? 0] as const,
          };
        })
      : [];

  let frontier: readonly (readonly [number, number])[] = [];
  if (show.frontier) {
    if (input.frontier) frontier = input.frontier;
    else if (input.columns) frontier = frontier2d(input.columns);
    else if (a && both && a.parties.length === 2) frontier = a.pareto.points.map((p) => [p[px]!, p[py]!] as [number, number]).sort((u, v) => u[0] - v[0]);
  }
  const projectedFrontier: [number, number][] =
    show.frontier && a && both && a.parties.length > 2 ? a.pareto.points.map((p) => [p[px]!, p[py]!] as [number, number]) : [];

  return {
    width: input.width,
    height: input.height,
    plot,
    xLabel: input.x.label,
    yLabel: input.y.label,
    ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
    frontier,
    projectedFrontier,
    reservation: show.reservation && a && both ? { x: a.reservation[px] ?? null, y: a.reservation[py] ?? null } : { x: null, y: null },
    markers,
    frameworks,
    trail: input.trail ?? [],
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** RGBA packed for a little-endian Uint32 view of ImageData (0xAABBGGRR). */
function pack(r: number, g: number, b: number, a: number): number {
  return ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

export interface Raster {
  /** Device-pixel size. */
  readonly width: number;
  readonly height: number;
  /** RGBA bytes, ready for new ImageData(...). */
  readonly data: Uint8ClampedArray<ArrayBuffer>;
  readonly points: number;
}

/** Dot diameter in CSS pixels: large for a few outcomes, one pixel for hundreds of thousands. */
export function dotSize(points: number): number {
  return points <= 500 ? 6 : points <= 5_000 ? 4 : points <= 50_000 ? 2 : points <= 300_000 ? 1.5 : 1;
}

/** Pixel offsets of a disc of diameter `d` (a square when d ≤ 2). */
function discOffsets(d: number): Int32Array {
  const out: number[] = [];
  const r = d / 2;
  for (let dy = 0; dy < d; dy++)
    for (let dx = 0; dx < d; dx++) {
      const cx = dx + 0.5 - r;
      const cy = dy + 0.5 - r;
      if (d <= 2 || cx * cx + cy * cy <= r * r + 0.25) out.push(dx, dy);
    }
  return Int32Array.from(out);
}

/**
 * Every outcome as a dot, shaded by density: grey for outcomes some party rejects, blue for
 * rational ones (drawn on top). One pass to count, one to colour: O(points + pixels).
 */
export function rasterizeOutcomes(columns: OutcomeColumns, plot: PlotRect, cssWidth: number, cssHeight: number, dpr = 1): Raster {
  const width = Math.max(1, Math.round(cssWidth * dpr));
  const height = Math.max(1, Math.round(cssHeight * dpr));
  const n = width * height;
  // One counter per pixel: rational outcomes in the high 16 bits, the others in the low 16 (each
  // saturates at 65535). One array keeps the random writes cache-friendly.
  const counts = new Uint32Array(n);
  const { xs, ys } = columns;
  const flags = columns.rational;
  const x0 = plot.left * dpr;
  const y0 = plot.top * dpr;
  const w = plot.width * dpr;
  const h = plot.height * dpr;
  // Dot sides in device pixels: by the number of outcomes, and never below 2 CSS pixels for the
  // rational ones (often a handful among millions, and the ones that matter).
  let rationalCount = 0;
  for (let j = 0; j < flags.length; j++) if (flags[j]) rationalCount++;
  const dOther = Math.max(1, Math.round(dotSize(xs.length) * dpr));
  const dRational = Math.max(1, Math.round(Math.max(2, Math.min(dotSize(rationalCount), dotSize(xs.length) + 2)) * dpr));
  const offsetsOf = (d: number) => {
    const disc = discOffsets(d);
    const offsets = new Int32Array(disc.length / 2);
    for (let k = 0; k < offsets.length; k++) offsets[k] = disc[2 * k + 1]! * width + disc[2 * k]!;
    return offsets;
  };
  const offOther = offsetsOf(dOther);
  const offRational = offsetsOf(dRational);
  for (let j = 0; j < xs.length; j++) {
    const rational = flags[j] !== 0;
    const d = rational ? dRational : dOther;
    let cx = Math.floor(x0 + xs[j]! * w - (d - 1) / 2);
    let cy = Math.floor(y0 + (1 - ys[j]!) * h - (d - 1) / 2);
    if (cx < 0) cx = 0;
    else if (cx > width - d) cx = width - d;
    if (cy < 0) cy = 0;
    else if (cy > height - d) cy = height - d;
    const base = cy * width + cx;
    if (rational) {
      for (let k = 0; k < offRational.length; k++) {
        const i = base + offRational[k]!;
        if (counts[i]! < 0xffff0000) counts[i] = counts[i]! + 0x10000;
      }
    } else
      for (let k = 0; k < offOther.length; k++) {
        const i = base + offOther[k]!;
        if ((counts[i]! & 0xffff) !== 0xffff) counts[i] = counts[i]! + 1;
      }
  }
  let maxOther = 1;
  let maxRational = 1;
  for (let i = 0; i < n; i++) {
    const c = counts[i]!;
    if (c === 0) continue;
    const r = c >>> 16;
    const o = c & 0xffff;
    if (r > maxRational) maxRational = r;
    if (o > maxOther) maxOther = o;
  }
  // Colour by log density (a lone outcome stays visible, dense areas saturate), via lookup tables.
  const lutRational = new Uint32Array(maxRational + 1);
  const lutOther = new Uint32Array(maxOther + 1);
  for (let c = 1; c <= maxRational; c++) lutRational[c] = pack(38, 104, 170, Math.round(170 + (85 * Math.log1p(c)) / Math.log1p(maxRational))); // #2668aa
  for (let c = 1; c <= maxOther; c++) lutOther[c] = pack(140, 148, 158, Math.round(110 + (130 * Math.log1p(c)) / Math.log1p(maxOther))); // #8c949e
  // The counters become the pixels in place: rational outcomes on top.
  for (let i = 0; i < n; i++) {
    const c = counts[i]!;
    if (c !== 0) counts[i] = c >>> 16 !== 0 ? lutRational[c >>> 16]! : lutOther[c & 0xffff]!;
  }
  return { width, height, data: new Uint8ClampedArray(counts.buffer), points: xs.length };
}

/**
 * What is under (x, y) in CSS pixels, within `radius`: the nearest solution marker (all markers at
 * that same spot, joined), else the nearest framework end, offer or frontier point.
 */
export function hitTest(model: OutcomeSpaceModel, x: number, y: number, radius = 8): { label: string; detail: string } | null {
  const dist = (ux: number, uy: number) => {
    const [cx, cy] = toPixel(model.plot, ux, uy);
    return (cx - x) ** 2 + (cy - y) ** 2;
  };
  const r2 = radius * radius;
  let marker: Marker | null = null;
  let md = r2;
  for (const m of model.markers) {
    const d = dist(m.x, m.y);
    if (d <= md) {
      md = d;
      marker = m;
    }
  }
  if (marker) {
    const [mx, my] = toPixel(model.plot, marker.x, marker.y);
    const same = model.markers.filter((m) => {
      const [cx, cy] = toPixel(model.plot, m.x, m.y);
      return Math.abs(cx - mx) < 1.5 && Math.abs(cy - my) < 1.5;
    });
    return { label: same.map((m) => m.label).join(" = "), detail: marker.detail };
  }
  let best: { label: string; detail: string } | null = null;
  let bestD = r2;
  const consider = (ux: number, uy: number, label: string, detail: string) => {
    const d = dist(ux, uy);
    if (d <= bestD) {
      bestD = d;
      best = { label, detail };
    }
  };
  const at = (ux: number, uy: number) => `${model.xLabel} ${round3(ux)} · ${model.yLabel} ${round3(uy)}`;
  for (const p of model.frontier) consider(p[0], p[1], "Pareto frontier", at(p[0], p[1]));
  for (const f of model.frameworks) {
    const range = `${model.xLabel} ${round3(f.x[0])}–${round3(f.x[1])} · ${model.yLabel} ${round3(f.y[0])}–${round3(f.y[1])}`;
    consider(f.x[0], f.y[0], `${f.label}: worst completion`, range);
    consider(f.x[1], f.y[1], `${f.label}: best completion`, range);
  }
  for (const p of model.trail) consider(p.x, p.y, p.label, at(p.x, p.y));
  return best;
}
