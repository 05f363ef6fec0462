import { createRng, deriveSeed } from "../../random/rng.js";
import { didYouMean } from "../../text/suggest.js";
import type { Outcome } from "../types.js";
import { ProtocolViolation, type ProtocolMachine } from "./protocol.js";
import { saoProtocol } from "./sao.js";
import { shuttleProtocol } from "./shuttle.js";
import { singleTextProtocol, type SingleTextMediator } from "./single-text.js";
import { stackedProtocol } from "./stacked.js";

export type ProtocolName = "sao" | "stacked" | "single-text" | "shuttle";

/** Everything the protocols of the registry may need; each takes what applies to it. */
export interface ProtocolSettings {
  /** Deadline in rounds. */
  readonly rounds: number;
  /** Seeds the mediator's random source (single-text); the same seed gives the same run. Default 0. */
  readonly seed?: number;
  /** Shuttle: seats asked only to ratify the result. */
  readonly exclude?: readonly number[];
  /** Single-text: how the mediator picks changes. */
  readonly mediator?: SingleTextMediator;
  /** Single-text: the number of options of every issue (required by it: `compiled.radices`). */
  readonly radices?: readonly number[];
  /** Single-text and shuttle: the opening text or draft. */
  readonly start?: Outcome;
}

export interface ProtocolEntry {
  readonly name: ProtocolName;
  readonly description: string;
  /** How many seats it accepts. */
  readonly minSeats: number;
  readonly maxSeats: number;
  /** Whether a mediator inside the protocol runs it (single text, shuttle). */
  readonly mediated: boolean;
  readonly create: (seats: number, settings: ProtocolSettings) => ProtocolMachine;
}

/** The stream of the mediator's random source, kept apart from the seats' (deriveSeed(seed, seat)). */
export const MEDIATOR_STREAM = 0x6d656469;

/** The protocols by name, for the CLI and tournaments. */
export const protocolRegistry: Readonly<Record<ProtocolName, ProtocolEntry>> = {
  sao: {
    name: "sao",
    description: "bilateral stacked alternating offers",
    minSeats: 2,
    maxSeats: 2,
    mediated: false,
    create: (seats, s) => saoProtocol(seats, { rounds: s.rounds }),
  },
  stacked: {
    name: "stacked",
    description: "multilateral stacked alternating offers (n ≥ 2)",
    minSeats: 2,
    maxSeats: Infinity,
    mediated: false,
    create: (seats, s) => stackedProtocol(seats, { rounds: s.rounds }),
  },
  "single-text": {
    name: "single-text",
    description: "mediated single negotiating text, vetoes and a final ratification",
    minSeats: 1,
    maxSeats: Infinity,
    mediated: true,
    create: (seats, s) => {
      if (!s.radices) throw new ProtocolViolation("the single-text protocol needs the outcome space (radices)");
      return singleTextProtocol(seats, {
        rounds: s.rounds,
        radices: s.radices,
        rng: createRng(deriveSeed(s.seed ?? 0, MEDIATOR_STREAM)),
        ...(s.mediator ? { mediator: s.mediator } : {}),
        ...(s.start ? { start: s.start } : {}),
      });
    },
  },
  shuttle: {
    name: "shuttle",
    description: "shuttle mediation over included seats, ratification by excluded seats",
    minSeats: 1,
    maxSeats: Infinity,
    mediated: true,
    create: (seats, s) =>
      shuttleProtocol(seats, { rounds: s.rounds, ...(s.exclude ? { exclude: s.exclude } : {}), ...(s.start ? { start: s.start } : {}) }),
  },
};

export const protocolNames = Object.keys(protocolRegistry) as ProtocolName[];

export function isProtocolName(name: string): name is ProtocolName {
  return Object.prototype.hasOwnProperty.call(protocolRegistry, name);
}

/**
 * A protocol factory for `runNegotiation`'s `protocol` option: `createProtocol("stacked", { rounds: 100 })`.
 * Throws ProtocolViolation for an unknown name, or when the number of seats does not fit.
 */
export function createProtocol(name: string, settings: ProtocolSettings): (seats: number) => ProtocolMachine {
  if (!isProtocolName(name)) throw new ProtocolViolation(`unknown protocol "${name}".${didYouMean(name, protocolNames)} Protocols: ${protocolNames.join(", ")}.`);
  const entry = protocolRegistry[name];
  return (seats: number) => {
    if (seats < entry.minSeats || seats > entry.maxSeats)
      throw new ProtocolViolation(
        `the ${name} protocol needs ${entry.maxSeats === entry.minSeats ? entry.minSeats : `at least ${entry.minSeats}`} seat${entry.minSeats === 1 && entry.maxSeats === 1 ? "" : "s"}, got ${seats}`,
      );
    return entry.create(seats, settings);
  };
}
