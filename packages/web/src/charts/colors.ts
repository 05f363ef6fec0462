// Colours shared by every chart: a colour-blind-safe party palette (Okabe–Ito), a diverging
// orange–purple scale for values in [0, 1] (ColorBrewer PuOr), and text contrast.

/** Okabe–Ito, without yellow (too light on white). */
export const PARTY_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"] as const;

export function partyColor(index: number): string {
  return PARTY_COLORS[((index % PARTY_COLORS.length) + PARTY_COLORS.length) % PARTY_COLORS.length]!;
}

/** PuOr, 5 classes: 0 (worst) orange … 0.5 neutral … 1 (best) purple. */
export const VALUE_STOPS = ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"] as const;

type Rgb = readonly [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const h = hex.replace("#", "");
  const n = parseInt(h.length === 3 ? [...h].map((c) => c + c).join("") : h, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function rgbToHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, "0")).join("")}`;
}

/** The colour of a value in [0, 1] on the diverging scale (clamped). */
export function valueColor(value: number): string {
  const v = Math.max(0, Math.min(1, value)) * (VALUE_STOPS.length - 1);
  const i = Math.min(VALUE_STOPS.length - 2, Math.floor(v));
  const t = v - i;
  const a = hexToRgb(VALUE_STOPS[i]!);
  const b = hexToRgb(VALUE_STOPS[i + 1]!);
  return rgbToHex([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
}

/** WCAG relative luminance of a hex colour. */
export function luminance(hex: string): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = hexToRgb(hex);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Black or white text, whichever contrasts more with the background. */
export function textOn(background: string): "#111827" | "#ffffff" {
  const l = luminance(background);
  return (l + 0.05) / (0.0118 + 0.05) >= (1.05) / (l + 0.05) ? "#111827" : "#ffffff";
}
