import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AuditError, canonicalJson, MAX_JSON_DEPTH } from "@parley/audit";

/** The IEEE 754 double with these 64 bits (hex). */
const double = (bits: string) => new DataView(BigUint64Array.of(BigInt(`0x${bits}`)).buffer).getFloat64(0, true);

describe("canonicalJson (RFC 8785)", () => {
  // RFC 8785 Appendix B: IEEE 754 bit patterns and their JSON serialisation.
  it.each([
    ["0000000000000000", "0"],
    ["8000000000000000", "0"],
    ["0000000000000001", "5e-324"],
    ["8000000000000001", "-5e-324"],
    ["7fefffffffffffff", "1.7976931348623157e+308"],
    ["ffefffffffffffff", "-1.7976931348623157e+308"],
    ["4340000000000000", "9007199254740992"],
    ["c340000000000000", "-9007199254740992"],
    ["4430000000000000", "295147905179352830000"],
    ["44b52d02c7e14af5", "9.999999999999997e+22"],
    ["44b52d02c7e14af6", "1e+23"],
    ["44b52d02c7e14af7", "1.0000000000000001e+23"],
    ["444b1ae4d6e2ef4e", "999999999999999700000"],
    ["444b1ae4d6e2ef4f", "999999999999999900000"],
    ["444b1ae4d6e2ef50", "1e+21"],
    ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["3eb0c6f7a0b5ed8d", "0.000001"],
    ["41b3de4355555553", "333333333.3333332"],
    ["41b3de4355555554", "333333333.33333325"],
    ["41b3de4355555555", "333333333.3333333"],
    ["41b3de4355555556", "333333333.3333334"],
    ["41b3de4355555557", "333333333.33333343"],
    ["becbf647612f3696", "-0.0000033333333333333333"],
    ["43143ff3c1cb0959", "1424953923781206.2"],
  ])("number %s serialises as %s (Appendix B)", (bits, text) => {
    expect(canonicalJson(double(bits))).toBe(text);
  });

  it.each(["7fffffffffffffff", "7ff0000000000000", "fff0000000000000"])("number %s (NaN or Infinity) is rejected (Appendix B)", (bits) => {
    expect(() => canonicalJson({ a: [double(bits)] })).toThrow(AuditError);
    expect(() => canonicalJson({ a: [double(bits)] })).toThrow(/^\$\.a\[0\]: (NaN|Infinity|-Infinity) has no RFC 8785/);
  });

  it("sorts keys by UTF-16 code units (§3.2.3)", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    const order = [...canonicalJson(input).matchAll(/"([^"]*)":"([^"]*)"/g)].map((m) => m[2]);
    expect(order).toEqual([
      "Carriage Return",
      "One",
      "Control",
      "Latin Small Letter O With Diaeresis",
      "Euro Sign",
      "Emoji: Grinning Face",
      "Hebrew Letter Dalet With Dagesh",
    ]);
  });

  it("serialises the RFC's sample object (§3.2.4)", () => {
    const text = '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}';
    expect(canonicalJson(JSON.parse(text))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("rejects what has no JSON form, naming the path", () => {
    expect(() => canonicalJson({ seat: { vote: undefined } })).toThrow(/^\$\.seat\.vote: undefined/);
    expect(() => canonicalJson([1, () => 1])).toThrow(/^\$\[1\]: a function/);
    expect(() => canonicalJson({ "a b": 10n })).toThrow(/^\$\["a b"\]: a bigint/);
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/^\$\.at: a Date object/);
    expect(() => canonicalJson({ s: "\ud800" })).toThrow(/lone UTF-16 surrogate/);
    const cycle: Record<string, unknown> = {};
    cycle["self"] = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/^\$\.self: a circular reference/);
    const deep = JSON.parse(`${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`);
    expect(() => canonicalJson(deep)).toThrow(new RegExp(`nests deeper than ${MAX_JSON_DEPTH} levels`));
    const deepest = JSON.parse(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`);
    expect(canonicalJson(deepest)).toBe(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`);
  });

  it("is idempotent and independent of key order (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const shuffled = JSON.parse(text, (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));
        expect(canonicalJson(shuffled)).toBe(text);
      }),
    );
  });
});
