/**
 * The native scenario file format (YAML or JSON), defined once as a zod schema. The schema checks
 * the *shape* of a file; cross-references (issue ids, option labels, duplicates, …) are checked
 * when the file is converted to a core `Scenario` (see convert/). `ScenarioFile` is the type of
 * a file that passed the schema.
 *
 * Unions are built with `choice`, which records how to pick the branch a writer meant, so that a
 * failing union is reported with the errors of that branch rather than "Invalid input".
 */
import { closestWord } from "@parley/core";
import { z } from "zod";

/** Metadata for the JSON Schema: an `id` puts the schema in `$defs`. */
export const schemaRegistry = z.registry<{ id?: string; description?: string; [key: string]: unknown }>();

function doc<T extends z.ZodType>(schema: T, description: string, id?: string, extra?: Record<string, unknown>): T {
  schemaRegistry.add(schema, { ...extra, ...(id === undefined ? {} : { id }), description });
  return schema;
}

/** How a failing union picks the branch the writer meant; `expected` describes the union as a whole. */
export interface ChoiceInfo {
  readonly select: (input: unknown) => number | undefined;
  readonly expected: string;
}

/** Keyed by the `errors` array of an `invalid_union` issue (zod copies that reference into the final issue). */
export const choiceInfo = new WeakMap<object, ChoiceInfo>();

function choice<const T extends readonly [z.ZodType, z.ZodType, ...z.ZodType[]]>(
  options: T,
  info: ChoiceInfo,
): z.ZodUnion<T> {
  return z.union(options, {
    error: (iss) => {
      if (iss.code === "invalid_union") choiceInfo.set(iss.errors, info);
      return undefined;
    },
  });
}

/** The fields of the strict object that rejected unknown keys, keyed by the issue's `keys` array (zod copies that reference). */
export const knownFields = new WeakMap<object, readonly string[]>();

/** A strict object (unknown keys are errors) that remembers its fields for "did you mean". */
function strict<const T extends z.core.$ZodLooseShape>(shape: T): z.ZodObject<T, z.core.$strict> {
  const fields = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === "unrecognized_keys") knownFields.set(iss.keys, fields);
      return undefined;
    },
  });
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

// ---- primitives -------------------------------------------------------------------------------

const id = (what: string) =>
  z.string({ error: `the ${what} id must be text` }).min(1, `the ${what} id must not be empty`);

const text = () => z.string();

/** An option label, or a value of a numeric issue. A number is read as text where a label is expected. */
export const labelSchema = doc(
  z.union([z.string().min(1, "an option label must not be empty"), z.number()]),
  "An option label (categorical issues) or a number (integer and real issues). Where an option label is expected, a number is read as text: 2 means \"2\". Quote labels such as \"1.0\" to keep them exactly.",
  "Value",
);

const score = () => z.number().min(0, "a score must be between 0 and 1").max(1, "a score must be between 0 and 1");

// ---- issues -----------------------------------------------------------------------------------

const issueBase = {
  id: doc(id("issue"), "Unique id of the issue; preferences, red lines and frameworks refer to it."),
  name: doc(text(), "Display name (defaults to the id).").optional(),
  description: doc(text(), "What the issue is about.").optional(),
  controlledBy: doc(
    z.array(id("party")).min(1, "list at least one party id"),
    "Party ids whose consent settling the issue needs (e.g. the holder of frozen assets): without one of them at the table the others cannot settle it; `parley exclude` leaves it at the value that party ranks first.",
  ).optional(),
};

const optionSchema = choice(
  [
    labelSchema,
    doc(
      strict({
        label: labelSchema,
        description: doc(text(), "What the option means (documentation only; not part of the model).").optional(),
      }),
      "An option with a description.",
    ),
  ],
  {
    select: (x) => (isObject(x) ? 1 : 0),
    expected: "an option label, or {label, description}",
  },
);

