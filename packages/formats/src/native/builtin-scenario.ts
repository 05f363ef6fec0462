/**
 * The file name of the built-in scenario. The file ships in this package's `scenarios/` folder:
 * in Node, read it with `readBuiltinScenarioText()` of `@parley/formats/node`; in a browser build,
 * import `@parley/formats/scenarios/peace-talks-2025.yaml` as text (Vite: `?raw`).
 */
export const builtinScenarioFileName = "peace-talks-2025.yaml";
