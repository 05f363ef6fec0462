import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Issue, Preferences, Scenario, Value } from "@parley/core";
import type { RoomEvent } from "../../api/types.js";
import { binOf, frameworkRange, SEAT_SPACE_BINS, seatSide, seatSpace, seatTimeline, shareBelow } from "./model.js";

const issues: Issue[] = [
  { id: "berths", kind: "categorical", options: ["north", "south", "shared"] },
  { id: "fees", kind: "categorical", options: ["low", "medium", "high"] },
  { id: "years", kind: "integer", min: 1, max: 5 },
];
const port: Preferences = {
  utility: {
    kind: "linear-additive",
    weights: { berths: 0.5, fees: 0.25, years: 0.25 },
    values: {
      berths: { kind: "table", scores: { north: 1, shared: 0.5, south: 0 } },
      fees: { kind: "table", scores: { high: 1, medium: 0.5, low: 0 } },
      years: { kind: "linear", slope: 0.25, offset: 0 },
    },
  },
  reservation: 0.31,
  redLines: [{ kind: "forbid", issue: "berths", values: ["south"] }],
};
// The other seat's modelled preferences are in the scenario; the seat's side never reads them.
const shippersModel: Preferences = {
  utility: { kind: "linear-additive", weights: { fees: 1 }, values: { fees: { kind: "table", scores: { low: 1 } } } },
  reservation: 0.9,
  redLines: [{ kind: "forbid", issue: "fees", values: ["high"] }],
};
const scenario = (iss: Issue[], frameworks: Scenario["frameworks"] = []): Scenario =>
  ({
    id: "t",
    name: "t",
    issues: iss,
    parties: [
      { id: "port", name: "Port", role: "party" },
      { id: "shippers", name: "Shippers", role: "party", preferences: shippersModel },
    ],
    frameworks,
    statements: [],
    events: [],
    sources: [],
  }) as unknown as Scenario;

/** Every outcome of the issues, by nested loops over their values (the brute-force counterpart). */
function allOutcomes(iss: readonly Issue[]): Record<string, Value>[] {
  let out: Record<string, Value>[] = [{}];
  for (const issue of iss) {
    const vals: Value[] = issue.kind === "categorical" ? [...issue.options] : Array.from({ length: issue.max - issue.min + 1 }, (_, k) => issue.min + k);
    out = out.flatMap((o) => vals.map((v) => ({ ...o, [issue.id]: v })));
  }
  return out;
}

/** The seat's utility by hand: min(1, Σ w · score), scores read straight from the tables and lines. */
function handUtility(prefs: Preferences, iss: readonly Issue[], o: Record<string, Value>): number {
  const u = prefs.utility;
  if (u.kind !== "linear-additive") throw new Error("additive only");
  let s = 0;
  for (const issue of iss) {
    const fn = u.values[issue.id];
    const v = o[issue.id]!;
    if (!fn) continue;
    const score = fn.kind === "table" ? (fn.scores[String(v)] ?? 0) : fn.kind === "linear" ? Math.max(0, Math.min(1, fn.offset + fn.slope * (Number(v) - (issue.kind === "categorical" ? 0 : issue.min)))) : Number.NaN;
    s += (u.weights[issue.id] ?? 0) * score;
  }
  return Math.min(1, s);
}

const crossesByHand = (prefs: Preferences, o: Record<string, Value>) =>
  (prefs.redLines ?? []).some((l) => l.kind === "forbid" && l.values.some((v) => String(v) === String(o[l.issue])));

