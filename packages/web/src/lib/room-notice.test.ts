import { describe, expect, it } from "vitest";
import type { RoomView } from "../api/types.js";
import { roomNotice } from "./room-notice.js";

const base = {
  id: "r",
  scenario: { id: "s", version: 1 },
  protocol: "single-text",
  mediator: "human",
  disclosure: "aggregates",
  status: "running",
  seq: 7,
  round: 0,
  rounds: 100,
  deadlineAt: null,
  seats: [
    { party: "port", kind: "human", excluded: false, joined: true, preferencesSubmitted: true },
    { party: "shippers", kind: "human", excluded: false, joined: true, preferencesSubmitted: false },
  ],
  turn: { parties: ["port"], mediator: false },
  text: null,
  draft: { number: 2, package: {}, by: "mediator", rated: [] },
  offer: null,
  consulted: null,
  ratification: null,
  agreement: null,
  improvement: null,
  final: null,
  reason: null,
} as unknown as RoomView;
const view = (change: Partial<Record<keyof RoomView, unknown>>): RoomView => ({ ...base, ...change }) as RoomView;
const NOW = Date.parse("2026-12-04T10:00:00Z");

describe("the room's notice", () => {
  it("tells a seat what it must answer, or whom the room waits for", () => {
    expect(roomNotice(base, "seat", "port", NOW)).toMatchObject({ needed: true, text: "Your answer is needed: rate draft 2 point by point and as a whole.", close: false });
    expect(roomNotice(base, "seat", "shippers", NOW)).toMatchObject({ needed: false, text: "Waiting for port." });
    const sao = view({ protocol: "stacked", offer: { party: "shippers", package: {} } });
    expect(roomNotice(sao, "seat", "port", NOW).text).toBe("Your answer is needed: accept the offer from shippers, make a counter-offer, or end the negotiation.");
    expect(roomNotice(view({ protocol: "sao" }), "seat", "port", NOW).text).toBe("Your answer is needed: make an offer.");
    expect(roomNotice(view({ status: "ratifying" }), "seat", "port", NOW).text).toBe("Your answer is needed: vote on the text put to the vote.");
    expect(roomNotice(view({ status: "open", turn: { parties: [], mediator: false } }), "seat", "shippers", NOW)).toMatchObject({ needed: true, text: "Your answer is needed: submit your preferences; the room starts when every seat has." });
    expect(roomNotice(view({ status: "open", turn: { parties: [], mediator: false } }), "seat", "port", NOW)).toMatchObject({ needed: false, text: "Waiting for the other seats to join and submit their preferences." });
    expect(roomNotice(view({ status: "settled", turn: { parties: [], mediator: false } }), "seat", "port", NOW)).toMatchObject({ needed: false, text: "The room is settled: there is an agreement.", deadline: null });
    expect(roomNotice(view({ status: "failed", reason: "deadline", turn: { parties: [], mediator: false } }), "seat", "port", NOW).text).toBe("No agreement: deadline.");
  });

  it("keeps the mediator's notice and tells observers whose turn it is", () => {
    const m = view({ turn: { parties: [], mediator: true } });
    expect(roomNotice(m, "mediator", null, NOW)).toMatchObject({ needed: true, text: "Your answer is needed." });
    expect(roomNotice(m, "observer", null, NOW)).toMatchObject({ needed: false, text: "The mediator's turn." });
  });

  it("gives the deadline, close in the last round or within five minutes", () => {
    expect(roomNotice(base, "seat", "port", NOW)).toMatchObject({ deadline: "Deadline: round 100 (now round 0).", close: false });
    expect(roomNotice(view({ round: 99 }), "seat", "port", NOW)).toMatchObject({ deadline: "Deadline: this is the last round (100).", close: true });
    const at = (iso: string) => view({ deadlineAt: iso });
    expect(roomNotice(at("2026-12-04T10:30:00Z"), "seat", "port", NOW)).toMatchObject({ deadline: "Deadline 2026-12-04T10:30:00Z, in 30 minutes.", close: false });
    expect(roomNotice(at("2026-12-04T10:05:00Z"), "seat", "port", NOW)).toMatchObject({ deadline: "Deadline 2026-12-04T10:05:00Z, in 5 minutes.", close: true });
    expect(roomNotice(at("2026-12-04T10:00:20Z"), "seat", "port", NOW).deadline).toBe("Deadline 2026-12-04T10:00:20Z, in less than a minute.");
    expect(roomNotice(at("2026-12-04T09:59:00Z"), "seat", "port", NOW)).toMatchObject({ deadline: "Deadline 2026-12-04T09:59:00Z: passed.", close: true });
    expect(roomNotice(at("2026-12-04T13:00:00Z"), "seat", "port", NOW).deadline).toBe("Deadline 2026-12-04T13:00:00Z, in 3 hours.");
  });
});
