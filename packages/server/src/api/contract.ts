// The API contract: zod schemas of every request and response (validation, TypeScript types and the
// OpenAPI document at /docs/json come from these). Imports zod only, so the web app can import its
// types: `import type { ScenarioSummary } from "@parley/server/api"`.
import { z } from "zod";

// ── shared ─────────────────────────────────────────────────────────────────

export const issueSchema = z
  .object({
    code: z.string().describe("PARLEY_FMT_* for file problems, PARLEY_HTTP_VALIDATION for request fields"),
    file: z.string().optional(),
    line: z.number().int().optional().describe("1-based line in the uploaded file"),
    column: z.number().int().optional(),
    path: z.array(z.union([z.string(), z.number()])).describe("field path, e.g. [\"parties\", 1, \"preferences\"] or [\"body\", \"format\"]"),
    message: z.string(),
    severity: z.enum(["error", "warning"]),
  })
  .meta({ id: "Issue" });

export const errorSchema = z
  .object({
    statusCode: z.number().int(),
    code: z.string().describe("stable code: PARLEY_HTTP_*, PARLEY_ERR_* (docs/errors.md)"),
    error: z.string().describe("HTTP reason phrase"),
    message: z.string(),
    issues: z.array(issueSchema).optional(),
  })
  .meta({ id: "Error" });

/** Error responses every route may give. */
export const errorResponses = {
  400: errorSchema,
  403: errorSchema,
  404: errorSchema,
  413: errorSchema,
  421: errorSchema,
  422: errorSchema,
  409: errorSchema,
  429: errorSchema,
  500: errorSchema,
  503: errorSchema,
} as const;

/**
 * A whole number in a query string or path: decimal digits only, so `1e3`, `0x10`, ` 5`, `-1` and an
 * empty value are refused (never coerced), and within [min, max].
 */
export const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, "expected a whole number (decimal digits)")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const positiveInt = wholeNumber(1, Number.MAX_SAFE_INTEGER);
const seedQuery = wholeNumber(0, 0xffffffff);
const versionQuery = positiveInt.optional().describe("a version number (default: the current version)");
const jobStatus = z
  .enum(["queued", "running", "done", "failed", "cancelled", "interrupted"])
  .describe("queued → running → done; or failed, cancelled (DELETE) or interrupted (the server stopped first); POST …/rerun queues the last three again");
const jobError = z.object({ code: z.string(), message: z.string() }).nullable();

// ── model pieces that replies carry (the core's types, as JSON) ───────────

/** An issue's value (core Value). */
export const valueSchema = z.union([z.string(), z.number()]).meta({ id: "Value" });
/** An outcome or a package: issue id → value. */
const outcomeSchema = z.record(z.string(), valueSchema);
const provenanceSchema = z.object({
  cites: z.array(z.string()).optional(),
  assumption: z.string().optional(),
  exceptions: z.record(z.string(), z.string()).optional().describe("lint rule id → why the choice departs from that rule"),
});
const valuesOf = z.object({ issue: z.string(), values: z.array(valueSchema) });

/** A red line (core RedLine): options a party never accepts, or a cross-issue rule. */
export const redLineSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("forbid"), id: z.string().optional(), issue: z.string(), values: z.array(valueSchema), note: z.string().optional(), provenance: provenanceSchema.optional() }),
    z.object({ kind: z.literal("require"), id: z.string().optional(), if: valuesOf, then: valuesOf, note: z.string().optional(), provenance: provenanceSchema.optional() }),
  ])
  .meta({ id: "RedLine" });

const verdictSchema = z.enum(["accept", "reject", "depends"]).describe("accept: every completion is acceptable; reject: none is; depends: it turns on the open issues");

/** One constraint of a conflict set: a reservation value or a red line. */
export const constraintSchema = z
  .object({
    kind: z.enum(["reservation", "red-line"]),
    party: z.string(),
    value: z.number().optional().describe("reservation constraints: the reservation value"),
    redLine: redLineSchema.optional().describe("red-line constraints: the red line"),
    issues: z.array(z.string()).optional(),
  })
  .meta({ id: "Constraint" });

