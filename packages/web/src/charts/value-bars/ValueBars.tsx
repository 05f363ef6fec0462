// A tiny bar chart (inline SVG): one bar per item, heights or lengths in [0, 1].
import type { Bar } from "./model.js";

/** Vertical mini bars, e.g. a value function's score per option. */
export function MiniBars({ bars, color = "#5e3c99", width = 168, height = 40, label }: { bars: readonly Bar[]; color?: string; width?: number; height?: number; label: string }) {
  const gap = 2;
  const w = Math.max(3, (width - gap * (bars.length - 1)) / Math.max(1, bars.length));
  return (
    <svg className="mini-bars" width={width} height={height} role="img" aria-label={label}>
      <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} stroke="#cbd2d9" />
      {bars.map((b, i) => {
        const h = Math.max(1, b.value * (height - 2));
        return (
          <rect key={i} x={i * (w + gap)} y={height - 1 - h} width={w} height={h} fill={color} rx={1}>
            <title>{`${b.label}: ${Math.round(b.value * 1000) / 1000}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** A horizontal bar with its share as text, e.g. an issue weight. */
export function ShareBar({ value, color = "#0072B2" }: { value: number; color?: string }) {
  return (
    <span className="share-bar" aria-label={`${Math.round(value * 100)}%`}>
      <span className="share-fill" style={{ width: `${Math.max(0, Math.min(1, value)) * 100}%`, background: color }} />
    </span>
  );
}
