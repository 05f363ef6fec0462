// Loads every scenario folder of the GENIUS corpus beside the checkout (ANAC 2010–2016 + other/),
// read in place; skipped when it is absent (test/corpus.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileScenario, outcomeIndicesAt, type CompiledScenario, type Scenario } from "@parley/core";
import { describe, expect, it } from "vitest";
import { formatIssueText } from "../src/format-issue.js";
import { geniusFilesToScenario, parseGeniusDomain, scenarioToGenius } from "../src/genius/index.js";
import { readGeniusFolderSync } from "../src/node/read-genius-folder.js";
import { geniusCorpusDir, geniusExpectedPath, hasGeniusCorpus, hasGeniusReference } from "../../../test/corpus.js";

const dataRoot = geniusCorpusDir;
const referencePath = geniusExpectedPath;
const haveData = hasGeniusCorpus;

/** Folders that are expected not to load, with the reason. Every folder of the corpus loads today. */
const expectedFailures: Readonly<Record<string, string>> = {};

function scenarioFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir, { withFileTypes: true });
  const here = entries.some((e) => e.isFile() && e.name.toLowerCase().endsWith(".xml")) ? [dir] : [];
  return [...here, ...entries.filter((e) => e.isDirectory()).flatMap((e) => scenarioFolders(path.join(dir, e.name)))];
}
const folders = scenarioFolders(dataRoot).map((d) => path.relative(dataRoot, d).split(path.sep).join("/"));

const loaded = new Map<string, Scenario>();
function load(folder: string): Scenario {
  const cached = loaded.get(folder);
  if (cached) return cached;
  const r = readGeniusFolderSync(path.join(dataRoot, folder), { id: folder });
  if (!r.ok) throw new Error(`${folder} does not load:\n${r.issues.map(formatIssueText).join("\n")}`);
  loaded.set(folder, r.value);
  return r.value;
}

/** Deterministic sample: the first 2000 outcomes and 2000 random ones (a random digit per issue). */
function sampleOutcomes(c: CompiledScenario, seed: number): Int32Array[] {
  const out: Int32Array[] = [];
  const first = Math.min(c.size, 2000);
  for (let k = 0; k < first; k++) out.push(outcomeIndicesAt(c, k));
  if (c.size <= 2000) return out;
  let s = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  for (let k = 0; k < 2000; k++) out.push(Int32Array.from(c.radices, (r) => Math.floor(next() * r)));
  return out;
}

describe.skipIf(!haveData)("GENIUS corpus interop", () => {
  it("finds the corpus", () => {
    expect(folders.filter((f) => f.startsWith("anac/")).length).toBeGreaterThan(100);
  });

  for (const folder of folders) {
    it(`${folder} loads, utilities lie in [0, 1], and a write/read round trip keeps them`, () => {
      if (expectedFailures[folder]) {
        const r = readGeniusFolderSync(path.join(dataRoot, folder));
        expect(r.ok, expectedFailures[folder]).toBe(false);
        return;
      }
      const scenario = load(folder);
      expect(scenario.parties.length).toBeGreaterThan(0);
      const compiled = compileScenario(scenario);
      const sample = sampleOutcomes(compiled, folder.length * 7919);
      for (const p of compiled.parties)
        for (const idx of sample) {
          const u = p.utility.evaluate(idx);
          if (!(u >= 0 && u <= 1)) expect.fail(`${folder} ${p.party.id}: utility ${u} at [${Array.from(idx).join(",")}]`);
        }

      const written = scenarioToGenius(scenario);
      if (!written.ok) throw new Error(written.issues.map(formatIssueText).join("\n"));
      const back = geniusFilesToScenario([written.value.domain, ...written.value.profiles], { id: folder });
      if (!back.ok) throw new Error(back.issues.map(formatIssueText).join("\n"));
      const again = compileScenario(back.value);
      expect(again.radices).toEqual(compiled.radices);
      for (const p of compiled.parties) {
        const q = again.parties.find((x) => x.party.id === p.party.id)!;
        expect([q.reservation, q.discount]).toEqual([p.reservation, p.discount]);
        for (const idx of sample) {
          const d = Math.abs(p.utility.evaluate(idx) - q.utility.evaluate(idx));
          if (!(d <= 1e-12)) expect.fail(`${folder} ${p.party.id}: round trip differs by ${d}`);
        }
      }
    });
  }
});

interface Reference {
  readonly parties: readonly string[];
  readonly outcomes: number;
  readonly reservation: readonly number[];
  readonly rational: number;
  readonly pareto: readonly (readonly number[])[];
}
const references: Record<string, Reference> =
  hasGeniusReference ? (JSON.parse(readFileSync(referencePath, "utf8")) as Record<string, Reference>) : {};

