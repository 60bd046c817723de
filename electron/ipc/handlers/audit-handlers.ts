import { UserFacingError } from '../../../shared/ipc/result';
import type { PartialHandlerTable } from '../handler-table';

// Placeholder while the audit log is being written (same session); replaced before the issue closes.
const notYet = (): never => {
  throw new UserFacingError('INTERNAL', 'The audit log is not available in this build yet.');
};

export const auditHandlers: PartialHandlerTable<'audit.list' | 'audit.verify'> = {
  'audit.list': notYet,
  'audit.verify': notYet,
};
