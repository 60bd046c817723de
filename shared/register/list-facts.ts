import { z } from 'zod';
import { isoDate } from './dates';
import type { RecordKind } from './records';
import { versionStatuses } from './vocabulary';

/**
 * What a list shows about a record beyond its own fields, computed in the main process from the
 * whole register on the list's date (issue 11, item 4): an agreement's current version and how
 * much it holds, a holding's live copies and destroy-by date, a copy's location problems. Lists
 * sort and filter on them on the server, like on the record's own fields.
 */
const named = z.object({ id: z.string(), label: z.string() });

export const dsaFactsSchema = z.object({
  /** The version in force today; failing that, the newest agreed one; failing that, the newest draft. */
  currentVersion: named.nullable(),
  status: z.enum(versionStatuses).nullable(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  controllers: z.array(named),
  /** Live copies of data received under any version of the agreement. */
  liveCopies: z.number().int().min(0),
  /** Findings about the agreement's own records (as its screen and report count them) not acknowledged or accepted. */
  openFindings: z.number().int().min(0),
});

export const holdingStates = ['live', 'overdue', 'destroyed', 'certified', 'no-copies'] as const;
export type HoldingState = (typeof holdingStates)[number];
export const holdingStateLabels: Record<HoldingState, string> = {
  live: 'Live',
  overdue: 'Destruction overdue',
  destroyed: 'Destroyed, no certificate',
  certified: 'Destroyed and certified',
  'no-copies': 'No copies recorded',
};

export const holdingFactsSchema = z.object({
  /** The agreement it was received under (pickers group holdings by it). */
  agreement: named,
  liveCopies: z.number().int().min(0),
  /** Computed through renewals, as the findings compute it; null while a rolling rule waits for next year's data. */
  destroyBy: isoDate.nullable(),
  state: z.enum(holdingStates),
});

export const locationFlags = ['unapproved', 'outside-territory'] as const;
export type LocationFlag = (typeof locationFlags)[number];
export const locationFlagLabels: Record<LocationFlag, string> = {
  unapproved: 'Location not approved',
  'outside-territory': 'Outside territory',
};

export const copyFactsSchema = z.object({
  /** What is wrong with where a live copy is, as the findings say it (empty when nothing is). */
  locationFlags: z.array(z.enum(locationFlags)),
});

const none = z.strictObject({});
export const listFactSchemas = {
  organisation: none,
  assurance: none,
  dsfc: none,
  dsa: dsaFactsSchema,
  dsaVersion: none,
  dataset: none,
  location: none,
  approvedLocation: none,
  holding: holdingFactsSchema,
  copy: copyFactsSchema,
  obligation: none,
  certificate: none,
} as const satisfies Record<RecordKind, z.ZodObject>;

export type DsaFacts = z.infer<typeof dsaFactsSchema>;
export type HoldingFacts = z.infer<typeof holdingFactsSchema>;
export type CopyFacts = z.infer<typeof copyFactsSchema>;
export type ListFactsOf<K extends RecordKind> = z.infer<(typeof listFactSchemas)[K]>;

/** The sort fields that are facts rather than stored columns. */
export const factSortFields = {
  dsa: ['currentEndDate', 'liveCopies', 'openFindings'],
  holding: ['liveCopies', 'destroyBy'],
  copy: ['locationFlag'],
} as const satisfies Partial<Record<RecordKind, readonly string[]>>;
