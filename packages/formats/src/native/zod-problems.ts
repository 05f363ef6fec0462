import { closestWord, describeValue, didYouMean, listOf } from "@parley/core";
import type { z } from "zod";
import { choiceInfo, knownFields } from "./scenario-schema.js";
import type { Path, Problems } from "./problems.js";

type ZodIssue = z.core.$ZodIssue;

const kindOfExpected: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  tuple: "a list",
  object: "a map of fields",
  record: "a map",
  null: "an empty value",
};

function valueAt(root: unknown, path: Path): unknown {
  let x = root;
  for (const step of path) {
    if (typeof x !== "object" || x === null) return undefined;
    x = (x as Record<string | number, unknown>)[step];
  }
  return x;
}

/**
 * Report zod issues as problems with messages that say what to do. `root` is the parsed document
 * (zod's issues carry paths into it); `known` lists the fields of an object for suggestions.
 */
export function reportZodIssues(
  issues: readonly ZodIssue[],
  root: unknown,
  problems: Problems,
  format: "yaml" | "json",
  base: Path = [],
): void {
  // A missing field that the writer misspelt is reported once, as the unknown (misspelt) field.
  const misspelt = new Set<string>();
  for (const issue of issues)
    if (issue.code === "unrecognized_keys") {
      const fields = knownFields.get(issue.keys) ?? [];
      for (const key of issue.keys) {
        const meant = closestWord(key, fields);
        if (meant !== undefined) misspelt.add(JSON.stringify([...issue.path, meant]));
      }
    }
  for (const issue of issues) {
    if (issue.code === "invalid_type" && misspelt.has(JSON.stringify(issue.path)) && valueAt(root, [...base, ...(issue.path as Path)]) === undefined)
      continue;
    reportOne(issue, root, problems, format, [...base, ...(issue.path as Path)]);
  }
}

function fieldExample(field: string, expected: string, format: "yaml" | "json"): string {
  const placeholder =
    expected === "string"
      ? "<text>"
      : expected === "number" || expected === "int"
        ? "<number>"
        : expected === "array" || expected === "tuple"
          ? "[…]"
          : expected === "object" || expected === "record"
            ? "{…}"
            : "…";
  return format === "json" ? `"${field}": ${placeholder}` : `${field}: ${placeholder}`;
}

