import { localIsoDate } from '../../../shared/register/local-date';
import { summariseStoredRegister } from '../../register/register-summary-query';
import type { PartialHandlerTable } from '../handler-table';

/** The dashboard's counts of live holdings and copies, on the user's date unless asOf is given. */
export const dashboardHandlers: PartialHandlerTable<'dashboard.summary'> = {
  'dashboard.summary': ({ asOf }, context) => summariseStoredRegister(context.db, asOf ?? localIsoDate(context.now())),
};
