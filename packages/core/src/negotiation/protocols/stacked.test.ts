import { describe, expect, it } from "vitest";
import { runNegotiation, saoProtocol, stackedProtocol, timeBasedNegotiator } from "@parley/core";
import { compiled2, compiled3, constant, scripted } from "../../../test/negotiation-fixtures.js";

const stacked = (rounds: number) => (n: number) => stackedProtocol(n, { rounds });
const kinds = (r: { trace: readonly { type: string; sender: number }[] }) => r.trace.map((e) => `${e.type}:${e.sender}`);

describe("stacked alternating offers (multilateral SAOP)", () => {
  it("seat 0 opens; agreement needs every other seat to accept the standing offer in a row", () => {
    const r = runNegotiation(compiled3, [scripted([[0, 0]], []), scripted([], ["accept"]), scripted([], ["accept"])], { protocol: stacked(10), seed: 1 });
    expect(r.status).toBe("agreement");
    expect(r.agreement).toEqual({ a: "x", b: "x" });
    expect(kinds(r)).toEqual(["offer:0", "accept:1", "accept:2", "agreement:-1"]);
    expect(r.rounds).toBe(1);
  });

  it("a rejection replaces the standing offer and resets the acceptances", () => {
    const r = runNegotiation(
      compiled3,
      [scripted([[0, 0]], ["accept"]), scripted([], ["accept", "accept"]), scripted([[1, 1]], ["reject"])],
      { protocol: stacked(10), seed: 1 },
    );
    // 0 offers; 1 accepts; 2 rejects and offers; 0 and 1 accept → agreement on 2's offer.
    expect(kinds(r)).toEqual(["offer:0", "accept:1", "reject:2", "offer:2", "accept:0", "accept:1", "agreement:-1"]);
    expect(r.agreement).toEqual({ a: "y", b: "y" });
    expect(r.rounds).toBe(2);
  });

  it("the seats act in seat order, each once per round; the deadline times out", () => {
    const order: number[] = [];
    const spy = (seat: number) => () => ({
      propose: () => (order.push(seat), [0, 0]),
      respond: () => (order.push(seat), "reject" as const),
    });
    const r = runNegotiation(compiled3, [spy(0), spy(1), spy(2)], { protocol: stacked(3), seed: 1 });
    expect(r.status).toBe("timeout");
    expect(r.rounds).toBe(3);
    // round 0: 0 opens, 1 and 2 reject+offer; rounds 1, 2: every seat rejects and offers (respond, then propose).
    expect(order).toEqual([0, 1, 1, 2, 2, ...[0, 0, 1, 1, 2, 2], ...[0, 0, 1, 1, 2, 2]]);
    expect(r.trace.at(-1)!.type).toBe("timeout");
  });

  it("end from any seat, or a null proposal, ends the negotiation", () => {
    const a = runNegotiation(compiled3, [scripted([[0, 0]], []), constant("accept"), constant("end")], { protocol: stacked(10), seed: 1 });
    expect(a.status).toBe("ended");
    expect(kinds(a)).toEqual(["offer:0", "accept:1", "end:2"]);
    const b = runNegotiation(compiled3, [scripted([null], []), constant("accept"), constant("accept")], { protocol: stacked(10), seed: 1 });
    expect(b.status).toBe("ended");
  });

  it("every action is observed by every other seat", () => {
    const seen: string[][] = [[], [], []];
    const obs = (seat: number, response: "accept" | "reject") => () => ({
      propose: () => [seat % 3, 0],
      respond: () => response,
      observe: (o: { type: string; from: number }) => void seen[seat]!.push(`${o.type}:${o.from}`),
    });
    runNegotiation(compiled3, [obs(0, "accept"), obs(1, "accept"), obs(2, "accept")], { protocol: stacked(10), seed: 1 });
    expect(seen).toEqual([["accept:1", "accept:2"], ["offer:0", "accept:2"], ["offer:0", "accept:1"]]);
  });

  it("answers of the wrong kind are protocol violations (recorded as agent errors)", () => {
    const m = stackedProtocol(3, { rounds: 5 });
    expect(() => m.answer({ kind: "respond", response: "accept" })).toThrow(/proposal/);
    expect(() => stackedProtocol(1, { rounds: 5 })).toThrow(/at least 2/);
  });

  it("with two seats it is exactly SAO", () => {
    for (const [e0, e1] of [[0.2, 2], [1, 1], [0, 0], [3, 0.5]] as const) {
      const agents = [timeBasedNegotiator(e0), timeBasedNegotiator(e1)];
      const a = runNegotiation(compiled2, agents, { protocol: (n) => saoProtocol(n, { rounds: 20 }), seed: 5 });
      const b = runNegotiation(compiled2, agents, { protocol: stacked(20), seed: 5 });
      expect({ ...b, protocol: "sao" }).toEqual(a);
    }
  });
});
