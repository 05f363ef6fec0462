import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Issue, Preferences } from "@parley/core";
import { draftFromPreferences, dropIndex, keepOther, moveOption, moveOptionTo, packageUtility, pointScores, previewPackage, setForbidden, setWeight, toNativePreferences } from "./room-preferences.js";
import { applyFramework, completePackage, describeTurn, needsAnswer } from "./room-view.js";
import type { RoomView } from "../api/types.js";

const issues: Issue[] = [
  { id: "berths", kind: "categorical", options: ["north", "south", "shared"] },
  { id: "years", kind: "integer", min: 1, max: 5 },
];
const modelled: Preferences = {
  utility: {
    kind: "linear-additive",
    weights: { berths: 2 / 3, years: 1 / 3 },
    values: { berths: { kind: "table", scores: { north: 0.5, south: 0, shared: 1 } }, years: { kind: "linear", slope: -0.25, offset: 1 } },
  },
  reservation: 0.2,
  redLines: [
    { kind: "forbid", issue: "berths", values: ["south"] },
    { kind: "forbid", issue: "years", values: [5] },
    { kind: "require", if: { issue: "berths", values: ["north"] }, then: { issue: "years", values: [1, 2] } },
  ],
};

describe("the seat's preferences form", () => {
  it("starts from the modelled preferences: options by score, direction, weights, red lines", () => {
    const d = draftFromPreferences(issues, modelled);
    expect(d.issues[0]).toMatchObject({ order: ["shared", "north", "south"], weight: 0.667, forbidden: ["south"] });
    expect(d.issues[1]).toMatchObject({ kind: "numeric", direction: "decreasing", weight: 0.333 });
    expect(d.reservation).toBe(0.2);
    // The numeric forbid and the if-then rule are kept as they are.
    expect(d.other.map((o) => o.line.kind)).toEqual(["forbid", "require"]);
    expect(toNativePreferences(d)).toEqual({
      reservation: 0.2,
      weights: { berths: 0.667, years: 0.333 },
      values: { berths: ["shared", "north", "south"], years: "decreasing" },
      redLines: [{ forbid: { berths: ["south"] } }, { forbid: { years: [5] } }, { if: { berths: ["north"] }, then: { years: [1, 2] } }],
    });
  });

  it("without a model: equal weights, options as listed, no red lines", () => {
    const d = draftFromPreferences(issues);
    expect(toNativePreferences(d)).toEqual({ reservation: 0, weights: { berths: 1, years: 1 }, values: { berths: ["north", "south", "shared"], years: "increasing" } });
  });

  it("moves options, weighs issues, marks and unmarks red lines, drops kept ones", () => {
    let d = draftFromPreferences(issues, modelled);
    d = moveOption(d, "berths", "south", -1);
    expect(d.issues[0]!.order).toEqual(["shared", "south", "north"]);
    expect(moveOption(d, "berths", "shared", -1)).toEqual(d); // already first
    d = setWeight(d, "years", 3);
    d = setForbidden(d, "berths", "south", false);
    d = setForbidden(d, "berths", "north", true);
    d = keepOther(keepOther(d, 0, false), 1, false);
    expect(toNativePreferences(d)).toEqual({
      reservation: 0.2,
      weights: { berths: 0.667, years: 3 },
      values: { berths: ["shared", "south", "north"], years: "decreasing" },
      redLines: [{ forbid: { berths: ["north"] } }],
    });
  });

  it("scores each point of a package under the seat's own preferences", () => {
    expect(pointScores(issues, modelled, { berths: "north", years: 3 })).toEqual({ berths: 0.5, years: 0.5 });
    expect(pointScores(issues, null, { berths: "north", years: 3 })).toEqual({});
  });
});

