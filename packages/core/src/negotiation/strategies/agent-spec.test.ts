import { describe, expect, expectTypeOf, it } from "vitest";
import {
  createNegotiator,
  formatAgentSpec,
  isParleyError,
  negotiatorFromSpec,
  negotiatorNames,
  negotiatorRegistry,
  parseAgentSpec,
  parseAgentSpecs,
  type NegotiatorName,
  type NegotiatorParameters,
} from "@parley/core";

const failure = (fn: () => unknown): { code: string; message: string } => {
  try {
    fn();
  } catch (error) {
    if (isParleyError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a ParleyError");
};

describe("parseAgentSpec", () => {
  it("reads a bare name with every default", () => {
    expect(parseAgentSpec("boulware")).toEqual({ name: "boulware", params: { e: 0.2, k: 0, model: "none" } });
    expect(parseAgentSpec("  micro  ")).toEqual({ name: "micro", params: {} });
    expect(parseAgentSpec("hardliner()")).toEqual({ name: "hardliner", params: {} });
  });

  it("reads key=value parameters of every type", () => {
    expect(parseAgentSpec("boulware(e=0.1)").params).toEqual({ e: 0.1, k: 0, model: "none" });
    expect(parseAgentSpec("conceder( e = 3 , model=bayesian )").params).toEqual({ e: 3, k: 0, model: "bayesian" });
    expect(parseAgentSpec("tit-for-tat(punish=true,kindness=0.5)").params).toEqual({ kindness: 0.5, punish: true, initial: 0.05 });
    expect(parseAgentSpec("aspiration(x=inf)").params.x).toBe(Infinity);
    expect(parseAgentSpec("boa(ac=const,alpha=0.8)").params).toMatchObject({ ac: "const", alpha: 0.8, model: "frequency" });
  });

  it("rejects unknown names, suggesting the closest and listing all", () => {
    const f = failure(() => parseAgentSpec("bolware"));
    expect(f.code).toBe("PARLEY_ERR_UNKNOWN_STRATEGY");
    expect(f.message).toContain('Did you mean "boulware"?');
    for (const name of negotiatorNames) expect(f.message).toContain(name);
  });

  it.each([
    ["boulware(x=1)", /boulware has no parameter "x".*Its parameters: e \(number ≥ 0, default 0.2\)/],
    ["boulware(ee=1)", /Did you mean "e"\?/],
    ["micro(e=1)", /micro has no parameter "e". It takes no parameters/],
    ["boulware(e=-1)", /parameter e must be a number ≥ 0, got "-1"/],
    ["boulware(e=abc)", /parameter e must be a number ≥ 0, got "abc"/],
    ["boulware(e=inf)", /parameter e must be a number ≥ 0, got "inf"/],
    ["random(p=2)", /parameter p must be a number ≥ 0 and ≤ 1/],
    ["tit-for-tat(punish=yes)", /parameter punish must be a true\|false/],
    ["boulware(model=bayesain)", /must be one of none, frequency, bayesian, got "bayesain". Did you mean "bayesian"\?/],
    ["boulware(e)", /"e" is not key=value/],
    ["boulware(e=)", /parameter e has no value/],
    ["boulware(e=1,e=2)", /given twice/],
    ["boulware(e=1", /lacks a closing "\)"/],
    ["aspiration:x=3", /does not parse: write name or name\(key=value, \.\.\.\)/],
    ["", /empty agent spec/],
  ])("rejects %j with PARLEY_ERR_BAD_PARAMETER", (spec, message) => {
    const f = failure(() => parseAgentSpec(spec));
    expect(f.code).toBe("PARLEY_ERR_BAD_PARAMETER");
    expect(f.message).toMatch(message);
  });
});

describe("parseAgentSpecs (the --agents list)", () => {
  it("splits on commas outside parentheses", () => {
    expect(parseAgentSpecs("boulware,conceder(e=3,k=0.1), micro").map(formatAgentSpec)).toEqual(["boulware", "conceder(e=3,k=0.1)", "micro"]);
  });
  it("rejects empty items", () => {
    expect(failure(() => parseAgentSpecs("boulware,,micro")).message).toMatch(/agent 2 .* is empty/);
    expect(failure(() => parseAgentSpecs(" ")).message).toMatch(/no agents given/);
  });
});

describe("formatAgentSpec", () => {
  it("round-trips every spec, listing only parameters that differ from their defaults", () => {
    expect(formatAgentSpec(parseAgentSpec("boulware(e=0.2)"))).toBe("boulware");
    expect(formatAgentSpec(parseAgentSpec("aspiration(x=inf,curve=exp)"))).toBe("aspiration(x=Infinity,curve=exp)");
    for (const text of ["boulware(e=0.1,model=frequency)", "nice-tit-for-tat(T=0.9)", "boa(ac=time,T=0.5)"])
      expect(formatAgentSpec(parseAgentSpec(formatAgentSpec(parseAgentSpec(text))))).toBe(text);
  });
});

describe("negotiatorRegistry", () => {
  it("describes every negotiator and every parameter; defaults are valid values", () => {
    expect(negotiatorNames).toEqual(expect.arrayContaining(["boulware", "linear", "conceder", "hardliner", "aspiration", "random", "nice", "tit-for-tat", "nice-tit-for-tat", "micro", "consensus", "boa"]));
    for (const name of negotiatorNames) {
      const entry = negotiatorRegistry[name];
      expect(entry.description.length).toBeGreaterThan(10);
      expect(entry.source.length).toBeGreaterThan(3);
      for (const spec of Object.values(entry.parameters) as { description: string }[]) expect(spec.description.length).toBeGreaterThan(3);
      expect(typeof negotiatorFromSpec(name)).toBe("function");
    }
  });

  it("is typed: names and parameters are checked at compile time", () => {
    expectTypeOf<"boulware">().toExtend<NegotiatorName>();
    expectTypeOf<NegotiatorParameters<"boulware">>().toEqualTypeOf<{ readonly e: number; readonly k: number; readonly model: "none" | "frequency" | "bayesian" }>();
    expect(typeof createNegotiator("conceder", { e: 3 })).toBe("function");
    expect(failure(() => createNegotiator("conceder", { e: "x" })).code).toBe("PARLEY_ERR_BAD_PARAMETER");
    expect(failure(() => createNegotiator("nobody")).code).toBe("PARLEY_ERR_UNKNOWN_STRATEGY");
  });
});