describe.skipIf(!hasGeniusReference)("GENIUS corpus vs genius-expected.json", () => {
  it("finds the reference numbers", () => {
    expect(Object.keys(references).length).toBeGreaterThan(0);
  });

  for (const [folder, ref] of Object.entries(references)) {
    it(`${folder}: parties, outcome count, reservations, rational count and best utilities match`, () => {
      const compiled = compileScenario(load(folder));
      expect(compiled.parties.map((p) => p.party.id)).toEqual(ref.parties);
      expect(compiled.size).toBe(ref.outcomes);
      expect(compiled.parties.map((p) => p.reservation)).toEqual(ref.reservation);
      // Loading checks that need no analysis: how many outcomes are rational, and each party's best
      // utility over them (which the Pareto frontier attains).
      let rational = 0;
      const best = compiled.parties.map(() => -Infinity);
      for (let k = 0; k < compiled.size; k++) {
        const idx = outcomeIndicesAt(compiled, k);
        const us = compiled.parties.map((p) => p.utility.evaluate(idx));
        if (us.every((u, i) => u >= compiled.parties[i]!.reservation)) {
          rational++;
          us.forEach((u, i) => (best[i] = Math.max(best[i]!, u)));
        }
      }
      expect(rational).toBe(ref.rational);
      best.forEach((b, i) => expect(b).toBeCloseTo(Math.max(...ref.pareto.map((v) => v[i]!)), 6));
    });
  }
});

/**
 * An independent reading of ANAC 2014 hyper-rectangle profiles with GENIUS's semantics
 * (NonlinearUtilitySpace): u = min(1, Σ utility·weight / maxutility); INCLUDES counts when every
 * bound holds, EXCLUDES when some bound fails; a rectangle with EXCLUDES uses only those.
 */
function geniusNonlinear(text: string, position: ReadonlyMap<number, number>): (values: readonly number[]) => number {
  const maxutility = Number(/maxutility="([^"]+)"/.exec(text)![1]);
  const attr = (tag: string, name: string): number => Number(new RegExp(`\\b${name}="([^"]+)"`).exec(tag)![1]);
  const rects = [...text.matchAll(/<hyperRectangle([^>]*)>([\s\S]*?)<\/hyperRectangle>/g)].map((m) => {
    const bounds = (kind: string) =>
      [...m[2]!.matchAll(new RegExp(`<${kind}[^>]*>`, "g"))].map((b) => ({
        at: position.get(attr(b[0], "index"))!,
        min: attr(b[0], "min"),
        max: attr(b[0], "max"),
      }));
    const weight = /weight="([^"]+)"/.exec(m[1]!);
    return { utility: attr(m[1]!, "utility") * (weight ? Number(weight[1]) : 1), inc: bounds("INCLUDES"), exc: bounds("EXCLUDES") };
  });
  return (values) => {
    let s = 0;
    for (const r of rects) {
      const inside = (bs: typeof r.inc) => bs.every((b) => values[b.at]! >= b.min && values[b.at]! <= b.max);
      if (r.exc.length > 0 ? !inside(r.exc) : inside(r.inc)) s += r.utility;
    }
    return Math.min(1, s / maxutility);
  };
}

const nonlinearFolders = folders.filter((f) => {
  const dir = path.join(dataRoot, f);
  return readdirSync(dir).some((n) => n.endsWith(".xml") && readFileSync(path.join(dir, n), "utf8").includes("<hyperRectangle"));
});

describe.skipIf(!haveData)("ANAC 2014 hyper-rectangles agree with GENIUS's semantics", () => {
  it("finds the non-linear folders", () => {
    expect(nonlinearFolders.length).toBeGreaterThan(0);
  });

  for (const folder of nonlinearFolders) {
    it(folder, () => {
      const dir = path.join(dataRoot, folder);
      const names = readdirSync(dir).filter((n) => n.endsWith(".xml"));
      const domainName = names.find((n) => readFileSync(path.join(dir, n), "utf8").includes("<negotiation_template"))!;
      const domain = parseGeniusDomain(readFileSync(path.join(dir, domainName), "utf8"));
      if (!domain.ok) throw new Error("domain");
      const position = new Map(domain.value.sources.map((s, i) => [s.index, i] as const));
      const compiled = compileScenario(load(folder));
      const sample = sampleOutcomes(compiled, 12345);
      for (const p of compiled.parties) {
        const reference = geniusNonlinear(readFileSync(path.join(dir, `${p.party.id}.xml`), "utf8"), position);
        for (const idx of sample) {
          const values = Array.from(idx, (k, i) => compiled.values[i]![k] as number);
          const d = Math.abs(p.utility.evaluate(idx) - Math.max(0, reference(values)));
          if (!(d <= 1e-12)) expect.fail(`${folder} ${p.party.id}: differs from GENIUS by ${d}`);
        }
      }
    });
  }
});
