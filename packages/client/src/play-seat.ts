// Bring your own agent: playSeat plays one seat of a live room with any core Negotiator, from
// anywhere the server can be reached. The negotiator gets an AgentContext over the seat's OWN
// submitted preferences (as the room's view returns them to that seat) and the scenario's outcome
// space; it is asked to propose or respond exactly when the room waits for this seat, and it
// observes the public offers and answers of the others. Reconnects are the stream's business; the
// seat asks for the view again after every hello, so a dropped action is decided again.
import {
  compileScenario,
  compileSeatPreferences,
  createAgentContext,
  createRng,
  deriveSeed,
  outcomeFromIndices,
  outcomeIndices,
  pointRatings,
  type AgentContext,
  type CompiledScenario,
  type Negotiator,
  type NegotiatorFactory,
  type Outcome,
  type Preferences,
  type RoomEvent,
  type RoomPackage,
  type RoomStatus,
  type RoomView,
  type SeatJudge,
} from "@parley/core";
import type { RoomClient } from "./client.js";
import { isTransient, retryTransient, RoomApiError } from "./errors.js";
import type { StreamOptions } from "./stream.js";
import type { RoomAction } from "./types.js";

export interface PlaySeatOptions {
  /** The seat's own preferences (the native format's party-preferences object), submitted if the seat has not submitted yet. */
  readonly preferences?: Readonly<Record<string, unknown>>;
  /** Seeds the negotiator's random source, with the seat index (default 0). */
  readonly seed?: number;
  /** Options of the event stream (backoff, idle timeout, give-up time). */
  readonly stream?: StreamOptions;
  /** Every event the seat sees, in seq order. */
  readonly onEvent?: (event: RoomEvent) => void;
  /** Every command the seat sends, with the view it decided on. */
  readonly onAction?: (action: RoomAction, view: RoomView) => void;
  /** Stops playing (the promise then rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** How long the set-up calls (view, preferences, scenario) retry while the server is away (default 60 s). */
  readonly setupRetryMs?: number;
}

export interface SeatResult {
  readonly party: string;
  readonly status: RoomStatus;
  readonly agreement: RoomPackage | null;
  /** The settled package (the agreement, or an adopted improvement). */
  readonly final: RoomPackage | null;
  readonly reason: string | null;
  /** The seat's own utility of the final package (null without one) and its reservation value. */
  readonly utility: number | null;
  readonly reservation: number | null;
  /** The room's last seq, and the commands this seat sent. */
  readonly seq: number;
  readonly actions: number;
}

const OVER: ReadonlySet<RoomStatus> = new Set(["settled", "failed", "closed"]);
/** Refusals that only mean the room moved on meanwhile: decide again on the next view. */
const RACES = new Set(["PARLEY_ROOM_NOT_YOUR_TURN", "PARLEY_ROOM_NOT_NOW"]);
/** How long the seat waits before looking again after the server failed to answer (also: at the next event or hello). */
const RETRY_MS = 250;

interface Seat {
  readonly party: string;
  readonly index: number;
  readonly compiled: CompiledScenario;
  readonly ctx: AgentContext;
  readonly judge: SeatJudge;
  readonly negotiator: Negotiator;
  /** The last public offer seen (what a public accept or reject answers). */
  last: Outcome | null;
}

/**
 * Plays the seat `client` holds (it must have joined with a seat invite) until the room ends, and
 * returns the result as the seat sees it.
 */
