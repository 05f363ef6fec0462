import { describe, expect, it } from "vitest";
import { v8Flags } from "../src/v8-flags.js";

describe("v8Flags", () => {
  it("keeps the young generation at its first size for one-off commands, not for long-running ones", () => {
    for (const args of [["analyze", "x", "--json"], ["--version"], [], ["simulate", "--steps", "10"], ["room", "watch", "r1"]])
      expect(v8Flags(args, {})).toBe("--interrupt-budget=1048576 --semi-space-growth-factor=1");
    for (const args of [["serve"], ["worker", "--queue", "postgres://x"], ["tournament", "t.yaml"], ["tournament", "status"]])
      expect(v8Flags(args, {})).toBe("--interrupt-budget=1048576");
  });

  it("lets PARLEY_V8_FLAGS replace them, even when empty", () => {
    expect(v8Flags(["analyze"], { PARLEY_V8_FLAGS: "--trace-gc" })).toBe("--trace-gc");
    expect(v8Flags(["serve"], { PARLEY_V8_FLAGS: "" })).toBe("");
  });
});
