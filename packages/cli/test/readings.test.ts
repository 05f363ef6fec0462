import { describe, expect, it } from "vitest";
import { parley as run } from "./run-cli.js";

interface FrameworkJson {
  dealPossible: boolean;
  zoneMargin: { delta: number | null; commonLevel: number | null };
  readingDeciders: { nominal: boolean; deciders: string[][]; evaluated: { readings: string[]; possible: boolean }[] } | null;
  readings?: { id: string; label?: string }[];
}

const dealUnder = async (...readings: string[]) => {
  const r = await run(["framework", "--json", "--framework", "28-point", "--top", "1", ...readings.flatMap((id) => ["--reading", id])]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as FrameworkJson;
};

describe("--reading on the built-in scenario", () => {
  it("the readings the issue names decide whether a deal is possible", async () => {
    const nominal = await dealUnder();
    expect(nominal.dealPossible).toBe(true);
    expect(nominal.readings).toBeUndefined();
    const zone = await dealUnder("russia-donbas-rules-out-zone");
    expect(zone.dealPossible).toBe(false);
    expect(zone.readings).toEqual([{ id: "russia-donbas-rules-out-zone", label: "Russia's Donbas condition also rules out a demilitarised / free economic zone" }]);
    expect((await dealUnder("russia-no-truce-rules-out-ceasefire-on-signing")).dealPossible).toBe(false);
    expect((await dealUnder("reservation-0.55")).dealPossible).toBe(false);
    expect((await dealUnder("reservation-0.45")).dealPossible).toBe(true);
    // The framework report names the same deciders, and the margin agrees with the reservation readings:
    // the zone survives a rise of every reservation value from 0.5 to 0.5 + δ, not to 0.55.
    expect(nominal.readingDeciders!.deciders).toEqual([["russia-donbas-rules-out-zone"], ["russia-no-truce-rules-out-ceasefire-on-signing"], ["reservation-0.55"]]);
    const { delta, commonLevel } = nominal.zoneMargin;
    expect(delta).toBeGreaterThan(0);
    expect(delta).toBeLessThan(0.05);
    expect(commonLevel).toBeCloseTo(0.5 + delta!, 12);
  });

  it("Ukraine's red line on the land it holds in the south: nominal, and set aside by a reading", async () => {
    type Solution = { outcome: Record<string, string | number> };
    type AnalyzeJson = { rational: { count: number } } & Record<"nash" | "kalaiSmorodinsky" | "egalitarian" | "maxWelfare", Solution[]>;
    const analyze = async (...readings: string[]) => {
      const r = await run(["analyze", "--json", "--no-survival", ...readings.flatMap((id) => ["--reading", id])]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as AnalyzeJson;
    };
    const nominal = await analyze();
    const narrow = await analyze("ukraine-south-negotiable");
    expect(nominal.rational.count).toBeGreaterThan(0);
    expect(nominal.rational.count).toBeLessThan(narrow.rational.count);
    expect((await dealUnder("ukraine-south-negotiable")).dealPossible).toBe(true);
    // Nominally no solution gives Russia the whole southern oblasts (Ukraine's red line forbids them).
    for (const key of ["nash", "kalaiSmorodinsky", "egalitarian", "maxWelfare"] as const) {
      for (const s of nominal[key]) expect(s.outcome.south, key).not.toBe("whole-oblasts");
    }
  });

  it("says on stderr which readings are in force, on every analysis command", async () => {
    for (const args of [["analyze", "--json"], ["timeline", "--json"], ["compare", "28-point", "20-point"], ["exclude", "europe"], ["simulate", "--steps", "3"], ["robustness", "--samples", "2"], ["history"]]) {
      const r = await run([...args, "--reading", "reservation-0.45"]);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      expect(r.stderr, args.join(" ")).toContain("parley: under reading reservation-0.45 (the nominal model otherwise)");
      if (args.includes("--json")) expect((JSON.parse(r.stdout) as FrameworkJson).readings).toEqual([{ id: "reservation-0.45", label: "Every reservation value 0.45" }]);
    }
  });

  it("refuses an unknown reading with a suggestion, and two readings that change the same thing", async () => {
    const unknown = await run(["analyze", "--reading", "reservation-055"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown reading "reservation-055"\. Did you mean "reservation-0\.55"\? Readings are: russia-donbas-rules-out-zone/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const both = await run(["framework", "--reading", "reservation-0.45,reservation-0.55"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/readings "reservation-0\.45" and "reservation-0\.55" cannot be selected together: both change us's reservation value/);
  });
});

describe("robustness and analyze vary the readings", () => {
  it("robustness --json reports the deal check and each reading's effect; analyze --json how often the Nash package survives", async () => {
    const r = await run(["robustness", "--json", "--samples", "40", "--seed", "2"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { reservationRange: number; deal: { nominal: boolean; possible: number }; readings: { reading: string; dealOn: number | null }[] };
    expect(j.reservationRange).toBe(0.05);
    expect(j.deal.nominal).toBe(true);
    expect(j.readings.map((x) => x.reading).sort()).toEqual(["reservation-0.45", "reservation-0.55", "russia-donbas-rules-out-zone", "russia-no-truce-rules-out-ceasefire-on-signing", "ukraine-south-negotiable"]);
    // Either broad reading leaves no deal in any sample that draws it.
    for (const id of ["russia-donbas-rules-out-zone", "russia-no-truce-rules-out-ceasefire-on-signing"]) expect(j.readings.find((x) => x.reading === id)!.dealOn).toBe(0);
    const fixed = JSON.parse((await run(["robustness", "--json", "--samples", "10", "--no-vary-readings", "--reservation-range", "0"])).stdout) as typeof j;
    expect(fixed.readings).toEqual([]);
    expect(fixed.deal.possible).toBe(1);

    const a = await run(["analyze", "--json", "--survival-samples", "40", "--seed", "2"]);
    const survival = (JSON.parse(a.stdout) as { nashSurvival: { samples: number; stable: number; dealPossible: number; readings: string[] } }).nashSurvival;
    expect(survival.samples).toBe(40);
    expect(survival.readings).toHaveLength(j.readings.length);
    expect(survival.stable).toBeGreaterThanOrEqual(0);
    expect(survival.stable).toBeLessThanOrEqual(survival.dealPossible);
    const text = await run(["analyze", "--survival-samples", "40", "--seed", "2"]);
    expect(text.stdout).toMatch(/Robustness: the nominal Nash package is still the Nash package in \d+\.\d% of 40 samples/);
    expect((JSON.parse((await run(["analyze", "--json", "--no-survival"])).stdout) as { nashSurvival: unknown }).nashSurvival).toBeNull();
  });
});
