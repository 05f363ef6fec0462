import type { Framework } from "./framework.js";
import type { Issue } from "./issue.js";
import type { Party } from "./party.js";

export interface Scenario {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly issues: readonly Issue[];
  readonly parties: readonly Party[];
  readonly frameworks: readonly Framework[];
}
