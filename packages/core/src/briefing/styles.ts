// The briefing's one stylesheet, inlined: screen and print. In print every section starts a page,
// table rows never split and headers repeat, and nothing depends on colour alone (marks are
// symbols, plots use shapes and line styles).
export const BRIEFING_CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5a6470; --rule: #c9ced6; --zone: #1f3f73; --cloud: #7d8793; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; margin: 0; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 2px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
p { margin: 6px 0; }
.meta, .muted { color: var(--muted); }
.small { font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eef0f3; }
table.facts th { width: 11em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.matrix td.cell { text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
.redline { font-weight: 700; }
.mismatch { font-weight: 700; text-decoration: underline; }
.verdict-accept::before { content: "✔ "; }
.verdict-reject::before { content: "✖ "; }
.verdict-depends::before { content: "? "; }
.verdict-reject { font-weight: 700; }
.weak { display: inline-block; border: 1.5px dashed var(--ink); border-radius: 3px; padding: 0 4px; font-size: 11px; font-weight: 700; }
.grounds { color: var(--muted); font-size: 12px; }
ul.explanations li { margin: 6px 0; break-inside: avoid; }
.answer { font-size: 17px; font-weight: 700; }
.legend { font-size: 12px; color: var(--muted); }
.conf { display: inline-block; border: 1px solid var(--ink); border-radius: 3px; padding: 0 4px; font-size: 11px; font-weight: 700; }
ul.sources { padding-left: 18px; }
ul.sources li { margin: 4px 0; break-inside: avoid; }
a { color: #1f4e8c; }
figure { margin: 12px 0; }
figcaption { font-size: 13px; color: var(--muted); }
svg.plot { max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
svg .frame { fill: none; stroke: var(--ink); }
svg .grid { stroke: #e3e6ea; }
svg .tick { fill: var(--muted); }
svg .axis { fill: var(--ink); font-size: 13px; }
svg .cloud { fill: var(--cloud); }
svg .zone { fill: var(--zone); }
svg .reserve { stroke: var(--ink); stroke-dasharray: 5 4; }
svg .frontier { fill: none; stroke: #000; stroke-width: 2.5; }
svg .range { stroke: #000; stroke-width: 1.5; stroke-dasharray: 2 2; }
svg .mk { fill: #fff; stroke: #000; stroke-width: 1.5; }
svg .mk-n { font-size: 10px; font-weight: 700; fill: #000; }
svg .lane { stroke: var(--rule); }
svg .span { stroke: #000; stroke-width: 3; }
svg .ev { fill: #fff; stroke: #000; stroke-width: 1.5; }
svg .ev-s { fill: #000; }
svg .st-a { fill: #000; }
svg .st-r { stroke: #000; stroke-width: 2; }
svg .st-o { fill: #fff; stroke: #000; stroke-width: 1.5; }
@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  h2, h3 { break-after: avoid; }
  tr, figure, .keep { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
  th { background: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
