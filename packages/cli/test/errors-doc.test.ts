import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { auditErrorCodes } from "@parley/audit";
import { clientErrorCodes } from "@parley/client";
import { parleyErrorCodes, runErrorCodes } from "@parley/core";
import { formatIssueCodes } from "@parley/formats";
import { httpErrorCodes } from "@parley/server";

const doc = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../docs/errors.md"), "utf8");
const documented = [...doc.matchAll(/^### ((?:PARLEY|AGENT|RUN)_[A-Z_]+)$/gm)].map((m) => m[1]!);

describe("docs/errors.md", () => {
  it("documents every error code", () => {
    for (const code of [...parleyErrorCodes, ...runErrorCodes, ...formatIssueCodes, ...httpErrorCodes, ...auditErrorCodes, ...clientErrorCodes]) expect(documented).toContain(code);
  });
  it("documents no code that does not exist", () => {
    const known = new Set<string>([...parleyErrorCodes, ...runErrorCodes, ...formatIssueCodes, ...httpErrorCodes, ...auditErrorCodes, ...clientErrorCodes]);
    for (const code of documented) expect(known.has(code), code).toBe(true);
  });
});
