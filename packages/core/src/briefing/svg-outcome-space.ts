// The outcome-space plot as inline SVG: outcome density in grey, the rational outcomes (the agreement
// zone) in dark cells, the reservation values as dashed lines, the pair's Pareto frontier as a thick
// line, and each framework as a numbered marker at its worst completion with a bar to its best.
// Shapes and line styles carry the meaning, so the plot reads in black and white.
import { esc } from "./html.js";
import type { OutcomePlot } from "./outcome-plot.js";

const SIZE = 520;
const M = { left: 56, right: 16, top: 16, bottom: 48 };
const SIDE = SIZE - M.left - M.right;

const px = (u: number) => (M.left + u * SIDE).toFixed(1);
const py = (u: number) => (M.top + (1 - u) * SIDE).toFixed(1);

/** The marker of framework k (0-based): a shape and a number, also used by the legend. */
export function frameworkMarker(k: number, cx: string, cy: string): string {
  const label = `<text x="${cx}" y="${cy}" dy="3.5" text-anchor="middle" class="mk-n">${k + 1}</text>`;
  const x = Number(cx);
  const y = Number(cy);
  switch (k % 3) {
    case 0:
      return `<circle cx="${cx}" cy="${cy}" r="8" class="mk"/>${label}`;
    case 1:
      return `<rect x="${(x - 8).toFixed(1)}" y="${(y - 8).toFixed(1)}" width="16" height="16" class="mk"/>${label}`;
    default:
      return `<path d="M${x.toFixed(1)} ${(y - 10).toFixed(1)}L${(x + 10).toFixed(1)} ${y.toFixed(1)}L${x.toFixed(1)} ${(y + 10).toFixed(1)}L${(x - 10).toFixed(1)} ${y.toFixed(1)}Z" class="mk"/>${label}`;
  }
}

/** The plot as an `<svg>` element (no scripts, no external references). */
export function outcomeSpaceSvg(plot: OutcomePlot): string {
  const out: string[] = [];
  const title = `Outcome space: ${plot.x.name} (x) against ${plot.y.name} (y)`;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}" role="img" aria-label="${esc(title)}" class="plot">`);
  out.push(`<title>${esc(title)}</title>`);
  out.push(`<rect x="${M.left}" y="${M.top}" width="${SIDE}" height="${SIDE}" class="frame"/>`);
  for (const t of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    out.push(`<line x1="${px(t)}" y1="${py(0)}" x2="${px(t)}" y2="${py(1)}" class="grid"/><line x1="${px(0)}" y1="${py(t)}" x2="${px(1)}" y2="${py(t)}" class="grid"/>`);
    out.push(`<text x="${px(t)}" y="${(M.top + SIDE + 16).toFixed(1)}" text-anchor="middle" class="tick">${t.toFixed(1)}</text>`);
    out.push(`<text x="${M.left - 6}" y="${py(t)}" dy="3.5" text-anchor="end" class="tick">${t.toFixed(1)}</text>`);
  }
  out.push(`<text x="${(M.left + SIDE / 2).toFixed(1)}" y="${SIZE - 8}" text-anchor="middle" class="axis">${esc(plot.x.name)}: utility</text>`);
  out.push(`<text transform="translate(16 ${(M.top + SIDE / 2).toFixed(1)}) rotate(-90)" text-anchor="middle" class="axis">${esc(plot.y.name)}: utility</text>`);

  // Density: the log of the count, so that a lone outcome stays visible and dense areas saturate.
  const cell = SIDE / plot.grid;
  const maxCount = Math.max(1, ...plot.cells.map((c) => c.count));
  for (const c of plot.cells) {
    const x = (M.left + c.i * cell).toFixed(1);
    const y = (M.top + (plot.grid - 1 - c.j) * cell).toFixed(1);
    const w = cell.toFixed(2);
    if (c.rational > 0) out.push(`<rect x="${x}" y="${y}" width="${w}" height="${w}" class="zone"/>`);
    else out.push(`<rect x="${x}" y="${y}" width="${w}" height="${w}" class="cloud" fill-opacity="${(0.15 + (0.55 * Math.log1p(c.count)) / Math.log1p(maxCount)).toFixed(2)}"/>`);
  }
  if (plot.x.reservation > 0) out.push(`<line x1="${px(plot.x.reservation)}" y1="${py(0)}" x2="${px(plot.x.reservation)}" y2="${py(1)}" class="reserve"/>`);
  if (plot.y.reservation > 0) out.push(`<line x1="${px(0)}" y1="${py(plot.y.reservation)}" x2="${px(1)}" y2="${py(plot.y.reservation)}" class="reserve"/>`);
  if (plot.frontier.length > 0)
    out.push(`<polyline points="${plot.frontier.map(([x, y]) => `${px(x)},${py(y)}`).join(" ")}" class="frontier"/>`);
  plot.frameworks.forEach((f, k) => {
    if (f.x[1] > f.x[0] || f.y[1] > f.y[0]) out.push(`<line x1="${px(f.x[0])}" y1="${py(f.y[0])}" x2="${px(f.x[1])}" y2="${py(f.y[1])}" class="range"/>`);
    out.push(`<g><title>${esc(`${k + 1}. ${f.name}`)}</title>${frameworkMarker(k, px(f.x[0]), py(f.y[0]))}</g>`);
  });
  out.push(`</svg>`);
  return out.join("");
}
