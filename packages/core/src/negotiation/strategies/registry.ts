import { ParleyError } from "../../errors.js";
import type { NegotiatorFactory } from "../negotiator.js";
import { acAlways } from "./acceptance/ac-always.js";
import { acCombi } from "./acceptance/ac-combi.js";
import { acConst } from "./acceptance/ac-const.js";
import { acNext } from "./acceptance/ac-next.js";
import { acProbabilistic } from "./acceptance/ac-probabilistic.js";
import { acTime } from "./acceptance/ac-time.js";
import type { AcceptanceFactory } from "./acceptance/acceptance-condition.js";
import { boaNegotiator } from "./boa-negotiator.js";
import { bayesianModel } from "./models/bayesian.js";
import { frequencyModel } from "./models/frequency.js";
import type { OpponentModelFactory } from "./models/opponent-model.js";
import { aspirationOffering } from "./offering/aspiration.js";
import { bestOffering } from "./offering/best-offer.js";
import { consensusOffering } from "./offering/consensus.js";
import { microOffering } from "./offering/micro.js";
import { niceTitForTatOffering } from "./offering/nice-tit-for-tat.js";
import { randomOffering } from "./offering/random-offering.js";
import { timeDependentOffering } from "./offering/time-dependent.js";
import { titForTatOffering } from "./offering/tit-for-tat.js";
import { resolveParameters, type ParameterSpecs, type ParameterValues } from "./parameters.js";
import { didYouMean } from "../../text/suggest.js";

/** A named negotiator: what it does, where it comes from, its parameters and how to make it. */
export interface NegotiatorEntry<S extends ParameterSpecs = ParameterSpecs> {
  readonly description: string;
  /** The paper or system the strategy comes from. */
  readonly source: string;
  /** It never offers nor accepts an outcome below its reservation value or across its red lines. */
  readonly rational: boolean;
  readonly parameters: S;
  /** A factory for the given (validated, complete) parameters; every call of it makes a fresh negotiator. */
  create(params: ParameterValues<S>): NegotiatorFactory;
}

const define = <const S extends ParameterSpecs>(entry: NegotiatorEntry<S>): NegotiatorEntry<S> => entry;

const models = { none: undefined, frequency: frequencyModel(), bayesian: bayesianModel() } as const satisfies Record<
  string,
  OpponentModelFactory | undefined
>;
const modelParameter = {
  type: "enum",
  values: ["none", "frequency", "bayesian"],
  default: "none",
  description: "opponent model; with one, the bid is the one the opponent likes most among those just above the target",
} as const;
const exponent = (value: number) =>
  ({
    type: "number",
    min: 0,
    default: value,
    description: "concession exponent e: < 1 Boulware, 1 linear, > 1 Conceder, 0 never concedes",
  }) as const;
const initialConcession = { type: "number", min: 0, max: 1, default: 0, description: "initial concession k" } as const;

const timeBased = (e: number, k: number, model: keyof typeof models) => {
  const m = models[model];
  return boaNegotiator({ offering: timeDependentOffering({ e, k }), acceptance: acNext(), ...(m ? { model: m } : {}) });
};
const faratin = "Faratin, Sierra & Jennings 1998 (GENIUS TimeDependentAgent)";

/**
 * Every built-in negotiator by name. Names and parameters are what the CLI's `--agents` and
 * parseAgentSpec accept: `boulware`, `conceder(e=3)`, `boa(model=bayesian, ac=combi)`.
 * Documented with formulas in docs/strategies.md.
 */
