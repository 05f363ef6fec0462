// The scenario as an analyst could have known it on a date: statements, events and frameworks dated
// after it are set aside, and so are the red lines and option orderings whose only sources are
// statements made after it (a modelling assumption with no citation is kept: it is not dated).
import { ParleyError } from "../errors.js";
import type { Party } from "../model/party.js";
import type { Preferences, RedLine } from "../model/preferences.js";
import type { Scenario } from "../model/scenario.js";
import type { Provenance } from "../model/statement.js";

export interface AsOfResult {
  readonly scenario: Scenario;
  readonly date: string;
  /** What was set aside, for the report. */
  readonly setAside: {
    readonly statements: number;
    readonly events: number;
    readonly frameworks: readonly string[];
    /** Red lines whose every cited statement postdates the date. */
    readonly redLines: readonly { readonly party: string; readonly redLine: string }[];
    /** Option orderings (value functions) whose every cited statement postdates the date: the party is indifferent on that issue. */
    readonly orderings: readonly { readonly party: string; readonly issue: string }[];
  };
}

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Whether `date` (YYYY, YYYY-MM or YYYY-MM-DD) is after the cut-off `asOf` (a prefix counts as its whole span's start). */
function after(date: string, asOf: string): boolean {
  return date.slice(0, asOf.length) > asOf;
}

/**
 * The scenario as of `asOf` (YYYY-MM-DD, YYYY-MM or YYYY: the end of that day, month or year).
 * Throws PARLEY_ERR_BAD_ARGUMENT for a date that is not one of those shapes.
 */
export function scenarioAsOf(scenario: Scenario, asOf: string): AsOfResult {
  if (!ISO.test(asOf)) throw new ParleyError("PARLEY_ERR_BAD_ARGUMENT", `as-of date "${asOf}": use YYYY-MM-DD, YYYY-MM or YYYY`);
  const statementDate = new Map((scenario.statements ?? []).map((s) => [s.id, s.date] as const));
  /** Known only later: it cites statements, and every one is after the date (or unknown). */
  const laterOnly = (p: Provenance | undefined): boolean => {
    if (!p || p.assumption !== undefined || !p.cites || p.cites.length === 0) return false;
    return p.cites.every((id) => {
      const d = statementDate.get(id);
      return d === undefined || after(d, asOf);
    });
  };
  const redLines: { party: string; redLine: string }[] = [];
  const orderings: { party: string; issue: string }[] = [];
  const parties = scenario.parties.map((party): Party => {
    const prefs = party.preferences;
    if (!prefs) return party;
    const keptLines = (prefs.redLines ?? []).filter((r: RedLine, i) => {
      if (!laterOnly(r.provenance)) return true;
      redLines.push({ party: party.id, redLine: r.id ?? `#${i + 1}` });
      return false;
    });
    let utility = prefs.utility;
    if (utility.kind === "linear-additive") {
      const values = { ...utility.values };
      for (const issue of Object.keys(values))
        if (laterOnly(prefs.provenance?.values?.[issue])) {
          delete values[issue];
          orderings.push({ party: party.id, issue });
        }
      utility = { ...utility, values };
    }
    const preferences: Preferences = { ...prefs, utility, ...(prefs.redLines ? { redLines: keptLines } : {}) };
    return { ...party, preferences };
  });
  const statements = (scenario.statements ?? []).filter((s) => !after(s.date, asOf));
  const events = (scenario.events ?? []).filter((e) => !after(e.date, asOf));
  const frameworks = scenario.frameworks.filter((f) => f.date === undefined || !after(f.date, asOf));
  return {
    scenario: {
      ...scenario,
      parties,
      frameworks,
      ...(scenario.statements ? { statements } : {}),
      ...(scenario.events ? { events } : {}),
    },
    date: asOf,
    setAside: {
      statements: (scenario.statements?.length ?? 0) - statements.length,
      events: (scenario.events?.length ?? 0) - events.length,
      frameworks: scenario.frameworks.filter((f) => !frameworks.includes(f)).map((f) => f.id),
      redLines,
      orderings,
    },
  };
}
