import { describe, expect, it } from "vitest";
import { parseTournamentConfig } from "./config.js";

const messages = (text: string) => {
  const r = parseTournamentConfig(text, "t.yaml");
  if (r.ok) throw new Error("expected problems");
  return r.issues.map((i) => i.message);
};

describe("parseTournamentConfig(text, file)", () => {
  it("suggests the field meant by a typo, and lists the fields", () => {
    const [message] = messages("competitors: [boulware]\nscenarios: [s.yaml]\nrepetitons: 2\n");
    expect(message).toMatch(/^Unknown field "repetitons"\. Did you mean "repetitions"\? Fields: competitors, scenarios, /);
  });

  it("names what it found as the scenario format's messages do", () => {
    expect(messages("competitors: [boulware]\nscenarios: [s.yaml]\nrounds: {a: 1}\n")).toEqual(["Expected number, but found a map."]);
  });
});