/** The smallest sets of constraints that cannot all hold (null when some outcome is rational). */
const conflictsSchema = z
  .object({ sets: z.array(z.array(constraintSchema)), truncated: z.boolean() })
  .nullable()
  .describe("when no outcome is rational: the smallest conflicting sets of constraints");

const clashSchema = z.object({ issue: z.string(), points: z.array(z.number().int()) });

/** A framework as the analysis evaluates it (core FrameworkEvaluation). */
export const frameworkEvaluationSchema = z
  .object({
    framework: z.object({ id: z.string(), name: z.string() }),
    settled: outcomeSchema.describe("issue id → the value the framework sets"),
    open: z.array(z.string()).describe("issues no point sets"),
    clashes: z.array(clashSchema).describe("issues two points set to different values"),
    parties: z.array(
      z.object({
        party: z.string(),
        utility: z.object({ min: z.number(), max: z.number() }),
        reservation: z.number(),
        redLinesCrossed: z.array(redLineSchema),
        verdict: verdictSchema,
      }),
    ),
  })
  .meta({ id: "FrameworkEvaluation" });

const sourceSchema = z.object({ outlet: z.string(), title: z.string().optional(), url: z.string().optional(), date: z.string().optional() });
const stanceSchema = z.enum(["accept", "reject", "partial", "conditional", "deny", "process"]);
/** The declared stance that counts (from the scenario's statements), or null. */
const declaredSchema = z
  .object({
    stance: stanceSchema.describe("the stance that counts: the most decisive of `stances`"),
    stances: z.array(stanceSchema).describe("every stance the statement takes on this subject (several for a statement with several claims)"),
    date: z.string(),
    statement: z.string().describe("the statement's id"),
    source: sourceSchema,
    via: z.enum(["point", "issue", "framework"]),
    confidence: z.enum(["H", "M", "L"]),
    speaker: z.string(),
  })
  .nullable();

const amendmentSchema = z.object({
  changes: z.array(
    z.object({
      issue: z.string(),
      point: z.number().int().nullable().describe("the point rewritten; null for a setting added to an open issue"),
      points: z.array(z.number().int()).optional(),
      from: valueSchema.nullable(),
      to: valueSchema,
    }),
  ),
  totalGain: z.number(),
  gains: z.record(z.string(), z.number()),
  verdicts: z.record(z.string(), verdictSchema),
});

const confidenceSchema = z.enum(["H", "M", "L"]);
/** What a modelling choice rests on (core Grounds). */
const groundsSchema = z.object({
  cites: z.array(z.object({ id: z.string(), confidence: confidenceSchema })).describe("the cited statements found, oldest first"),
  missing: z.array(z.string()).describe("cited ids the scenario does not hold (e.g. set aside by asOf)"),
  assumption: z.string().nullable(),
  support: z.enum(["H", "M", "L", "assumption", "none"]).describe("the highest cited confidence; assumption: no cited statement; none: no provenance"),
});
const issueTermSchema = z.object({ value: valueSchema, contribution: z.number(), loss: z.number(), bestValue: valueSchema });
/** Why a party gets its verdict on a framework (core VerdictExplanation; docs/framework-analysis.md, "Explanations"). */
export const verdictExplanationSchema = z
  .object({
    framework: z.string(),
    party: z.string(),
    verdict: verdictSchema,
    utility: z.object({ min: z.number(), max: z.number() }),
    reservation: z.number(),
    method: z.enum(["additive", "marginal"]),
    total: z.object({ worst: z.number(), best: z.number() }).nullable(),
    ideal: z.number().nullable(),
    ranking: z.object({ completion: z.enum(["worst", "best"]), by: z.enum(["contribution", "loss"]) }),
    issues: z.array(
      z.object({
        issue: z.string(),
        open: z.boolean(),
        weight: z.number().nullable(),
        weightShare: z.number().nullable(),
        worst: issueTermSchema,
        best: issueTermSchema,
        weightGrounds: groundsSchema,
        orderingGrounds: groundsSchema,
      }),
    ),
    topIssues: z.array(z.string()),
    redLines: z.array(z.object({ redLine: redLineSchema, id: z.string(), status: z.enum(["crossed", "at-risk"]), issues: z.array(z.string()), grounds: groundsSchema })),
    reasons: z.array(z.enum(["red-line-crossed", "best-below-reservation", "worst-below-reservation", "red-line-at-risk", "every-completion-acceptable"])),
    declared: z.array(z.string()).describe("ids of the party's statements about the framework, oldest first"),
    statements: z.record(
      z.string(),
      z.object({
        id: z.string(),
        date: z.string(),
        speaker: z.string(),
        party: z.string(),
        stance: z.enum(["accept", "reject", "partial", "conditional", "deny", "process"]),
        confidence: confidenceSchema,
        outlet: z.string(),
        url: z.string().optional(),
      }),
    ),
    restsOnWeakSources: z.boolean().describe("every reason for the verdict rests on M/L statements or assumptions only"),
    weakGrounds: z.array(z.object({ kind: z.enum(["red-line", "ordering"]), id: z.string(), support: z.enum(["H", "M", "L", "assumption", "none"]) })),
  })
  .meta({ id: "VerdictExplanation" });

