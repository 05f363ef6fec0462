import { describe, expect, it } from "vitest";
import { compileScenario, improvementOf, outcomeIndicesAt, roomView, visibleEvent, type Preferences, type SeatJudge } from "@parley/core";
import fc from "fast-check";
import { agent, engine, human, mediator, roomSpec, RoomDriver, seat } from "../../test/room-fixtures.js";
import { compiled3f } from "../../test/room-random.js";
import { randomAdditiveScenario } from "../../test/random-additive.js";
import { compileSeatPreferences } from "./judge.js";

const prefsOf = (party: string): Preferences => compiled3f.scenario.parties.find((p) => p.id === party)!.preferences!;
const code = (fn: () => unknown, c: string) => expect(fn).toThrow(expect.objectContaining({ code: c }));
const observer = { role: "observer" } as const;

/** Shuttle: P and Q at the table (people), R excluded (must ratify), a human mediator. */
function shuttleRoom(r: "human" | string = "human", extra = {}) {
  const rSeat = r === "human" ? human("R", true) : agent("R", r, true);
  const room = new RoomDriver(compiled3f, roomSpec([human("P"), human("Q"), rSeat], { protocol: "shuttle", mediator: "human", deadline: { rounds: 5 }, ...extra }));
  room.seat("P", prefsOf("P"));
  room.seat("Q", prefsOf("Q"));
  if (r === "human") room.seat("R", prefsOf("R"));
  room.auto();
  return room;
}

