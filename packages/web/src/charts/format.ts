// Number and text formatting shared by charts and pages.

/** A utility or score with up to 3 decimals ("0.5", "0.733"), "–" for null. */
export function fmtUtility(u: number | null | undefined): string {
  if (u === null || u === undefined || !Number.isFinite(u)) return "–";
  return String(Math.round(u * 1000) / 1000);
}

/** 0.4375 → "44%"; small shares keep two significant digits (0.000055 → "0.0055%"). */
export function fmtPercent(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  const p = x * 100;
  if (p !== 0 && Math.abs(p) < 10 ** -digits) return `${Number(p.toPrecision(2))}%`;
  return `${p.toFixed(digits)}%`;
}

/** 43092 → "43,092"; 1.2e18 → "1.20 × 10^18". */
export function fmtCount(n: number): string {
  if (!Number.isFinite(n)) return "–";
  if (Math.abs(n) >= 1e12) {
    const e = Math.floor(Math.log10(Math.abs(n)));
    return `${(n / 10 ** e).toFixed(2)} × 10^${e}`;
  }
  return Math.round(n).toLocaleString("en-GB");
}

export function fmtMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** "2025-03-14" → "14 Mar 2025" (dates stay as written when they do not parse). */
export function fmtDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const month = months[Number(m[2]) - 1] ?? m[2];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** An outcome as "issue = value, …". */
export function fmtOutcome(outcome: Readonly<Record<string, string | number>> | null | undefined): string {
  if (!outcome) return "–";
  return Object.entries(outcome)
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");
}
