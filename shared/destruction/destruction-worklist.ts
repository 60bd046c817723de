import { z } from 'zod';
import { isoDate } from '../register/dates';
import { recordRefSchema } from '../register/record-labels';
import { destructionRuleSchema, recordId } from '../register/records';

/**
 * The Destruction screen's worklist (issue 11, item 3): the holdings that still have live copies,
 * soonest deadline first, filtered by how soon they fall due, by agreement and by location, and
 * paged in main (`destruction.worklist`), so a register of 100,000 copies sends one page.
 */
export const worklistDueFilters = ['all', 'overdue', 'within-30', 'within-90'] as const;
export type WorklistDue = (typeof worklistDueFilters)[number];
export const worklistDueLabels: Record<WorklistDue, string> = {
  all: 'All pending',
  overdue: 'Overdue',
  'within-30': 'Due within 30 days',
  'within-90': 'Due within 90 days',
};

export const MAX_WORKLIST_PAGE = 200;

export const destructionWorklistRequestSchema = z.strictObject({
  asOf: isoDate.optional(),
  due: z.enum(worklistDueFilters).default('all'),
  /** A DSA's id: holdings under any of its versions. */
  agreementId: recordId.optional(),
  /** Holdings with a live copy at this location (only those copies are listed). */
  locationId: recordId.optional(),
  /** One holding (its page's "Record destruction of its live copies"). */
  holdingId: recordId.optional(),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_WORKLIST_PAGE).default(25),
});
export type DestructionWorklistRequest = z.output<typeof destructionWorklistRequestSchema>;

export const worklistCopySchema = z.object({
  copy: recordRefSchema,
  kind: z.string(),
  location: recordRefSchema,
  pathOrDescription: z.string().nullable(),
});
export type WorklistCopy = z.infer<typeof worklistCopySchema>;

export const worklistItemSchema = z.object({
  holding: recordRefSchema,
  agreement: recordRefSchema,
  /** The version whose destruction rule applies (the last agreed version of the renewal chain). */
  version: recordRefSchema,
  rule: destructionRuleSchema,
  deadline: isoDate.nullable(),
  daysLeft: z.number().int().nullable(),
  /** Past its deadline with a copy not kept under a dated exception: the only state shown in red. */
  overdue: z.boolean(),
  liveCopies: z.array(worklistCopySchema),
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;

const facetSchema = z.array(z.object({ value: recordId, label: z.string(), count: z.number().int() }));

export const destructionWorklistResponseSchema = z.object({
  asOf: isoDate,
  /** Holdings matching every filter, of which `items` is the page. */
  total: z.number().int(),
  items: z.array(worklistItemSchema),
  /** Holdings in each due bucket, under the agreement and location filters. */
  dueCounts: z.object({ all: z.number().int(), overdue: z.number().int(), 'within-30': z.number().int(), 'within-90': z.number().int() }),
  /** Agreements and locations with something pending, for the filters, with how many holdings. */
  facets: z.object({ agreements: facetSchema, locations: facetSchema }),
});
export type DestructionWorklist = z.infer<typeof destructionWorklistResponseSchema>;

/** Whether a pending holding falls in a due bucket: overdue ones are their own bucket, not "within 30 days". */
export function inDueBucket(item: { overdue: boolean; daysLeft: number | null }, due: WorklistDue): boolean {
  if (due === 'all') return true;
  if (due === 'overdue') return item.overdue;
  if (item.overdue || item.daysLeft === null) return false;
  return item.daysLeft <= (due === 'within-30' ? 30 : 90);
}