/** One framework of the framework report (core FrameworkReportEntry). */
export const frameworkReportEntrySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    basis: z
      .enum(["official", "leaked", "oral", "reconstructed", "undisclosed"])
      .nullable()
      .describe("what the text rests on (null: not stated); undisclosed: its points are not public, so every issue is open"),
    open: z.array(z.string()),
    clashes: z.array(clashSchema),
    points: z.array(
      z.object({
        id: z.string(),
        number: z.number().int(),
        text: z.string(),
        issues: z.array(z.string()),
        stances: z.record(
          z.string(),
          z.object({
            value: z.number().nullable().describe("0: the party's worst options on the point's issues, 1: its best; null when indifferent"),
            redLine: z.boolean(),
            declared: declaredSchema,
            modelled: z.enum(["accept", "reject"]),
            mismatch: z.boolean(),
            redLines: z.array(redLineSchema),
          }),
        ),
      }),
    ),
    verdicts: z.record(
      z.string(),
      z.object({
        utility: z.number(),
        utilityRange: z.object({ min: z.number(), max: z.number() }),
        accepts: z.boolean(),
        verdict: verdictSchema,
        reservation: z.number(),
        redLinesCrossed: z.array(redLineSchema),
        declared: declaredSchema,
        declaredDisagrees: z.boolean().describe("the declared stance contradicts the verdict (declared accept vs reject, or reject vs accept)"),
        explanation: verdictExplanationSchema,
      }),
    ),
    amendments: z.object({
      basis: z.enum(["worst", "midpoint"]),
      count: z.number().int(),
      best: z.array(amendmentSchema),
      fixes: z.record(z.string(), z.object({ verdict: verdictSchema, fixes: z.array(amendmentSchema.extend({
            cost: z.number(),
            costBest: z.number().describe("the others' total loss on the best completion of the open issues"),
            worsened: z.array(z.string()),
            worsenedWhy: z.record(
              z.string(),
              z.object({
                from: verdictSchema,
                to: verdictSchema,
                redLinesCrossed: z.array(redLineSchema).describe("crossed after the fix, not before"),
                basis: z.object({ before: z.number(), after: z.number() }),
                best: z.object({ before: z.number(), after: z.number() }),
                reservation: z.number(),
              }),
            ),
          })) })),
      truncated: z.boolean(),
    }),
  })
  .meta({ id: "FrameworkReportEntry" });

