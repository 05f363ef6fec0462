import { describe, expect, it } from "vitest";
import {
  createProtocol,
  engineMoves,
  negotiatorFromSpec,
  replayRoom,
  roomView,
  runNegotiation,
  type CompiledScenario,
  type Preferences,
  type RoomEvent,
  type RoomSeatSpec,
} from "@parley/core";
import { compiled2, compiled3, threeParties } from "../../test/negotiation-fixtures.js";
import { agent, engine, human, mediator, roomSpec, RoomDriver, seat } from "../../test/room-fixtures.js";

const prefsOf = (party: string): Preferences => threeParties.parties.find((p) => p.id === party)!.preferences!;

/** The room's offers and responses as `kind:seat[:package]`, the same shape as simulation traces below. */
function roomMoves(events: readonly RoomEvent[], seats: readonly string[]): string[] {
  return events.flatMap((e) => {
    if (e.type === "offer") {
      const p = e.public as { party: string; package?: Record<string, unknown> };
      return [`offer:${seats.indexOf(p.party)}:${JSON.stringify(p.package)}`];
    }
    if (e.type === "response") {
      const p = e.public as { party: string; response?: string };
      return [`${p.response}:${seats.indexOf(p.party)}`];
    }
    return [];
  });
}

function simulated(compiled: CompiledScenario, protocol: "sao" | "stacked", agents: readonly string[], rounds: number, seed: number) {
  const r = runNegotiation(
    compiled,
    agents.map((a) => negotiatorFromSpec(a)),
    { protocol: createProtocol(protocol, { rounds }), seed },
  );
  const moves = r.trace.flatMap((e) =>
    e.type === "offer" ? [`offer:${e.sender}:${JSON.stringify(e.outcome)}`] : e.type === "accept" || e.type === "reject" || e.type === "end" ? [`${e.type}:${e.sender}`] : [],
  );
  return { result: r, moves };
}

describe("rooms under alternating offers: agent seats play as in a simulation", () => {
  const cases: { compiled: CompiledScenario; protocol: "sao" | "stacked"; agents: string[]; rounds: number; seed: number }[] = [
    { compiled: compiled2, protocol: "sao", agents: ["boulware", "conceder"], rounds: 12, seed: 7 },
    { compiled: compiled2, protocol: "sao", agents: ["hardliner", "hardliner"], rounds: 5, seed: 3 },
    { compiled: compiled3, protocol: "stacked", agents: ["linear", "conceder(e=3)", "random(p=0.3)"], rounds: 15, seed: 11 },
    { compiled: compiled3, protocol: "stacked", agents: ["boulware", "nice-tit-for-tat", "micro"], rounds: 30, seed: 5 },
  ];
  for (const c of cases)
    it(`${c.protocol} ${c.agents.join(" / ")}: the same moves and outcome as runNegotiation`, () => {
      const parties = c.compiled.parties.map((p) => p.party.id);
      const room = new RoomDriver(
        c.compiled,
        roomSpec(
          c.agents.map((a, k) => agent(parties[k]!, a)),
          { protocol: c.protocol, deadline: { rounds: c.rounds }, seed: c.seed },
        ),
      );
      room.auto();
      const sim = simulated(c.compiled, c.protocol, c.agents, c.rounds, c.seed);
      expect(sim.moves.length).toBeGreaterThan(2);
      expect(roomMoves(room.events, parties)).toEqual(sim.moves);
      const end = room.events.at(-1)!;
      if (sim.result.status === "agreement") {
        expect(room.types()).toContain("agreement");
        expect(room.state.agreement && roomView(room.state, { role: "observer" }).agreement).toEqual(sim.result.agreement);
      } else {
        expect(end.type).toBe("no-agreement");
        expect((end.public as { reason: string }).reason).toBe(sim.result.status);
      }
    });
});

