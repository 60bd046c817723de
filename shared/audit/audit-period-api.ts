import { z } from 'zod';
import { auditListRequestSchema } from './audit-api';

/**
 * `audit.listInPeriod`: the Audit log screen's list, which adds a date range to `audit.list`'s
 * filters. The bounds are instants (the renderer turns the user's local dates into the start of the
 * first day and the start of the day after the last), compared with each entry's `at`.
 */
export const auditPeriodListRequestSchema = auditListRequestSchema.extend({
  /** Entries at or after this instant. */
  from: z.iso.datetime().optional(),
  /** Entries before this instant. */
  until: z.iso.datetime().optional(),
});
export type AuditPeriodListRequest = z.output<typeof auditPeriodListRequestSchema>;
