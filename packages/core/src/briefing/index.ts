// The briefing: a scenario's analysis as one self-contained HTML file (docs/framework-analysis.md,
// "A briefing to hand on"). Pure string building, so the CLI and the browser share it.
export { briefingData, type Briefing, type BriefingOptions, type BriefingReading } from "./briefing-data.js";
export { briefingHtml, renderBriefing } from "./render-briefing.js";
export { outcomePlot, mostOpposedPair, type OutcomePlot, type OutcomePlotOptions, type PlotCell, type PlotFramework } from "./outcome-plot.js";
export { esc as escapeHtml, safeHref } from "./html.js";
