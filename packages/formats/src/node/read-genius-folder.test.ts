import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileScenario, utilityOf, type Scenario } from "@parley/core";
import { afterAll, describe, expect, it } from "vitest";
import { readGeniusFolder, readGeniusFolderSync, writeGeniusFolder } from "./read-genius-folder.js";

const root = mkdtempSync(join(tmpdir(), "parley-genius-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const scenario: Scenario = {
  id: "Deal",
  name: "Deal",
  issues: [
    { kind: "categorical", id: "price", options: ["low", "high"] },
    { kind: "integer", id: "days", min: 1, max: 3 },
  ],
  parties: [
    {
      id: "seller",
      name: "Seller",
      role: "party",
      preferences: {
        utility: {
          kind: "linear-additive",
          weights: { price: 0.7, days: 0.3 },
          values: { price: { kind: "table", scores: { low: 0, high: 1 } }, days: { kind: "linear", slope: -0.5, offset: 1 } },
        },
        reservation: 0.4,
      },
    },
    {
      id: "buyer",
      name: "Buyer",
      role: "party",
      preferences: {
        utility: {
          kind: "linear-additive",
          weights: { price: 0.6, days: 0.4 },
          values: { price: { kind: "table", scores: { low: 1, high: 0.2 } }, days: { kind: "linear", slope: 0.5, offset: 0 } },
        },
      },
    },
  ],
  frameworks: [],
};

describe("readGeniusFolder / writeGeniusFolder", () => {
  it("writeGeniusFolder(dir, scenario) then readGeniusFolder(dir) gives the same utilities, parties in file-name order", async () => {
    const dir = join(root, "Deal");
    const written = await writeGeniusFolder(dir, scenario);
    if (!written.ok) throw new Error(JSON.stringify(written.issues));
    expect(readdirSync(dir).sort()).toEqual(["Deal-domain.xml", "buyer.xml", "seller.xml"]);
    mkdirSync(join(dir, "nested.xml")); // a folder, not a file: ignored
    writeFileSync(join(dir, "notes.txt"), "ignored");

    const read = await readGeniusFolder(dir);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.id).toBe("Deal");
    expect(read.value.parties.map((p) => p.id)).toEqual(["buyer", "seller"]);
    const a = compileScenario(scenario);
    const b = compileScenario(read.value);
    for (const price of ["low", "high"])
      for (const days of [1, 2, 3])
        for (const party of ["buyer", "seller"])
          expect(utilityOf(b, party, { price, days })).toBeCloseTo(utilityOf(a, party, { price, days }), 12);
    expect(read.value.parties[1]!.preferences!.reservation).toBe(0.4);

    const sync = readGeniusFolderSync(dir, { id: "other", name: "Other" });
    if (!sync.ok) throw new Error(JSON.stringify(sync.issues));
    expect([sync.value.id, sync.value.name]).toEqual(["other", "Other"]);
    expect(sync.value.parties).toEqual(read.value.parties);
  });

  it("a missing folder or an unwritable place is a PARLEY_FMT_IO issue", async () => {
    const missing = join(root, "nope");
    const r = await readGeniusFolder(missing);
    expect(r).toMatchObject({ ok: false, issues: [{ code: "PARLEY_FMT_IO", file: missing }] });
    expect(readGeniusFolderSync(missing)).toMatchObject({ ok: false, issues: [{ code: "PARLEY_FMT_IO", file: missing }] });
    const blocker = join(root, "file");
    writeFileSync(blocker, "x");
    const w = await writeGeniusFolder(join(blocker, "sub"), scenario);
    expect(w).toMatchObject({ ok: false, issues: [{ code: "PARLEY_FMT_IO" }] });
  });

  it("folder problems carry the file's path", async () => {
    const dir = join(root, "broken");
    mkdirSync(dir);
    writeFileSync(join(dir, "only.xml"), "<utility_space>\n<weight index='1' value='1'/>\n</utility_space>");
    const r = await readGeniusFolder(dir);
    expect(r).toMatchObject({ ok: false, issues: [{ code: "PARLEY_FMT_FOLDER" }] });
  });
});