export async function playSeat(client: RoomClient, factory: NegotiatorFactory, options: PlaySeatOptions = {}): Promise<SeatResult> {
  const retry = <T>(fn: () => Promise<T>) => retryTransient(fn, options.setupRetryMs ?? 60_000);
  let got = await retry(() => client.view());
  const party = got.party;
  if (got.role !== "seat" || !party) throw new RoomApiError(403, "PARLEY_ROOM_FORBIDDEN", `playSeat needs a seat's token (this one is the ${got.role}'s)`);
  const submitted = got.view.seats.find((s) => s.party === party)?.preferencesSubmitted;
  if (!submitted && !OVER.has(got.view.status)) {
    if (!options.preferences) throw new RoomApiError(400, "PARLEY_ROOM_BAD_PREFERENCES", `seat ${party} has not submitted its preferences: pass options.preferences`);
    const preferences = options.preferences;
    // Submitted twice (a reply lost to a restart) is refused as not now: the first one stands.
    await retry(() => client.submitPreferences(preferences)).catch((e: unknown) => {
      if (!(e instanceof RoomApiError && e.code === "PARLEY_ROOM_NOT_NOW")) throw e;
    });
    got = await retry(() => client.view());
  }
  const seat = await retry(() => seatOf(client, got.view, party, factory, options.seed ?? 0));

  let actions = 0;
  let last: RoomView = got.view;
  let actedOn = -1;
  let thinking: Promise<void> | null = null;
  let again = false;
  let failure: unknown = null;
  let lookLater: ReturnType<typeof setTimeout> | null = null;
  const stream = client.stream({
    ...options.stream,
    onHello: (hello) => {
      options.stream?.onHello?.(hello);
      think();
    },
  });
  const stop = (e: unknown) => {
    failure ??= e;
    stream.close();
  };
  options.signal?.addEventListener("abort", () => stop(options.signal!.reason ?? new Error("aborted")));

  // One decision at a time; events that arrive meanwhile ask for one more look.
  const think = () => {
    if (thinking) {
      again = true;
      return;
    }
    thinking = (async () => {
      do {
        again = false;
        try {
          await look();
        } catch (e) {
          if (e instanceof RoomApiError && RACES.has(e.code)) continue;
          if (isTransient(e)) {
            // The server is away or busy: look again soon (and at the next event or hello).
            if (!lookLater) lookLater = setTimeout(() => ((lookLater = null), think()), RETRY_MS);
            continue;
          }
          stop(e);
          return;
        }
      } while (again);
    })().finally(() => (thinking = null));
  };
  const look = async () => {
    const v = (await client.view()).view;
    last = v;
    if (OVER.has(v.status)) return stream.close();
    if (!v.turn.parties.includes(party) || v.seq === actedOn) return;
    const action = decide(seat, v);
    if (!action) return;
    actedOn = v.seq;
    options.onAction?.(action, v);
    actions++;
    try {
      await client.act(action);
    } catch (e) {
      // Not applied (unless the reply alone was lost: then the next view has moved on): decide again.
      if (!(e instanceof RoomApiError && RACES.has(e.code))) actedOn = -1;
      throw e;
    }
  };

  for await (const event of stream) {
    options.onEvent?.(event);
    observe(seat, event, last);
    think();
  }
  while (thinking) await thinking;
  if (lookLater) clearTimeout(lookLater);
  if (failure) throw failure;
  const you = last.you;
  return {
    party,
    status: last.status,
    agreement: last.agreement,
    final: last.final,
    reason: last.reason,
    utility: you?.utility.final ?? null,
    reservation: you?.utility.reservation ?? null,
    seq: last.seq,
    actions,
  };
}

/** The seat's negotiator over its own preferences, in the room's outcome space. */
async function seatOf(client: RoomClient, view: RoomView, party: string, factory: NegotiatorFactory, seed: number): Promise<Seat> {
  const own = view.you?.preferences;
  const { scenario } = await client.scenario(view.scenario.id, view.scenario.version);
  // The scenario's model of this party is replaced by what the seat submitted: the agent plays its own preferences.
  const mine = own ? { ...scenario, parties: scenario.parties.map((p) => (p.id === party ? { ...p, preferences: own as Preferences } : p)) } : scenario;
  const compiled = compileScenario(mine);
  const partyIndex = compiled.parties.findIndex((p) => p.party.id === party);
  const index = view.seats.findIndex((s) => s.party === party);
  if (partyIndex < 0 || index < 0) throw new RoomApiError(400, "PARLEY_ROOM_FORBIDDEN", `party ${party} is not a seat of this room's scenario`);
  const ctx = createAgentContext(compiled, partyIndex, index, view.seats.length, createRng(deriveSeed(seed, index)), view.rounds);
  const negotiator = factory(ctx);
  negotiator.start?.(ctx);
  const judge = own ? compileSeatPreferences(compiled, own) : { utility: ctx.utility, reservation: ctx.reservation, crossings: (o: Outcome) => (ctx.crossesRedLine(o) ? 1 : 0) };
  return { party, index, compiled, ctx, judge, negotiator, last: null };
}

