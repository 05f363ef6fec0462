// The scenario's named alternative readings as the readings panel shows them: what each rests on
// (the cited statements with their confidence, the assumption), what it changes, whether it is
// applied, and which applied reading it cannot be combined with. Pure.
import { readingsConflict, readingTouches, type Confidence, type Reading, type Scenario } from "@parley/core";

export interface CitedStatement {
  readonly id: string;
  /** null when the scenario has no statement with this id. */
  readonly statement: {
    readonly date: string;
    readonly speaker: string;
    readonly paraphrase: string;
    readonly outlet: string;
    /** The source's address, when it has one. */
    readonly url: string | null;
    readonly confidence: Confidence;
  } | null;
}

export interface ReadingModel {
  readonly id: string;
  readonly label: string;
  readonly description: string | null;
  readonly applied: boolean;
  /** The things it changes ("russia's red line no-freeze-in-donbas"). */
  readonly changes: readonly string[];
  readonly cites: readonly CitedStatement[];
  readonly assumption: string | null;
  /** An applied reading that changes the same things: this one cannot be applied with it. */
  readonly blockedBy: { readonly reading: string; readonly label: string; readonly both: readonly string[] } | null;
}

const labelOf = (r: Reading) => r.label ?? r.id;

/** The readings of `scenario` in its order, with `applied` (reading ids) marked. */
export function readingModels(scenario: Scenario, applied: readonly string[]): ReadingModel[] {
  const readings = scenario.readings ?? [];
  const on = readings.filter((r) => applied.includes(r.id));
  return readings.map((r): ReadingModel => {
    const isOn = applied.includes(r.id);
    const blocker = isOn ? undefined : on.map((o) => ({ o, both: readingsConflict(o, r) })).find((x) => x.both.length > 0);
    return {
      id: r.id,
      label: labelOf(r),
      description: r.description ?? null,
      applied: isOn,
      changes: readingTouches(r),
      cites: (r.provenance.cites ?? []).map((id): CitedStatement => {
        const s = scenario.statements?.find((x) => x.id === id);
        return {
          id,
          statement: s
            ? { date: s.date, speaker: s.speaker, paraphrase: s.paraphrase, outlet: [s.source.outlet, s.source.title].filter(Boolean).join(", "), url: s.source.url ?? null, confidence: s.confidence }
            : null,
        };
      }),
      assumption: r.provenance.assumption ?? null,
      blockedBy: blocker ? { reading: blocker.o.id, label: labelOf(blocker.o), both: blocker.both } : null,
    };
  });
}

/** The applied ids after toggling `id` (kept in the scenario's order, so a URL names them stably). */
export function toggleReading(scenario: Scenario, applied: readonly string[], id: string): string[] {
  const next = applied.includes(id) ? applied.filter((a) => a !== id) : [...applied, id];
  const order = (scenario.readings ?? []).map((r) => r.id);
  return [...next].sort((a, b) => rank(order, a) - rank(order, b));
}

function rank(order: readonly string[], id: string): number {
  const k = order.indexOf(id);
  return k < 0 ? order.length : k;
}
