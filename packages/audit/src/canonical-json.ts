// RFC 8785 (JSON Canonicalization Scheme) through the `canonicalize` package, after a walk that
// rejects what RFC 8785 cannot represent instead of letting JSON.stringify drop or convert it.
import canonicalize from "canonicalize";
import { AuditError } from "./errors.js";

/** A value that has an RFC 8785 form: I-JSON (finite numbers, well-formed strings, plain objects and arrays). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Deeper values are refused (a log entry is a record, and the walk must not exhaust the stack). */
export const MAX_JSON_DEPTH = 256;

/**
 * The RFC 8785 canonical JSON text of `value`: keys sorted by UTF-16 code units, numbers in the
 * ECMAScript shortest form, no whitespace. Throws AuditError PARLEY_AUDIT_NOT_CANONICAL_JSON, naming
 * the path, for NaN, ±Infinity, undefined, functions, symbols, bigints, lone surrogates, cycles,
 * objects that are not plain (Date, Map, class instances) and nesting deeper than MAX_JSON_DEPTH.
 */
export function canonicalJson(value: unknown): string {
  check(value, "$", new Set(), 0);
  return canonicalize(value)!;
}

function fail(path: string, what: string): never {
  throw new AuditError("PARLEY_AUDIT_NOT_CANONICAL_JSON", `${path}: ${what} has no RFC 8785 (canonical JSON) form`, path);
}

function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

function check(value: unknown, path: string, open: Set<object>, depth: number): void {
  switch (typeof value) {
    case "boolean":
      return;
    case "number":
      if (!Number.isFinite(value)) fail(path, String(value));
      return;
    case "string":
      if (hasLoneSurrogate(value)) fail(path, "a string with a lone UTF-16 surrogate");
      return;
    case "object":
      break;
    default:
      fail(path, typeof value === "undefined" ? "undefined" : `a ${typeof value}`);
  }
  if (value === null) return;
  if (open.has(value)) fail(path, "a circular reference");
  if (depth >= MAX_JSON_DEPTH) throw new AuditError("PARLEY_AUDIT_NOT_CANONICAL_JSON", `${path.length > 80 ? `${path.slice(0, 80)}…` : path}: nests deeper than ${MAX_JSON_DEPTH} levels`, path);
  open.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, `${path}[${i}]`, open, depth + 1));
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) fail(path, `a ${(value as object).constructor?.name ?? "non-plain"} object`);
    for (const key of Object.keys(value)) {
      if (hasLoneSurrogate(key)) fail(path, `the key ${JSON.stringify(key)} (a lone UTF-16 surrogate)`);
      check((value as Record<string, unknown>)[key], `${path}${/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`, open, depth + 1);
    }
  }
  open.delete(value);
}
