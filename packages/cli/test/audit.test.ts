import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parley, repoRoot } from "./run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-audit-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const sample = path.join(repoRoot, "examples/audit/sample-room.json");
const opening = path.join(repoRoot, "examples/audit/north-opening.json");
const sampleText = readFileSync(sample, "utf8");
const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
};
const edit = (name: string, change: (log: { entries: { json: string; leafHash: string }[]; treeHeads: { signature: string; treeSize: number }[]; publicKey: string }) => void) => {
  const log = JSON.parse(sampleText);
  change(log);
  return write(name, JSON.stringify(log, null, 2));
};

describe("parley audit verify", () => {
  it("exits 0 on the sample export, saying what it verified", async () => {
    const r = await parley(["audit", "verify", sample]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/verified — log "room-sample-0001", 11 entries, 3 signed tree heads/);
    expect(r.stdout).toMatch(/latest head: 11 entries, root [0-9a-f]{64}, signed 2026-01-05T09:25:00.000Z/);
    expect(r.stdout).toMatch(/2 private submissions in the log as commitments/);
  });

  it("checks the public key given with --key", async () => {
    const key = JSON.parse(sampleText).publicKey as string;
    const ok = await parley(["audit", "verify", sample, "--key", key.toUpperCase()]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("(as expected)");
    const other = await parley(["audit", "verify", sample, "--key", "11".repeat(32)]);
    expect(other.code).toBe(4);
    expect(other.stderr).toMatch(/signed with key [0-9a-f]{64}, not the expected 1111.*\[PARLEY_AUDIT_KEY_MISMATCH\]/);
    const bad = await parley(["audit", "verify", sample, "--key", "xyz"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--key: expected/);
  });

  it("exits 4 naming the first bad entry when an entry is edited", async () => {
    const file = edit("edited.json", (log) => {
      log.entries[2]!.json = log.entries[2]!.json.replace("south", "west");
      log.entries[7]!.json = log.entries[7]!.json.replace("accept", "reject");
    });
    const r = await parley(["audit", "verify", file]);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/edited\.json: entry 2: the entry does not hash to its leaf hash .*\[PARLEY_AUDIT_ENTRY_HASH\]\n {2}field: entries\[2\]/);
  });

  it("exits 4 naming the tree head whose signature or consistency proof was changed", async () => {
    const sig = edit("sig.json", (log) => {
      const s = log.treeHeads[1]!.signature;
      log.treeHeads[1]!.signature = (s[0] === "0" ? "1" : "0") + s.slice(1);
    });
    const r = await parley(["audit", "verify", sig, "--json"]);
    expect(r.code).toBe(4);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ ok: false, entries: 11, problem: { code: "PARLEY_AUDIT_HEAD_SIGNATURE", treeHead: 1, field: "treeHeads[1].signature" } });
    const size = edit("size.json", (log) => {
      log.treeHeads[2]!.treeSize = 10;
    });
    expect((await parley(["audit", "verify", size])).stderr).toMatch(/tree head 2 \(size 10\): the signature does not verify/);
  });

  it("exits 4 when entries were dropped from the end", async () => {
    const file = edit("dropped.json", (log) => {
      log.entries.pop();
    });
    const r = await parley(["audit", "verify", file]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/tree head 2 \(size 11\): the export has only 10 entries/);
  });

  it("checks a seat's opening of its commitment", async () => {
    const r = await parley(["audit", "verify", sample, "--opening", opening, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, problem: null, opening: { entry: 4, ok: true, problem: null } });
    const wrong = JSON.parse(readFileSync(opening, "utf8"));
    wrong.payload.reservation = 0.1;
    const w = await parley(["audit", "verify", sample, "--opening", write("wrong-opening.json", JSON.stringify(wrong))]);
    expect(w.code).toBe(4);
    expect(w.stderr).toMatch(/entry 4's commitment is not to this payload under this salt/);
    const other = await parley(["audit", "verify", sample, "--opening", write("other-entry.json", JSON.stringify({ ...wrong, entry: 3 }))]);
    expect(other.code).toBe(4);
    expect(other.stderr).toMatch(/entry 3 holds no commitment/);
  });

  it("exits 2 with the file and field for a file that is not an export, never a stack trace", async () => {
    const cases: [string, RegExp][] = [
      [write("truncated.json", sampleText.slice(0, 200)), /truncated\.json: not JSON \(line \d+, column \d+\).*\[PARLEY_AUDIT_MALFORMED_EXPORT\]/],
      [write("scenario.json", '{"id": "x"}'), /scenario\.json: format: expected "parley-audit-log"/],
      [edit("badhex.json", (log) => void (log.entries[3]!.leafHash = "XYZ")), /badhex\.json: entries\[3\]\.leafHash: expected 64 lower-case hex digits/],
      [path.join(tmp, "missing.json"), /missing\.json: no such file/],
    ];
    for (const [file, message] of cases) {
      const r = await parley(["audit", "verify", file]);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    }
  });
});
