import { describe, expect, it } from "vitest";
import type { FrameworkEntryJson, Statement, TraceEventJson } from "../api/types.js";
import { textOn, valueColor, VALUE_STOPS } from "./colors.js";
import { fmtPercent } from "./format.js";
import { buildParallelModel } from "./parallel/model.js";
import { buildStanceMatrix } from "./stance-matrix/model.js";
import { buildUtilityTimeModel } from "./utility-time/model.js";
import { valueFunctionBars, weightBars } from "./value-bars/model.js";

describe("colours", () => {
  it("valueColor runs along the diverging stops and clamps", () => {
    expect(valueColor(0)).toBe(VALUE_STOPS[0]);
    expect(valueColor(0.5)).toBe(VALUE_STOPS[2]);
    expect(valueColor(2)).toBe(VALUE_STOPS[4]);
  });

  it("textOn picks the more legible text colour", () => {
    expect(textOn("#ffffff")).toBe("#111827");
    expect(textOn("#5e3c99")).toBe("#ffffff");
  });

  it("fmtPercent keeps two significant digits for small shares", () => {
    expect(fmtPercent(0.4375)).toBe("44%");
    expect(fmtPercent(0.000055)).toBe("0.0055%");
    expect(fmtPercent(0)).toBe("0%");
  });
});

describe("buildStanceMatrix", () => {
  const statement: Statement = {
    id: "s1",
    date: "2025-03-02",
    speaker: "Minister",
    party: "gov",
    paraphrase: "Said no.",
    about: [{ framework: "f", point: "p1" }],
    stance: "reject",
    source: { outlet: "Daily" },
    confidence: "H",
  };
  const entry: FrameworkEntryJson = {
    id: "f",
    name: "Draft",
    basis: null,
    open: ["border"],
    clashes: [],
    points: [
      {
        id: "p2",
        number: 2,
        text: "Second",
        issues: ["b"],
        stances: { gov: { value: null, redLine: false, declared: null, modelled: "accept", mismatch: false, redLines: [] } },
      },
      {
        id: "p1",
        number: 1,
        text: "First",
        issues: ["a"],
        stances: {
          gov: {
            value: 0.25,
            redLine: true,
            modelled: "reject",
            mismatch: false,
            redLines: [{ kind: "forbid", issue: "a", values: ["x"], note: "never x" }],
            declared: { stance: "reject", stances: ["reject"], date: "2025-03-02", statement: "s1", source: { outlet: "Daily" }, via: "point", confidence: "H", speaker: "" },
          },
        },
      },
    ],
    verdicts: {
      gov: {
        utility: 0.4,
        utilityRange: { min: 0.4, max: 0.6 },
        accepts: false,
        verdict: "depends",
        reservation: 0.5,
        redLinesCrossed: [],
        declared: null,
        declaredDisagrees: false,
        explanation: {
          framework: "f",
          party: "gov",
          verdict: "depends",
          utility: { min: 0.4, max: 0.6 },
          reservation: 0.5,
          method: "additive",
          total: { worst: 0.4, best: 0.6 },
          ideal: 1,
          ranking: { completion: "worst", by: "loss" },
          issues: [],
          topIssues: [],
          redLines: [],
          reasons: ["worst-below-reservation"],
          declared: [],
          statements: {},
          restsOnWeakSources: false,
          weakGrounds: [],
        },
      },
    },
    amendments: { basis: "worst", count: 0, best: [], fixes: {}, truncated: false },
  };

  it("buildStanceMatrix orders points, colours values and explains cells", () => {
    const m = buildStanceMatrix(entry, [{ id: "gov", label: "Government" }, { id: "other", label: "Other" }], [statement]);
    expect(m.parties.map((p) => p.id)).toEqual(["gov"]);
    expect(m.rows.map((r) => r.number)).toEqual([1, 2]);
    const cell = m.rows[0]!.cells[0]!;
    expect(cell).toMatchObject({ value: 0.25, text: "0.25", redLine: true, background: valueColor(0.25) });
    expect(cell.declared?.symbol).toBe("✗");
    expect(cell.tip).toContain("never x");
    expect(cell.tip).toContain("“Said no.”");
    expect(m.rows[1]!.cells[0]!.text).toBe("–");
    expect(m.verdicts[0]).toMatchObject({ verdict: "depends", text: "0.4–0.6", mismatch: false });
  });

  it("buildStanceMatrix shows every stance of a statement with several claims, and flags a verdict the declared stance contradicts", () => {
    const declared = { stance: "accept" as const, stances: ["deny" as const, "accept" as const], date: "2025-03-02", statement: "s1", source: { outlet: "Daily" }, via: "framework" as const, confidence: "H" as const, speaker: "" };
    const rejected: FrameworkEntryJson = {
      ...entry,
      verdicts: { gov: { ...entry.verdicts["gov"]!, verdict: "reject", declared, declaredDisagrees: true } },
    };
    const v = buildStanceMatrix(rejected, [{ id: "gov", label: "Government" }], [statement]).verdicts[0]!;
    expect(v.mismatch).toBe(true);
    expect(v.declared?.symbol).toBe("⊘✓");
    expect(v.tip).toContain("Declared: denies and accepts");
    expect(v.tip).toContain("The declared stance contradicts the verdict.");
  });
});