describe("the outcome space from one seat's side", () => {
  it("counts every outcome of a small space in its utility bin, with the red-line crossings and the walk-away", () => {
    const side = seatSide(scenario(issues), "port", port);
    const space = seatSpace(side);
    expect(space).toMatchObject({ size: 45, counted: 45, sampled: false, walkAway: 0.31 });
    const outcomes = allOutcomes(issues);
    const us = outcomes.map((o) => handUtility(port, issues, o));
    expect(space.bins.map((b) => b.count)).toEqual(space.bins.map((_, k) => us.filter((u) => binOf(u) === k).length));
    expect(space.crossing).toBe(15); // every outcome with berths = south
    expect(space.bins.reduce((s, b) => s + b.crossing, 0)).toBe(15);
    expect(space.belowWalkAway).toBe(us.filter((u) => u < 0.31).length);
    // Only port's own red line: the shippers' modelled "never high fees" plays no part.
    expect(space.bins.map((b) => b.crossing)).toEqual(space.bins.map((_, k) => outcomes.filter((o, j) => binOf(us[j]!) === k && o["berths"] === "south").length));
    expect(shareBelow(space, 0.5)).toBeCloseTo(us.filter((u) => u < 0.5).length / 45, 12);
    expect(shareBelow(space, 0)).toBe(0);
    expect(shareBelow(space, 2)).toBe(1);
  });

  it("equals a brute-force count on random spaces and preferences (property)", () => {
    const issueArb = fc.oneof(
      fc.integer({ min: 1, max: 4 }).map((n): Issue => ({ id: "", kind: "categorical", options: Array.from({ length: n }, (_, k) => `o${k}`) })),
      fc.record({ min: fc.integer({ min: -3, max: 3 }), span: fc.integer({ min: 0, max: 4 }) }).map(({ min, span }): Issue => ({ id: "", kind: "integer", min, max: min + span })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ issue: issueArb, weight: fc.double({ min: 0, max: 1, noNaN: true }), slope: fc.double({ min: -1, max: 1, noNaN: true }), seed: fc.nat(), forbid: fc.boolean() }), { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (specs, reservation) => {
          const iss = specs.map((s, i) => ({ ...s.issue, id: `i${i}` }) as Issue);
          const values: Record<string, import("@parley/core").ValueFunction> = {};
          const weights: Record<string, number> = {};
          const redLines: NonNullable<Preferences["redLines"]>[number][] = [];
          specs.forEach((s, i) => {
            const issue = iss[i]!;
            weights[issue.id] = s.weight;
            if (issue.kind === "categorical") {
              values[issue.id] = { kind: "table", scores: Object.fromEntries(issue.options.map((o, k) => [o, ((s.seed + k * 7) % 11) / 10])) };
              if (s.forbid) redLines.push({ kind: "forbid", issue: issue.id, values: [issue.options[s.seed % issue.options.length]!] });
            } else values[issue.id] = { kind: "linear", slope: s.slope, offset: 0.5 };
          });
          const prefs: Preferences = { utility: { kind: "linear-additive", weights, values }, reservation, redLines };
          const space = seatSpace(seatSide(scenario(iss), "port", prefs));
          const outcomes = allOutcomes(iss);
          const us = outcomes.map((o) => handUtility(prefs, iss, o));
          expect(space.counted).toBe(outcomes.length);
          for (let k = 0; k < SEAT_SPACE_BINS; k++) {
            const inBin = outcomes.filter((_, j) => binOf(us[j]!) === k);
            expect(space.bins[k]!.count).toBe(inBin.length);
            expect(space.bins[k]!.crossing).toBe(inBin.filter((o) => crossesByHand(prefs, o)).length);
          }
          expect(space.belowWalkAway).toBe(us.filter((u) => u < reservation).length);
          expect([...space.sorted]).toEqual([...us].sort((a, b) => a - b).map((u) => expect.closeTo(u, 12)));
        },
      ),
    );
  });

  it("samples a space past the limit, the same sample for the same seed", () => {
    const side = seatSide(scenario(issues), "port", port);
    const a = seatSpace(side, { limit: 20, seed: 3 });
    expect(a).toMatchObject({ size: 45, counted: 20, sampled: true });
    expect(a.bins.reduce((s, b) => s + b.count, 0)).toBe(20);
    expect(seatSpace(side, { limit: 20, seed: 3 }).bins).toEqual(a.bins);
    expect(seatSpace(side, { limit: 20, sample: 10 })).toMatchObject({ counted: 10, sampled: true });
    expect(seatSpace(side, { limit: 45, sample: 10 })).toMatchObject({ counted: 45, sampled: false });
  });

  it("gives a framework's worst and best completion (additive utilities)", () => {
    const side = seatSide(scenario(issues), "port", port);
    // berths shared, fees medium, years open: 0.25 + 0.125 + 0 … 0.25 (years 1 … 5).
    expect(frameworkRange(side, { berths: "shared", fees: "medium" })).toEqual({ min: 0.375, max: 0.625 });
    const matching = allOutcomes(issues).filter((o) => o["berths"] === "shared" && o["fees"] === "medium").map((o) => handUtility(port, issues, o));
    expect(frameworkRange(side, { berths: "shared", fees: "medium" })).toEqual({ min: Math.min(...matching), max: Math.max(...matching) });
    expect(frameworkRange(side, { berths: "nowhere" })).toBeNull();
  });
});

describe("what each package was worth to the seat over time", () => {
  const ev = (seq: number, type: string, pub: Record<string, unknown>): RoomEvent => ({ seq, at: `2026-12-04T04:0${seq}:00.000Z`, type, actor: { role: "system" }, public: pub }) as unknown as RoomEvent;
  it("lists drafts, offers, the agreement and an improvement in order, with the seat's own utility and its own offers marked", () => {
    const side = seatSide(scenario(issues), "port", port);
    const points = seatTimeline(
      [
        ev(1, "room-started", {}),
        ev(2, "draft-published", { draft: 1, by: "mediator", package: { berths: "shared", fees: "medium", years: 3 } }),
        ev(3, "draft-rated", { party: "port", draft: 1 }),
        ev(4, "offer", { party: "port", package: { berths: "north", fees: "high", years: 5 } }),
        ev(5, "offer", { party: "shippers", package: { berths: "south", fees: "low", years: 1 } }),
        ev(6, "offer", { party: "port" }), // a shuttle consultation: no package
        ev(7, "agreement", { package: { berths: "shared", fees: "low", years: 2 } }),
      ],
      "port",
      side.utility,
    );
    expect(points.map((p) => [p.seq, p.step, p.kind, p.label, p.mine])).toEqual([
      [2, 1, "draft", "Draft 1 (mediator)", false],
      [4, 2, "offer", "Offer from you", true],
      [5, 3, "offer", "Offer from shippers", false],
      [7, 4, "agreement", "Agreement", false],
    ]);
    expect(points.map((p) => p.utility)).toEqual([0.25 + 0.125 + 0.125, 1, 0, 0.25 + 0 + 0.0625]);
  });
});