describe("a shuttle room", () => {
  it("consultations and drafts are private to the consulted seat and the mediator; the excluded seat ratifies", () => {
    const room = shuttleRoom();
    expect(roomView(room.state, observer).turn.parties).toEqual(["P"]);
    code(() => room.act(seat("Q"), { type: "offer", party: "Q", package: { a: "x", b: "x", c: "x" } }), "PARLEY_ROOM_NOT_YOUR_TURN");
    code(() => room.act(seat("P"), { type: "respond", party: "P", response: "accept" }), "PARLEY_ROOM_NOT_NOW");
    const [offer, consult] = room.act(seat("P"), { type: "offer", party: "P", package: { a: "y", b: "x", c: "y" } });
    expect(offer!.public).toEqual({ party: "P" });
    expect(offer!.private!.audience).toEqual([{ party: "P" }, { mediator: true }]);
    expect(consult!.actor).toEqual(engine);
    expect(consult!.public).toEqual({ party: "Q" });
    expect(consult!.private).toEqual({ audience: [{ party: "Q" }, { mediator: true }], body: { package: { a: "y", b: "x", c: "y" } } });
    expect(visibleEvent(offer!, seat("Q")).private).toBeUndefined();
    expect(visibleEvent(consult!, seat("P")).private).toBeUndefined();
    expect(visibleEvent(consult!, seat("R")).private).toBeUndefined();
    expect(visibleEvent(consult!, mediator).private).toBeDefined();
    expect(roomView(room.state, seat("Q")).you!.consultedOn).toEqual({ a: "y", b: "x", c: "y" });
    expect(roomView(room.state, seat("P")).you).not.toHaveProperty("consultedOn");
    expect(roomView(room.state, mediator).shuttleDraft).toEqual({ a: "y", b: "x", c: "y" });
    expect(roomView(room.state, observer)).not.toHaveProperty("shuttleDraft");
    expect(JSON.stringify(roomView(room.state, observer))).not.toContain('"y","c"');

    // Private messages, mediator ⇄ seat; a seat never writes to another seat.
    const [msg] = room.act(mediator, { type: "message", to: "Q", text: "P could live with b = y" });
    expect(msg!.public).toEqual({ from: "mediator", to: "Q" });
    expect(visibleEvent(msg!, seat("Q")).private!.body).toEqual({ text: "P could live with b = y" });
    expect(visibleEvent(msg!, seat("P")).private).toBeUndefined();
    room.act(seat("R"), { type: "message", to: "mediator", text: "c matters to us", package: { a: "y", b: "z", c: "y" } });
    code(() => room.act(seat("Q"), { type: "message", to: "P", text: "hello" }), "PARLEY_ROOM_FORBIDDEN");
    code(() => room.act(mediator, { type: "message", to: "nobody", text: "hello" }), "PARLEY_ROOM_FORBIDDEN");
    code(() => room.act(seat("R"), { type: "ratify", party: "R", vote: "accept" }), "PARLEY_ROOM_NOT_NOW");

    // Q accepts: the table agrees; R (excluded) ratifies the draft, now public.
    const events = room.act(seat("Q"), { type: "respond", party: "Q", response: "accept" });
    expect(events.map((e) => e.type)).toEqual(["response", "ratification-called"]);
    expect(events[0]!.public).toEqual({ party: "Q" });
    expect(events[1]!.public).toEqual({ package: { a: "y", b: "x", c: "y" } });
    expect(roomView(room.state, observer).turn.parties).toEqual(["R"]);
    code(() => room.act(seat("P"), { type: "ratify", party: "P", vote: "accept" }), "PARLEY_ROOM_FORBIDDEN");
    room.act(seat("R"), { type: "ratify", party: "R", vote: "accept" });
    expect(room.types()).toContain("agreement");
  });

  it("an excluded seat that rejects the agreed draft: no agreement (rejected)", () => {
    const room = shuttleRoom();
    room.act(seat("P"), { type: "offer", party: "P", package: { a: "y", b: "x", c: "y" } });
    room.act(seat("Q"), { type: "respond", party: "Q", response: "accept" });
    room.act(seat("R"), { type: "ratify", party: "R", vote: "reject" });
    expect(room.events.at(-1)!.public).toEqual({ reason: "rejected" });
  });

  it("an excluded agent seat ratifies by its strategy (a hardliner rejects what is not its best)", () => {
    const room = shuttleRoom("hardliner");
    room.act(seat("P"), { type: "offer", party: "P", package: { a: "x", b: "y", c: "x" } });
    room.act(seat("Q"), { type: "respond", party: "Q", response: "accept" });
    room.auto();
    expect(room.types().slice(-2)).toEqual(["ratified", "no-agreement"]);
    expect(room.events.at(-2)!.public).toEqual({ party: "R", vote: "reject" });
  });

  it("with an opening text, the first seat is consulted at the start; a rejection asks it for a counter-draft", () => {
    const room = shuttleRoom("human", { opening: "f" });
    const consult = room.events.find((e) => e.type === "offer")!;
    expect(consult.actor).toEqual(engine);
    expect(consult.public).toEqual({ party: "P" });
    room.act(seat("P"), { type: "respond", party: "P", response: "reject" });
    expect(roomView(room.state, observer).turn.parties).toEqual(["P"]);
    room.act(seat("P"), { type: "offer", party: "P", package: { a: "x", b: "y", c: "x" } });
    expect(roomView(room.state, observer).turn.parties).toEqual(["Q"]);
  });
});

/** Two seats who each care about one issue: the agreement (y, y) leaves room for (x, z), better for both. */
const logroll = compileScenario({
  id: "logroll",
  name: "Logroll",
  issues: [
    { kind: "categorical", id: "a", options: ["x", "y", "z"] },
    { kind: "categorical", id: "b", options: ["x", "y", "z"] },
  ],
  parties: [
    { id: "P", name: "P", role: "party", preferences: { utility: { kind: "linear-additive", weights: { a: 0.8, b: 0.2 }, values: { a: { kind: "table", scores: { x: 1, y: 0.5 } }, b: { kind: "table", scores: { x: 1, y: 0.5 } } } } } },
    { id: "Q", name: "Q", role: "party", preferences: { utility: { kind: "linear-additive", weights: { a: 0.2, b: 0.8 }, values: { a: { kind: "table", scores: { z: 1, y: 0.5 } }, b: { kind: "table", scores: { z: 1, y: 0.5 } } } } } },
  ],
  frameworks: [],
});
const lprefs = (party: string) => logroll.scenario.parties.find((p) => p.id === party)!.preferences!;

