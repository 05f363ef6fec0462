// Argument parsers of the command definitions (cli.ts). Cheap to load: commander only.
import { InvalidArgumentError } from "commander";

/** A whole number > 0 ("1_000_000" allowed). */
export const positiveInt = (name: string) => (value: string) => {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive whole number`);
  return n;
};

export const seedInt = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError("the seed must be a whole number ≥ 0");
  return n;
};

export const fraction = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("--range must be a number ≥ 0 (0.25 means ±25%)");
  return n;
};

/** A number ≥ 0. */
export const nonNegative = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${name} must be a number ≥ 0`);
  return n;
};

/** A number of seconds > 0. */
export const positiveSeconds = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number of seconds`);
  return n;
};

export const datePrefix = (name: string) => (value: string) => {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const [year, month, day] = m ? [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])] : [0, 0, 0];
  // A calendar date: month 1–12, and a day the month has (2025-02-29 is not one).
  const real = m !== null && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!real) throw new InvalidArgumentError(`${name} takes a calendar date: YYYY-MM-DD, YYYY-MM or YYYY (not "${value}")`);
  return value;
};

export const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("the port must be a whole number from 0 to 65535 (0: any free port)");
  return n;
};

/** Party ids as given to --seats or --exclude. */
export const commaList = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** A repeatable option whose values may hold commas (agent specs). */
export const repeated = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** A repeatable option whose values are comma-separated lists. */
export const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), ...commaList(value)];
