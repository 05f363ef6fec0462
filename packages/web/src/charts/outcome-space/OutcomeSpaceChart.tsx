// Paints an outcome-space view model on a <canvas>: the outcomes come from a raster computed once
// per data/size change and kept in an offscreen canvas; axes and overlays are redrawn on top, so a
// replay step costs one drawImage plus a few paths.
import { useEffect, useMemo, useRef, useState } from "react";
import { recordMetric } from "../../lib/metrics.js";
import { useWidth } from "../../lib/use-width.js";
import {
  buildOutcomeSpaceModel,
  frontier2d,
  hitTest,
  rasterizeOutcomes,
  toPixel,
  type MarkerShape,
  type OutcomeSpaceInput,
  type OutcomeSpaceModel,
} from "./model.js";

export type OutcomeSpaceChartProps = Omit<OutcomeSpaceInput, "width" | "height" | "frontier"> & {
  readonly testId?: string;
  readonly maxSize?: number;
  /** The columns are a sample: draw the analysis's frontier, not the sample's. */
  readonly sampled?: boolean;
};

const INK = "#1f2933";
const GRID = "#e4e7eb";
const FRONTIER = "#c2410c";
const MARKER = "#111827";

export function OutcomeSpaceChart(props: OutcomeSpaceChartProps) {
  const [wrapRef, available] = useWidth<HTMLDivElement>(560);
  const size = Math.min(available, props.maxSize ?? 620);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rasterRef = useRef<HTMLCanvasElement | null>(null);
  const [hover, setHover] = useState<{ x: number; y: number; label: string; detail: string } | null>(null);
  const dpr = typeof window === "undefined" ? 1 : Math.min(2, window.devicePixelRatio || 1);

  const { columns, analysis, show, trail } = props;
  const { id: xId, label: xLabel } = props.x;
  const { id: yId, label: yLabel } = props.y;
  const sampled = props.sampled ?? false;
  const frontier = useMemo(() => (columns && !sampled ? frontier2d(columns) : undefined), [columns, sampled]);
  const model = useMemo(
    () =>
      buildOutcomeSpaceModel({
        width: size,
        height: size,
        x: { id: xId, label: xLabel },
        y: { id: yId, label: yLabel },
        columns: sampled ? null : columns,
        analysis,
        ...(frontier ? { frontier } : {}),
        ...(show ? { show } : {}),
        ...(trail ? { trail } : {}),
      }),
    [size, xId, xLabel, yId, yLabel, columns, analysis, frontier, show, trail],
  );

  // The outcome raster: recomputed only when the data or the size changes.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const t0 = performance.now();
    let rasterMs = 0;
    if (columns && columns.xs.length > 0) {
      const raster = rasterizeOutcomes(columns, model.plot, model.width, model.height, dpr);
      rasterMs = performance.now() - t0;
      const off = rasterRef.current ?? document.createElement("canvas");
      off.width = raster.width;
      off.height = raster.height;
      off.getContext("2d")!.putImageData(new ImageData(raster.data, raster.width, raster.height), 0, 0);
      rasterRef.current = off;
    } else rasterRef.current = null;
    paint(canvas, model, rasterRef.current, dpr);
    if (columns && columns.xs.length > 0) {
      const ms = performance.now() - t0;
      recordMetric("outcomeDraw", { ms, rasterMs, points: columns.xs.length, at: performance.now() });
      canvas.dataset.drawMs = ms.toFixed(2);
      canvas.dataset.points = String(columns.xs.length);
    }
    // Overlays alone are repainted by the effect below; this one reruns only for new data or size.
  }, [columns, model.width, model.height, dpr]);

  // Overlays (frontier, markers, trail): repainted over the cached raster.
  useEffect(() => {
    if (canvasRef.current) paint(canvasRef.current, model, rasterRef.current, dpr);
  }, [model, dpr]);

  return (
    <div className="chart outcome-space" ref={wrapRef} data-testid={props.testId ?? "outcome-space"}>
      <div className="chart-canvas-wrap" style={{ width: model.width, height: model.height }}>
        <canvas
          ref={canvasRef}
          width={Math.round(model.width * dpr)}
          height={Math.round(model.height * dpr)}
          style={{ width: model.width, height: model.height }}
          role="img"
          aria-label={`Outcome space: ${model.xLabel} against ${model.yLabel}`}
          data-testid="outcome-canvas"
          onMouseMove={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            const hit = hitTest(model, e.clientX - r.left, e.clientY - r.top);
            setHover(hit ? { x: e.clientX - r.left, y: e.clientY - r.top, ...hit } : null);
          }}
          onMouseLeave={() => setHover(null)}
        />
        {hover && (
          <div className="tooltip" style={{ left: Math.min(hover.x + 12, model.width - 200), top: Math.max(0, hover.y - 40) }} role="tooltip">
            <strong>{hover.label}</strong>
            <div>{hover.detail}</div>
          </div>
        )}
      </div>
    </div>
  );
}

