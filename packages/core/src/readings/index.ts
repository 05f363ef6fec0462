// Named alternative readings: re-exported by the package's index.ts.
export { applyReadings, findReadings, readingsConflict, readingTouches } from "./apply.js";
