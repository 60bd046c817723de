import { z } from 'zod';
import { isoDate } from '../register/dates';
import { deadlineSchema } from '../register/deadlines';
import { findingSchema } from '../register/findings';
import { findingsFilterSchema } from './findings-query';

/**
 * Request and response schemas of `findings.list` (filtered and paged: see findings-query.ts) and
 * `deadlines.upcoming`. Without `asOf`, main judges the register on today's date (the user's clock)
 * and says which date it used.
 */
export const findingsListRequestSchema = findingsFilterSchema;
/** `total` counts every finding matching the filter; `findings` is the page asked for (all of them without offset and limit). */
export const findingsListResponseSchema = z.object({ asOf: isoDate, total: z.number().int().min(0), findings: z.array(findingSchema) });

/** Up to ten years ahead: enough for any agreement's term, and a bound on the work a request can ask for. */
export const MAX_HORIZON_DAYS = 3660;
export const deadlinesUpcomingRequestSchema = z.strictObject({
  asOf: isoDate.optional(),
  horizonDays: z.number().int().min(0).max(MAX_HORIZON_DAYS),
});
export const deadlinesUpcomingResponseSchema = z.object({ asOf: isoDate, deadlines: z.array(deadlineSchema) });

/** `findings.setStatus`: the finding as it now reads, with its new status. */
export { setFindingStatusRequestSchema } from './finding-status';
export const setFindingStatusResponseSchema = z.object({ asOf: isoDate, finding: findingSchema });

/** `findings.setStatuses`: one decision for several findings (a folded row's), in one transaction. */
export { setFindingStatusesRequestSchema } from './finding-status';
export const setFindingStatusesResponseSchema = z.object({ asOf: isoDate, findings: z.array(findingSchema) });
