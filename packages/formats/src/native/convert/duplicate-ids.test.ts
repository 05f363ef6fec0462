import { describe, expect, it } from "vitest";
import { parseScenario } from "../parse-scenario.js";

describe("scenarioFromFile: duplicate ids and dates", () => {
  it("names the earlier item that uses an id, in every list of the file", () => {
    const r = parseScenario(`parley: 1
id: t
name: T
issues:
  - {id: b, kind: categorical, options: [x, y]}
  - {id: b, kind: integer, min: 0, max: 1}
parties:
  - id: p
    preferences:
      values: {b: [x, y]}
      redLines:
        - {id: r, forbid: {b: x}}
        - {id: r, forbid: {b: y}}
  - {id: p}
frameworks:
  - {id: f, date: 2025-02-30, points: []}
  - {id: f, points: []}
statements:
  - {id: s, date: 2025-03-01, speaker: S, party: p, paraphrase: P, about: [b], stance: accept, source: {outlet: W}, confidence: H}
  - {id: s, date: 2025-03-01, speaker: S, party: p, paraphrase: P, about: [b], stance: accept, source: {outlet: W}, confidence: H}
events:
  - {id: e, date: 2025-03-02, kind: talks, title: T, source: {outlet: W}, confidence: H}
  - {id: e, date: 2025-03-02, kind: talks, title: T, source: {outlet: W}, confidence: H}
`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["issues.1.id", 'Issue id "b" is already used by issues[0]; give each issue its own id.'],
      ["parties.0.preferences.redLines.1.id", 'Red line id "r" is already used by redLines[0] of this party; give each red line its own id.'],
      ["parties.1.id", 'Party id "p" is already used by parties[0]; give each party its own id.'],
      ["frameworks.0.date", '"2025-02-30" is not a calendar date; write a real date as YYYY-MM-DD.'],
      ["frameworks.1.id", 'Framework id "f" is already used by frameworks[0]; give each framework its own id.'],
      ["statements.1.id", 'Statement id "s" is already used by statements[0]; give each statement its own id.'],
      ["events.1.id", 'Event id "e" is already used by events[0]; give each event its own id.'],
    ]);
  });
});
