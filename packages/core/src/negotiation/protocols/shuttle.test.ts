import { describe, expect, it } from "vitest";
import { runNegotiation, shuttleProtocol, type NegotiatorFactory } from "@parley/core";
import { compiled3, constant, scripted } from "../../../test/negotiation-fixtures.js";

const shuttle = (rounds: number, extra: { exclude?: number[]; start?: number[] } = {}) => (n: number) => shuttleProtocol(n, { rounds, ...extra });
const kinds = (r: { trace: readonly { type: string; sender: number }[] }) => r.trace.map((e) => `${e.type}:${e.sender}`);

describe("shuttle mediation", () => {
  it("the first included seat drafts; the others are consulted one at a time, from the mediator (-1)", () => {
    const seen = { offers: [] as number[][], from: [] as number[] };
    const r = runNegotiation(compiled3, [scripted([[0, 0]], []), scripted([], ["accept"], seen), constant("accept")], { protocol: shuttle(10), seed: 1 });
    expect(kinds(r)).toEqual(["offer:0", "accept:1", "accept:2", "agreement:-1"]);
    expect(seen.from).toEqual([-1]);
    expect(r.agreement).toEqual({ a: "x", b: "x" });
  });

  it("a rejection comes with a counter-draft that becomes the draft; all included seats must accept it in one pass", () => {
    const r = runNegotiation(
      compiled3,
      [scripted([[0, 0]], ["accept", "accept"]), scripted([[1, 1]], ["reject", "accept"]), scripted([], ["accept", "accept", "accept"])],
      { protocol: shuttle(10), seed: 1 },
    );
    // 0 drafts xx; 1 rejects and drafts yy; 2 and 0 accept yy (1 wrote it) → agreement.
    expect(kinds(r)).toEqual(["offer:0", "reject:1", "offer:1", "accept:2", "accept:0", "agreement:-1"]);
    expect(r.agreement).toEqual({ a: "y", b: "y" });
  });

  it("a mediator's opening draft must be accepted by every included seat", () => {
    const r = runNegotiation(compiled3, [constant("accept"), constant("accept"), constant("accept")], { protocol: shuttle(10, { start: [2, 1] }), seed: 1 });
    expect(kinds(r)).toEqual(["offer:-1", "accept:0", "accept:1", "accept:2", "agreement:-1"]);
    expect(r.agreement).toEqual({ a: "z", b: "y" });
  });

  it("an excluded seat is never consulted during the talks, only asked to ratify at the end", () => {
    const calls: string[] = [];
    const spy = (seat: number, response: "accept" | "reject"): NegotiatorFactory => () => ({
      propose: () => (calls.push(`propose:${seat}`), [seat, 0]),
      respond: () => (calls.push(`respond:${seat}`), response),
    });
    const ok = runNegotiation(compiled3, [spy(0, "accept"), spy(1, "accept"), spy(2, "accept")], { protocol: shuttle(10, { exclude: [0] }), seed: 1 });
    expect(calls).toEqual(["propose:1", "respond:2", "respond:0"]);
    expect(kinds(ok)).toEqual(["offer:1", "accept:2", "ratify:-1", "accept:0", "agreement:-1"]);
    expect(ok.status).toBe("agreement");
    const no = runNegotiation(compiled3, [spy(0, "reject"), spy(1, "accept"), spy(2, "accept")], { protocol: shuttle(10, { exclude: [0] }), seed: 1 });
    expect(no.status).toBe("rejected");
    expect(no.agreement).toBeNull();
    expect(kinds(no)).toEqual(["offer:1", "accept:2", "ratify:-1", "reject:0"]);
  });

  it("the deadline is in passes over the included seats", () => {
    const r = runNegotiation(compiled3, [constant("reject"), constant("reject"), constant("reject")], { protocol: shuttle(4, { exclude: [2] }), seed: 1 });
    expect(r.status).toBe("timeout");
    expect(r.rounds).toBe(4);
    // 2 included seats × 4 passes = 8 consultations: the opening draft, then 7 reject + counter-draft.
    expect(r.trace.filter((e) => e.type === "offer")).toHaveLength(8);
    expect(r.trace.some((e) => e.sender === 2)).toBe(false);
  });

  it("end or a null counter-draft ends the negotiation", () => {
    expect(runNegotiation(compiled3, [scripted([[0, 0]], []), constant("end"), constant("accept")], { protocol: shuttle(5), seed: 1 }).status).toBe("ended");
    expect(runNegotiation(compiled3, [scripted([[0, 0]], []), scripted([null], ["reject"]), constant("accept")], { protocol: shuttle(5), seed: 1 }).status).toBe(
      "ended",
    );
  });

  it("the seats learn nothing of each other's moves", () => {
    let observed = 0;
    const watcher: NegotiatorFactory = () => ({ propose: () => [0, 0], respond: () => "reject", observe: () => void observed++ });
    runNegotiation(compiled3, [watcher, watcher, watcher], { protocol: shuttle(3), seed: 1 });
    expect(observed).toBe(0);
  });

  it("checks its options", () => {
    expect(() => shuttleProtocol(3, { rounds: 3, exclude: [3] })).toThrow(/seat 3/);
    expect(() => shuttleProtocol(2, { rounds: 3, exclude: [0, 1] })).toThrow(/included/);
  });
});
