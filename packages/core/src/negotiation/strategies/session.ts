import type { AgentContext } from "../negotiator.js";
import type { Outcome } from "../types.js";
import { acceptableOutcomes, type AcceptableOutcomes } from "./acceptable-outcomes.js";
import type { OpponentModel, OpponentModelFactory } from "./models/opponent-model.js";

/** An offer another seat made, as this negotiator saw it. */
export interface ReceivedOffer {
  readonly from: number;
  readonly outcome: Outcome;
  /** Own utility of the outcome. */
  readonly utility: number;
  readonly round: number;
  readonly time: number;
}

/** An offer this negotiator made. */
export interface SentOffer {
  readonly outcome: Outcome;
  readonly utility: number;
  readonly round: number;
  readonly time: number;
}

/**
 * What a BOA negotiator knows during one run, shared by its offering policy, acceptance condition
 * and opponent models: its own acceptable outcomes and the history of offers. Logs are
 * append-only, so a part that needs incremental statistics keeps a cursor into them.
 */
export interface BoaSession {
  readonly ctx: AgentContext;
  /** Own outcomes that cross no red line, sorted by utility. */
  readonly outcomes: AcceptableOutcomes;
  /** The lowest utility a rational offer may have: max(reservation, worst acceptable outcome). */
  readonly floor: number;
  /** The best acceptable utility (NaN when every outcome crosses a red line). */
  readonly top: number;
  /** Offers made by the other seats, oldest first. Texts from a mediator (from −1) are not offers. */
  readonly received: readonly ReceivedOffer[];
  /** Own offers, oldest first. */
  readonly sent: readonly SentOffer[];
  /** The seats that have made offers, in the order of their first offer. */
  readonly opponents: readonly number[];
  /** The latest and the first offer of a seat. */
  latest(seat: number): ReceivedOffer | undefined;
  first(seat: number): ReceivedOffer | undefined;
  /** The received offer best for this negotiator (the earliest among equals). */
  best(): ReceivedOffer | undefined;
  /** The model of a seat (undefined without a model factory or before that seat's first offer). */
  model(seat: number): OpponentModel | undefined;
  /** Whether the negotiator models its opponents. */
  readonly modelled: boolean;
  /**
   * The estimated utility of an outcome for the opponents: the minimum over the modelled seats
   * (the least satisfied one decides in a multilateral agreement); NaN when nothing is modelled yet.
   */
  opponentUtility(outcome: Outcome): number;
  /** The mixed-radix number of an outcome (last issue fastest): a compact key for sets. */
  numberOf(outcome: Outcome): number;
}

/** The session plus the writers only the negotiator itself calls. */
export interface BoaSessionWriter {
  readonly session: BoaSession;
  /** Record an offer received from another seat (updates its opponent model). */
  receive(outcome: Outcome, from: number, round: number, time: number, utility: number): ReceivedOffer;
  /** Record an own offer. */
  send(outcome: Outcome, round: number, time: number): void;
}

export function createBoaSession(ctx: AgentContext, modelFactory?: OpponentModelFactory): BoaSessionWriter {
  const outcomes = acceptableOutcomes(ctx);
  const radices = ctx.values.map((v) => v.length);
  const received: ReceivedOffer[] = [];
  const sent: SentOffer[] = [];
  const opponents: number[] = [];
  const latest = new Map<number, ReceivedOffer>();
  const first = new Map<number, ReceivedOffer>();
  const models = new Map<number, OpponentModel>();
  const modelList: OpponentModel[] = [];
  let best: ReceivedOffer | undefined;

  const session: BoaSession = {
    ctx,
    outcomes,
    floor: outcomes.size ? Math.max(ctx.reservation, outcomes.min) : ctx.reservation,
    top: outcomes.max,
    received,
    sent,
    opponents,
    latest: (seat) => latest.get(seat),
    first: (seat) => first.get(seat),
    best: () => best,
    model: (seat) => models.get(seat),
    modelled: modelFactory !== undefined,
    opponentUtility(outcome) {
      let m = Number.NaN;
      for (const model of modelList) {
        if (model.observations === 0) continue;
        const u = model.utility(outcome);
        if (!(u >= m)) m = u;
      }
      return m;
    },
    numberOf(outcome) {
      let x = 0;
      for (let i = 0; i < radices.length; i++) x = x * radices[i]! + outcome[i]!;
      return x;
    },
  };

  return {
    session,
    receive(outcome, from, round, time, utility) {
      const offer: ReceivedOffer = { from, outcome, utility, round, time };
      received.push(offer);
      if (!first.has(from)) {
        first.set(from, offer);
        opponents.push(from);
      }
      latest.set(from, offer);
      if (!best || utility > best.utility) best = offer;
      if (modelFactory) {
        let model = models.get(from);
        if (!model) {
          model = modelFactory(ctx);
          models.set(from, model);
          modelList.push(model);
        }
        model.update(outcome, time);
      }
      return offer;
    },
    send(outcome, round, time) {
      sent.push({ outcome, utility: ctx.utility(outcome), round, time });
    },
  };
}
