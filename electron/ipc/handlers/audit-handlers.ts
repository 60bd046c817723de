import { listAuditEntries } from '../../register/audit-log';
import { verifyAuditChain } from '../../register/audit-verify';
import type { PartialHandlerTable } from '../handler-table';

export const auditHandlers: PartialHandlerTable<'audit.list' | 'audit.verify'> = {
  'audit.list': (request, context) => listAuditEntries(context.db, request),
  'audit.verify': (_request, context) => verifyAuditChain(context.db),
};
