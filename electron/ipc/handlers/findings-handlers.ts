import { computeFindings } from '../../../shared/findings';
import { clockMomentFor, mergeFindings } from '../../../shared/incidents/incident-findings';
import { upcomingDeadlines } from '../../../shared/register/deadlines';
import { localIsoDate } from '../../../shared/register/local-date';
import { incidentFindings } from '../../incidents/incident-findings-source';
import { loadRegister } from '../../register/load-register';
import type { PartialHandlerTable } from '../handler-table';

/** The dashboard's findings (the register's and the incident clocks') and timeline, computed from the whole register on each call. */
export const findingsHandlers: PartialHandlerTable<'findings.list' | 'deadlines.upcoming'> = {
  'findings.list': ({ asOf }, context) => {
    const date = asOf ?? localIsoDate(context.now());
    const registerFindings = computeFindings(loadRegister(context.db), date);
    return { asOf: date, findings: mergeFindings(registerFindings, incidentFindings(context.db, clockMomentFor(date, context.now()))) };
  },
  'deadlines.upcoming': ({ asOf, horizonDays }, context) => {
    const date = asOf ?? localIsoDate(context.now());
    return { asOf: date, deadlines: upcomingDeadlines(loadRegister(context.db), date, horizonDays) };
  },
};
