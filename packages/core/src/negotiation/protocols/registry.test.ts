import { describe, expect, it } from "vitest";
import { createProtocol, isProtocolName, protocolNames, protocolRegistry, ProtocolViolation } from "@parley/core";

describe("protocol registry", () => {
  it("lists sao, stacked, single-text and shuttle", () => {
    expect(protocolNames).toEqual(["sao", "stacked", "single-text", "shuttle"]);
    for (const name of protocolNames) expect(protocolRegistry[name].name).toBe(name);
    expect(isProtocolName("stacked")).toBe(true);
    expect(isProtocolName("toString")).toBe(false);
  });

  it("creates protocol factories and checks names and seat counts", () => {
    expect(createProtocol("stacked", { rounds: 7 })(3).rounds).toBe(7);
    expect(createProtocol("shuttle", { rounds: 7, exclude: [1] })(3).name).toBe("shuttle");
    expect(createProtocol("single-text", { rounds: 7, radices: [2, 2], mediator: "hill-climb" })(3).name).toBe("single-text");
    expect(() => createProtocol("nope", { rounds: 1 })).toThrow(ProtocolViolation);
    expect(() => createProtocol("sao", { rounds: 1 })(3)).toThrow(/needs 2 seats/);
    expect(() => createProtocol("single-text", { rounds: 1 })(2)).toThrow(/radices/);
  });

  it("single-text draws the mediator's choices from the seed", () => {
    const texts = (seed: number) => {
      const m = createProtocol("single-text", { rounds: 5, seed, radices: [5, 5, 5] })(2);
      return JSON.stringify(m.next());
    };
    expect(texts(3)).toBe(texts(3));
    expect(texts(3)).not.toBe(texts(4));
  });
});