function reportOne(issue: ZodIssue, root: unknown, problems: Problems, format: "yaml" | "json", path: Path): void {
  const input = valueAt(root, path);
  switch (issue.code) {
    case "invalid_type": {
      if (issue.expected === "never") {
        problems.error("PARLEY_FMT_SCHEMA", path, `Unknown field "${String(path[path.length - 1])}"; remove it or fix its name.`, "key");
        return;
      }
      const expected = kindOfExpected[issue.expected] ?? issue.expected;
      const last = path[path.length - 1];
      const parent = valueAt(root, path.slice(0, -1));
      const missing = input === undefined && typeof last === "string" && typeof parent === "object" && parent !== null && !(last in parent);
      if (missing) {
        problems.error("PARLEY_FMT_SCHEMA", path, `Missing field "${last}": add \`${fieldExample(last, issue.expected, format)}\` here.`);
        return;
      }
      let hint = "";
      if (issue.expected === "string" && typeof input === "number")
        hint = format === "json" ? " Put it in double quotes." : ` Put it in quotes: "${input}".`;
      else if (input === null) hint = " Fill in the value, or remove the field if it is optional.";
      else if (issue.expected === "number" && typeof input === "string" && input.trim() !== "" && Number.isFinite(Number(input)))
        hint = " Remove the quotes.";
      else if (issue.expected === "number" && input === Infinity) hint = " Use a finite number.";
      if (path.length === 0) {
        problems.error(
          "PARLEY_FMT_SCHEMA",
          path,
          `A scenario file is a map of fields (parley: 1, id, name, issues, parties, …), but this document is ${describeValue(input)}.`,
        );
        return;
      }
      const what = issue.message.startsWith("Invalid input") ? `Expected ${expected}` : capitalise(issue.message);
      problems.error("PARLEY_FMT_SCHEMA", path, `${what}, but found ${describeValue(input)}.${hint}`);
      return;
    }
    case "unrecognized_keys": {
      const fields = knownFields.get(issue.keys) ?? [];
      for (const key of issue.keys) {
        const guess = didYouMean(key, fields);
        const message = guess
          ? `Unknown field "${key}".${guess}`
          : `Unknown field "${key}"; remove it or fix its name.${fields.length > 0 ? ` Fields allowed here: ${listOf(fields)}.` : ""}`;
        problems.error("PARLEY_FMT_SCHEMA", [...path, key], message, "key");
      }
      return;
    }
    case "invalid_value": {
      const values = issue.values.map((v) => (typeof v === "string" ? `"${v}"` : String(v)));
      const last = path[path.length - 1];
      const parent = valueAt(root, path.slice(0, -1));
      if (input === undefined && typeof last === "string" && typeof parent === "object" && parent !== null && !(last in parent)) {
        const example = issue.values.length === 1 ? String(issue.values[0]) : values.join(" | ");
        problems.error(
          "PARLEY_FMT_SCHEMA",
          path,
          `Missing field "${last}": add \`${format === "json" ? `"${last}": ${example}` : `${last}: ${example}`}\` here.`,
        );
        return;
      }
      const custom = issue.message.startsWith("Invalid") ? "" : `${capitalise(issue.message)}. `;
      const guess = typeof input === "string" ? didYouMean(input, issue.values.map(String)) : "";
      problems.error(
        "PARLEY_FMT_SCHEMA",
        path,
        `${custom}Expected ${values.length === 1 ? values[0] : `one of ${values.join(", ")}`}, but found ${describeValue(input)}.${guess}`,
      );
      return;
    }
    case "invalid_union": {
      if ("note" in issue && issue.note === "No matching discriminator") {
        // zod puts the discriminator's name in the path already.
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        const list = options.map((o) => `"${o}"`).join(", ");
        if (input === undefined) {
          problems.error("PARLEY_FMT_SCHEMA", path, `Missing field "kind": add one of ${list}.`);
        } else {
          const guess = typeof input === "string" ? didYouMean(input, options) : "";
          problems.error("PARLEY_FMT_SCHEMA", path, `Unknown kind ${describeValue(input)}; use one of ${list}.${guess}`);
        }
        return;
      }
      const info = choiceInfo.get(issue.errors);
      const branch = info?.select(input);
      if (info && branch !== undefined && issue.errors[branch]) {
        reportZodIssues(issue.errors[branch]!, root, problems, format, path);
        return;
      }
      const expected = info?.expected ?? "one of the allowed forms";
      problems.error("PARLEY_FMT_SCHEMA", path, `Expected ${expected}, but found ${describeValue(input)}.`);
      return;
    }
    case "too_small":
    case "too_big":
    case "invalid_format":
    case "not_multiple_of":
    case "custom": {
      const generic = /^(Too (small|big)|Invalid)/.test(issue.message);
      const message = generic ? describeBound(issue) : capitalise(issue.message);
      const code = issue.code === "invalid_format" || issue.code === "custom" ? "PARLEY_FMT_SCHEMA" : "PARLEY_FMT_VALUE";
      const found = typeof input === "number" || typeof input === "string" ? ` Found ${describeValue(input)}.` : "";
      problems.error(code, path, `${message}${message.endsWith(".") ? "" : "."}${found}`);
      return;
    }
    default:
      problems.error("PARLEY_FMT_SCHEMA", path, `${capitalise(issue.message)}.`);
  }
}

function describeBound(issue: ZodIssue): string {
  if (issue.code === "too_small") {
    if (issue.origin === "array") return `List at least ${String(issue.minimum)} item(s)`;
    if (issue.origin === "string") return "This must not be empty";
    return `Must be ${issue.inclusive ? "at least" : "greater than"} ${String(issue.minimum)}`;
  }
  if (issue.code === "too_big") {
    if (issue.origin === "array") return `List at most ${String(issue.maximum)} item(s)`;
    return `Must be ${issue.inclusive ? "at most" : "less than"} ${String(issue.maximum)}`;
  }
  return issue.message;
}

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