describe("a sao room with a person and an agent", () => {
  const open = () => {
    const room = new RoomDriver(compiled2, roomSpec([human("P"), agent("Q", "hardliner")], { deadline: { rounds: 3 } }));
    return room;
  };

  it("waits for the person to join and submit preferences, then starts; the person offers, the agent answers", () => {
    const room = open();
    expect(engineMoves(room.state)).toEqual([]);
    expect(roomView(room.state, { role: "observer" }).turn.parties).toEqual(["P"]);
    room.seat("P", prefsOf("P"));
    expect(engineMoves(room.state)).toEqual([{ actor: engine, command: { type: "start" } }]);
    room.auto();
    expect(room.state.status).toBe("running");
    expect(roomView(room.state, seat("P")).turn.parties).toEqual(["P"]);
    room.act(seat("P"), { type: "offer", party: "P", package: { a: "x", b: "x" } });
    room.auto();
    // Hardliner rejects and counters with its best (z, y); P accepts it.
    expect(roomView(room.state, seat("P")).offer).toEqual({ party: "Q", package: { a: "z", b: "y" } });
    room.act(seat("P"), { type: "respond", party: "P", response: "accept" });
    expect(room.types().slice(-2)).toEqual(["response", "agreement"]);
    expect(room.state.status === "settled" || room.state.status === "improving").toBe(true);
  });

  it("a counter-offer rejects the standing offer in the same command", () => {
    const room = open();
    room.seat("P", prefsOf("P"));
    room.auto();
    room.act(seat("P"), { type: "offer", party: "P", package: { a: "x", b: "x" } });
    room.auto();
    const events = room.act(seat("P"), { type: "offer", party: "P", package: { a: "y", b: "x" } });
    expect(events.map((e) => [e.type, e.public])).toEqual([
      ["response", { party: "P", response: "reject" }],
      ["offer", { party: "P", package: { a: "y", b: "x" } }],
    ]);
  });

  it("ending gives no agreement (ended), and the room then refuses every command", () => {
    const room = open();
    room.seat("P", prefsOf("P"));
    room.auto();
    room.act(seat("P"), { type: "respond", party: "P", response: "end" });
    expect(room.events.at(-1)!.public).toEqual({ reason: "ended" });
    expect(room.state.status).toBe("failed");
    expect(() => room.act(seat("P"), { type: "offer", party: "P", package: { a: "x", b: "x" } })).toThrow(expect.objectContaining({ code: "PARLEY_ROOM_OVER" }));
  });

  it("times out at the deadline in rounds", () => {
    const room = open();
    room.seat("P", prefsOf("P"));
    room.auto();
    for (let k = 0; k < 3 && room.state.status === "running"; k++) {
      room.act(seat("P"), { type: "offer", party: "P", package: { a: "x", b: "x" } });
      room.auto();
    }
    expect(room.events.at(-1)!.public).toEqual({ reason: "timeout" });
  });

  it("every rule violation has its code", () => {
    const room = open();
    const code = (fn: () => unknown, c: string) => expect(fn).toThrow(expect.objectContaining({ code: c }));
    code(() => room.act(seat("P"), { type: "submit-preferences", party: "P", preferences: prefsOf("P") }), "PARLEY_ROOM_NOT_NOW"); // before joining
    code(() => room.act(seat("Q"), { type: "join", party: "P" }), "PARLEY_ROOM_FORBIDDEN");
    code(() => room.act(seat("Q"), { type: "join", party: "Q" }), "PARLEY_ROOM_FORBIDDEN"); // an agent's seat
    code(() => room.act(seat("X"), { type: "join", party: "X" }), "PARLEY_ROOM_FORBIDDEN");
    code(() => room.act(engine, { type: "start" }), "PARLEY_ROOM_NOT_NOW");
    code(() => room.act(seat("P"), { type: "offer", party: "P", package: { a: "x", b: "x" } }), "PARLEY_ROOM_NOT_NOW");
    room.act(seat("P"), { type: "join", party: "P" });
    code(() => room.act(seat("P"), { type: "join", party: "P" }), "PARLEY_ROOM_NOT_NOW");
    const bad = { utility: { kind: "linear-additive", weights: { nope: 1 }, values: {} } } as Preferences;
    code(() => room.act(seat("P"), { type: "submit-preferences", party: "P", preferences: bad }), "PARLEY_ROOM_BAD_PREFERENCES");
    code(() => room.act(seat("P"), { type: "submit-preferences", party: "P", preferences: { ...prefsOf("P"), reservation: 2 } }), "PARLEY_ROOM_BAD_PREFERENCES");
    room.act(seat("P"), { type: "submit-preferences", party: "P", preferences: prefsOf("P") });
    code(() => room.act(seat("P"), { type: "start" }), "PARLEY_ROOM_FORBIDDEN");
    room.auto();
    code(() => room.act(seat("P"), { type: "submit-preferences", party: "P", preferences: prefsOf("P") }), "PARLEY_ROOM_NOT_NOW");
    code(() => room.act(seat("P"), { type: "offer", party: "P", package: { a: "x" } }), "PARLEY_ROOM_BAD_PACKAGE");
    code(() => room.act(seat("P"), { type: "offer", party: "P", package: { a: "x", b: "q" } }), "PARLEY_ROOM_BAD_PACKAGE");
    code(() => room.act(seat("P"), { type: "offer", party: "P", package: { a: "x", b: "x", c: "x" } }), "PARLEY_ROOM_BAD_PACKAGE");
    code(() => room.act(seat("P"), { type: "respond", party: "P", response: "accept" }), "PARLEY_ROOM_NOT_NOW"); // nothing to accept yet
    code(() => room.act(seat("Q"), { type: "offer", party: "Q", package: { a: "x", b: "x" } }), "PARLEY_ROOM_NOT_YOUR_TURN");
    code(() => room.act(mediator, { type: "publish-draft", package: { a: "x", b: "x" } }), "PARLEY_ROOM_FORBIDDEN");
    code(() => room.act(seat("P"), { type: "rate", party: "P", points: {}, overall: "accept" }), "PARLEY_ROOM_FORBIDDEN");
    code(() => room.act(seat("P"), { type: "message", to: "mediator", text: "hi" }), "PARLEY_ROOM_FORBIDDEN");
    code(() => room.act(engine, { type: "deadline" }), "PARLEY_ROOM_NOT_NOW"); // no wall-clock deadline
    code(() => room.act(seat("P"), { type: "improvement-vote", party: "P", vote: "accept" }), "PARLEY_ROOM_NOT_NOW");
    code(() => room.act(seat("P"), { type: "close" }), "PARLEY_ROOM_FORBIDDEN");
    room.act({ role: "convener" }, { type: "close", reason: "test" });
    expect(room.state.status).toBe("closed");
    code(() => room.act({ role: "convener" }, { type: "close" }), "PARLEY_ROOM_OVER");
  });

  it("a bad spec is refused with PARLEY_ROOM_BAD_SPEC", () => {
    const spec = (seats: RoomSeatSpec[], extra = {}) => () => new RoomDriver(compiled3, roomSpec(seats, extra));
    const bad = (fn: () => unknown) => expect(fn).toThrow(expect.objectContaining({ code: "PARLEY_ROOM_BAD_SPEC" }));
    bad(spec([human("P"), human("Q"), human("R")])); // sao is bilateral
    bad(spec([human("P"), human("P")]));
    bad(spec([human("P"), human("nobody")]));
    bad(spec([human("P"), agent("Q", "nosuch")]));
    bad(spec([human("P"), human("Q", true)]));
    bad(spec([human("P"), human("Q")], { mediator: "human" }));
    bad(spec([human("P"), human("Q")], { deadline: { rounds: 0 } }));
    bad(spec([human("P"), human("Q")], { protocol: "single-text", mediator: "none" }));
    bad(spec([human("P"), human("Q")], { protocol: "single-text", mediator: "engine", opening: "nosuch" }));
    bad(spec([human("P", true)], { protocol: "shuttle", mediator: "engine" }));
  });

  it("the wall-clock deadline: refused before it, no agreement (timeout) after it", () => {
    const room = new RoomDriver(compiled2, roomSpec([human("P"), agent("Q", "hardliner")], { deadline: { rounds: 10, seconds: 60 } }));
    room.seat("P", prefsOf("P"));
    room.auto();
    expect(room.state.deadlineAt).toBe(new Date(Date.parse(room.events.find((e) => e.type === "room-started")!.at) - 1000 + 60_000).toISOString());
    expect(() => room.act(engine, { type: "deadline" })).toThrow(expect.objectContaining({ code: "PARLEY_ROOM_NOT_NOW" }));
    expect(() => room.act(seat("P"), { type: "deadline" })).toThrow(expect.objectContaining({ code: "PARLEY_ROOM_FORBIDDEN" }));
    room.clock += 120_000;
    room.act(engine, { type: "deadline" });
    expect(room.events.at(-1)!.public).toEqual({ reason: "timeout" });
  });

  it("replay of the events gives the same view and the same engine moves", () => {
    const room = open();
    room.seat("P", prefsOf("P"));
    room.auto();
    room.act(seat("P"), { type: "offer", party: "P", package: { a: "x", b: "x" } });
    room.auto();
    const again = replayRoom(compiled2, room.events);
    for (const v of [seat("P"), seat("Q"), { role: "observer" } as const]) expect(roomView(again, v)).toEqual(roomView(room.state, v));
    expect(engineMoves(again)).toEqual(engineMoves(room.state));
  });
});

