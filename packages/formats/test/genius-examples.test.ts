// examples/genius/: small GENIUS XML folders shipped with the repository, so that the README's and
// docs' GENIUS commands work from a clone. Each is what `parley convert` writes for its source
// (a test fails when one is stale: convert again, as examples/genius/README.md says).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseScenario, scenarioToGenius } from "@parley/formats";
import { readGeniusFolderSync } from "@parley/formats/node";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const read = (file: string) => readFileSync(path.join(repo, file), "utf8");

/** The README's scenario-format example (its one ```yaml block that is a scenario). */
function readmeScenario(): string {
  const block = /```yaml\n(# yaml-language-server[^\n]*\nparley: 1\n[\s\S]*?)```/.exec(read("README.md"));
  if (!block) throw new Error("README.md has no ```yaml scenario block");
  return block[1]!;
}

const examples: [folder: string, source: string, text: () => string][] = [
  ["examples/genius/ceasefire-talks", "examples/ceasefire-talks.yaml", () => read("examples/ceasefire-talks.yaml")],
  ["examples/genius/water-sharing", "README.md's scenario-format example", readmeScenario],
];

describe("examples/genius", () => {
  it.each(examples)("%s is what parley convert writes for %s", (folder, _source, text) => {
    const parsed = parseScenario(text(), { file: "source.yaml" });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const genius = scenarioToGenius(parsed.value);
    expect(genius.ok).toBe(true);
    if (!genius.ok) return;
    const files = [genius.value.domain, ...genius.value.profiles];
    expect(readdirSync(path.join(repo, folder)).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect(read(path.join(folder, f.name)), `${folder}/${f.name} is stale`).toBe(f.text);
  });

  it.each(examples)("%s reads back with every party of its source", (folder, _source, text) => {
    const back = readGeniusFolderSync(path.join(repo, folder));
    expect(back.ok && back.warnings).toEqual([]);
    const parsed = parseScenario(text());
    const withPreferences = parsed.ok ? parsed.value.parties.filter((p) => p.preferences).map((p) => p.id) : [];
    expect(back.ok && back.value.parties.map((p) => p.id).sort()).toEqual(withPreferences.sort());
  });
});
