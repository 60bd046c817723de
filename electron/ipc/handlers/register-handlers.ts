import { localIsoDate } from '../../../shared/register/local-date';
import { agreementSummary } from '../../register/agreement-summary';
import { listRecords } from '../../register/register-list';
import { archiveRecord, createRecord, getRecord, replaceRecord, restoreRecord } from '../../register/register-service';
import type { PartialHandlerTable } from '../handler-table';

type RegisterMethods =
  | 'register.list'
  | 'register.get'
  | 'register.create'
  | 'register.update'
  | 'register.archive'
  | 'register.restore'
  | 'register.agreementSummary';

// The requests are discriminated on `kind`; the services are generic in it. The casts below only
// tell TypeScript what the request schema has already guaranteed: `record` matches `kind`.

export const registerHandlers: PartialHandlerTable<RegisterMethods> = {
  // With the facts of today's date (live copies, destroy-by, open findings), as the Dashboard counts them.
  'register.list': (request, context) => listRecords(context.db, request, { asOf: localIsoDate(context.now()) }),
  'register.get': ({ kind, id }, context) => getRecord(context.db, kind, id),
  'register.agreementSummary': ({ dsaId }, context) => agreementSummary(context.db, dsaId, localIsoDate(context.now())),
  'register.create': ({ kind, record }, context) =>
    ({ kind, record: createRecord(context.db, context, kind, record as never) }) as never,
  'register.update': ({ kind, id, record }, context) =>
    ({ kind, record: replaceRecord(context.db, context, kind, id, record as never) }) as never,
  'register.archive': ({ kind, id }, context) => ({ kind, record: archiveRecord(context.db, context, kind, id) }) as never,
  'register.restore': ({ kind, id }, context) => ({ kind, record: restoreRecord(context.db, context, kind, id) }) as never,
};
