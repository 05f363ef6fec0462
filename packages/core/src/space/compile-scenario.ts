import { ParleyError } from "../errors.js";
import type { Issue, Value } from "../model/issue.js";
import type { Party } from "../model/party.js";
import type { Scenario } from "../model/scenario.js";
import { compileRedLines, type CompiledRedLine } from "../preferences/compile-red-lines.js";
import { compileUtility, type CompiledUtility } from "../preferences/compile-utility.js";
import { issueValueIndex, issueValues } from "./issue-values.js";

/** A party with modelled preferences, compiled against the scenario's outcome space. */
export interface CompiledParty {
  readonly party: Party;
  readonly utility: CompiledUtility;
  /** dᵢ: the reservation value, 0 when none. */
  readonly reservation: number;
  readonly discount: number;
  readonly redLines: readonly CompiledRedLine[];
}

/**
 * A scenario ready for analysis. Outcomes are identified by option indices (one per issue), and
 * enumerated in mixed-radix order with the last issue varying fastest.
 */
export interface CompiledScenario {
  readonly scenario: Scenario;
  readonly issues: readonly Issue[];
  /** The discrete values of each issue. */
  readonly values: readonly (readonly Value[])[];
  readonly radices: readonly number[];
  /** The number of outcomes (a float: exact up to 2^53). */
  readonly size: number;
  /** The analysed parties: those with preferences, in scenario order. */
  readonly parties: readonly CompiledParty[];
}

/** Compile a scenario for analysis. Throws ParleyError on references to unknown issues or values. */
export function compileScenario(scenario: Scenario): CompiledScenario {
  const issues = scenario.issues;
  const values = issues.map(issueValues);
  const radices = values.map((v) => v.length);
  const size = radices.reduce((a, b) => a * b, 1);
  const parties = scenario.parties.flatMap((party): CompiledParty[] => {
    const prefs = party.preferences;
    if (!prefs) return [];
    return [
      {
        party,
        utility: compileUtility(prefs.utility, issues, values),
        reservation: prefs.reservation ?? 0,
        discount: prefs.discount ?? 1,
        redLines: compileRedLines(prefs.redLines ?? [], issues, values),
      },
    ];
  });
  return { scenario, issues, values, radices, size, parties };
}

/** The option indices of an outcome given as issue id → value. Throws on missing or unknown values. */
export function outcomeIndices(compiled: CompiledScenario, outcome: Readonly<Record<string, Value>>): number[] {
  return compiled.issues.map((issue) => {
    const v = outcome[issue.id];
    if (v === undefined) throw new ParleyError("PARLEY_ERR_BAD_OUTCOME", `the outcome leaves issue "${issue.id}" unset`);
    const k = issueValueIndex(issue, v);
    if (k < 0) throw new ParleyError("PARLEY_ERR_UNKNOWN_VALUE", `"${String(v)}" is not a value of issue "${issue.id}"`);
    return k;
  });
}

/** The outcome (issue id → value) at the given option indices. */
export function outcomeFromIndices(compiled: CompiledScenario, indices: ArrayLike<number>): Record<string, Value> {
  const out: Record<string, Value> = {};
  compiled.issues.forEach((issue, i) => {
    out[issue.id] = compiled.values[i]![indices[i]!]!;
  });
  return out;
}

/** Option indices of the outcome with the given mixed-radix index (last issue fastest). */
export function outcomeIndicesAt(compiled: CompiledScenario, index: number, into?: Int32Array): Int32Array {
  const n = compiled.radices.length;
  const out = into ?? new Int32Array(n);
  let rest = index;
  for (let i = n - 1; i >= 0; i--) {
    const r = compiled.radices[i]!;
    out[i] = rest % r;
    rest = Math.floor(rest / r);
  }
  return out;
}

/** The compiled party with this id. */
export function compiledParty(compiled: CompiledScenario, partyId: string): CompiledParty {
  const p = compiled.parties.find((c) => c.party.id === partyId);
  if (!p) {
    const known = compiled.scenario.parties.find((q) => q.id === partyId);
    throw known
      ? new ParleyError("PARLEY_ERR_NO_PREFERENCES", `party "${partyId}" has no preferences`)
      : new ParleyError("PARLEY_ERR_UNKNOWN_PARTY", `unknown party "${partyId}"`);
  }
  return p;
}

/** Party `partyId`'s utility of an outcome (issue id → value), ignoring red lines and reservation. */
export function utilityOf(compiled: CompiledScenario, partyId: string, outcome: Readonly<Record<string, Value>>): number {
  return compiledParty(compiled, partyId).utility.evaluate(outcomeIndices(compiled, outcome));
}