const categoricalIssueSchema = doc(
  strict({
    ...issueBase,
    kind: z.literal("categorical"),
    options: doc(
      z.array(optionSchema).min(1, "a categorical issue needs at least one option"),
      "The options, in order. Each is a label, or {label, description}.",
    ),
  }),
  "An issue with a finite list of options.",
);

const integerIssueSchema = doc(
  strict({
    ...issueBase,
    kind: z.literal("integer"),
    min: doc(z.number().int("min must be a whole number"), "The smallest value (inclusive)."),
    max: doc(z.number().int("max must be a whole number"), "The largest value (inclusive)."),
  }),
  "An issue taking every whole number from min to max.",
);

const realIssueSchema = doc(
  strict({
    ...issueBase,
    kind: z.literal("real"),
    min: doc(z.number(), "The smallest value (inclusive)."),
    max: doc(z.number(), "The largest value (inclusive)."),
    step: doc(
      z.number().gt(0, "step must be greater than 0"),
      "Grid spacing used when the space is enumerated: min, min+step, …, and max itself.",
    ),
  }),
  "An issue taking real values from min to max, enumerated on a grid of the given step.",
);

export const issueSchema = doc(
  z.discriminatedUnion("kind", [categoricalIssueSchema, integerIssueSchema, realIssueSchema]),
  "An issue to be negotiated.",
  "Issue",
);

// ---- value functions --------------------------------------------------------------------------

const tableFunctionSchema = strict({
  kind: z.literal("table"),
  scores: doc(z.record(z.string(), score()), "Score per option (or value); missing ones score 0."),
});
const linearFunctionSchema = strict({
  kind: z.literal("linear"),
  slope: doc(z.number(), "Change in score per unit of the issue."),
  offset: doc(z.number(), "Score at the issue's min."),
});
const peakedFunctionSchema = strict({
  kind: z.literal("peaked"),
  low: doc(z.number(), "At or below this value the score is 0."),
  peak: doc(z.number(), "The value that scores 1."),
  high: doc(z.number(), "At or above this value the score is 0."),
});
const piecewiseFunctionSchema = strict({
  kind: z.literal("piecewise"),
  points: doc(
    z.array(z.tuple([z.number(), score()])).min(1, "a piecewise function needs at least one point"),
    "[x, score] pairs in increasing x; linear between them, flat outside.",
  ),
});

const scoreMapSchema = doc(
  z.record(z.string(), score()),
  "Shorthand: a score in [0, 1] per option (or value); missing ones score 0.",
);

export const valueFunctionSchema = doc(
  choice(
    [
      doc(
        z.enum(["increasing", "decreasing"]),
        "Numeric issues: score rises linearly from 0 at min to 1 at max (increasing), or falls from 1 to 0 (decreasing).",
      ),
      doc(
        z.array(labelSchema).min(1, "list at least one option, best first"),
        "Categorical issues: options from best to worst; scores 1 … 0 evenly spaced. Options not listed score 0.",
      ),
      z.discriminatedUnion("kind", [
        tableFunctionSchema,
        linearFunctionSchema,
        peakedFunctionSchema,
        piecewiseFunctionSchema,
      ]),
      doc(
        // `kind` must fail this branch outright: zod picks the one union branch whose only errors
        // are unknown keys, and {kind: peakd, peak: 1} is a misspelt kind, not a {peak} shorthand.
        strict({ peak: z.number(), kind: z.never().optional() }),
        "Numeric issues: score 1 at peak, falling linearly to 0 at the issue's min and max.",
      ),
      scoreMapSchema,
    ],
    {
      select: (x) => {
        if (typeof x === "string") return 0;
        if (Array.isArray(x)) return 1;
        if (!isObject(x)) return undefined;
        if (typeof x.kind === "string") return 2;
        const keys = Object.keys(x);
        if (keys.includes("peak") && keys.some((k) => typeof x[k] !== "number")) return 3;
        return 4;
      },
      expected:
        "a value function: increasing, decreasing, a list of options (best first), a map of scores, {peak: x} or {kind: table|linear|peaked|piecewise, …}",
    },
  ),
  "How the issue's values map to scores in [0, 1].",
  "ValueFunction",
);

