import { ParleyError } from "../../errors.js";
import type { NegotiatorFactory } from "../negotiator.js";
import { resolveParameters, type ParameterValue } from "./parameters.js";
import { negotiatorEntry, negotiatorRegistry, type NegotiatorName } from "./registry.js";

/** A negotiator chosen by name with all its parameters (given or default), validated. */
export interface AgentSpec {
  readonly name: NegotiatorName;
  readonly params: Readonly<Record<string, ParameterValue>>;
}

const SYNTAX = "write name or name(key=value, ...), e.g. boulware or conceder(e=3)";
const bad = (message: string): never => {
  throw new ParleyError("PARLEY_ERR_BAD_PARAMETER", message);
};

/**
 * Parse one agent spec: `name` or `name(key=value, key=value)`, e.g. `boulware`,
 * `conceder(e=3)`, `boa(model=bayesian, ac=combi, T=0.95)`. Values are numbers (`inf` where
 * allowed), `true`/`false`, or enum words. Throws ParleyError PARLEY_ERR_UNKNOWN_STRATEGY for an
 * unknown name and PARLEY_ERR_BAD_PARAMETER for bad syntax, an unknown parameter or a bad value.
 */
export function parseAgentSpec(text: string): AgentSpec {
  const spec = text.trim();
  const match = /^([A-Za-z][\w-]*)\s*(?:\(([^()]*)\))?$/.exec(spec);
  if (!match) {
    if (spec === "") return bad(`empty agent spec: ${SYNTAX}`);
    const open = spec.split("(").length - 1;
    const close = spec.split(")").length - 1;
    if (open > close) return bad(`agent spec "${spec}" lacks a closing ")": ${SYNTAX}`);
    return bad(`agent spec "${spec}" does not parse: ${SYNTAX}`);
  }
  const name = match[1]!;
  const entry = negotiatorEntry(name);
  const given: Record<string, string> = {};
  const body = match[2]?.trim() ?? "";
  if (body !== "")
    for (const part of body.split(",")) {
      const item = part.trim();
      const eq = item.indexOf("=");
      if (eq < 0) return bad(`${name}: "${item}" is not key=value (${SYNTAX})`);
      const key = item.slice(0, eq).trim();
      const value = item.slice(eq + 1).trim();
      if (!/^[A-Za-z]\w*$/.test(key)) return bad(`${name}: "${key}" is not a parameter name (${SYNTAX})`);
      if (value === "") return bad(`${name}: parameter ${key} has no value`);
      if (Object.prototype.hasOwnProperty.call(given, key)) return bad(`${name}: parameter ${key} is given twice`);
      given[key] = value;
    }
  return { name: name as NegotiatorName, params: resolveParameters(name, entry.parameters, given) };
}

/**
 * Split a comma-separated list of agent specs, as given to `--agents`, into their texts: commas
 * inside parentheses separate parameters, not agents (`boulware,conceder(e=3,k=0.1)` is two
 * agents). Items are trimmed; empty items are kept (as "") for the caller to report.
 */
export function splitAgentList(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= list.length; i++) {
    const c = list[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if ((c === "," && depth === 0) || i === list.length) {
      items.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  return items;
}

/** Parse a comma-separated list of agent specs (see `splitAgentList`). */
export function parseAgentSpecs(list: string): AgentSpec[] {
  const items = splitAgentList(list);
  if (items.length === 1 && items[0] === "") return bad(`no agents given: ${SYNTAX}`);
  return items.map((item, k) => {
    if (item === "") return bad(`agent ${k + 1} of "${list}" is empty: ${SYNTAX}`);
    return parseAgentSpec(item);
  });
}

/** The canonical text of a spec: the name, with the parameters that differ from their defaults. */
export function formatAgentSpec(spec: AgentSpec): string {
  const parameters = negotiatorRegistry[spec.name].parameters as Readonly<Record<string, { readonly default: ParameterValue }>>;
  const changed = Object.keys(parameters)
    .filter((key) => spec.params[key] !== undefined && spec.params[key] !== parameters[key]!.default)
    .map((key) => `${key}=${String(spec.params[key])}`);
  return changed.length ? `${spec.name}(${changed.join(",")})` : spec.name;
}

/** A negotiator factory from a spec (text or parsed). */
export function negotiatorFromSpec(spec: string | AgentSpec): NegotiatorFactory {
  const parsed = typeof spec === "string" ? parseAgentSpec(spec) : spec;
  const entry = negotiatorEntry(parsed.name);
  return entry.create(resolveParameters(parsed.name, entry.parameters, parsed.params));
}
