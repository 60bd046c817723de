import { auditLabels } from '../../register/audit-labels';
import { listAuditEntries } from '../../register/audit-log';
import { verifyAuditChain } from '../../register/audit-verify';
import type { PartialHandlerTable } from '../handler-table';

export const auditHandlers: PartialHandlerTable<'audit.list' | 'audit.verify'> = {
  'audit.list': (request, context) => {
    const page = listAuditEntries(context.db, request);
    return { ...page, labels: auditLabels(context.db, page.entries) };
  },
  'audit.verify': (_request, context) => verifyAuditChain(context.db),
};
