/**
 * A value as a message names it: `"text"` (quoted, cut to 60 characters), `5`, `true`,
 * "an empty value" (null), "nothing" (undefined), "a list", "a map".
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return "an empty value";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return String(value);
}
