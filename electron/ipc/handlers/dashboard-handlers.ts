import { summariseRegister } from '../../../shared/dashboard/register-summary';
import { localIsoDate } from '../../../shared/register/local-date';
import { loadRegister } from '../../register/load-register';
import type { PartialHandlerTable } from '../handler-table';

/** The dashboard's counts of live holdings and copies, on the user's date unless asOf is given. */
export const dashboardHandlers: PartialHandlerTable<'dashboard.summary'> = {
  'dashboard.summary': ({ asOf }, context) => summariseRegister(loadRegister(context.db), asOf ?? localIsoDate(context.now())),
};
