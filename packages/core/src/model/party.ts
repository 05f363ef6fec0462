import type { Preferences } from "./preferences.js";

/** `party` negotiates for itself; a `mediator` runs the process (and may have stakes); an `observer` watches. */
export type PartyRole = "party" | "mediator" | "observer";

export interface Party {
  readonly id: string;
  readonly name: string;
  readonly role: PartyRole;
  readonly description?: string;
  /**
   * Set when the party is a bloc: the ids of its members (e.g. the governments of a coalition).
   * Statements for the party may name the members they speak for (Statement.members).
   */
  readonly members?: readonly string[];
  /** Absent for parties whose preferences are not modelled (they take no part in the analysis). */
  readonly preferences?: Preferences;
}