function paint(canvas: HTMLCanvasElement, m: OutcomeSpaceModel, raster: HTMLCanvasElement | null, dpr: number): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, m.width, m.height);
  const { plot } = m;

  // Grid and axes.
  ctx.font = "12px system-ui, sans-serif";
  ctx.lineWidth = 1;
  for (const t of m.ticks) {
    const [gx] = toPixel(plot, t, 0);
    const [, gy] = toPixel(plot, 0, t);
    ctx.strokeStyle = GRID;
    ctx.beginPath();
    ctx.moveTo(Math.round(gx) + 0.5, plot.top);
    ctx.lineTo(Math.round(gx) + 0.5, plot.top + plot.height);
    ctx.moveTo(plot.left, Math.round(gy) + 0.5);
    ctx.lineTo(plot.left + plot.width, Math.round(gy) + 0.5);
    ctx.stroke();
    ctx.fillStyle = "#52606d";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.fillText(String(t), gx, plot.top + plot.height + 6);
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    ctx.fillText(String(t), plot.left - 6, gy);
  }
  ctx.strokeStyle = "#9aa5b1";
  ctx.strokeRect(plot.left + 0.5, plot.top + 0.5, plot.width, plot.height);
  ctx.fillStyle = INK;
  ctx.font = "600 12px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "bottom";
  ctx.fillText(`Utility to ${m.xLabel} →`, plot.left + plot.width / 2, m.height - 4);
  ctx.save();
  ctx.translate(14, plot.top + plot.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = "middle";
  ctx.fillText(`Utility to ${m.yLabel} →`, 0, 0);
  ctx.restore();

  // The outcomes (cached raster, device pixels).
  if (raster) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(raster, 0, 0);
    ctx.restore();
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left - 6, plot.top - 6, plot.width + 12, plot.height + 12);
  ctx.clip();

  // Reservation lines.
  ctx.setLineDash([5, 4]);
  ctx.strokeStyle = "#52606d";
  ctx.lineWidth = 1.25;
  if (m.reservation.x !== null && m.reservation.x > 0) {
    const [rx] = toPixel(plot, m.reservation.x, 0);
    line(ctx, rx, plot.top, rx, plot.top + plot.height);
  }
  if (m.reservation.y !== null && m.reservation.y > 0) {
    const [, ry] = toPixel(plot, 0, m.reservation.y);
    line(ctx, plot.left, ry, plot.left + plot.width, ry);
  }
  ctx.setLineDash([]);

  // The full frontier's projection (3+ parties) and the two-party frontier.
  ctx.fillStyle = "rgba(194, 65, 12, 0.55)";
  for (const [ux, uy] of m.projectedFrontier) {
    const [cx, cy] = toPixel(plot, ux, uy);
    ctx.fillRect(cx - 1.5, cy - 1.5, 3, 3);
  }
  if (m.frontier.length > 0) {
    ctx.strokeStyle = FRONTIER;
    ctx.lineWidth = 2;
    ctx.lineJoin = "round";
    ctx.beginPath();
    m.frontier.forEach(([ux, uy], k) => {
      const [cx, cy] = toPixel(plot, ux, uy);
      if (k === 0) ctx.moveTo(cx, cy);
      else ctx.lineTo(cx, cy);
    });
    ctx.stroke();
    ctx.fillStyle = FRONTIER;
    for (const [ux, uy] of m.frontier) {
      const [cx, cy] = toPixel(plot, ux, uy);
      ctx.beginPath();
      ctx.arc(cx, cy, 2.5, 0, Math.PI * 2);
      ctx.fill();
    }
  }

  // Frameworks: a segment from the worst to the best completion (a ring when nothing is open).
  ctx.font = "600 11px system-ui, sans-serif";
  for (const f of m.frameworks) {
    const [x0, y0] = toPixel(plot, f.x[0], f.y[0]);
    const [x1, y1] = toPixel(plot, f.x[1], f.y[1]);
    ctx.strokeStyle = "#3e4c59";
    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    if (Math.abs(x1 - x0) >= 2 || Math.abs(y1 - y0) >= 2) {
      ctx.globalAlpha = 0.75;
      line(ctx, x0, y0, x1, y1);
      ctx.globalAlpha = 1;
      ctx.fillStyle = "#ffffff";
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x0, y0, 4, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    }
    ctx.fillStyle = "#3e4c59";
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x1, y1, 4.5, 0, Math.PI * 2);
    ctx.fill();
    const label = f.label;
    const w = ctx.measureText(label).width;
    const lx = Math.min(x1 + 7, plot.left + plot.width - w - 2);
    const ly = Math.max(plot.top + 10, y1 - 6);
    ctx.textAlign = "left";
    ctx.textBaseline = "bottom";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255, 255, 255, 0.9)";
    ctx.strokeText(label, lx, ly);
    ctx.fillStyle = "#243b53";
    ctx.fillText(label, lx, ly);
  }
  ctx.lineCap = "butt";

  // The negotiation trail: each sender's offers joined in order; the latest one larger.
  const bySender = new Map<number, { color: string; pts: { x: number; y: number }[] }>();
  for (const p of m.trail) {
    const entry = bySender.get(p.sender) ?? { color: p.color, pts: [] };
    entry.pts.push(toXY(plot, p.x, p.y));
    bySender.set(p.sender, entry);
  }
  for (const { color, pts } of bySender.values()) {
    ctx.strokeStyle = color;
    ctx.globalAlpha = 0.6;
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    pts.forEach((p, k) => (k === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = color;
    for (const p of pts) {
      ctx.beginPath();
      ctx.arc(p.x, p.y, 3, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  const last = m.trail[m.trail.length - 1];
  if (last) {
    const p = toXY(plot, last.x, last.y);
    ctx.fillStyle = last.color;
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(p.x, p.y, 7, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }

  // Nash last, on top, when points coincide.
  for (const mk of [...m.markers].reverse()) {
    const [cx, cy] = toPixel(plot, mk.x, mk.y);
    drawMarker(ctx, mk.shape, cx, cy, 7);
  }
  ctx.restore();
}

function toXY(plot: OutcomeSpaceModel["plot"], x: number, y: number) {
  const [px, py] = toPixel(plot, x, y);
  return { x: px, y: py };
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number) {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

/** A solution marker: dark fill, white outline, shape tells them apart. */
export function drawMarker(ctx: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number, r: number, fill = MARKER): void {
  ctx.beginPath();
  switch (shape) {
    case "star":
      for (let k = 0; k < 10; k++) {
        const rad = k % 2 === 0 ? r * 1.25 : r * 0.55;
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        if (k === 0) ctx.moveTo(x + rad * Math.cos(a), y + rad * Math.sin(a));
        else ctx.lineTo(x + rad * Math.cos(a), y + rad * Math.sin(a));
      }
      break;
    case "diamond":
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r);
      ctx.lineTo(x - r, y);
      break;
    case "triangle":
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y + r * 0.8);
      ctx.lineTo(x - r, y + r * 0.8);
      break;
    case "square":
      ctx.rect(x - r * 0.75, y - r * 0.75, r * 1.5, r * 1.5);
      break;
    case "circle":
      ctx.arc(x, y, r * 0.8, 0, Math.PI * 2);
      break;
  }
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.strokeStyle = "#ffffff";
  ctx.lineWidth = 1.5;
  ctx.fill();
  ctx.stroke();
}
