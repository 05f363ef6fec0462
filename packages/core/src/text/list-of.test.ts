import { describe, expect, it } from "vitest";
import { describeValue, listOf } from "@parley/core";

describe("listOf(items, max)", () => {
  it("joins the items, cutting after max with the total", () => {
    expect(listOf(["a", 2, "c"])).toBe("a, 2, c");
    expect(listOf(["a", "b", "c", "d"], 2)).toBe("a, b, … (4 in all)");
    expect(listOf([])).toBe("");
  });
});

describe("describeValue(value)", () => {
  it("quotes text (cut to 60 characters) and names everything else", () => {
    expect(describeValue("yes")).toBe('"yes"');
    expect(describeValue("x".repeat(80))).toBe(`"${"x".repeat(57)}..."`);
    expect([5, true, null, undefined, [1], { a: 1 }].map(describeValue)).toEqual(["5", "true", "an empty value", "nothing", "a list", "a map"]);
  });
});
