import type { Framework } from "./framework.js";
import type { Issue } from "./issue.js";
import type { Party } from "./party.js";
import type { Reading } from "./reading.js";
import type { NegotiationEvent, Statement } from "./statement.js";

export interface Scenario {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly issues: readonly Issue[];
  readonly parties: readonly Party[];
  readonly frameworks: readonly Framework[];
  /** Dated public statements, for timelines and declared stances. */
  readonly statements?: readonly Statement[];
  /** Dated events: meetings, drafts, leaks, talks. */
  readonly events?: readonly NegotiationEvent[];
  /** Named alternative readings of what the sources leave open (applyReadings selects them); none selected is the nominal model. */
  readonly readings?: readonly Reading[];
}
