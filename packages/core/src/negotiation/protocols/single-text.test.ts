import { describe, expect, it } from "vitest";
import { createRng, runNegotiation, singleTextProtocol, type NegotiatorFactory } from "@parley/core";
import { compiled3, constant, scripted } from "../../../test/negotiation-fixtures.js";

const radices = compiled3.radices; // [3, 2]
const st = (rounds: number, extra: { mediator?: "random-flip" | "hill-climb"; start?: number[]; seed?: number } = {}) => (n: number) =>
  singleTextProtocol(n, { rounds, radices, rng: createRng(extra.seed ?? 1), ...(extra.mediator ? { mediator: extra.mediator } : {}), ...(extra.start ? { start: extra.start } : {}) });
const kinds = (r: { trace: readonly { type: string; sender: number }[] }) => r.trace.map((e) => `${e.type}:${e.sender}`);

describe("single negotiating text (mediated)", () => {
  it("every seat votes on every candidate, from the mediator (-1); a change without veto is adopted", () => {
    const seen = { offers: [] as number[][], from: [] as number[] };
    const r = runNegotiation(compiled3, [scripted([], ["accept", "accept"], seen), constant("accept"), constant("accept")], {
      protocol: st(1, { start: [0, 0], mediator: "hill-climb" }),
      seed: 1,
    });
    // round 0: candidate = first neighbour of [0,0] = [1,0]; all accept → adopted; then ratification of [1,0].
    expect(kinds(r)).toEqual(["propose-text:-1", "accept:0", "accept:1", "accept:2", "ratify:-1", "accept:0", "accept:1", "accept:2", "agreement:-1"]);
    expect(seen.from).toEqual([-1, -1]);
    expect(seen.offers).toEqual([[1, 0], [1, 0]]);
    expect(r.status).toBe("agreement");
    expect(r.agreement).toEqual({ a: "y", b: "x" });
  });

  it("one veto blocks the change (every seat still votes); the text stays", () => {
    const r = runNegotiation(compiled3, [constant("accept"), scripted([], ["reject", "accept"]), constant("accept")], {
      protocol: st(1, { start: [0, 0], mediator: "hill-climb" }),
      seed: 1,
    });
    expect(kinds(r)).toEqual(["propose-text:-1", "accept:0", "veto:1", "accept:2", "ratify:-1", "accept:0", "accept:1", "accept:2", "agreement:-1"]);
    expect(r.agreement).toEqual({ a: "x", b: "x" });
  });

  it("a rejection at the ratification gives status rejected, without agreement", () => {
    const r = runNegotiation(compiled3, [constant("accept"), constant("accept"), scripted([], ["accept", "accept", "reject"])], {
      protocol: st(2, { start: [0, 0] }),
      seed: 1,
    });
    expect(r.status).toBe("rejected");
    expect(r.agreement).toBeNull();
    expect(r.trace.at(-1)).toMatchObject({ type: "reject", sender: 2 });
    expect(r.trace.filter((e) => e.type === "propose-text")).toHaveLength(2);
  });

  it("end walks away at once", () => {
    const r = runNegotiation(compiled3, [constant("accept"), constant("end"), constant("accept")], { protocol: st(5), seed: 1 });
    expect(r.status).toBe("ended");
    expect(kinds(r)).toEqual(["propose-text:-1", "accept:0", "end:1"]);
  });

  it("random-flip changes exactly one issue of the current text per candidate; the deadline is in rounds", () => {
    const r = runNegotiation(compiled3, [constant("accept"), constant("accept"), constant("accept")], { protocol: st(30, { seed: 9 }), seed: 1 });
    const texts = r.trace.filter((e) => e.type === "propose-text" || e.type === "ratify").map((e) => e.outcome!);
    expect(texts).toHaveLength(31);
    for (let k = 1; k < texts.length - 1; k++) {
      const changed = Object.keys(texts[k]!).filter((i) => texts[k]![i] !== texts[k - 1]![i]);
      expect(changed).toHaveLength(1);
    }
    expect(texts.at(-1)).toEqual(texts.at(-2)); // ratify the last adopted text
    expect(r.status).toBe("agreement");
  });

  it("hill-climb cycles through the neighbours and stops after a full pass without adoption", () => {
    const veto: NegotiatorFactory = () => ({ propose: () => null, respond: (v) => (v.time >= 1 ? "accept" : "reject") });
    const r = runNegotiation(compiled3, [veto, constant("accept"), constant("accept")], { protocol: st(100, { start: [0, 0], mediator: "hill-climb" }), seed: 1 });
    const candidates = r.trace.filter((e) => e.type === "propose-text").map((e) => e.outcome);
    // neighbours of [x, x]: a=y, a=z, b=y — then the pass is over.
    expect(candidates).toEqual([{ a: "y", b: "x" }, { a: "z", b: "x" }, { a: "x", b: "y" }]);
    expect(r.trace.at(-4)).toMatchObject({ type: "ratify", outcome: { a: "x", b: "x" } });
    expect(r.rounds).toBeLessThan(100);
  });

  it("hill-climb restarts its cycle after an adopted change", () => {
    // Seat 0 accepts only the second candidate; then the cycle restarts from the new text's first neighbour.
    const r = runNegotiation(compiled3, [scripted([], ["reject", "accept", "reject", "reject", "reject", "accept"]), constant("accept"), constant("accept")], {
      protocol: st(10, { start: [0, 0], mediator: "hill-climb" }),
      seed: 1,
    });
    const candidates = r.trace.filter((e) => e.type === "propose-text").map((e) => `${e.outcome!["a"]}${e.outcome!["b"]}`);
    expect(candidates).toEqual(["yx", "zx", "xx", "yx", "zy"]);
    expect(r.agreement).toEqual({ a: "z", b: "x" });
  });

  it("refuses proposals and opening texts outside the space", () => {
    const m = singleTextProtocol(2, { rounds: 3, radices, rng: createRng(1) });
    expect(m.next()).toMatchObject({ kind: "respond", from: -1, seat: 0 });
    expect(() => m.answer({ kind: "propose", outcome: [0, 0] })).toThrow(/response/);
    expect(() => singleTextProtocol(2, { rounds: 3, radices, rng: createRng(1), start: [5, 0] })).toThrow(/outcome/);
  });

  it("the same seed gives the same candidates", () => {
    const run = (seed: number) => runNegotiation(compiled3, [constant("accept"), constant("reject"), constant("accept")], { protocol: st(20, { seed }), seed: 1 });
    expect(run(4)).toEqual(run(4));
    expect(JSON.stringify(run(4).trace)).not.toBe(JSON.stringify(run(5).trace));
  });

  describe("with an external mediator (a person or the room engine)", () => {
    const ext = (rounds: number, start?: number[]) => singleTextProtocol(2, { rounds, radices, rng: createRng(1), mediator: "external", ...(start ? { start } : {}) });
    const vote = (m: ReturnType<typeof ext>, ...rs: ("accept" | "reject")[]) => rs.flatMap((r) => m.answer({ kind: "respond", response: r }).events.map((e) => e.type));

    it("asks the mediator (-1) for each draft; the first draft becomes the text whatever the votes; later ones need every vote", () => {
      const m = ext(3);
      expect(m.next()).toEqual({ seat: -1, kind: "propose" });
      expect(() => m.answer({ kind: "respond", response: "accept" })).toThrow(/draft/);
      expect(() => m.answer({ kind: "propose", outcome: [3, 0] })).toThrow(/outcome/);
      expect(m.answer({ kind: "propose", outcome: [1, 1] }).events).toEqual([{ type: "propose-text", sender: -1, outcome: [1, 1] }]);
      expect(m.next()).toEqual({ seat: 0, kind: "respond", offer: [1, 1], from: -1 });
      expect(vote(m, "reject", "accept")).toEqual(["veto", "accept"]);
      expect(m.round()).toBe(1);
      m.answer({ kind: "propose", outcome: [2, 1] });
      vote(m, "accept", "reject"); // vetoed: the text stays [1, 1]
      expect(m.next()).toEqual({ seat: -1, kind: "propose" });
      expect(m.answer({ kind: "propose", outcome: null }).events).toEqual([{ type: "ratify", sender: -1, outcome: [1, 1] }]);
      expect(m.next()).toEqual({ seat: 0, kind: "respond", offer: [1, 1], from: -1 });
      expect(vote(m, "accept", "accept")).toEqual(["accept", "accept", "agreement"]);
      expect(m.result()).toEqual({ status: "agreement", agreement: [1, 1] });
    });

    it("calls the ratification itself at the deadline; an opening text is kept when the first draft is vetoed", () => {
      const m = ext(1, [0, 0]);
      m.answer({ kind: "propose", outcome: [2, 1] });
      vote(m, "accept", "reject");
      expect(m.next()).toEqual({ seat: 0, kind: "respond", offer: [0, 0], from: -1 });
      expect(vote(m, "accept", "reject")).toEqual(["ratify", "accept", "reject"]);
      expect(m.result()).toEqual({ status: "rejected", agreement: null });
    });

    it("without any text at the ratification, the negotiation times out", () => {
      const m = ext(2);
      expect(m.answer({ kind: "propose", outcome: null }).events).toEqual([{ type: "timeout", sender: -1 }]);
      expect(m.next()).toBeNull();
      expect(m.result().status).toBe("timeout");
    });
  });
});