/** One event of a negotiation trace (core TraceEvent). */
export const traceEventSchema = z
  .object({
    seq: z.number().int(),
    round: z.number().int(),
    time: z.number(),
    type: z.enum(["offer", "accept", "reject", "veto", "end", "propose-text", "ratify", "error", "agreement", "timeout"]),
    sender: z.number().int().describe("seat index; -1 for the protocol or the mediator"),
    senderId: z.string(),
    outcome: outcomeSchema.optional(),
    utilities: z.array(z.number()).optional().describe("every seat's utility of the outcome, in seat order"),
    code: z.string().optional(),
    message: z.string().optional(),
  })
  .meta({ id: "TraceEvent" });

const runStatus = z.enum(["agreement", "timeout", "ended", "rejected", "error"]);

/** One run of a tournament (core TournamentRunRecord, with the scenario's version). */
export const tournamentRunSchema = z
  .object({
    index: z.number().int(),
    scenario: z.string().describe("the scenario's id"),
    version: z.number().int(),
    seats: z.array(z.string()),
    competitors: z.array(z.string()).describe("the agent spec in each seat"),
    repetition: z.number().int(),
    seed: z.number().int(),
    status: runStatus,
    agreement: outcomeSchema.nullable(),
    utilities: z.array(z.number()),
    rounds: z.number().int(),
    paretoDistance: z.number().nullable(),
    nashDistance: z.number().nullable(),
    welfare: z.number(),
    errorSeat: z.number().int().optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({ id: "TournamentRun" });

/** A competitor's line of the leaderboard (core CompetitorScore). */
export const competitorScoreSchema = z
  .object({
    competitor: z.string(),
    rank: z.number().int(),
    appearances: z.number().int(),
    meanUtility: z.number(),
    agreementRate: z.number(),
    meanParetoDistance: z.number().nullable(),
    meanNashDistance: z.number().nullable(),
    fairness: z.number(),
    errors: z.number().int(),
    faults: z.number().int(),
  })
  .meta({ id: "CompetitorScore" });

export const tournamentScoresSchema = z.object({
  competitors: z.array(competitorScoreSchema).describe("the leaderboard: by mean utility, then agreement rate, then name"),
  overall: z.object({
    runs: z.number().int(),
    agreementRate: z.number(),
    meanWelfare: z.number(),
    meanParetoDistance: z.number().nullable(),
    meanNashDistance: z.number().nullable(),
    fairness: z.number(),
    errors: z.number().int(),
  }),
});

// ── health, registry ───────────────────────────────────────────────────────

export const healthSchema = z.object({
  status: z.literal("ok"),
  version: z.string(),
  store: z.enum(["sqlite", "postgres"]),
  uptimeSeconds: z.number(),
  jobs: z.object({
    simulations: z.object({ running: z.number().int(), queued: z.number().int() }),
    tournaments: z.object({ running: z.number().int(), queued: z.number().int() }),
    analyses: z.object({ active: z.number().int().describe("analyses computing or waiting for a thread"), max: z.number().int() }),
    uploads: z.object({ active: z.number().int().describe("uploads being parsed and checked, or waiting for a thread"), max: z.number().int() }),
  }),
  workers: z.object({
    max: z.number().int().describe("worker threads at most (0: computations run on the server's thread)"),
    threads: z.number().int().describe("worker threads started"),
    queued: z.number().int().describe("tasks waiting for a thread"),
  }),
  rooms: z.object({
    held: z.number().int().describe("rooms held in memory (running ones, and at most 64 that have ended)"),
    streams: z.number().int().describe("open room stream connections"),
  }),
});

export const agentParameterSchema = z.object({
  name: z.string(),
  type: z.enum(["number", "boolean", "enum"]),
  description: z.string(),
  default: z.union([z.number(), z.boolean(), z.string(), z.null()]).describe("null stands for infinity"),
  min: z.number().optional(),
  minExclusive: z.boolean().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  infinite: z.boolean().optional().describe("inf is allowed (write inf in a spec)"),
  values: z.array(z.string()).optional(),
  summary: z.string().describe("the parameter as one line, e.g. e (number ≥ 0, default 0.2): …"),
});

export const agentSchema = z.object({
  name: z.string(),
  description: z.string(),
  source: z.string(),
  rational: z.boolean(),
  parameters: z.array(agentParameterSchema),
});
export const agentsSchema = z.array(agentSchema);

export const protocolSchema = z.object({
  name: z.string(),
  description: z.string(),
  minSeats: z.number().int(),
  maxSeats: z.number().int().nullable().describe("null: no upper limit"),
  mediated: z.boolean(),
  options: z.array(z.string()).describe("request fields that apply: exclude, mediator, framework"),
});
export const protocolsSchema = z.array(protocolSchema);

// ── scenarios ──────────────────────────────────────────────────────────────

export const scenarioUploadSchema = z
  .discriminatedUnion("format", [
    z.object({
      format: z.literal("yaml"),
      text: z.string().describe("a native scenario file (YAML)"),
    }),
    z.object({
      format: z.literal("json"),
      text: z.string().describe("a native scenario file (JSON)"),
    }),
    z.object({
      format: z.literal("genius"),
      files: z
        .array(z.object({ name: z.string().min(1).max(255), text: z.string() }))
        .min(1)
        .max(64)
        .describe("the files of a GENIUS folder: one domain, one profile per party (file-name order)"),
      id: z.string().min(1).max(200).optional().describe("the scenario's id (default: the domain file's name)"),
      name: z.string().min(1).max(200).optional(),
    }),
  ])
  .meta({ id: "ScenarioUpload" });

export const scenarioCreatedSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  warnings: z.array(issueSchema),
});

