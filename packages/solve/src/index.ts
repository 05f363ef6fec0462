export { analyzeBySolver, solverReference, type SolveOptions, type SolvedReport, type SolverSummary } from "./analyze.js";
export { frontier2, type Frontier2Options, type Frontier2Result, type SolvedPoint } from "./frontier2.js";
export { frontierK, type FrontierKOptions, type FrontierKResult, type SolvedPointK } from "./frontierk.js";
export { BoxMilp } from "./milp.js";
export { boxStructure, dominatedClasses, partyScore, scoreAtLeast, scoreUtility, type BoxStructure, type BoxTerm, type PartyBoxes } from "./structure.js";
export { loadHighs, type LoadHighsOptions } from "./load-highs.js";
