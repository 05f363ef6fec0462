// Named alternative readings (Scenario.readings): the scenario under a selection of them. A pure
// function of the scenario and the reading ids; two readings that change the same thing (a party's
// reservation value, its weights, one issue's ordering, one red line) cannot be selected together.
import { ParleyError } from "../errors.js";
import type { Party } from "../model/party.js";
import type { Preferences, RedLine } from "../model/preferences.js";
import type { PartyReading, Reading } from "../model/reading.js";
import type { Scenario } from "../model/scenario.js";
import { didYouMean, listOf } from "../text/index.js";

/** The things a party reading changes, as keys ("russia reservation", "russia ordering of donbas", …): two readings that share one conflict. */
export function readingTouches(reading: Reading): string[] {
  const out: string[] = [];
  for (const p of reading.parties) {
    if (p.reservation !== undefined) out.push(`${p.party}'s reservation value`);
    if (p.weights !== undefined) out.push(`${p.party}'s weights`);
    for (const issue of Object.keys(p.values ?? {})) out.push(`${p.party}'s ordering of ${issue}`);
    for (const r of [...(p.addRedLines ?? []), ...(p.replaceRedLines ?? [])]) if (r.id !== undefined) out.push(`${p.party}'s red line ${r.id}`);
    for (const id of p.removeRedLines ?? []) out.push(`${p.party}'s red line ${id}`);
  }
  return out;
}

/** What two readings both change (empty when they can be selected together). */
export function readingsConflict(a: Reading, b: Reading): string[] {
  if (a.id === b.id) return [];
  const mine = new Set(readingTouches(a));
  return [...new Set(readingTouches(b).filter((t) => mine.has(t)))];
}

/**
 * The readings with these ids, in the scenario's order (duplicates once). Throws
 * PARLEY_ERR_UNKNOWN_READING for an id the scenario does not define (with a "did you mean") and
 * PARLEY_ERR_BAD_ARGUMENT for two readings that change the same thing.
 */
export function findReadings(scenario: Scenario, ids: readonly string[]): Reading[] {
  const all = scenario.readings ?? [];
  const known = new Set(all.map((r) => r.id));
  for (const id of ids)
    if (!known.has(id)) {
      const names = all.map((r) => r.id);
      throw new ParleyError(
        "PARLEY_ERR_UNKNOWN_READING",
        `unknown reading "${id}".${didYouMean(id, names)} ${names.length > 0 ? `Readings are: ${listOf(names)}.` : "The scenario defines no readings."}`,
      );
    }
  const wanted = new Set(ids);
  const chosen = all.filter((r) => wanted.has(r.id));
  for (let i = 0; i < chosen.length; i++)
    for (let j = i + 1; j < chosen.length; j++) {
      const both = readingsConflict(chosen[i]!, chosen[j]!);
      if (both.length > 0)
        throw new ParleyError(
          "PARLEY_ERR_BAD_ARGUMENT",
          `readings "${chosen[i]!.id}" and "${chosen[j]!.id}" cannot be selected together: both change ${listOf(both)}`,
        );
    }
  return chosen;
}

/**
 * The scenario under the readings with these ids (none: the scenario itself). Changed weights,
 * orderings and reservation values take the reading's provenance, and so do red lines it adds or
 * replaces without their own. The result keeps the list of readings. Throws as `findReadings`.
 */
export function applyReadings(scenario: Scenario, ids: readonly string[]): Scenario {
  if (ids.length === 0) return scenario;
  const chosen = findReadings(scenario, ids);
  const byParty = new Map<string, { reading: Reading; change: PartyReading }[]>();
  for (const reading of chosen)
    for (const change of reading.parties) byParty.set(change.party, [...(byParty.get(change.party) ?? []), { reading, change }]);
  const parties = scenario.parties.map((party): Party => {
    const changes = byParty.get(party.id);
    if (!changes || !party.preferences) return party;
    let prefs = party.preferences;
    for (const { reading, change } of changes) prefs = applyPartyReading(party.id, prefs, change, reading);
    return { ...party, preferences: prefs };
  });
  return { ...scenario, parties };
}

function applyPartyReading(partyId: string, prefs: Preferences, change: PartyReading, reading: Reading): Preferences {
  const why = reading.provenance;
  const where = (what: string) => `reading "${reading.id}" changes ${partyId}'s ${what}`;
  let utility = prefs.utility;
  const provenance = { ...prefs.provenance };
  if (change.weights !== undefined || change.values !== undefined) {
    if (utility.kind !== "linear-additive")
      throw new ParleyError("PARLEY_ERR_NOT_ADDITIVE", `${where("weights or orderings")}, but its preferences are not linear-additive`);
    if (change.weights !== undefined) {
      utility = { ...utility, weights: { ...change.weights } };
      provenance.weights = { ...provenance.weights, ...Object.fromEntries(Object.keys(change.weights).map((k) => [k, why])) };
    }
    if (change.values !== undefined) {
      utility = { ...utility, values: { ...utility.values, ...change.values } };
      provenance.values = { ...provenance.values, ...Object.fromEntries(Object.keys(change.values).map((k) => [k, why])) };
    }
  }
  if (change.reservation !== undefined) provenance.reservation = why;
  let redLines: readonly RedLine[] | undefined = prefs.redLines;
  const withWhy = (r: RedLine): RedLine => (r.provenance === undefined ? { ...r, provenance: why } : r);
  if (change.removeRedLines || change.replaceRedLines || change.addRedLines) {
    const lines = [...(redLines ?? [])];
    const indexOf = (id: string, what: string) => {
      const k = lines.findIndex((r) => r.id === id);
      if (k < 0) {
        const ids = lines.flatMap((r) => (r.id === undefined ? [] : [r.id]));
        throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", `${where(`red line "${id}" (${what})`)}, which it does not have.${didYouMean(id, ids)}`);
      }
      return k;
    };
    for (const r of change.replaceRedLines ?? []) lines[indexOf(r.id, "replace")] = withWhy(r);
    for (const id of change.removeRedLines ?? []) lines.splice(indexOf(id, "remove"), 1);
    for (const r of change.addRedLines ?? []) {
      if (r.id !== undefined && lines.some((l) => l.id === r.id))
        throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", `${where(`red lines`)}: it adds "${r.id}", which the party already has`);
      lines.push(withWhy(r));
    }
    redLines = lines;
  }
  return {
    ...prefs,
    utility,
    ...(change.reservation !== undefined && { reservation: change.reservation }),
    ...(redLines !== undefined && { redLines }),
    ...(Object.keys(provenance).length > 0 && { provenance }),
  };
}