export const scenarioSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int().describe("the current version"),
    parties: z.array(z.string()).describe("party ids"),
    issues: z.number().int().describe("how many issues"),
    frameworks: z.number().int().describe("how many frameworks"),
    builtin: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "ScenarioSummary" });
export const scenarioListSchema = z.array(scenarioSummarySchema);

export const scenarioDetailSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    name: z.string(),
    format: z.enum(["yaml", "json", "genius"]).describe("how this version was uploaded"),
    scenario: z.record(z.string(), z.unknown()).describe("the core model (Scenario) as JSON"),
    yaml: z.string().describe("the native YAML text (as uploaded for YAML)"),
    createdAt: z.string(),
  })
  .meta({ id: "ScenarioVersion" });

export const versionInfoSchema = z.object({
  version: z.number().int(),
  name: z.string(),
  format: z.enum(["yaml", "json", "genius"]),
  createdAt: z.string(),
});
export const versionListSchema = z.array(versionInfoSchema);

export const scenarioIdParams = z.object({ id: z.string().min(1).max(200) });
export const scenarioVersionParams = z.object({ id: z.string().min(1).max(200), version: positiveInt });
export const scenarioGetQuery = z.strictObject({ version: versionQuery });

// ── analyses ───────────────────────────────────────────────────────────────

export const analysisQuery = z.strictObject({
  version: versionQuery,
  framework: z.string().min(1).optional().describe("evaluate only this framework"),
  method: z
    .enum(["auto", "enumerate", "merge", "sample", "solve"])
    .default("auto")
    .describe("auto: enumerate, else merge (linear-additive), else solve (two parties: the exact frontier by mixed-integer programming)"),
  timeLimit: z.coerce
    .number()
    .positive()
    .finite()
    .optional()
    .describe("solve method: seconds before it answers with the frontier found so far and its proven gap (exact: false); default and cap: 80% of the server's analysis time limit"),
  limit: positiveInt.optional().describe("enumerate at most this many outcomes (capped by the server's limit)"),
  maxFrontier: positiveInt.optional().describe("merge method: give up past this many frontier points"),
  samples: positiveInt.optional().describe("sample method: outcomes to draw (default 100000)"),
  seed: seedQuery.default(1).describe("sample method: the random seed"),
});

