// Node-only helpers of @parley/formats: reading and writing scenario files and GENIUS folders.
export { lintScenarioFile, readScenarioFile, writeScenarioFile } from "./read-scenario-file.js";
export {
  readGeniusFolder,
  readGeniusFolderSync,
  writeGeniusFolder,
  type ReadGeniusFolderOptions,
} from "./read-genius-folder.js";
export { builtinScenarioPath, readBuiltinScenarioText } from "./builtin-scenario.js";
