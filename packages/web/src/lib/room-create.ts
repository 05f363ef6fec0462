// The "Start a live room" form's request (POST /api/rooms, docs/rooms.md), built from what the form
// holds: pure, so the form's rules are tested without a browser.
import type { RoomCreateRequest } from "../api/types.js";

export type RoomProtocol = "single-text" | "sao" | "stacked" | "shuttle";

export interface RoomForm {
  readonly scenario: string;
  readonly version: number;
  readonly protocol: RoomProtocol;
  /** party id → "" (not seated), "human", or an agent spec; in the scenario's party order. */
  readonly seats: Readonly<Record<string, string>>;
  readonly mediator: "human" | "engine";
  /** The deadline fields as typed ("" = not set). */
  readonly rounds: string;
  readonly seconds: string;
  /** Seats that only ratify (shuttle). */
  readonly excluded: readonly string[];
}

/** A problem the form finds before asking the server: the field it belongs to and what is wrong. */
export interface FormProblem {
  readonly field: "seats" | "rounds" | "seconds" | "excluded";
  readonly message: string;
}

const MEDIATED: readonly RoomProtocol[] = ["single-text", "shuttle"];

function positiveInt(text: string, field: "rounds" | "seconds"): number | FormProblem | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isInteger(n) && n > 0 ? n : { field, message: `${field} must be a whole number above 0 (got "${t}")` };
}

/** The request, or the problems that keep the form from sending it. */
export function roomCreateRequest(form: RoomForm): { request: RoomCreateRequest } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const seats: Record<string, string> = {};
  for (const [party, spec] of Object.entries(form.seats)) if (spec.trim() !== "") seats[party] = spec.trim();
  if (Object.keys(seats).length < 2) problems.push({ field: "seats", message: "seat at least two parties (a person or an agent each)" });
  const rounds = positiveInt(form.rounds, "rounds");
  const seconds = positiveInt(form.seconds, "seconds");
  for (const v of [rounds, seconds]) if (typeof v === "object") problems.push(v);
  const excluded = form.protocol === "shuttle" ? form.excluded.filter((p) => p in seats) : [];
  if (excluded.length > 0 && excluded.length >= Object.keys(seats).length) problems.push({ field: "excluded", message: "at least one seat must stay at the table" });
  if (problems.length > 0) return { problems };
  const deadline = { ...(typeof rounds === "number" ? { rounds } : {}), ...(typeof seconds === "number" ? { seconds } : {}) };
  return {
    request: {
      scenario: form.scenario,
      version: form.version,
      protocol: form.protocol,
      seats,
      ...(MEDIATED.includes(form.protocol) ? { mediator: form.mediator } : {}),
      ...(Object.keys(deadline).length > 0 ? { deadline } : {}),
      ...(excluded.length > 0 ? { excluded } : {}),
    },
  };
}

/** The invites of a room just created in this tab (one-time secrets, kept in memory only), handed to its convener console. */
const fresh = new Map<string, Readonly<Record<string, string>>>();
export function keepFreshInvites(room: string, invites: Readonly<Record<string, string>>): void {
  fresh.set(room, invites);
}

/** A room's fresh invites (its console shows them; the server keeps only their hashes): human seats first, then the mediator. */
export function freshInvites(room: string): { key: string; who: string; invite: string }[] {
  const invites = fresh.get(room) ?? {};
  return Object.entries(invites)
    .sort(([a], [b]) => (a === "mediator" ? 1 : 0) - (b === "mediator" ? 1 : 0))
    .map(([who, invite]) => (who === "mediator" ? { key: "mediator", who: "the mediator", invite } : { key: `seat:${who}`, who: `the seat of ${who}`, invite }));
}
