import { computeFindings } from '../../../shared/findings';
import { upcomingDeadlines } from '../../../shared/register/deadlines';
import { localIsoDate } from '../../../shared/register/local-date';
import { loadRegister } from '../../register/load-register';
import type { PartialHandlerTable } from '../handler-table';

/** The dashboard's findings and timeline, computed from the whole register on each call. */
export const findingsHandlers: PartialHandlerTable<'findings.list' | 'deadlines.upcoming'> = {
  'findings.list': ({ asOf }, context) => {
    const date = asOf ?? localIsoDate(context.now());
    return { asOf: date, findings: computeFindings(loadRegister(context.db), date) };
  },
  'deadlines.upcoming': ({ asOf, horizonDays }, context) => {
    const date = asOf ?? localIsoDate(context.now());
    return { asOf: date, deadlines: upcomingDeadlines(loadRegister(context.db), date, horizonDays) };
  },
};
