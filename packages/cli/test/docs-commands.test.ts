// Every `parley` command line in the README's and docs' shell blocks runs from the repository
// alone and exits 0: `npm run parley -- …`, `npx parley …` and `parley …` lines, in process (the
// same runCli as the bin). They run in a scratch folder in which `examples/` links to the
// repository's, so commands that write files (convert, tournament --out, > redirects) write there.
// Skipped: `serve` (it does not return), and template lines with placeholders (… or CAPITALS).
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parley, repoRoot } from "./run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-docs-"));
symlinkSync(path.join(repoRoot, "examples"), path.join(tmp, "examples"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface DocCommand {
  readonly file: string;
  readonly line: number;
  readonly args: string[];
}

const commandLine = /^(?:[A-Z_]+=\S+\s+)*(?:npm run parley --|npx parley|parley)\s+(.*)$/;

/** Split on spaces, keeping single- or double-quoted words whole; drops a trailing `# comment` and a `> file` redirect. */
function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const word = m[1] ?? m[2] ?? m[3]!;
    if (m[3] !== undefined && word.startsWith("#")) break;
    out.push(word);
  }
  const redirect = out.indexOf(">");
  return redirect >= 0 ? out.slice(0, redirect) : out;
}

function docCommands(file: string): DocCommand[] {
  const text = readFileSync(path.join(repoRoot, file), "utf8");
  const found: DocCommand[] = [];
  let fence: string | null = null;
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    const open = /^```(\w*)/.exec(line);
    if (open) {
      fence = fence === null ? open[1]! : null;
      return;
    }
    if (fence === null || !["sh", "bash", "shell", "console"].includes(fence)) return;
    const m = commandLine.exec(line.replace(/^\$\s+/, ""));
    if (!m) return;
    const args = words(m[1]!);
    if (args[0] === "serve" || args.some((a) => a.includes("…") || /^[A-Z][A-Z_.]*$/.test(a))) return;
    found.push({ file, line: i + 1, args });
  });
  return found;
}

const docFiles = ["README.md", ...readdirSync(path.join(repoRoot, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const found = docFiles.flatMap(docCommands);
/** Each distinct command once, where it first appears (the peace-talks page repeats some of the README's). */
const commands = found.filter((c, i) => found.findIndex((d) => d.args.join("\u0000") === c.args.join("\u0000")) === i);

describe("the command lines in README.md and docs/*.md", () => {
  it("are found (the README's tour alone has a dozen)", () => {
    expect(found.filter((c) => c.file === "README.md").length).toBeGreaterThanOrEqual(12);
    expect(commands.some((c) => c.args.includes("examples/genius/water-sharing"))).toBe(true);
  });

  it.each(commands.map((c) => [`${c.file}:${c.line} parley ${c.args.join(" ")}`, c] as const))("%s exits 0", async (_name, c) => {
    const r = await parley(c.args, tmp);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});