describe("room view helpers", () => {
  it("completes packages and applies a framework's points", () => {
    expect(completePackage(issues, { years: 4 })).toEqual({ berths: "north", years: 4 });
    const fw = { id: "f", name: "F", points: [{ id: "p1", number: 1, text: "", sets: { berths: "shared", unknown: 1 } }] };
    expect(applyFramework(issues, { berths: "north", years: 2 }, fw)).toEqual({ berths: "shared", years: 2 });
  });

  it("says whose turn it is and whether this session must answer", () => {
    const view = { status: "running", mediator: "human", turn: { parties: ["port", "city"], mediator: false } } as unknown as RoomView;
    expect(describeTurn(view, "port")).toBe("Waiting for you, city");
    expect(needsAnswer(view, "seat", "port")).toBe(true);
    expect(needsAnswer(view, "seat", "shippers")).toBe(false);
    expect(needsAnswer(view, "mediator", null)).toBe(false);
    const med = { ...view, turn: { parties: [], mediator: true } } as RoomView;
    expect(describeTurn(med, null)).toBe("The mediator's turn");
    expect(needsAnswer(med, "mediator", null)).toBe(true);
  });
});

describe("the preferences preview", () => {
  it("scores a package as the native format reads the form, open issues as a range, and names the red lines crossed", () => {
    let d = draftFromPreferences(issues, modelled);
    d = setWeight(setWeight(d, "berths", 3), "years", 1);
    // berths: shared 1, north 0.5, south 0; years decreasing: 1 → 1, 5 → 0.
    // 0.75 · 0.5 + 0.25 · 0.75
    expect(previewPackage(d, issues, { berths: "north", years: 2 })).toEqual({ min: 0.563, max: 0.563, crossed: [] });
    expect(previewPackage(d, issues, { berths: "shared" })).toEqual({ min: 0.75, max: 1, crossed: [] });
    expect(previewPackage(d, issues, { berths: "south", years: 5 })).toEqual({ min: 0, max: 0, crossed: ["never berths = south", "never years ∈ {5}"] });
    expect(previewPackage(d, issues, { berths: "north", years: 4 }).crossed).toEqual(["if berths ∈ {north} then years ∈ {1, 2}"]);
    expect(previewPackage(keepOther(d, 1, false), issues, { berths: "north", years: 4 }).crossed).toEqual([]);
    // All weights zero: nothing is worth anything.
    expect(previewPackage(setWeight(setWeight(d, "berths", 0), "years", 0), issues, { berths: "shared", years: 1 })).toMatchObject({ min: 0, max: 0 });
  });
});

describe("a package's utility to the seat", () => {
  it("is min(1, Σ weight · score) under linear-additive preferences, null otherwise", () => {
    // 2/3 · 0.5 (north) + 1/3 · 0.5 (years 3, decreasing linear)
    expect(packageUtility(issues, modelled, { berths: "north", years: 3 })).toBeCloseTo(0.5, 12);
    expect(packageUtility(issues, modelled, { berths: "shared", years: 1 })).toBeCloseTo(1, 12);
    expect(packageUtility(issues, { utility: { kind: "table", entries: [] } }, { berths: "shared", years: 1 })).toBeNull();
  });
});

describe("drag ordering", () => {
  it("moving an option to a position equals as many ↑/↓ presses (property)", () => {
    const options = ["a", "b", "c", "d", "e", "f"];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(), fc.integer({ min: -2, max: 8 }), (n, pick, to) => {
        const iss: Issue[] = [{ id: "x", kind: "categorical", options: options.slice(0, n) }];
        const d = draftFromPreferences(iss);
        const option = options[pick % n]!;
        let pressed = d;
        const from = d.issues[0]!.order.indexOf(option);
        const target = Math.max(0, Math.min(n - 1, to));
        for (let k = from; k !== target; k += target > from ? 1 : -1) pressed = moveOption(pressed, "x", option, target > from ? 1 : -1);
        expect(moveOptionTo(d, "x", option, to).issues[0]!.order).toEqual(pressed.issues[0]!.order);
        expect(moveOptionTo(d, "x", option, to).issues[0]!.order.indexOf(option)).toBe(target);
      }),
    );
  });

  it("drops an item below every other item whose middle is above the pointer", () => {
    expect(dropIndex([10, 30, 50], 5)).toBe(0);
    expect(dropIndex([10, 30, 50], 31)).toBe(2);
    expect(dropIndex([10, 30, 50], 99)).toBe(3);
    expect(dropIndex([], 99)).toBe(0);
  });
});