/** What the negotiator may learn from an event: the others' public offers and answers. */
function observe(seat: Seat, event: RoomEvent, view: RoomView): void {
  const n = seat.negotiator;
  if (!n.observe || event.actor.role !== "seat" || event.actor.party === seat.party) return;
  const from = view.seats.findIndex((s) => s.party === (event.actor as { party: string }).party);
  const round = view.round;
  const time = timeOf(view);
  const pub = event.public as { package?: RoomPackage; response?: string };
  if (event.type === "offer" && pub.package) {
    seat.last = outcomeIndices(seat.compiled, pub.package);
    n.observe({ type: "offer", from, outcome: seat.last, round, time });
  } else if (event.type === "response" && (pub.response === "accept" || pub.response === "reject") && seat.last) {
    n.observe({ type: pub.response, from, outcome: seat.last, round, time });
  }
}

const timeOf = (v: RoomView) => (v.rounds > 0 ? Math.min(1, v.round / v.rounds) : 0);

/** The seat's command for this view (the room waits for it), or null when there is nothing to say. */
function decide(seat: Seat, v: RoomView): RoomAction | null {
  const { negotiator: n, compiled } = seat;
  const nv = { round: v.round, rounds: v.rounds, time: timeOf(v) };
  const o = (p: RoomPackage) => outcomeIndices(compiled, p);
  const pkg = (x: Outcome) => outcomeFromIndices(compiled, x) as RoomPackage;
  const counter = (r: "accept" | "reject" | "end"): RoomAction => {
    if (r !== "reject") return { type: "respond", response: r };
    const p = n.propose(nv);
    return p ? { type: "offer", package: pkg(p) } : { type: "respond", response: "end" };
  };
  // A ratification is the final decision: the negotiator votes as in the last round, as the server's agent seats do.
  const last = Math.max(0, v.rounds - 1);
  const final = { round: last, rounds: v.rounds, time: v.rounds > 0 ? last / v.rounds : 0 };
  if (v.status === "ratifying" && v.ratification) return { type: "ratify", vote: n.respond(final, o(v.ratification.package), -1) === "accept" ? "accept" : "reject" };
  if (v.status === "improving" && v.improvement && v.agreement) {
    const imp = o(v.improvement.package);
    const better = seat.judge.crossings(imp) === 0 && seat.judge.utility(imp) > seat.judge.utility(o(v.agreement));
    return { type: "improvement-vote", vote: better ? "accept" : "keep" };
  }
  if (v.status !== "running") return null;
  if (v.protocol === "single-text") {
    if (!v.draft) return null;
    const draft = o(v.draft.package);
    const overall = n.respond(nv, draft, -1) === "accept" ? "accept" : "reject";
    const ratings = pointRatings(seat.judge, compiled.radices, draft);
    const points: Record<string, { rating: (typeof ratings)[number] }> = {};
    compiled.issues.forEach((issue, i) => (points[issue.id] = { rating: ratings[i]! }));
    return { type: "rate", draft: v.draft.number, points, overall };
  }
  if (v.protocol === "shuttle") {
    const on = v.you?.consultedOn;
    if (on) return counter(n.respond(nv, o(on), -1));
  } else if (v.offer && v.offer.party !== seat.party) {
    const from = v.seats.findIndex((s) => s.party === v.offer!.party);
    return counter(n.respond(nv, o(v.offer.package), from));
  }
  const p = n.propose(nv);
  return p ? { type: "offer", package: pkg(p) } : { type: "respond", response: "end" };
}