const point = z.object({ utilities: z.array(z.number()), outcome: outcomeSchema });
/** The `parley analyze --json` object (README, "analyze --json"). */
export const analysisSchema = z
  .looseObject({
    scenario: z.object({ id: z.string(), name: z.string() }),
    parties: z.array(z.string()),
    issues: z.array(z.string()),
    outcomes: z.number(),
    method: z.enum(["enumerate", "merge", "sample", "solve"]),
    exact: z.boolean(),
    reservation: z.array(z.number()),
    ideal: z.array(z.number()),
    rational: z.object({ count: z.number().nullable(), fraction: z.number().nullable() }),
    pareto: z.object({
      count: z.number(),
      points: z.array(z.array(z.number())),
      outcomes: z.array(outcomeSchema),
      outcomeCounts: z.array(z.number().nullable()),
    }),
    nash: z.array(point),
    kalaiSmorodinsky: z.array(point),
    egalitarian: z.array(point),
    maxWelfare: z.array(point),
    opposition: z.number().nullable(),
    conflicts: conflictsSchema,
    frameworks: z.array(frameworkEvaluationSchema),
    notes: z.array(z.string()),
    solver: z
      .object({ solves: z.number(), seconds: z.number(), timeLimit: z.number().nullable(), gap: z.number().nullable(), classes: z.number() })
      .optional()
      .describe("only for the solve method: mixed-integer programs solved, wall time, time limit, the proven gap (0 when exact), value classes"),
  })
  .meta({ id: "Analysis" });

export const outcomesQuery = z.strictObject({
  version: versionQuery,
  parties: z
    .string()
    .refine((text) => text.split(",").every((p) => p.trim() !== ""), "expected comma-separated party ids, none empty")
    .optional()
    .describe("comma-separated party ids (default: every party with preferences)"),
  limit: positiveInt.optional().describe("at most this many outcomes (default and cap: the server's outcomes limit)"),
  seed: seedQuery.default(1).describe("seeds the sample taken when the space is larger than the limit"),
});

export const outcomesSchema = z.object({
  parties: z.array(z.string()),
  count: z.number().int().describe("outcomes returned"),
  total: z.number().describe("outcomes in the space"),
  utilities: z.array(z.array(z.number())).describe("one column per party: utilities[p][j] is party p's utility of outcome j"),
  rational: z.array(z.number().int()).describe("1 when outcome j is rational for every party with preferences"),
  truncated: z.boolean().describe("true when the space is larger than the limit: a uniform random sample (seeded) was taken"),
});

export const frameworksQuery = z.strictObject({
  version: versionQuery,
  framework: z.string().min(1).optional().describe("report on this framework only"),
});
export const frameworksSchema = z
  .object({
    scenario: z.object({ id: z.string(), name: z.string() }),
    parties: z.array(z.string()),
    frameworks: z.array(frameworkReportEntrySchema),
    dealPossible: z.boolean(),
    conflicts: conflictsSchema,
    deal: z.object({ method: z.enum(["enumerate", "merge"]), rationalCount: z.number().nullable() }),
    zoneMargin: z
      .object({
        delta: z.number().nullable().describe("the zone vanishes when every reservation value rises by more than this (negative: no deal now); null when the red lines alone leave no outcome"),
        commonLevel: z.number().nullable().describe("with every reservation value equal, the zone vanishes above this level"),
        method: z.enum(["enumerate", "merge"]),
        note: z.string().nullable().describe("why delta is null although the red lines may leave outcomes (the frontier was too large); null otherwise"),
      })
      .describe("how far the zone of agreement is from vanishing (core zoneMargin)"),
    readingDeciders: z
      .object({
        scheme: z.enum(["subsets", "singles"]),
        base: z.array(z.string()),
        nominal: z.boolean(),
        evaluated: z.array(z.object({ readings: z.array(z.string()), possible: z.boolean() })),
        deciders: z.array(z.array(z.string())).describe("the smallest sets of readings that change whether a deal is possible"),
      })
      .nullable()
      .describe("the deal check under the scenario's named readings (core readingDeciders); null when it has none"),
  })
  .meta({ id: "FrameworkReport" });

