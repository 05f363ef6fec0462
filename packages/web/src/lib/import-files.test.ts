import { describe, expect, it } from "vitest";
import type { ApiIssue } from "../api/types.js";
import { annotateLines, issuePath, issuesByFile, uploadFor } from "./import-files.js";

const issue = (line: number | undefined, message: string, file?: string): ApiIssue => ({
  code: "PARLEY_FMT_VALUE",
  path: ["parties", 0],
  message,
  severity: "error",
  ...(line !== undefined ? { line } : {}),
  ...(file !== undefined ? { file } : {}),
});

describe("uploadFor", () => {
  it("uploadFor(one native file) sends its text with its format", () => {
    expect(uploadFor([{ name: "a.yml", text: "x" }])).toEqual({ upload: { format: "yaml", text: "x" } });
    expect(uploadFor([{ name: "a.JSON", text: "{}" }])).toEqual({ upload: { format: "json", text: "{}" } });
  });

  it("uploadFor(.xml files) sends a GENIUS folder in file-name order", () => {
    const r = uploadFor([
      { name: "b_profile.xml", text: "b" },
      { name: "a_domain.xml", text: "a" },
    ]);
    expect(r).toEqual({ upload: { format: "genius", files: [{ name: "a_domain.xml", text: "a" }, { name: "b_profile.xml", text: "b" }] } });
  });

  it("uploadFor refuses mixtures, several native files and unknown kinds", () => {
    expect(uploadFor([])).toHaveProperty("error");
    expect(uploadFor([{ name: "a.yaml", text: "" }, { name: "b.yaml", text: "" }])).toHaveProperty("error");
    expect(uploadFor([{ name: "a.yaml", text: "" }, { name: "b.xml", text: "" }])).toHaveProperty("error");
    expect(uploadFor([{ name: "a.txt", text: "" }])).toHaveProperty("error");
  });
});

describe("issuesByFile", () => {
  it("issuesByFile gives a file-less problem to the only file, and matches names by base name", () => {
    const one = issuesByFile([{ name: "s.yaml", text: "" }], [issue(2, "m")]);
    expect(one.files).toHaveLength(1);
    expect(one.general).toEqual([]);
    const two = issuesByFile(
      [
        { name: "d.xml", text: "" },
        { name: "p.xml", text: "" },
      ],
      [issue(3, "in p", "folder/p.xml"), issue(undefined, "folder-level")],
    );
    expect(two.files.map((f) => f.file.name)).toEqual(["p.xml"]);
    expect(two.general.map((i) => i.message)).toEqual(["folder-level"]);
  });
});

describe("annotateLines", () => {
  it("annotateLines puts each problem beside its line", () => {
    const lines = annotateLines("a\nb\nc\n", [issue(2, "bad b"), issue(9, "past the end")]);
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3]);
    expect(lines[1]!.issues.map((i) => i.message)).toEqual(["bad b"]);
    expect(lines[2]!.issues.map((i) => i.message)).toEqual(["past the end"]);
  });

  it("annotateLines cuts long files to the lines around the problems", () => {
    const text = Array.from({ length: 300 }, (_, k) => `line ${k + 1}`).join("\n");
    const lines = annotateLines(text, [issue(100, "x")], 2);
    expect(lines.map((l) => l.number)).toEqual([null, 98, 99, 100, 101, 102, null]);
  });

  it("issuePath writes a field path", () => {
    expect(issuePath(["parties", 2, "preferences", "reservation"])).toBe("parties[2].preferences.reservation");
  });
});
