import type { RegisterConnection } from '../db/register-connection';
import type { AgreementSummary } from '../../shared/register/agreement-summary';
import type { IsoDate } from '../../shared/register/dates';
import { severities } from '../../shared/register/findings';
import { versionLabel } from '../../shared/register/record-labels';
import { versionInForce } from '../../shared/register/register-index';
import { UserFacingError } from '../../shared/ipc/result';
import { withStatuses } from '../findings/finding-status-service';
import { currentVersion, registerFacts } from './list-facts';
import { cachedRegister } from './register-cache';

/**
 * An agreement's summary (shared/register/agreement-summary.ts) from the same facts its list row
 * shows and the same findings its report lists, so the three never disagree. Holdings come from
 * every version: what v4.1 received and v4.2 carries over is listed beside what v4.2 received.
 */
export function agreementSummary(db: RegisterConnection, dsaId: string, asOf: IsoDate): AgreementSummary {
  const { index } = cachedRegister(db);
  const dsa = index.dsas.get(dsaId);
  if (!dsa) throw new UserFacingError('NOT_FOUND', `There is no current DSA "${dsaId}" in the register (it may be archived); open it from the Agreements list.`);
  const facts = registerFacts(db, asOf);
  const versions = [...index.versions.values()].filter((v) => v.dsaId === dsaId);
  const current = currentVersion(versions, asOf);
  const organisationName = (id: string) => index.organisations.get(id)?.legalName ?? 'an organisation no longer in the register';

  const holdings: AgreementSummary['holdings'] = [];
  for (const version of versions) {
    for (const holding of index.holdingsByVersion.get(version.id) ?? []) {
      const fact = facts.holding.get(holding.id);
      if (!fact) continue;
      holdings.push({
        id: holding.id,
        label: holding.darsFileReference,
        versionId: version.id,
        versionLabel: versionLabel(index, version),
        carriedOver: current !== null && version.id !== current.id && versionInForce(index, version.id, asOf)?.id === current.id,
        ...fact,
      });
    }
  }
  // What still needs doing first: live holdings by destroy-by date, then the rest by reference.
  holdings.sort((a, b) => Number(b.liveCopies > 0) - Number(a.liveCopies > 0) || (a.destroyBy ?? '9999').localeCompare(b.destroyBy ?? '9999') || a.label.localeCompare(b.label));

  const findings = withStatuses(db, facts.findingsByDsa.get(dsaId) ?? [], asOf);
  const bySeverity = Object.fromEntries(
    severities.map((severity) => {
      const ofSeverity = findings.filter((f) => f.severity === severity);
      return [severity, { total: ofSeverity.length, open: ofSeverity.filter((f) => (f.status?.state ?? 'open') === 'open').length }];
    }),
  ) as AgreementSummary['findings'];

  return {
    asOf,
    currentVersion: current
      ? { id: current.id, label: versionLabel(index, current), status: current.status, startDate: current.startDate, endDate: current.endDate, territory: current.territory }
      : null,
    parties: current ? current.parties.map((p) => ({ organisationId: p.organisationId, label: organisationName(p.organisationId), role: p.role })) : [],
    approvedLocations: current
      ? (index.approvalsByVersion.get(current.id) ?? []).map((a) => ({
          id: a.id,
          locationId: a.locationId,
          label: index.locations.get(a.locationId)?.name ?? 'a location no longer in the register',
          role: a.role,
          approvedFrom: a.approvedFrom,
          approvedTo: a.approvedTo,
        }))
      : [],
    holdings,
    liveCopies: holdings.reduce((sum, h) => sum + h.liveCopies, 0),
    findings: bySeverity,
  };
}