describe("post-settlement improvement", () => {
  const agreed = (q: "human" | string = "human") => {
    const room = new RoomDriver(logroll, roomSpec([human("P"), q === "human" ? human("Q") : agent("Q", q)], { deadline: { rounds: 10, seconds: 600 } }));
    room.seat("P", lprefs("P"));
    if (q === "human") room.seat("Q", lprefs("Q"));
    room.auto();
    room.act(seat("P"), { type: "offer", party: "P", package: { a: "y", b: "y" } });
    if (q === "human") room.act(seat("Q"), { type: "respond", party: "Q", response: "accept" });
    else room.auto();
    return room;
  };

  it("after an agreement, the engine proposes the package both prefer; private votes; all accept → adopted", () => {
    const room = agreed();
    expect(room.types().slice(-2)).toEqual(["agreement", "improvement-proposed"]);
    expect(room.events.at(-1)!.public).toEqual({ package: { a: "x", b: "z" } });
    expect(room.state.status).toBe("improving");
    expect(roomView(room.state, seat("P")).you!.utility).toMatchObject({ agreement: 0.5, improvement: 0.8 });
    code(() => room.act(seat("P"), { type: "offer", party: "P", package: { a: "x", b: "x" } }), "PARLEY_ROOM_NOT_NOW");
    const [vote] = room.act(seat("P"), { type: "improvement-vote", party: "P", vote: "accept" });
    expect(vote!.public).toEqual({ party: "P" });
    expect(visibleEvent(vote!, seat("Q")).private).toBeUndefined();
    expect(roomView(room.state, seat("P")).you!.improvementVote).toBe("accept");
    expect(roomView(room.state, seat("Q")).you).not.toHaveProperty("improvementVote");
    code(() => room.act(seat("P"), { type: "improvement-vote", party: "P", vote: "keep" }), "PARLEY_ROOM_NOT_NOW");
    room.act(seat("Q"), { type: "improvement-vote", party: "Q", vote: "accept" });
    expect(room.events.at(-1)!.public).toEqual({ adopted: true, package: { a: "x", b: "z" } });
    expect(roomView(room.state, observer)).toMatchObject({ status: "settled", agreement: { a: "y", b: "y" }, final: { a: "x", b: "z" } });
  });

  it("one 'keep' keeps the agreement; an agent seat accepts an improvement that is better for it", () => {
    const room = agreed("nice");
    expect(room.state.status).toBe("improving");
    room.auto(); // the agent votes
    expect(room.state.improvement!.votes).toEqual({ Q: "accept" });
    room.act(seat("P"), { type: "improvement-vote", party: "P", vote: "keep" });
    expect(room.events.at(-1)!.public).toEqual({ adopted: false, package: { a: "y", b: "y" } });
    expect(roomView(room.state, observer).final).toEqual({ a: "y", b: "y" });
  });

  it("the wall-clock deadline while improving keeps the agreement", () => {
    const room = agreed();
    room.clock += 3_600_000;
    room.act(engine, { type: "deadline" });
    expect(room.events.at(-1)!.public).toEqual({ adopted: false, package: { a: "y", b: "y" } });
    expect(room.state.status).toBe("settled");
  });

  it("improvementOf equals a brute-force search (random additive scenarios)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 3 }), fc.nat(1_000_000), fc.nat(), (issues, options, parties, seed, at) => {
        const compiled = compileScenario(randomAdditiveScenario(issues, options, parties, seed));
        const judges: SeatJudge[] = compiled.parties.map((p) => compileSeatPreferences(compiled, p.party.preferences!));
        const agreement = Array.from(outcomeIndicesAt(compiled, at % compiled.size));
        const base = judges.map((j) => j.utility(agreement));
        let best: { o: number[]; v: number } | null = null;
        for (let k = 0; k < compiled.size; k++) {
          const o = Array.from(outcomeIndicesAt(compiled, k));
          const gains = judges.map((j, s) => j.utility(o) - base[s]!);
          if (gains.some((g) => g <= 1e-12)) continue;
          const v = gains.reduce((a, g) => a * g, 1);
          if (!best || v > best.v * (1 + 1e-9)) best = { o, v };
        }
        const got = improvementOf(compiled, judges, agreement);
        if (!best) expect(got).toBeNull();
        else {
          expect(got).not.toBeNull();
          const v = judges.reduce((a, j, s) => a * (j.utility(got!) - base[s]!), 1);
          expect(v).toBeCloseTo(best.v, 9);
        }
      }),
    );
  });
});