// ---- provenance -------------------------------------------------------------------------------

export const provenanceSchema = doc(
  strict({
    cites: doc(
      choice([id("statement"), z.array(id("statement")).min(1, "list at least one statement id")], {
        select: (x) => (Array.isArray(x) ? 1 : 0),
        expected: "a statement id, or a list of statement ids",
      }),
      "Ids of the statements (under `statements`) this choice rests on: one id or a list.",
    ).optional(),
    assumption: doc(
      z.string().min(1, "an assumption must not be empty"),
      "Set when the choice is a modelling assumption: what was assumed, and why.",
    ).optional(),
    exceptions: doc(
      z.record(z.string(), z.string().min(1, "say why the choice departs from the rule")),
      "Lint rule id → why this choice knowingly departs from that rule; `parley lint` does not report it here.",
    ).optional(),
  }),
  "What a modelling choice rests on: the statements that support it (`cites`), and/or an explicit `assumption`. Give at least one of the two.",
  "Provenance",
);

// ---- red lines --------------------------------------------------------------------------------

const rangeSchema = doc(
  strict({
    min: doc(z.number(), "Lowest value included.").optional(),
    max: doc(z.number(), "Highest value included.").optional(),
  }),
  "Numeric issues: every value from min to max (inclusive; either may be left out).",
);

const valuesSchema = choice(
  [labelSchema, z.array(labelSchema).min(1, "list at least one value"), rangeSchema],
  {
    select: (x) => (Array.isArray(x) ? 1 : isObject(x) ? 2 : 0),
    expected: "a value, a list of values, or {min, max}",
  },
);

const conditionSchema = doc(
  z.record(z.string(), valuesSchema),
  "Exactly one issue id with the values: {issue: [values]}, {issue: value} or {issue: {min, max}}.",
  "Condition",
  { minProperties: 1, maxProperties: 1 },
);

const redLineCommon = {
  id: doc(id("red line"), "Optional id of the rule.").optional(),
  note: doc(text(), "Why the party holds this line.").optional(),
  provenance: doc(provenanceSchema.optional(), "The statements this red line rests on, or the assumption behind it."),
};

export const redLineSchema = doc(
  choice(
    [
      doc(
        strict({ ...redLineCommon, forbid: conditionSchema }),
        "The party never accepts these values of the issue.",
      ),
      doc(
        strict({ ...redLineCommon, if: conditionSchema, then: conditionSchema }),
        "If the `if` issue takes one of its values, the `then` issue must take one of its values.",
      ),
    ],
    {
      select: (x) => {
        if (!isObject(x)) return undefined;
        const keys = Object.keys(x);
        const near = (word: string) => keys.some((k) => k === word || closestWord(k, [word]) !== undefined);
        if ("forbid" in x) return 0;
        if ("if" in x || "then" in x) return 1;
        if (near("forbid")) return 0;
        if (near("then")) return 1;
        return undefined;
      },
      expected: "a red line: {forbid: {issue: [values]}} or {if: {issue: [values]}, then: {issue: [values]}}",
    },
  ),
  "A red line: outcomes the party will never accept.",
  "RedLine",
);

// ---- non-linear utilities ---------------------------------------------------------------------

const interval = z.tuple([labelSchema, labelSchema]);
const boundSchema = doc(
  choice([labelSchema, interval, z.array(interval).min(1, "list at least one [min, max] pair")], {
    select: (x) => (Array.isArray(x) ? (Array.isArray(x[0]) ? 2 : 1) : isObject(x) ? undefined : 0),
    expected: "a value, a [min, max] pair, or a list of [min, max] pairs",
  }),
  "A value, an inclusive [min, max] pair, or a list of such pairs (each a separate bound). Categorical issues are bounded by option label or by 0-based option index.",
);