describe("other chart models", () => {
  it("buildParallelModel spaces the axes and samples long frontiers", () => {
    const points = Array.from({ length: 100 }, (_, k) => [k / 100, 1 - k / 100, 0.5]);
    const m = buildParallelModel({ width: 600, height: 300, parties: ["a", "b", "c"].map((id) => ({ id, label: id })), points, reservation: [0, 0.5, 1], highlights: [], maxLines: 10 });
    expect(m.axes.map((a) => a.anchor)).toEqual(["start", "middle", "end"]);
    expect(m.drawn).toBe(10);
    expect(m.total).toBe(100);
    expect(m.axes[2]!.reservationY).toBe(m.top);
  });

  it("buildUtilityTimeModel keeps the visible offers, each seat's utility, and the agreement", () => {
    const trace: TraceEventJson[] = [
      { seq: 0, round: 0, time: 0, type: "offer", sender: 0, senderId: "a", utilities: [1, 0.2] },
      { seq: 1, round: 0, time: 0.5, type: "accept", sender: 1, senderId: "b" },
      { seq: 2, round: 0, time: 0.5, type: "agreement", sender: -1, senderId: "mediator", utilities: [1, 0.2] },
    ];
    const m = buildUtilityTimeModel(trace, ["a", "b"], 1);
    expect(m.points).toEqual([
      { seat: 0, party: "a", time: 0, round: 0, seq: 0, utility: 1, from: 0, own: true, series: "0<0" },
      { seat: 1, party: "b", time: 0, round: 0, seq: 0, utility: 0.2, from: 0, own: false, series: "1<0" },
    ]);
    expect(m.agreement).toBeNull();
    expect(buildUtilityTimeModel(trace, ["a", "b"]).agreement).toEqual({ time: 0.5, utilities: [1, 0.2] });
  });

  it("valueFunctionBars samples long integer ranges with both ends; weightBars shares", () => {
    const bars = valueFunctionBars({ kind: "integer", id: "t", min: 0, max: 100 }, { kind: "linear", slope: 0.01, offset: 0 }, 5);
    expect(bars.map((b) => b.label)).toEqual(["0", "25", "50", "75", "100"]);
    expect(bars[4]!.value).toBeCloseTo(1);
    const w = weightBars([{ kind: "integer", id: "a", min: 0, max: 1 }, { kind: "integer", id: "b", min: 0, max: 1 }], { a: 3, b: 1 });
    expect(w.map((x) => x.value)).toEqual([0.75, 0.25]);
  });
});
