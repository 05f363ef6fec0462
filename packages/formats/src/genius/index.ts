// GENIUS XML interop (universal: strings in, strings out). Files on disk: ../node/read-genius-folder.ts.
export {
  parseGeniusDomain,
  GENIUS_DEFAULT_REAL_INTERVALS,
  type GeniusDomain,
  type GeniusIssueSource,
  type GeniusParseOptions,
} from "./genius-domain.js";
export { parseGeniusProfile } from "./genius-profile.js";
export {
  geniusFilesToScenario,
  classifyGeniusFile,
  geniusPartyId,
  type GeniusFile,
  type GeniusFileKind,
  type GeniusScenarioOptions,
} from "./genius-scenario.js";
export { scenarioToGenius, type GeniusFiles } from "./genius-writer.js";
