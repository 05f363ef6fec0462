// The scenarios a server starts with: the built-in one (read from @parley/formats' file) and the
// repository's example scenario files, each once.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinScenarioFileName } from "@parley/formats";
import { readBuiltinScenarioText } from "@parley/formats/node";
import { builtinSources } from "../src/store/builtins.js";
import { examplesDir } from "./helpers.js";

describe("builtinSources", () => {
  it("is the built-in scenario, then the example scenario files; the examples' link to the built-in file is not read again", () => {
    const sources = builtinSources(examplesDir);
    expect(sources[0]).toEqual({ file: builtinScenarioFileName, text: readBuiltinScenarioText() });
    const examples = sources.slice(1).map((s) => path.basename(s.file));
    expect(examples).toContain("ceasefire-talks.yaml");
    expect(examples).not.toContain(builtinScenarioFileName);
    expect(examples).not.toContain("tournament.yaml");
  });

  it("without an examples folder, is the built-in scenario alone", () => {
    expect(builtinSources(null).map((s) => s.file)).toEqual([builtinScenarioFileName]);
  });
});
