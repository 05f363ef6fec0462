import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "../src/json-error.js";

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("jsonErrorOffset", () => {
  it("agrees with JSON.parse on valid JSON, mutated JSON and arbitrary strings", () => {
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.constantFrom("", ",", "}", "]", '"', "\\", "0", "-", "e", " ", "\u0001")).map(([t, at, s]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + s + t.slice(i + (at % 2));
    });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated, fc.string()), (text) => {
        expect(jsonErrorOffset(text) === null).toBe(parses(text));
      }),
      { numRuns: 500 },
    );
  });

  it("points at the first bad character", () => {
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset("[1, 2")).toBe(5);
    expect(jsonErrorOffset("01")).toBe(1);
  });
});