const hyperRectangleSchema = doc(
  strict({
    utility: doc(z.number(), "Added to the outcome's utility when the outcome lies in this box (may be negative)."),
    includes: doc(
      z.record(z.string(), boundSchema),
      "Issue id → bound; the outcome must lie inside every bound. Leave out for a box containing everything.",
    ).optional(),
    excludes: doc(z.record(z.string(), boundSchema), "Issue id → bound; the outcome must lie outside every bound.").optional(),
  }),
  "An axis-aligned box of the outcome space.",
  "HyperRectangle",
);

const hyperRectanglesUtilitySchema = strict({
  kind: z.literal("hyper-rectangles"),
  rectangles: z.array(hyperRectangleSchema).min(1, "list at least one rectangle"),
  normalizer: doc(
    z.number().gt(0, "normalizer must be greater than 0"),
    "Divides the summed utility (default: the sum of the positive rectangle utilities).",
  ).optional(),
});

const tableUtilitySchema = strict({
  kind: z.literal("table"),
  entries: z.array(
    strict({
      outcome: doc(z.record(z.string(), labelSchema), "Issue id → value, for every issue."),
      utility: score(),
    }),
  ),
  default: doc(score(), "Utility of outcomes not listed (default 0).").optional(),
});

export const utilitySchema = doc(
  z.discriminatedUnion("kind", [hyperRectanglesUtilitySchema, tableUtilitySchema]),
  "A non-linear utility. For the usual linear-additive utility use `weights` and `values` instead.",
  "Utility",
);

// ---- parties ----------------------------------------------------------------------------------

export const preferencesProvenanceSchema = doc(
  strict({
    weights: doc(z.record(z.string(), provenanceSchema), "Issue id → what the issue's weight rests on.").optional(),
    values: doc(
      z.record(z.string(), provenanceSchema),
      "Issue id → what the issue's value function (the ordering of its options) rests on.",
    ).optional(),
    reservation: doc(provenanceSchema.optional(), "What the reservation value rests on."),
  }),
  "What each weight, value function and the reservation value rest on: cited statements or stated assumptions.",
);

export const preferencesSchema = doc(
  strict({
    reservation: doc(
      z.number().min(0, "reservation must be between 0 and 1").max(1, "reservation must be between 0 and 1"),
      "Walk-away utility in [0, 1] (default 0).",
    ).optional(),
    discount: doc(
      z.number().gt(0, "discount must be greater than 0 and at most 1").max(1, "discount must be greater than 0 and at most 1"),
      "Per-round discount factor in (0, 1] (default 1: no discounting).",
    ).optional(),
    weights: doc(
      z.record(z.string(), z.number().min(0, "a weight must not be negative")),
      "Issue id → relative importance (≥ 0). Divided by their sum, so only ratios matter. Default: 1 for every issue in `values`.",
    ).optional(),
    values: doc(z.record(z.string(), valueFunctionSchema), "Issue id → value function.").optional(),
    normalizeWeights: doc(
      z.boolean(),
      "true (the default): weights are divided by their sum. false: weights are used as written, u = min(1, Σ weight · score) (e.g. GENIUS weights that do not sum to 1).",
    ).optional(),
    utility: utilitySchema.optional(),
    redLines: doc(z.array(redLineSchema), "Outcomes the party will never accept.").optional(),
    provenance: preferencesProvenanceSchema.optional(),
  }),
  "A party's preferences: linear-additive (`weights` and `values`) or a non-linear `utility`.",
  "Preferences",
);

export const partySchema = doc(
  strict({
    id: doc(id("party"), "Unique id of the party."),
    name: doc(text(), "Display name (defaults to the id).").optional(),
    role: doc(
      z.enum(["party", "mediator", "observer"]),
      "party (negotiates for itself, the default), mediator (runs the process, may have stakes) or observer.",
    ).optional(),
    description: text().optional(),
    members: doc(
      z.array(id("member")).min(1, "list at least one member"),
      "For a bloc: the ids of its members (e.g. the governments of a coalition); statements may name the members they speak for.",
    ).optional(),
    preferences: preferencesSchema.optional(),
  }),
  "A party to the negotiation.",
  "Party",
);

