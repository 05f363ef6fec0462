// Timelines of statements and events: re-exported by the package's index.ts.
export { timeline, resolvePoint, type TimelineEntry, type TimelineFilter, type PointRef } from "./timeline.js";
export { scenarioAsOf, type AsOfResult } from "./as-of.js";
export { verdictHistory, type HistoryStep } from "./history.js";
