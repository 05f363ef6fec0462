import { mkdtemp, readdir, readFile, rm, writeFile, chmod, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinScenarioFileName } from "../native/builtin-scenario.js";
import { parseScenario } from "../native/parse-scenario.js";
import { builtinScenarioPath, readBuiltinScenarioText } from "./builtin-scenario.js";
import { readScenarioFile, writeScenarioFile } from "./read-scenario-file.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-formats-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const builtinScenarioYaml = readBuiltinScenarioText();
const example = (() => {
  const r = parseScenario(builtinScenarioYaml);
  if (!r.ok) throw new Error("the example must parse");
  return r.value;
})();

describe("readScenarioFile", () => {
  it("reads the built-in scenario's file, shipped in the package's scenarios/ folder and linked from examples/", async () => {
    expect(builtinScenarioPath).toBe(fileURLToPath(new URL(`../../scenarios/${builtinScenarioFileName}`, import.meta.url)));
    const r = await readScenarioFile(builtinScenarioPath);
    expect(r.ok && r.value).toEqual(example);
    const linked = await readScenarioFile(fileURLToPath(new URL(`../../../../examples/${builtinScenarioFileName}`, import.meta.url)));
    expect(linked.ok && linked.value).toEqual(example);
  });

  it("reports the file name with each problem", async () => {
    const path = fileURLToPath(new URL("../../test/fixtures/broken-syntax.yaml", import.meta.url));
    const r = await readScenarioFile(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "PARLEY_FMT_SYNTAX", file: path, line: 8 });
  });

  it("reports a missing file or a folder as PARLEY_FMT_IO", async () => {
    const missing = await readScenarioFile(join(dir, "nope.yaml"));
    expect(missing).toEqual({
      ok: false,
      issues: [
        {
          code: "PARLEY_FMT_IO",
          file: join(dir, "nope.yaml"),
          path: [],
          message: `Cannot read ${join(dir, "nope.yaml")}: no such file. Check the path.`,
          severity: "error",
        },
      ],
    });
    const folder = await readScenarioFile(dir);
    expect(!folder.ok && folder.issues[0]!.code).toBe("PARLEY_FMT_IO");
  });

  it("ignores a byte-order mark", async () => {
    const path = join(dir, "bom.yaml");
    await writeFile(path, `\uFEFF${builtinScenarioYaml}`);
    expect((await readScenarioFile(path)).ok).toBe(true);
  });
});

describe("writeScenarioFile", () => {
  it("writes YAML or JSON by extension, and reads back the same scenario", async () => {
    for (const name of ["s.yaml", "s.yml", "s.json", "S.JSON"]) {
      const path = join(dir, name);
      await writeScenarioFile(path, example);
      const text = await readFile(path, "utf8");
      expect(text.trimStart().startsWith("{")).toBe(/\.json$/i.test(name));
      const r = await readScenarioFile(path);
      expect(r.ok && r.value).toEqual(example);
    }
  });

  it("replaces an existing file, keeps its permissions and leaves no temporary files", async () => {
    const path = join(dir, "replace.yaml");
    await writeFile(path, "old");
    await chmod(path, 0o640);
    await writeScenarioFile(path, example);
    expect(await readFile(path, "utf8")).not.toBe("old");
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("rejects when the folder does not exist, touching nothing", async () => {
    await expect(writeScenarioFile(join(dir, "no-such-folder", "s.yaml"), example)).rejects.toThrow();
  });

  it("writes a schema reference when asked", async () => {
    const path = join(dir, "with-schema.yaml");
    await writeScenarioFile(path, example, { schema: "../schema/scenario.schema.json" });
    expect((await readFile(path, "utf8")).split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/scenario.schema.json");
  });
});