export const negotiatorRegistry = {
  boulware: define({
    description: "time-dependent concession that holds out until near the deadline (e < 1); accepts at or above its target (AC_next)",
    source: faratin,
    rational: true,
    parameters: { e: exponent(0.2), k: initialConcession, model: modelParameter },
    create: (p) => timeBased(p.e, p.k, p.model),
  }),
  linear: define({
    description: "time-dependent concession at a constant rate (e = 1); AC_next",
    source: faratin,
    rational: true,
    parameters: { k: initialConcession, model: modelParameter },
    create: (p) => timeBased(1, p.k, p.model),
  }),
  conceder: define({
    description: "time-dependent concession that gives ground early (e > 1); AC_next",
    source: faratin,
    rational: true,
    parameters: { e: exponent(2), k: initialConcession, model: modelParameter },
    create: (p) => timeBased(p.e, p.k, p.model),
  }),
  hardliner: define({
    description: "offers only its best outcome and accepts only offers as good (e = 0)",
    source: `${faratin}; NegMAS ToughNegotiator`,
    rational: true,
    parameters: {},
    create: () => timeBased(0, 0, "none"),
  }),
  aspiration: define({
    description: "NegMAS aspiration curve a(t) = 1 − t^x scaled between its reservation value and its best (x = 4 Boulware, 1 linear, 0.25 Conceder); AC_next",
    source: "NegMAS AspirationNegotiator / PolyAspiration, ExpAspiration",
    rational: true,
    parameters: {
      x: { type: "number", min: 0, minExclusive: true, infinite: true, default: 4, description: "aspiration exponent (inverse of Faratin's e)" },
      curve: { type: "enum", values: ["poly", "exp"], default: "poly", description: "poly: 1 − t^x; exp: (e^((1−t)^x) − 1)/(e − 1)" },
      max: { type: "number", min: 0, minExclusive: true, max: 1, default: 1, description: "aspiration at t = 0, as a fraction of the utility range" },
    },
    create: (p) => boaNegotiator({ offering: aspirationOffering({ x: p.x, curve: p.curve, max: p.max }), acceptance: acNext() }),
  }),
  random: define({
    description: "zero intelligence: offers uniformly random outcomes at or above its reservation value, accepts such offers with probability p",
    source: "Gode & Sunder 1993 (zero-intelligence traders); NegMAS RandomNegotiator",
    rational: true,
    parameters: { p: { type: "number", min: 0, max: 1, default: 0.5, description: "probability of accepting an offer at or above its reservation value" } },
    create: (p) => boaNegotiator({ offering: randomOffering(), acceptance: acProbabilistic(p.p) }),
  }),
  nice: define({
    description: "accepts anything, offers its best (a lower-bound baseline; not rational)",
    source: "NegMAS NiceNegotiator; GENIUS ImmediateAcceptor",
    rational: false,
    parameters: {},
    create: () => boaNegotiator({ offering: bestOffering(), acceptance: acAlways(), rational: false }),
  }),
  "tit-for-tat": define({
    description: "naive relative tit-for-tat: concedes in its own utility what the opponent's last offer conceded in it; AC_next",
    source: "Faratin, Sierra & Jennings 1998; Baarslag, Hindriks & Jonker 2013; NegMAS NaiveTitForTatNegotiator",
    rational: true,
    parameters: {
      kindness: { type: "number", min: 0, default: 0, description: "reciprocate (1 + kindness) times the opponent's concession" },
      punish: { type: "boolean", default: false, description: "raise its target when the opponent's offer gets worse" },
      initial: { type: "number", min: 0, max: 1, default: 0.05, description: "concession (fraction of its range) at the opponent's first offer" },
    },
    create: (p) => boaNegotiator({ offering: titForTatOffering({ kindness: p.kindness, punish: p.punish, initial: p.initial }), acceptance: acNext() }),
  }),
  "nice-tit-for-tat": define({
    description: "reciprocates the opponent's concession relative to the estimated Nash point (opponent model), never backtracks; AC_combi",
    source: "Baarslag, Hindriks & Jonker 2013 (Nice Tit for Tat)",
    rational: true,
    parameters: {
      model: { type: "enum", values: ["bayesian", "frequency"], default: "bayesian", description: "opponent model used to estimate the Nash point and pick bids" },
      T: { type: "number", min: 0, max: 1, default: 0.98, description: "AC_combi: after time T accept the best offer of the recent window" },
    },
    create: (p) =>
      boaNegotiator({ offering: niceTitForTatOffering(), acceptance: acCombi({ T: p.T }), model: models[p.model] }),
  }),
  micro: define({
    description: "MiCRO: concedes one outcome at a time only while the opponents have made as many distinct offers; accepts what it would offer next",
    source: "de Jonge 2022 (MiCRO)",
    rational: true,
    parameters: {},
    create: () => boaNegotiator({ offering: microOffering(), acceptance: acNext() }),
  }),
  consensus: define({
    description: "multilateral time-dependent concession that offers what the most opponents are expected to accept (per-opponent models); AC_next",
    source: "Parley (after Faratin et al. 1998 and multilateral frequency models, cf. Atlas3)",
    rational: true,
    parameters: {
      e: exponent(0.5),
      model: { type: "enum", values: ["frequency", "bayesian"], default: "frequency", description: "per-opponent model" },
    },
    create: (p) => boaNegotiator({ offering: consensusOffering({ e: p.e }), acceptance: acNext(), model: models[p.model] }),
  }),
  boa: define({
    description: "a BOA composition: time-dependent bidding, an opponent model, and a chosen acceptance condition",
    source: "Baarslag, Hindriks, Hendrikx, Dirkzwager & Jonker 2014 (BOA); HardHeaded (van Krimpen et al. 2013) with the defaults",
    rational: true,
    parameters: {
      e: exponent(0.2),
      k: initialConcession,
      model: { ...modelParameter, default: "frequency" },
      ac: { type: "enum", values: ["next", "const", "time", "combi"], default: "combi", description: "acceptance condition AC_next, AC_const(alpha), AC_time(T) or AC_combi(T, MAX^W)" },
      alpha: { type: "number", min: 0, max: 1, default: 0.9, description: "AC_const threshold" },
      T: { type: "number", min: 0, max: 1, default: 0.98, description: "AC_time / AC_combi time" },
    },
    create: (p) => {
      const acceptance: AcceptanceFactory =
        p.ac === "next" ? acNext() : p.ac === "const" ? acConst(p.alpha) : p.ac === "time" ? acTime(p.T) : acCombi({ T: p.T });
      const m = models[p.model];
      return boaNegotiator({ offering: timeDependentOffering({ e: p.e, k: p.k }), acceptance, ...(m ? { model: m } : {}) });
    },
  }),
} as const;

