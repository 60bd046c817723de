import { agreementRecordIds } from '../../../shared/findings/agreement-records';
import { selectFindings, summariseFindings } from '../../../shared/findings/findings-query';
import { placeOfFinding } from '../../../shared/findings/finding-place';
import { tableOfFindings } from '../../../shared/findings/findings-table';
import { clockMomentFor, mergeFindings } from '../../../shared/incidents/incident-findings';
import { upcomingDeadlinesIn } from '../../../shared/register/deadlines';
import type { Finding } from '../../../shared/register/findings';
import { localIsoDate } from '../../../shared/register/local-date';
import { setFindingStatus, setFindingStatuses, statusShown, withStatuses } from '../../findings/finding-status-service';
import { incidentFindings } from '../../incidents/incident-findings-source';
import { cachedFromRegister, cachedRegister } from '../../register/register-cache';
import { storedRegisterFindings } from '../../register/register-findings';
import type { ServiceContext } from '../context';
import type { PartialHandlerTable } from '../handler-table';

/**
 * The findings (the register's and the incident clocks') and the deadlines. The register's part is
 * computed once per change to the register and date (register-cache.ts); each call sends only what
 * its screen shows: the dashboard's counts and first few, one severity, or those about a record.
 */
export const findingsHandlers: PartialHandlerTable<'findings.list' | 'findings.overview' | 'findings.table' | 'findings.setStatus' | 'findings.setStatuses' | 'deadlines.upcoming'> = {
  'findings.list': ({ asOf, ...filter }, context) => {
    const date = asOf ?? localIsoDate(context.now());
    // An agreement's findings are those its audit report lists: one definition (agreement-records.ts).
    const agreementIds = filter.dsaId === undefined ? null : agreementIdsOf(context, filter.dsaId);
    const page = selectFindings(allFindings(context, date), filter, agreementIds);
    return { asOf: date, total: page.total, findings: page.findings.map(statusShown) };
  },
  'findings.overview': ({ asOf, first, status }, context) => {
    const date = asOf ?? localIsoDate(context.now());
    const { bySeverity, overdueObligations } = summariseFindings(allFindings(context, date), first, status);
    const shown = (group: { total: number; first: Finding[] }) => ({ total: group.total, first: group.first.map(statusShown) });
    return { asOf: date, bySeverity: { high: shown(bySeverity.high), medium: shown(bySeverity.medium), low: shown(bySeverity.low) }, overdueObligations: shown(overdueObligations) };
  },
  'findings.table': ({ asOf, ...request }, context) => {
    const date = asOf ?? localIsoDate(context.now());
    const { index } = cachedRegister(context.db);
    const table = tableOfFindings(allFindings(context, date), (f) => placeOfFinding(index, f), request);
    // Copies in one folded row share a label ("Backup copy of … at Leeds DR site"): their paths tell them apart.
    const pathOf = (f: Finding): string | null => {
      const copyId = f.subjects.find((s) => s.kind === 'copy')?.id;
      return copyId ? (index.copies.get(copyId)?.pathOrDescription ?? null) : null;
    };
    const notesOf = (findings: readonly Finding[]) => Object.fromEntries(findings.flatMap((f) => (pathOf(f) ? [[f.id, pathOf(f)!]] : [])));
    const groups = table.groups.map((g) => ({
      ...g,
      rows: g.rows.map((r) => ({ ...r, findings: r.findings.map(statusShown), notes: r.count > 1 ? notesOf(r.findings) : {} })),
    }));
    return { asOf: date, ...table, groups };
  },
  // Judged on today's findings: a status is a decision about a problem that exists now.
  'findings.setStatus': (request, context) => {
    const date = localIsoDate(context.now());
    const { finding, status } = setFindingStatus(context.db, context, allFindings(context, date), date, request);
    return { asOf: date, finding: { ...finding, status } };
  },
  // A folded row's findings, all or none (finding-status-service.ts).
  'findings.setStatuses': (request, context) => {
    const date = localIsoDate(context.now());
    const set = setFindingStatuses(context.db, context, allFindings(context, date), date, request);
    return { asOf: date, findings: set.map(({ finding, status }) => ({ ...finding, status })) };
  },
  'deadlines.upcoming': ({ asOf, horizonDays }, context) => {
    const date = asOf ?? localIsoDate(context.now());
    return { asOf: date, deadlines: cachedFromRegister(context.db, `deadlines:${date}:${horizonDays}`, (index) => upcomingDeadlinesIn(index, date, horizonDays)) };
  },
};

/** Not remembered: a pass over one agreement's records costs less than evicting a date's findings from the cache. */
function agreementIdsOf(context: ServiceContext, dsaId: string): ReadonlySet<string> {
  return agreementRecordIds(cachedRegister(context.db).index, dsaId);
}

function allFindings(context: ServiceContext, date: string): readonly Finding[] {
  const register = cachedFromRegister(context.db, `findings:${date}`, (index): readonly Finding[] => storedRegisterFindings(context.db, index, date));
  const incidents = incidentFindings(context.db, clockMomentFor(date, context.now()));
  // Most days there is no open incident: the register's findings are already in order.
  // Statuses are read afresh each time (a few rows): setting one must show at once, cache or not.
  return withStatuses(context.db, incidents.length === 0 ? register : mergeFindings(register, incidents), date);
}
