// A straightforward reference for seeded simulations: two aspiration negotiators (NegMAS's
// aspiration curve, AC_next) under SAO, written out plainly — every outcome enumerated and
// evaluated, each party's outcomes sorted with Array.prototype.sort, the bid the first outcome at
// or above the aspiration — so that tests pin what `runSimulation` and `parley simulate` produce
// to the last bit.
import type { CompiledScenario, Value } from "@parley/core";

export interface ReferenceEvent {
  readonly seq: number;
  readonly round: number;
  readonly time: number;
  readonly type: string;
  readonly sender: number;
  readonly senderId: string;
  readonly outcome?: Record<string, Value>;
  readonly utilities?: number[];
}

export interface ReferenceRun {
  readonly status: "agreement" | "timeout" | "ended";
  readonly agreement: Record<string, Value> | null;
  readonly utilities: number[];
  readonly rounds: number;
  readonly trace: ReferenceEvent[];
}

export interface ReferenceOptions {
  /** The deadline in rounds. */
  readonly rounds: number;
  /** Party ids in seat order (two). */
  readonly seats: readonly [string, string];
  /** The aspiration exponent x of a(t) = 1 − t^x (both seats; the registry's default is 4). */
  readonly x?: number;
}

const EPS = 1e-12;

/** SAO between two `aspiration(x)` negotiators, as described in docs/simulation.md, without any shortcut. */
export function referenceAspirationSao(compiled: CompiledScenario, options: ReferenceOptions): ReferenceRun {
  const { rounds } = options;
  const x = options.x ?? 4;
  const radices = compiled.radices;
  const decode = (j: number): number[] => {
    const out = new Array<number>(radices.length);
    for (let i = radices.length - 1; i >= 0; i--) {
      out[i] = j % radices[i]!;
      j = Math.floor(j / radices[i]!);
    }
    return out;
  };
  const seats = options.seats.map((id) => {
    const party = compiled.parties.find((p) => p.party.id === id);
    if (!party) throw new Error(`no party ${id}`);
    if (party.redLines.length > 0) throw new Error("the reference has no red lines");
    const u = (o: readonly number[]) => party.utility.evaluate(o);
    // Every outcome by ascending own utility, ties by outcome number.
    const all = Array.from({ length: compiled.size }, (_, j) => ({ j, u: u(decode(j)) }));
    all.sort((a, b) => a.u - b.u || a.j - b.j);
    const floor = Math.max(party.reservation, all[0]!.u);
    const top = all[all.length - 1]!.u;
    const target = (t: number) => floor + (top - floor) * (1 - Math.pow(Math.min(1, Math.max(0, t)), x));
    const bid = (t: number): number[] => {
      const level = Math.max(target(t) - EPS, floor);
      // The first outcome worth at least the level (binary search), the best when none is.
      let lo = 0;
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (all[mid]!.u < level) lo = mid + 1;
        else hi = mid;
      }
      return decode(all[Math.min(lo, all.length - 1)]!.j);
    };
    const accepts = (o: readonly number[], t: number) => {
      const mine = u(o);
      return mine >= party.reservation && mine >= target(t) - EPS;
    };
    return { id, u, bid, accepts, reservation: party.reservation, hopeless: !(top >= party.reservation) };
  });
  const record = (o: readonly number[]) => Object.fromEntries(compiled.issues.map((issue, i) => [issue.id, compiled.values[i]![o[i]!]!]));
  const trace: ReferenceEvent[] = [];
  let round = 0;
  const time = () => Math.min(1, round / rounds);
  const emit = (type: string, sender: number, o?: readonly number[]) =>
    trace.push({
      seq: trace.length,
      round,
      time: time(),
      type,
      sender,
      senderId: sender >= 0 ? seats[sender]!.id : "protocol",
      ...(o ? { outcome: record(o), utilities: seats.map((s) => s.u(o)) } : {}),
    });

  let cur = 0;
  let status: ReferenceRun["status"] = "timeout";
  let agreement: number[] | null = null;
  if (rounds > 0)
    for (;;) {
      // `cur` proposes (or ends when nothing is acceptable to it).
      if (seats[cur]!.hopeless) {
        emit("end", cur);
        status = "ended";
        break;
      }
      const offer = seats[cur]!.bid(time());
      const author = cur;
      cur = 1 - cur;
      if (cur === 0) round++;
      emit("offer", author, offer);
      if (round >= rounds) {
        emit("timeout", -1);
        break;
      }
      // The other seat answers.
      if (!seats[cur]!.hopeless && seats[cur]!.accepts(offer, time())) {
        emit("accept", cur, offer);
        emit("agreement", -1, offer);
        status = "agreement";
        agreement = offer;
        break;
      }
      emit("reject", cur, offer);
    }
  return {
    status,
    agreement: agreement ? record(agreement) : null,
    utilities: seats.map((s) => (agreement ? s.u(agreement) : s.reservation)),
    rounds: Math.min(rounds, round + (status === "timeout" ? 0 : 1)),
    trace,
  };
}
