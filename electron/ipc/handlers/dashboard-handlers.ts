import { summariseRegister } from '../../../shared/dashboard/register-summary';
import { localIsoDate } from '../../../shared/register/local-date';
import { cachedFromRegister } from '../../register/register-cache';
import type { PartialHandlerTable } from '../handler-table';

/**
 * The dashboard's counts of live holdings and copies, on the user's date unless asOf is given, from
 * the register main already holds for the findings and deadlines the dashboard asks for with them.
 */
export const dashboardHandlers: PartialHandlerTable<'dashboard.summary'> = {
  'dashboard.summary': ({ asOf }, context) => {
    const date = asOf ?? localIsoDate(context.now());
    return cachedFromRegister(context.db, `summary:${date}`, (index) => summariseRegister(index, date));
  },
};
