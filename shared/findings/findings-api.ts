import { z } from 'zod';
import { isoDate } from '../register/dates';
import { deadlineSchema } from '../register/deadlines';
import { findingSchema } from '../register/findings';

/**
 * Request and response schemas of `findings.list` and `deadlines.upcoming`. Without `asOf`, main
 * judges the register on today's date (the user's clock) and says which date it used.
 */
export const findingsListRequestSchema = z.strictObject({ asOf: isoDate.optional() });
export const findingsListResponseSchema = z.object({ asOf: isoDate, findings: z.array(findingSchema) });

/** Up to ten years ahead: enough for any agreement's term, and a bound on the work a request can ask for. */
export const MAX_HORIZON_DAYS = 3660;
export const deadlinesUpcomingRequestSchema = z.strictObject({
  asOf: isoDate.optional(),
  horizonDays: z.number().int().min(0).max(MAX_HORIZON_DAYS),
});
export const deadlinesUpcomingResponseSchema = z.object({ asOf: isoDate, deadlines: z.array(deadlineSchema) });