/** The name of a built-in negotiator. */
export type NegotiatorName = keyof typeof negotiatorRegistry;

/** The parameters of a built-in negotiator. */
export type NegotiatorParameters<N extends NegotiatorName> = (typeof negotiatorRegistry)[N] extends NegotiatorEntry<infer S>
  ? ParameterValues<S>
  : never;

/** Every registered name, in registry order. */
export const negotiatorNames = Object.keys(negotiatorRegistry) as NegotiatorName[];

export function isNegotiatorName(name: string): name is NegotiatorName {
  return Object.prototype.hasOwnProperty.call(negotiatorRegistry, name);
}

/** The entry of a name; throws PARLEY_ERR_UNKNOWN_STRATEGY (listing the names, suggesting the closest). */
export function negotiatorEntry(name: string): NegotiatorEntry {
  if (!isNegotiatorName(name))
    throw new ParleyError(
      "PARLEY_ERR_UNKNOWN_STRATEGY",
      `unknown negotiator "${name}".${didYouMean(name, negotiatorNames)} Known negotiators: ${negotiatorNames.join(", ")}.`,
    );
  return negotiatorRegistry[name] as unknown as NegotiatorEntry;
}

/**
 * A negotiator factory by name, with parameters checked and defaults filled in. Throws ParleyError
 * PARLEY_ERR_UNKNOWN_STRATEGY or PARLEY_ERR_BAD_PARAMETER.
 */
export function createNegotiator<N extends NegotiatorName>(name: N, params?: Partial<NegotiatorParameters<N>>): NegotiatorFactory;
export function createNegotiator(name: string, params?: Readonly<Record<string, unknown>>): NegotiatorFactory;
export function createNegotiator(name: string, params: Readonly<Record<string, unknown>> = {}): NegotiatorFactory {
  const entry = negotiatorEntry(name);
  return entry.create(resolveParameters(name, entry.parameters, params));
}
