// `parley simulate … --json` on GENIUS Travel (188,160 outcomes), pinned against a straightforward
// reference implementation (packages/core/test/reference-sao.ts): every event of the trace, the
// agreement, the round count and the utilities.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileScenario } from "@parley/core";
import { readGeniusFolderSync } from "@parley/formats/node";
import { geniusRoot, parley } from "./run-cli.js";
import { hasGeniusCorpus } from "../../../test/corpus.js";
import { referenceAspirationSao } from "../../core/test/reference-sao.js";

describe.skipIf(!hasGeniusCorpus)("parley simulate on Travel, seeded", () => {
  it("prints the reference's trace for aspiration against aspiration, 1000 steps, seed 1", async () => {
    const folder = path.join(geniusRoot, "anac/y2010/Travel");
    const run = await parley(["simulate", folder, "--protocol", "sao", "--agents", "aspiration,aspiration", "--steps", "1000", "--seed", "1", "--json"]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { status: string; rounds: number; agreement: unknown; utilities: number[]; seats: string[]; trace: unknown[] };
    const loaded = readGeniusFolderSync(folder);
    if (!loaded.ok) throw new Error("cannot read Travel");
    const expected = referenceAspirationSao(compileScenario(loaded.value), { rounds: 1000, seats: [printed.seats[0]!, printed.seats[1]!] });
    expect(printed.status).toBe(expected.status);
    expect(printed.rounds).toBe(expected.rounds);
    expect(printed.agreement).toEqual(expected.agreement);
    expect(printed.utilities).toEqual(expected.utilities);
    expect(printed.trace).toEqual(expected.trace);
    expect(printed.rounds).toBe(747);
  });
});
