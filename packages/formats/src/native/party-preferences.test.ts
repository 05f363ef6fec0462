import { describe, expect, it } from "vitest";
import { parsePartyPreferences } from "./party-preferences.js";

const water = `parley: 1
id: water
name: Water
issues:
  - { id: share, kind: categorical, options: [equal, by-population, by-area] }
  - { id: flow, kind: integer, min: 10, max: 40 }
parties:
  - id: upstream
    name: Upstream
    role: party
    preferences:
      reservation: 0.3
      weights: { share: 2, flow: 1 }
      values: { share: [by-area, equal, by-population], flow: decreasing }
  - { id: downstream, name: Downstream, role: party }
`;

describe("parsePartyPreferences(scenarioText, party, preferences)", () => {
  it("converts a seat's own preferences against the scenario's issues", () => {
    const r = parsePartyPreferences(water, "downstream", { reservation: 0.4, weights: { share: 1, flow: 3 }, values: { share: ["by-population", "equal", "by-area"], flow: "increasing" } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.reservation).toBe(0.4);
  });

  it("reports problems with their paths inside the object, as a scenario file would", () => {
    const r = parsePartyPreferences(water, "upstream", { reservation: 2, weights: { share: 1, nope: 1 }, values: { share: "increasing", flow: "increasing" } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path.join("."));
    expect(paths).toContain("reservation");
    expect(paths.some((p) => p.startsWith("weights"))).toBe(true);
    expect(r.issues.every((i) => i.line === undefined)).toBe(true);
  });

  it("refuses an unknown party and a value that is not an object", () => {
    expect(parsePartyPreferences(water, "mars", {}).ok).toBe(false);
    const r = parsePartyPreferences(water, "upstream", [1, 2]);
    expect(r.ok || r.issues[0]!.message).toMatch(/object/);
  });
});