// ---- frameworks -------------------------------------------------------------------------------

const dateSchema = (what: string) =>
  doc(z.string({ error: `write the ${what} as YYYY-MM-DD` }).regex(/^\d{4}-\d{2}-\d{2}$/, `write the ${what} as YYYY-MM-DD`), `The ${what}, YYYY-MM-DD.`);

const confidenceSchema = doc(
  z.enum(["H", "M", "L"]),
  "H: reported consistently or on record; M: a single outlet, a leak or anonymous sourcing; L: unverified.",
);

export const frameworkPointSchema = doc(
  strict({
    number: doc(
      z.number().int("a point number must be a whole number").min(1, "a point number must be 1 or more"),
      "The point's number (default: its position, from 1).",
    ).optional(),
    id: doc(id("point"), "Id of the point (default: its number).").optional(),
    text: doc(text(), "The text of the point."),
    sets: doc(z.record(z.string(), labelSchema), "Issue id → the value this point settles.").optional(),
  }),
  "One numbered point of a framework.",
  "FrameworkPoint",
);

export const frameworkSchema = doc(
  strict({
    id: doc(id("framework"), "Unique id of the framework."),
    name: doc(text(), "Display name (defaults to the id).").optional(),
    version: doc(z.union([z.string(), z.number()]), "Version label, e.g. \"2\" or \"draft-3\".").optional(),
    date: doc(
      z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "write the date as YYYY-MM-DD"),
      "Date of the proposal, YYYY-MM-DD.",
    ).optional(),
    author: text().optional(),
    authoredBy: doc(
      z.array(id("party")).min(1, "list at least one party id"),
      "The parties whose own proposal this text is (party ids); `author` is free text.",
    ).optional(),
    source: text().optional(),
    notes: text().optional(),
    basis: doc(
      z.enum(["official", "leaked", "oral", "reconstructed", "undisclosed"]),
      "What the text rests on: an official published text, a leaked copy, an oral description, a text reconstructed from reports, or undisclosed (the text exists but its points are not public: no point may set an issue, and every issue stays open).",
    ).optional(),
    caveats: doc(text(), "What a reader should keep in mind about the text: how it is known, what is uncertain.").optional(),
    confidence: doc(confidenceSchema.optional(), "How well the text is known (H, M or L)."),
    points: doc(z.array(frameworkPointSchema), "The numbered points. Issues no point sets stay open."),
  }),
  "A named, dated proposal made of numbered points.",
  "Framework",
);

// ---- statements and events --------------------------------------------------------------------

export const sourceSchema = doc(
  strict({
    outlet: doc(z.string().min(1, "name the outlet"), "The outlet that reported it (and the wire service, if it cites one)."),
    title: doc(text(), "Title of the report.").optional(),
    url: doc(z.string().min(1, "the url must not be empty"), "Address of the report.").optional(),
    date: dateSchema("date of the report").optional(),
  }),
  "Where a statement or event was reported.",
  "Source",
);

export const subjectSchema = doc(
  choice(
    [
      doc(
        z.string().min(1, "a subject must not be empty"),
        "Shorthand: an issue id, a framework id, or FRAMEWORK/POINT (a framework id and a point id), e.g. 28-point/21.",
      ),
      doc(
        strict({
          framework: doc(id("framework"), "A framework id.").optional(),
          point: doc(
            z.union([z.string().min(1, "the point id must not be empty"), z.number()]),
            "A point id of the framework (a number is read as text), or FRAMEWORK/POINT without `framework`.",
          ).optional(),
          issue: doc(id("issue"), "An issue id.").optional(),
          values: doc(valuesSchema.optional(), "Only these values of the issue: a value, a list, or {min, max}."),
        }),
        "What a statement is about: a framework (and one of its points), and/or an issue (and some of its values).",
      ),
    ],
    {
      select: (x) => (typeof x === "string" ? 0 : isObject(x) ? 1 : undefined),
      expected: "an issue id, a framework id, FRAMEWORK/POINT, or {framework, point, issue, values}",
    },
  ),
  "What a statement is about.",
  "Subject",
);

