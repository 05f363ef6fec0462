import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileScenario,
  compileSeatPreferences,
  engineMoves,
  outcomeIndicesAt,
  roomSuggestions,
  type Preferences,
  type RoomSuggestion,
  type SeatJudge,
} from "@parley/core";
import { human, mediator, roomSpec, RoomDriver, seat } from "../../test/room-fixtures.js";
import { arbitraryRoomSpec, compiled3f, driveRandomly } from "../../test/room-random.js";
import { randomAdditiveScenario } from "../../test/random-additive.js";

const code = (fn: () => unknown, c: string) => expect(fn).toThrow(expect.objectContaining({ code: c }));

/** A random space with 2–3 human seats whose submitted preferences differ from the model (reservation values, a red line). */
const arbitraryRoom = fc
  .record({
    issues: fc.integer({ min: 2, max: 4 }),
    options: fc.integer({ min: 2, max: 4 }),
    parties: fc.integer({ min: 2, max: 3 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    reservations: fc.array(fc.double({ min: 0, max: 0.6, noNaN: true }), { minLength: 3, maxLength: 3 }),
    redLines: fc.array(fc.option(fc.tuple(fc.nat(3), fc.nat(3)), { nil: undefined }), { minLength: 3, maxLength: 3 }),
    disclosure: fc.constantFrom("aggregates", "none") as fc.Arbitrary<"aggregates" | "none">,
    moves: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((r) => {
    const scenario = randomAdditiveScenario(r.issues, r.options, r.parties, r.seed);
    const compiled = compileScenario(scenario);
    const prefs: Preferences[] = scenario.parties.map((p, k) => {
      const line = r.redLines[k];
      const issue = line ? scenario.issues[line[0] % r.issues]! : undefined;
      return {
        ...p.preferences!,
        reservation: r.reservations[k]!,
        ...(line && issue?.kind === "categorical" ? { redLines: [{ kind: "forbid" as const, issue: issue.id, values: [issue.options[line[1] % r.options]!] }] } : {}),
      };
    });
    return { ...r, compiled, prefs };
  });

/** Every outcome's utility vector, whether it is rational for every seat (no red line, at or above the reservation). */
function bruteForce(compiled: ReturnType<typeof compileScenario>, judges: readonly SeatJudge[]) {
  const all: { o: number[]; u: number[]; rational: boolean }[] = [];
  for (let j = 0; j < compiled.size; j++) {
    const o = Array.from(outcomeIndicesAt(compiled, j));
    const u = judges.map((s) => s.utility(o));
    all.push({ o, u, rational: judges.every((s, k) => s.crossings(o) === 0 && u[k]! >= s.reservation) });
  }
  const rational = all.filter((x) => x.rational);
  const dominated = (a: number[]) => rational.some((b) => b.u.every((v, k) => v >= a[k]!) && b.u.some((v, k) => v > a[k]!));
  const frontier = rational.filter((x) => !dominated(x.u));
  return { all, frontier };
}

const utilities = (judges: readonly SeatJudge[], compiled: ReturnType<typeof compileScenario>, s: RoomSuggestion) =>
  judges.map((j) => j.utility(compiled.issues.map((issue, i) => compiled.values[i]!.indexOf(s.package[issue.id]!))));

describe("engine suggestions for a human mediator", () => {
  it("Nash, Kalai–Smorodinsky and the improvement are the brute-force optima over the seats' private preferences; counts only under aggregates", () => {
    const seen = { nash: 0, noNash: 0, improvement: 0, noImprovement: 0 };
    fc.assert(
      fc.property(arbitraryRoom, (r) => {
        const parties = r.compiled.scenario.parties.map((p) => p.id);
        const room = new RoomDriver(r.compiled, roomSpec(parties.map((p) => human(p)), { protocol: "single-text", mediator: "human", disclosure: r.disclosure, deadline: { rounds: 4 } }));
        parties.forEach((p, k) => {
          code(() => roomSuggestions(room.state), "PARLEY_ROOM_NOT_NOW");
          room.seat(p, r.prefs[k]!);
        });
        room.auto();
        const judges = r.prefs.map((p) => compileSeatPreferences(r.compiled, p));
        const { frontier } = bruteForce(r.compiled, judges);
        const d = judges.map((j) => j.reservation);
        const check = () => {
          const s = roomSuggestions(room.state);
          expect(s.seq).toBe(room.state.seq);
          // Nash: no rational outcome has a larger product of gains.
          if (frontier.length === 0) {
            expect(s.nash).toBeNull();
            seen.noNash++;
          } else {
            seen.nash++;
            const product = (u: number[]) => u.reduce((p, x, k) => p * (x - d[k]!), 1);
            const best = Math.max(...frontier.map((x) => product(x.u)));
            expect(product(utilities(judges, r.compiled, s.nash!))).toBeCloseTo(best, 9);
            // Kalai–Smorodinsky: the smallest spread of normalised gains on the frontier.
            const ideal = judges.map((_, k) => Math.max(...frontier.map((x) => x.u[k]!)));
            const spread = (u: number[]) => {
              const a = u.map((x, k) => (ideal[k]! - d[k]! > 0 ? (x - d[k]!) / (ideal[k]! - d[k]!) : 1));
              return Math.max(...a) - Math.min(...a);
            };
            const ks = utilities(judges, r.compiled, s.kalaiSmorodinsky!);
            expect(spread(ks)).toBeCloseTo(Math.min(...frontier.map((x) => spread(x.u))), 9);
            expect(frontier.some((x) => x.u.every((v, k) => Math.abs(v - ks[k]!) < 1e-12))).toBe(true);
          }
          // The improvement: every seat strictly better off than the settled package, the largest product of gains.
          const settled = room.state.final ?? room.state.agreement;
          if (!settled) expect(s).not.toHaveProperty("improvement");
          else {
            const base = judges.map((j) => j.utility(settled));
            const { all } = bruteForce(r.compiled, judges);
            const better = all.filter((x) => judges.every((j, k) => j.crossings(x.o) === 0 && x.u[k]! > base[k]! + 1e-12));
            if (better.length === 0) {
              expect(s.improvement).toBeNull();
              seen.noImprovement++;
            } else {
              seen.improvement++;
              const gains = (u: number[]) => u.reduce((p, x, k) => p * (x - base[k]!), 1);
              expect(gains(utilities(judges, r.compiled, s.improvement!))).toBeCloseTo(Math.max(...better.map((x) => gains(x.u))), 9);
            }
          }
          // What the mediator learns of the seats: counts under aggregates, nothing under none.
          for (const x of [s.nextText, s.nash, s.kalaiSmorodinsky, s.improvement]) {
            if (!x) continue;
            if (r.disclosure === "none") expect(x).toEqual({ package: x.package });
            else {
              const u = utilities(judges, r.compiled, x);
              const o = r.compiled.issues.map((issue, i) => r.compiled.values[i]!.indexOf(x.package[issue.id]!));
              expect(x.seats).toEqual({
                atOrAboveWalkAway: u.filter((v, k) => v >= d[k]!).length,
                crossingRedLines: judges.filter((j) => j.crossings(o) > 0).length,
                of: judges.length,
              });
            }
          }
        };
        // The mediator publishes a package of its own first, then (or not) the engine's next texts; the
        // seats accept; then the ratification.
        const own = outcomeIndicesAt(r.compiled, r.moves % r.compiled.size);
        const follow = r.moves % 3;
        for (let round = 0; round <= follow && room.state.status === "running"; round++) {
          check();
          const next = round === 0 ? { package: Object.fromEntries(r.compiled.issues.map((issue, i) => [issue.id, r.compiled.values[i]![own[i]!]!])) } : roomSuggestions(room.state).nextText;
          if (!next) break;
          room.act(mediator, { type: "publish-draft", package: next.package });
          for (const p of parties) room.act(seat(p), { type: "rate", party: p, points: {}, overall: "accept" });
          room.auto();
        }
        if (room.state.status === "running" && room.state.text) room.act(mediator, { type: "call-ratification" });
        for (const p of parties) if (room.state.status === "ratifying") room.act(seat(p), { type: "ratify", party: p, vote: "accept" });
        check();
      }),
      { numRuns: 60 },
    );
    // Not vacuous: each branch was taken.
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  });

  it("the next text is the draft the engine mediator would publish in the same room", () => {
    const engineRooms = arbitraryRoomSpec.filter((s) => s.protocol === "single-text" && s.mediator === "engine");
    let compared = 0;
    fc.assert(
      fc.property(engineRooms, fc.integer({ min: 0, max: 1_000_000 }), (spec, seed) => {
        const room = new RoomDriver(compiled3f, spec);
        driveRandomly(room, seed, 400, (r) => {
          if (r.state.status !== "running" || r.state.draft) return;
          const moves = engineMoves(r.state);
          const s = roomSuggestions(r.state);
          const move = moves[0]!.command;
          expect(s.nextText ?? null).toEqual(move.type === "publish-draft" ? expect.objectContaining({ package: move.package }) : null);
          compared++;
        });
      }),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(40);
  });

  it("is not offered before the room starts, and leaves out what does not apply", () => {
    const room = new RoomDriver(compiled3f, roomSpec([human("P"), human("Q"), human("R")], { protocol: "shuttle", mediator: "human" }));
    code(() => roomSuggestions(room.state), "PARLEY_ROOM_NOT_NOW");
    for (const p of ["P", "Q", "R"]) room.seat(p, compiled3f.scenario.parties.find((x) => x.id === p)!.preferences!);
    room.auto();
    const s = roomSuggestions(room.state);
    expect(s).not.toHaveProperty("nextText"); // shuttle: no single text
    expect(s).not.toHaveProperty("improvement"); // no agreement yet
    expect(s.nash).not.toBeNull();
  });
});
