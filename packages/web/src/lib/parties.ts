// The scenario's parties as the charts need them: analysed parties (with preferences) in order,
// each with a label and a stable colour.
import type { Party, Scenario } from "@parley/core";
import { partyColor } from "../charts/colors.js";

export interface PartyView {
  readonly id: string;
  readonly label: string;
  readonly role: Party["role"];
  readonly color: string;
  /** Index among the analysed parties, or -1 without preferences. */
  readonly index: number;
  readonly party: Party;
}

export function partyViews(scenario: Scenario): PartyView[] {
  let k = 0;
  return scenario.parties.map((party) => {
    const index = party.preferences ? k++ : -1;
    return { id: party.id, label: party.name || party.id, role: party.role, color: index >= 0 ? partyColor(index) : "#7b8794", index, party };
  });
}

export function analysedParties(scenario: Scenario): PartyView[] {
  return partyViews(scenario).filter((p) => p.index >= 0);
}

export function partyLabel(scenario: Scenario, id: string): string {
  return scenario.parties.find((p) => p.id === id)?.name ?? id;
}