const stanceSchema = doc(
  z.enum(["accept", "reject", "partial", "conditional", "deny", "process"]),
  "accept, reject, partial (accepts some parts), conditional, deny (denies a report or characterisation) or process (timing, procedure).",
);

export const claimSchema = doc(
  strict({
    stance: stanceSchema,
    about: doc(z.array(subjectSchema).min(1, "say what the claim is about"), "What this stance is about."),
  }),
  "One stance of a statement and the subjects it is about.",
  "Claim",
);

export const statementSchema = doc(
  strict({
    id: doc(id("statement"), "Unique id of the statement; provenance `cites` refer to it."),
    date: dateSchema("date of the statement"),
    speaker: doc(z.string().min(1, "name the speaker"), "Who spoke, with their role."),
    voice: doc(
      z.enum(["principal", "spokesperson", "official", "unnamed", "other"]),
      "The speaker's standing: principal (head of state or government, foreign minister or equivalent speaking for the government), spokesperson (an official spokesperson), official (another named official), unnamed (anonymous or reported officials, unnamed sources) or other.",
    ).optional(),
    party: doc(id("party"), "The party the speaker speaks for (a party id)."),
    members: doc(
      z.array(id("member")).min(1, "list at least one member"),
      "For a bloc party: the members (of the party's `members`) the speaker speaks for. Default: the bloc as a whole.",
    ).optional(),
    paraphrase: doc(z.string().min(1, "the paraphrase must not be empty"), "A neutral paraphrase, in our own words."),
    about: doc(z.array(subjectSchema), "What the statement is about (default: nothing in particular). With `claims`, each claim has its own `about` instead.").optional(),
    stance: doc(stanceSchema, "The statement's stance. Give `stance` or `claims`, not both.").optional(),
    claims: doc(
      z.array(claimSchema).min(1, "list at least one claim"),
      "Several stances, each on its own subjects, e.g. [{stance: deny, about: [...]}, {stance: partial, about: [...]}]. Instead of `stance` and `about`.",
    ).optional(),
    source: sourceSchema,
    confidence: confidenceSchema,
  }),
  "A dated public statement, paraphrased neutrally.",
  "Statement",
);

export const eventSchema = doc(
  strict({
    id: doc(id("event"), "Unique id of the event."),
    date: dateSchema("date of the event (its first day)"),
    endDate: dateSchema("last day of the event").optional(),
    kind: doc(z.enum(["meeting", "draft", "leak", "talks", "statement"]), "meeting, draft, leak, talks or statement."),
    title: doc(z.string().min(1, "the title must not be empty"), "What happened, in a few words."),
    description: text().optional(),
    participants: doc(z.array(id("party")), "Party ids (default: none).").optional(),
    place: text().optional(),
    framework: doc(id("framework"), "The framework a draft or leak is about.").optional(),
    source: sourceSchema,
    confidence: confidenceSchema,
  }),
  "A dated event of the negotiation.",
  "Event",
);

// ---- readings ---------------------------------------------------------------------------------

