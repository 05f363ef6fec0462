// The error registry and the one error shape.
import { describe, expect, it } from "vitest";
import { ParleyError, parleyErrorCodes } from "@parley/core";
import { formatMessage, httpErrorCodes, httpErrors, HttpError, parleyErrorStatus, toErrorReply } from "../src/errors.js";

const limits = { bodyBytes: 100 };

describe("the PARLEY_HTTP_* registry", () => {
  it("every code is PARLEY_HTTP_<WHAT> with an error status and a message template", () => {
    expect(httpErrorCodes.length).toBeGreaterThan(10);
    for (const code of httpErrorCodes) {
      expect(code).toMatch(/^PARLEY_HTTP_[A-Z_]+$/);
      expect(httpErrors[code].status).toBeGreaterThanOrEqual(400);
      expect(httpErrors[code].status).toBeLessThan(600);
      expect(httpErrors[code].message).not.toBe("");
    }
  });

  it("parleyErrorStatus maps every core code to 400 or 422, and the room rules' codes to 400, 403 or 409", () => {
    for (const code of parleyErrorCodes) expect(code.startsWith("PARLEY_ROOM_") ? [400, 403, 409] : [400, 422]).toContain(parleyErrorStatus[code]);
    expect(Object.keys(parleyErrorStatus).sort()).toEqual([...parleyErrorCodes].sort());
  });

  it("formatMessage(template, args) fills %s in order", () => {
    expect(formatMessage('no scenario "%s" (v%s)', ["a", 2])).toBe('no scenario "a" (v2)');
    expect(formatMessage("%s and %s", ["x"])).toBe("x and %s");
  });
});

describe("toErrorReply(error)", () => {
  it("HttpError → its code, status and issues", () => {
    const issues = [{ code: "PARLEY_FMT_SYNTAX", line: 3, path: [], message: "bad", severity: "error" as const }];
    const { body } = toErrorReply(new HttpError("PARLEY_HTTP_INVALID_SCENARIO", ["1 error"], { issues }), limits);
    expect(body).toEqual({ statusCode: 400, code: "PARLEY_HTTP_INVALID_SCENARIO", error: "Bad Request", message: "the scenario does not load: 1 error (see issues)", issues });
  });
  it("ParleyError → the core's code with the table's status", () => {
    expect(toErrorReply(new ParleyError("PARLEY_ERR_SPACE_TOO_LARGE", "too big"), limits).body).toEqual({
      statusCode: 422,
      code: "PARLEY_ERR_SPACE_TOO_LARGE",
      error: "Unprocessable Entity",
      message: "too big",
    });
  });
  it("fastify's own errors → our codes; anything else → 500 PARLEY_HTTP_INTERNAL (flagged internal)", () => {
    expect(toErrorReply(Object.assign(new Error("x"), { code: "FST_ERR_CTP_BODY_TOO_LARGE", statusCode: 413 }), limits).body.code).toBe("PARLEY_HTTP_BODY_TOO_LARGE");
    expect(toErrorReply(Object.assign(new Error("odd"), { statusCode: 400 }), limits).body.code).toBe("PARLEY_HTTP_BAD_REQUEST");
    const boom = toErrorReply(new TypeError("boom"), limits);
    expect(boom.body).toMatchObject({ statusCode: 500, code: "PARLEY_HTTP_INTERNAL", error: "Internal Server Error" });
    expect(boom.internal).toBeInstanceOf(TypeError);
    expect(toErrorReply("a string", limits).body.code).toBe("PARLEY_HTTP_INTERNAL");
    expect(toErrorReply(null, limits).body.code).toBe("PARLEY_HTTP_INTERNAL");
  });
});
