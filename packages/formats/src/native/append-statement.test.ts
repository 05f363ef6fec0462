import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { appendStatement, parseScenario, type StatementInput } from "@parley/formats";

const read = (p: string) => readFileSync(fileURLToPath(new URL(p, import.meta.url)), "utf8");
const builtin = read("../../scenarios/peace-talks-2025.yaml");
const ceasefire = read("../../../../examples/ceasefire-talks.yaml");

const statement: StatementInput = {
  id: "s-new",
  date: "2026-03-05",
  speaker: "A spokesperson",
  party: "russia",
  paraphrase: "Said that some elements were acceptable.",
  about: ["eu", "28-point/5"],
  stance: "partial",
  source: { outlet: "Outlet", url: "https://example.org/x" },
  confidence: "M",
};

describe("appendStatement", () => {
  it("adds the statement and changes nothing else: every original line stays, in order", () => {
    const r = appendStatement(builtin, statement, { file: "s.yaml" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const before = builtin.split("\n");
    const after = r.text.split("\n");
    // The new text is the old one with one block inserted: a common prefix, the block, a common suffix.
    let p = 0;
    while (before[p] === after[p]) p++;
    let q = 0;
    while (q < before.length - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
    expect(p + q).toBe(before.length);
    const inserted = after.slice(p, after.length - q).join("\n");
    expect(inserted).toContain("- id: s-new");
    expect(inserted).toContain("about: [eu, 28-point/5]");
    const parsed = parseScenario(r.text);
    if (!parsed.ok) throw new Error("must parse");
    expect(parsed.value.statements!.at(-1)).toMatchObject({ id: "s-new", stance: "partial", about: [{ issue: "eu" }, { framework: "28-point", point: "5" }] });
  });
  it("refuses a statement that does not fit the scenario, naming the problem", () => {
    const r = appendStatement(builtin, { ...statement, party: "atlantis", about: ["nowhere"] }, { file: "s.yaml" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["PARLEY_FMT_REFERENCE"]));
    const dup = appendStatement(builtin, { ...statement, id: "s-peskov-eu-right" });
    expect(dup.ok).toBe(false);
  });
  it("starts a statements list in a file that has none", () => {
    const r = appendStatement(ceasefire.replace(/\nstatements:[\s\S]*$/, "\n"), { ...statement, party: "government", about: [] });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.text).toMatch(/\nstatements:\n {2}- id: s-new\n/);
  });
});