export const partyReadingSchema = doc(
  strict({
    reservation: doc(
      z.number().min(0, "reservation must be between 0 and 1").max(1, "reservation must be between 0 and 1"),
      "The reservation value under this reading.",
    ).optional(),
    weights: doc(
      z.record(z.string(), z.number().min(0, "a weight must not be negative")),
      "The whole weight map under this reading (issue id → weight ≥ 0), divided by its sum like the party's own.",
    ).optional(),
    values: doc(z.record(z.string(), valueFunctionSchema), "Issue id → the value function (ordering) under this reading; other issues keep theirs.").optional(),
    redLines: doc(
      strict({
        add: doc(z.array(redLineSchema), "Red lines added (an id, when given, must be new to the party).").optional(),
        remove: doc(z.array(id("red line")), "Ids of the party's red lines set aside.").optional(),
        replace: doc(
          z.array(redLineSchema),
          "Red lines that take the place of the party's red line with the same id (each needs an id).",
        ).optional(),
      }),
      "Red lines added, removed (by id) or replaced (by id).",
    ).optional(),
  }),
  "What a reading changes in one party's preferences.",
  "PartyReading",
);

export const readingSchema = doc(
  strict({
    id: doc(id("reading"), "Unique id of the reading; `--reading ID` selects it."),
    label: doc(text(), "A short name (defaults to the id).").optional(),
    description: doc(text(), "What the reading says, and what it changes.").optional(),
    // The Provenance definition itself (doc() on it would replace its description and id).
    provenance: provenanceSchema,
    parties: doc(
      z.record(z.string(), partyReadingSchema),
      "Party id → what the reading changes in that party's preferences.",
    ),
  }),
  "A named alternative reading of the sources: changes to red lines, orderings, weights or reservation values.",
  "Reading",
);

// ---- the file ---------------------------------------------------------------------------------

export const scenarioFileSchema = strict({
  $schema: doc(text(), "The JSON Schema of this file (for editors); ignored by Parley.").optional(),
  parley: doc(
    z.literal(1, { error: "this version of Parley reads scenario format 1: write `parley: 1`" }),
    "The format version: 1.",
  ),
  id: doc(id("scenario"), "Id of the scenario."),
  name: doc(text(), "Display name."),
  description: text().optional(),
  issues: doc(z.array(issueSchema).min(1, "list at least one issue"), "The issues to be negotiated."),
  parties: doc(z.array(partySchema), "The parties, mediators and observers."),
  frameworks: doc(z.array(frameworkSchema), "Proposals made of numbered points.").optional(),
  statements: doc(z.array(statementSchema), "Dated public statements, paraphrased neutrally.").optional(),
  events: doc(z.array(eventSchema), "Dated events: meetings, drafts, leaks, talks.").optional(),
  readings: doc(
    z.array(readingSchema),
    "Named alternative readings of what the sources leave open; none selected is the nominal model.",
  ).optional(),
});

/** The shape of a scenario file that passed the schema. */
export type ScenarioFile = z.input<typeof scenarioFileSchema>;
export type IssueFile = z.input<typeof issueSchema>;
export type PartyFile = z.input<typeof partySchema>;
export type PreferencesFile = z.input<typeof preferencesSchema>;
export type ValueFunctionFile = z.input<typeof valueFunctionSchema>;
export type RedLineFile = z.input<typeof redLineSchema>;
export type ConditionFile = z.input<typeof conditionSchema>;
export type ValuesFile = z.input<typeof valuesSchema>;
export type UtilityFile = z.input<typeof utilitySchema>;
export type BoundFile = z.input<typeof boundSchema>;
export type FrameworkFile = z.input<typeof frameworkSchema>;
export type FrameworkPointFile = z.input<typeof frameworkPointSchema>;
export type LabelFile = z.input<typeof labelSchema>;
export type ProvenanceFile = z.input<typeof provenanceSchema>;
export type PreferencesProvenanceFile = z.input<typeof preferencesProvenanceSchema>;
export type SourceFile = z.input<typeof sourceSchema>;
export type SubjectFile = z.input<typeof subjectSchema>;
export type StatementFile = z.input<typeof statementSchema>;
export type ClaimFile = z.input<typeof claimSchema>;
export type EventFile = z.input<typeof eventSchema>;
export type ReadingFile = z.input<typeof readingSchema>;
export type PartyReadingFile = z.input<typeof partyReadingSchema>;
