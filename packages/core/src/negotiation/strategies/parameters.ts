import { ParleyError } from "../../errors.js";
import { describeValue } from "../../text/describe-value.js";
import { didYouMean } from "../../text/suggest.js";

/** A numeric parameter: finite (unless `infinite`), within [min, max], whole when `integer`. */
export interface NumberParameter {
  readonly type: "number";
  readonly default: number;
  readonly min?: number;
  /** The minimum itself is excluded (e.g. x > 0). */
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly integer?: boolean;
  /** Infinity is allowed (written `inf` or `Infinity` in a spec). */
  readonly infinite?: boolean;
  readonly description: string;
}
export interface BooleanParameter {
  readonly type: "boolean";
  readonly default: boolean;
  readonly description: string;
}
export interface EnumParameter<V extends string = string> {
  readonly type: "enum";
  readonly values: readonly V[];
  readonly default: NoInfer<V>;
  readonly description: string;
}
export type ParameterSpec = NumberParameter | BooleanParameter | EnumParameter;
export type ParameterSpecs = { readonly [name: string]: ParameterSpec };

/** A parameter value: numbers, booleans and enum strings. */
export type ParameterValue = number | boolean | string;

type ValueOf<P> = P extends NumberParameter ? number : P extends BooleanParameter ? boolean : P extends EnumParameter<infer V> ? V : never;

/** The resolved values of a parameter spec (every parameter present: given or default). */
export type ParameterValues<S extends ParameterSpecs> = { readonly [K in keyof S]: ValueOf<S[K]> };

/** `number ≥ 0`, `whole number in [1, 100]`, `true|false`, `none|frequency|bayesian`. */
export function describeType(spec: ParameterSpec): string {
  if (spec.type === "boolean") return "true|false";
  if (spec.type === "enum") return spec.values.join("|");
  const kind = spec.integer ? "whole number" : "number";
  const lo = spec.min === undefined ? undefined : `${spec.minExclusive ? ">" : "≥"} ${spec.min}`;
  if (lo && spec.max !== undefined) return `${kind} ${lo} and ≤ ${spec.max}`;
  if (lo) return `${kind} ${lo}`;
  if (spec.max !== undefined) return `${kind} ≤ ${spec.max}`;
  return kind;
}

/** `e (number ≥ 0, default 0.2): the concession exponent`. */
export function describeParameter(name: string, spec: ParameterSpec): string {
  return `${name} (${describeType(spec)}, default ${String(spec.default)}): ${spec.description}`;
}

function coerce(owner: string, name: string, spec: ParameterSpec, raw: unknown): ParameterValue {
  const bad = (): never => {
    throw new ParleyError("PARLEY_ERR_BAD_PARAMETER", `${owner}: parameter ${name} must be a ${describeType(spec)}, got ${describeValue(raw)}`);
  };
  switch (spec.type) {
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (raw === "true") return true;
      if (raw === "false") return false;
      return bad();
    case "enum":
      if (typeof raw === "string" && spec.values.includes(raw)) return raw;
      if (typeof raw === "string")
        throw new ParleyError(
          "PARLEY_ERR_BAD_PARAMETER",
          `${owner}: parameter ${name} must be one of ${spec.values.join(", ")}, got ${describeValue(raw)}.${didYouMean(raw, spec.values)}`.replace(/\.$/, ""),
        );
      return bad();
    case "number": {
      let x: number;
      if (typeof raw === "number") x = raw;
      else if (typeof raw === "string" && raw.trim() !== "") {
        const text = raw.trim();
        x = /^\+?(inf|infinity)$/i.test(text) ? Infinity : Number(text);
      } else return bad();
      if (Number.isNaN(x) || (!Number.isFinite(x) && !(spec.infinite && x === Infinity))) return bad();
      if (spec.integer && Number.isFinite(x) && !Number.isInteger(x)) return bad();
      if (spec.min !== undefined && (spec.minExclusive ? x <= spec.min : x < spec.min)) return bad();
      if (spec.max !== undefined && x > spec.max) return bad();
      return x;
    }
  }
}

/**
 * Check `given` against `specs` and fill in defaults. Strings are parsed for numeric and boolean
 * parameters (agent specs are text). Throws ParleyError PARLEY_ERR_BAD_PARAMETER for an unknown
 * parameter (listing the known ones, suggesting the closest) or a value of the wrong type or range.
 */
export function resolveParameters<S extends ParameterSpecs>(owner: string, specs: S, given: Readonly<Record<string, unknown>>): ParameterValues<S> {
  const names = Object.keys(specs);
  const out: Record<string, ParameterValue> = {};
  for (const key of Object.keys(given)) {
    if (!Object.prototype.hasOwnProperty.call(specs, key)) {
      const known = names.length
        ? ` Its parameters: ${names.map((n) => describeParameter(n, specs[n]!)).join("; ")}.`
        : " It takes no parameters.";
      throw new ParleyError("PARLEY_ERR_BAD_PARAMETER", `${owner} has no parameter "${key}".${didYouMean(key, names)}${known}`);
    }
  }
  for (const name of names) {
    const spec = specs[name]!;
    const raw = given[name];
    out[name] = raw === undefined ? spec.default : coerce(owner, name, spec, raw);
  }
  return out as ParameterValues<S>;
}
