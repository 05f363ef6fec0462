import type { AnalysisReport, SolutionPoint } from "./analyze-scenario.js";

/**
 * The documented `parley analyze --json` object (README, "analyze --json"), also returned by the
 * server's analysis endpoint and built in the workbench's worker. Other tools read it: add fields
 * freely, never rename or remove one.
 */
export function analysisReportJson(report: AnalysisReport) {
  const solution = (points: readonly SolutionPoint[]) => points.map((p) => ({ utilities: p.utilities, outcome: p.outcome }));
  return {
    scenario: report.scenario,
    parties: report.parties,
    issues: report.issues,
    outcomes: report.outcomes,
    method: report.method,
    exact: report.exact,
    reservation: report.reservation,
    ideal: report.ideal,
    rational: report.rational,
    pareto: {
      count: report.pareto.count,
      points: report.pareto.points.map((p) => p.utilities),
      outcomes: report.pareto.points.map((p) => p.outcomes[0]),
      outcomeCounts: report.pareto.points.map((p) => p.outcomeCount),
    },
    nash: solution(report.nash),
    kalaiSmorodinsky: solution(report.kalaiSmorodinsky),
    egalitarian: solution(report.egalitarian),
    maxWelfare: solution(report.maxWelfare),
    opposition: report.opposition,
    conflicts: report.conflicts
      ? {
          truncated: report.conflicts.truncated,
          sets: report.conflicts.sets.map((set) =>
            set.map((c) =>
              c.kind === "reservation"
                ? { kind: c.kind, party: c.party, value: c.value }
                : { kind: c.kind, party: c.party, redLine: c.redLine },
            ),
          ),
        }
      : null,
    frameworks: report.frameworks,
    notes: report.notes,
  };
}

export type AnalysisReportJson = ReturnType<typeof analysisReportJson>;
