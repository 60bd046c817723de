import type { RecordKind } from './records';
import type { RegisterContent } from './snapshot';

/** The snapshot's list names (plural) and the record kind each holds, in the snapshot's order. */
export const kindOfList = {
  organisations: 'organisation',
  assurances: 'assurance',
  dsfcs: 'dsfc',
  dsas: 'dsa',
  versions: 'dsaVersion',
  datasets: 'dataset',
  locations: 'location',
  approvedLocations: 'approvedLocation',
  holdings: 'holding',
  copies: 'copy',
  obligations: 'obligation',
  certificates: 'certificate',
} as const satisfies Record<keyof RegisterContent, RecordKind>;

export type RegisterListName = keyof RegisterContent;
export const registerListNames = Object.keys(kindOfList) as RegisterListName[];