export const timelineQuery = z.strictObject({
  version: versionQuery,
  party: z.string().min(1).optional(),
  issue: z.string().min(1).optional(),
  point: z.string().min(1).optional().describe("FRAMEWORK/POINT"),
  from: z.string().min(1).optional().describe("an ISO date or a prefix of one"),
  to: z.string().min(1).optional(),
});
export const timelineSchema = z.object({
  scenario: z.object({ id: z.string(), name: z.string() }),
  entries: z.array(z.looseObject({ type: z.enum(["statement", "event"]), date: z.string() })),
});

// ── simulations ────────────────────────────────────────────────────────────

export const simulationRequestSchema = z
  .object({
    scenarioId: z.string().min(1).max(200),
    version: z.number().int().positive().optional().describe("default: the current version"),
    protocol: z.enum(["sao", "stacked", "single-text", "shuttle"]).optional().describe("default: sao for two seats, else stacked"),
    seats: z.array(z.string().min(1)).min(1).max(32).optional().describe("party ids in seat order (default: the parties with role party)"),
    agents: z.array(z.string().min(1).max(200)).min(1).max(32).optional().describe("one agent spec per seat, e.g. boulware, conceder(e=3) (default: linear)"),
    rounds: z.number().int().positive().default(100).describe("the deadline in rounds (capped by the server's limit)"),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    exclude: z.array(z.string().min(1)).optional().describe("shuttle: seats asked only to ratify"),
    mediator: z.enum(["random-flip", "hill-climb"]).optional().describe("single-text: how the mediator picks changes"),
    framework: z.string().min(1).optional().describe("single-text / shuttle: open from this framework"),
  })
  .meta({ id: "SimulationRequest" });

export const jobCreatedSchema = z.object({ id: z.string(), status: jobStatus });

export const simulationResultSchema = z
  .object({
    scenario: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
    protocol: z.enum(["sao", "stacked", "single-text", "shuttle"]),
    agents: z.array(z.string()),
    seed: z.number().int(),
    steps: z.number().int().describe("the deadline in rounds"),
    status: runStatus,
    seats: z.array(z.string()),
    agreement: outcomeSchema.nullable(),
    utilities: z.array(z.number()),
    reservation: z.array(z.number()).describe("the seated parties' reservation values"),
    rounds: z.number().int(),
    paretoDistance: z.number().nullable(),
    nashDistance: z.number().nullable(),
    welfare: z.number(),
    others: z.array(z.object({ party: z.string(), role: z.string(), utility: z.number() })).describe("unseated parties with preferences: their utility of the agreement"),
    errorSeat: z.number().int().optional(),
    notes: z.array(z.string()),
    trace: z.array(traceEventSchema),
  })
  .meta({ id: "SimulationResult" });

export const simulationSchema = z
  .object({
    id: z.string(),
    scenarioId: z.string(),
    version: z.number().int(),
    status: jobStatus,
    request: simulationRequestSchema.required({ version: true }).describe("the request as accepted, with defaults, the version and the seats filled in"),
    result: simulationResultSchema.nullable(),
    error: jobError,
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "Simulation" });

// ── tournaments ────────────────────────────────────────────────────────────

export const tournamentRequestSchema = z
  .object({
    competitors: z.array(z.string().min(1).max(200)).min(1).max(64).describe("agent specs, each a distinct name"),
    scenarios: z
      .array(
        z.object({
          id: z.string().min(1).max(200).describe("a scenario id of this server"),
          version: z.number().int().positive().optional(),
          seats: z.array(z.string().min(1)).min(1).max(16).optional().describe("party ids to seat (default: the parties with role party)"),
        }),
      )
      .min(1)
      .max(64),
    protocol: z.enum(["sao", "stacked"]).default("sao"),
    rounds: z.number().int().positive().default(100),
    repetitions: z.number().int().positive().max(1000).default(1),
    rotate: z.boolean().default(true),
    selfPlay: z.boolean().default(false),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
  })
  .meta({ id: "TournamentRequest" });