describe("a log that does not replay", () => {
  const played = () => {
    const room = new RoomDriver(compiled2, roomSpec([agent("P", "boulware"), agent("Q", "conceder")], { deadline: { rounds: 12 } }));
    room.auto();
    return room;
  };
  const diverged = (fn: () => unknown) => expect(fn).toThrow(expect.objectContaining({ code: "PARLEY_ROOM_REPLAY_DIVERGED" }));

  it("a gap in the sequence numbers, a log without room-created, an event out of turn", () => {
    const { events } = played();
    diverged(() => replayRoom(compiled2, [events[0]!, ...events.slice(2)]));
    diverged(() => replayRoom(compiled2, events.slice(1)));
    diverged(() => replayRoom(compiled2, []));
    const i = events.findIndex((e) => e.type === "response");
    const swapped = { ...events[i]!, public: { ...(events[i]!.public as object), party: "P" } } as RoomEvent;
    diverged(() => replayRoom(compiled2, [...events.slice(0, i), swapped, ...events.slice(i + 1)]));
  });

  it("an agent seat's logged answer that is not the one its strategy computes", () => {
    const { events } = played();
    const i = events.findIndex((e) => e.type === "offer" && (e.public as { party: string }).party === "Q");
    const p = events[i]!.public as { party: string; package: Record<string, string> };
    const other = { ...p.package, a: p.package["a"] === "x" ? "y" : "x" };
    const forged = { ...events[i]!, public: { ...p, package: other } } as RoomEvent;
    diverged(() => replayRoom(compiled2, [...events.slice(0, i), forged, ...events.slice(i + 1)]));
    expect(() => replayRoom(compiled2, events)).not.toThrow();
  });
});
