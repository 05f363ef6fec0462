import { describe, expect, it } from "vitest";
import { acAlways, acCombi, acConst, acNext, acTime, type OfferingPolicy } from "@parley/core";
import { at, sessionOf, splitScenario } from "../../../../test/strategy-fixtures.js";

// P's utility of [x] is x/10; the stub offering aims at a fixed target.
const stub = (target: number): OfferingPolicy => ({ target: () => target, propose: () => null });
const scenario = splitScenario(10);

describe("acceptance conditions (Baarslag et al. 2011, 2014)", () => {
  it("AC_const(α): accept when u ≥ α, at any time", () => {
    const { session } = sessionOf(scenario);
    const ac = acConst(0.6)(session, stub(1));
    expect(ac.accept(at(0), [6], 0.6, 1)).toBe(true);
    expect(ac.accept(at(0.99), [5], 0.5, 1)).toBe(false);
  });

  it("AC_time(T): accept anything once t ≥ T", () => {
    const { session } = sessionOf(scenario);
    const ac = acTime(0.9)(session, stub(1));
    expect(ac.accept(at(0.89), [0], 0, 1)).toBe(false);
    expect(ac.accept(at(0.9), [0], 0, 1)).toBe(true);
  });

  it("AC_next(α, β): accept when α·u + β ≥ the target of the next own offer", () => {
    const { session } = sessionOf(scenario);
    expect(acNext()(session, stub(0.7)).accept(at(0.5), [7], 0.7, 1)).toBe(true);
    expect(acNext()(session, stub(0.7)).accept(at(0.5), [6], 0.69, 1)).toBe(false);
    // 1.1 · 0.69 − 0.05 = 0.709 ≥ 0.7
    expect(acNext(1.1, -0.05)(session, stub(0.7)).accept(at(0.5), [6], 0.69, 1)).toBe(true);
  });

  it("AC_combi(T, MAX^W): AC_next, or after T an offer at least as good as the best of the last window 1 − t", () => {
    const writer = sessionOf(scenario);
    const recent = acCombi({ T: 0.8 })(writer.session, stub(0.9));
    const all = acCombi({ T: 0.8, window: "all" })(writer.session, stub(0.9));
    writer.receive([5], 1, 10, 0.1, 0.5);
    writer.receive([6], 1, 70, 0.7, 0.6);
    writer.receive([5], 1, 85, 0.85, 0.55);
    // Before T only AC_next counts.
    expect(recent.accept(at(0.75), [6], 0.6, 1)).toBe(false);
    // At t = 0.9 the window starts at 0.8: it holds 0.55 and the offer itself.
    writer.receive([5], 1, 90, 0.9, 0.55);
    expect(recent.accept(at(0.9), [5], 0.55, 1)).toBe(true);
    expect(all.accept(at(0.9), [5], 0.55, 1)).toBe(false); // MAX^T = 0.6
    writer.receive([5], 1, 91, 0.91, 0.5);
    expect(recent.accept(at(0.91), [5], 0.5, 1)).toBe(false); // 0.55 came at 0.9 ≥ 0.82
    // AC_next still applies.
    expect(recent.accept(at(0.91), [9], 0.9, 1)).toBe(true);
  });

  it("acAlways accepts offers and mediator texts", () => {
    const { session } = sessionOf(scenario);
    const ac = acAlways()(session, stub(1));
    expect(ac.accept(at(0), [0], 0, 1)).toBe(true);
    expect(ac.acceptText?.(at(0), [0], 0)).toBe(true);
  });
});
