import { listAuditEntriesInPeriod } from '../../register/audit-period-list';
import type { PartialHandlerTable } from '../handler-table';

/** The Audit log screen's list: `audit.list`'s filters and a date range. */
export const auditPeriodHandlers: PartialHandlerTable<'audit.listInPeriod'> = {
  'audit.listInPeriod': (request, context) => listAuditEntriesInPeriod(context.db, request),
};
