/**
 * Salvage: when a file fails the schema, the parts that pass it on their own (each issue, party,
 * framework, red line, …) are still converted, so that one run reports as many problems as possible.
 * Here: picking those parts out of the raw parsed document.
 */
import {
  frameworkPointSchema,
  frameworkSchema,
  partySchema,
  preferencesProvenanceSchema,
  redLineSchema,
  utilitySchema,
  valueFunctionSchema,
  type FrameworkFile,
  type FrameworkPointFile,
  type PartyFile,
  type PreferencesProvenanceFile,
  type RedLineFile,
  type UtilityFile,
  type ValueFunctionFile,
} from "../scenario-schema.js";

/** A map (not null, not a list). */
export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

interface Checkable {
  safeParse(x: unknown): { success: boolean; data?: unknown };
}

/** `x` when it passes `schema` on its own, else undefined. */
export function pass<T>(schema: Checkable, x: unknown): T | undefined {
  const r = schema.safeParse(x);
  return r.success ? (r.data as T) : undefined;
}

/** The entries of a map that pass `schema` on their own. */
export function passingEntries<T>(schema: Checkable, x: unknown): Record<string, T> | undefined {
  if (!isObject(x)) return undefined;
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(x)) {
    const ok = pass<T>(schema, v);
    if (ok !== undefined) out[k] = ok;
  }
  return out;
}

/** The id of a raw item, when it has a non-empty text id. */
export const idOf = (x: unknown): string | undefined => (isObject(x) && typeof x.id === "string" && x.id !== "" ? x.id : undefined);

/** The preferences to check: the schema-checked ones, or (`partial`) the parts of broken ones that pass. */
export interface PreferencesIn {
  readonly partial: boolean;
  readonly reservation?: number | undefined;
  readonly discount?: number | undefined;
  readonly weights?: Readonly<Record<string, number>> | undefined;
  readonly values?: Readonly<Record<string, ValueFunctionFile>> | undefined;
  readonly normalizeWeights?: boolean | undefined;
  readonly utility?: UtilityFile | undefined;
  readonly redLines?: readonly (RedLineFile | undefined)[] | undefined;
  readonly provenance?: PreferencesProvenanceFile | undefined;
}

/** A party to check: its id (when readable), the schema-checked party (when it passed) and its preferences. */
export interface PartyIn {
  readonly id: string | undefined;
  readonly file: PartyFile | undefined;
  readonly preferences: PreferencesIn | undefined;
}

/** A framework to check: its id (when readable), the schema-checked framework (when it passed) and its points that passed. */
export interface FrameworkIn {
  readonly id: string | undefined;
  readonly file: FrameworkFile | undefined;
  readonly points: readonly (FrameworkPointFile | undefined)[];
}

/** The party as checked by the schema, or the parts of a broken one that pass on their own. */
export function partyIn(raw: unknown): PartyIn {
  const file = pass<PartyFile>(partySchema, raw);
  if (file) return { id: file.id, file, preferences: file.preferences && { partial: false, ...file.preferences } };
  const prefs = isObject(raw) ? raw.preferences : undefined;
  if (!isObject(prefs)) return { id: idOf(raw), file: undefined, preferences: undefined };
  const weights = isObject(prefs.weights)
    ? Object.fromEntries(
        Object.entries(prefs.weights).filter((e): e is [string, number] => typeof e[1] === "number" && e[1] >= 0),
      )
    : undefined;
  const values = passingEntries<ValueFunctionFile>(valueFunctionSchema, prefs.values);
  const utility = pass<UtilityFile>(utilitySchema, prefs.utility);
  const redLines = Array.isArray(prefs.redLines) ? prefs.redLines.map((r) => pass<RedLineFile>(redLineSchema, r)) : undefined;
  const provenance = pass<PreferencesProvenanceFile>(preferencesProvenanceSchema, prefs.provenance);
  return {
    id: idOf(raw),
    file: undefined,
    preferences: {
      partial: true,
      ...(weights && { weights }),
      ...(values && { values }),
      ...(utility && { utility }),
      ...(redLines && { redLines }),
      ...(provenance && { provenance }),
    },
  };
}

/** The framework as checked by the schema, or the points of a broken one that pass on their own. */
export function frameworkIn(raw: unknown): FrameworkIn {
  const file = pass<FrameworkFile>(frameworkSchema, raw);
  if (file) return { id: file.id, file, points: file.points };
  const points =
    isObject(raw) && Array.isArray(raw.points) ? raw.points.map((p) => pass<FrameworkPointFile>(frameworkPointSchema, p)) : [];
  return { id: idOf(raw), file: undefined, points };
}

/** The list under `key` of a raw map (empty when there is none). */
export function listAt(raw: unknown, key: string): readonly unknown[] {
  const list = isObject(raw) ? raw[key] : undefined;
  return Array.isArray(list) ? list : [];
}