export const tournamentSchema = z
  .object({
    id: z.string(),
    status: jobStatus,
    config: tournamentRequestSchema
      .extend({ scenarios: z.array(z.object({ id: z.string(), version: z.number().int(), seats: z.array(z.string()) })) })
      .describe("the request with every default filled in (versions and seats included)"),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    results: z
      .looseObject({
        plan: z.string().describe("the plan hash"),
        scores: tournamentScoresSchema,
        runs: z.array(tournamentRunSchema).describe("every run, in plan order"),
      })
      .nullable(),
    error: jobError,
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "Tournament" });

/** The query string of a route that takes no parameters: any parameter is refused. */
export const noQuery = z.strictObject({});

export const jobIdParams = z.object({ id: z.string().min(1).max(200) });

export const jobListQuery = z.strictObject({
  status: jobStatus.optional().describe("only the jobs with this status"),
  limit: wholeNumber(1, 200).default(50).describe("at most this many jobs (1–200)"),
  offset: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(0).describe("skip this many (the next page: offset + limit)"),
});

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item).describe("newest first"),
    total: z.number().int().describe("jobs matching the filter, on every page"),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const simulationSummarySchema = simulationSchema.omit({ result: true }).meta({ id: "SimulationSummary" });
export const simulationListSchema = page(simulationSummarySchema);
export const tournamentSummarySchema = tournamentSchema.omit({ results: true }).meta({ id: "TournamentSummary" });
export const tournamentListSchema = page(tournamentSummarySchema);

// ── types ──────────────────────────────────────────────────────────────────

export type ApiIssue = z.infer<typeof issueSchema>;
export type ApiError = z.infer<typeof errorSchema>;
export type Health = z.infer<typeof healthSchema>;
export type AgentInfo = z.infer<typeof agentSchema>;
export type ProtocolInfo = z.infer<typeof protocolSchema>;
export type ScenarioUpload = z.infer<typeof scenarioUploadSchema>;
export type ScenarioCreated = z.infer<typeof scenarioCreatedSchema>;
export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;
export type ScenarioDetail = z.infer<typeof scenarioDetailSchema>;
export type VersionInfo = z.infer<typeof versionInfoSchema>;
export type AnalysisQuery = z.input<typeof analysisQuery>;
export type Analysis = z.infer<typeof analysisSchema>;
export type OutcomesQuery = z.input<typeof outcomesQuery>;
export type Outcomes = z.infer<typeof outcomesSchema>;
export type SimulationRequest = z.input<typeof simulationRequestSchema>;
export type Simulation = z.infer<typeof simulationSchema>;
export type TournamentRequest = z.input<typeof tournamentRequestSchema>;
export type Tournament = z.infer<typeof tournamentSchema>;
export type JobStatus = z.infer<typeof jobStatus>;
export type JobCreated = z.infer<typeof jobCreatedSchema>;
export type Frameworks = z.infer<typeof frameworksSchema>;
export type FrameworkReportEntry = z.infer<typeof frameworkReportEntrySchema>;
export type FrameworkEvaluation = z.infer<typeof frameworkEvaluationSchema>;
export type Constraint = z.infer<typeof constraintSchema>;
export type RedLineJson = z.infer<typeof redLineSchema>;
export type TraceEvent = z.infer<typeof traceEventSchema>;
export type SimulationResult = z.infer<typeof simulationResultSchema>;
export type TournamentRun = z.infer<typeof tournamentRunSchema>;
export type CompetitorScore = z.infer<typeof competitorScoreSchema>;
export type TournamentScores = z.infer<typeof tournamentScoresSchema>;
export type Timeline = z.infer<typeof timelineSchema>;
export type JobListQuery = z.input<typeof jobListQuery>;
export type SimulationSummary = z.infer<typeof simulationSummarySchema>;
export type SimulationList = z.infer<typeof simulationListSchema>;
export type TournamentSummary = z.infer<typeof tournamentSummarySchema>;
export type TournamentList = z.infer<typeof tournamentListSchema>;
/** GET /api/rooms/:id/suggestions (the room contract lives in rooms.ts). */
export type { RoomSuggestionsJson, RoomInviteRequest, RoomInvite, RoomCreate, RoomCreated } from "./rooms.js";
