// Tournaments: pure planning (seatings, seeds, plan hash) and scoring. Running them is the caller's job.
export {
  planTournament,
  seatings,
  type SeatingOptions,
  type TournamentInput,
  type TournamentScenario,
  type TournamentPlan,
  type RunSpec,
} from "./plan.js";
export { planHash, canonicalJson, hashText } from "./plan-hash.js";
export { scoreTournament, runFairness, type ScoredRun, type CompetitorScore, type TournamentScores } from "./score.js";
