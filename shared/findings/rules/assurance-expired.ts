import { compareStrings } from '../../register/compare';
import type { IsoDate } from '../../register/dates';
import { byId } from '../../register/register-index';
import { formatDate } from '../../register/format-date';
import { assuranceLabel, refs } from '../../register/record-labels';
import type { Assurance } from '../../register/records';
import { dsptAcceptableStatuses, dsptImprovementPlanApproved } from '../../register/vocabulary';
import { makeFinding, type FindingRule } from '../finding-rule';
import { partiesOfActiveVersions } from '../parties-of-active-versions';

/**
 * ASSURANCE_EXPIRED: a controller or processor of an active version has no current security
 * assurance that satisfies the DSFC: a DSPT assessment at Standards Met or Exceeded, a DSPT below
 * that with an agreed improvement plan ("Not Published" never counts: there is no assessment), or an
 * ISO 27001 certificate. Current = published (when a date is known) and not yet expired.
 * Medium: the data may stay while it is put right, but NHS England can suspend flows.
 */
export const assuranceExpired: FindingRule = (context) => {
  const { index, asOf } = context;
  const findings = [];
  for (const { organisation, versions } of partiesOfActiveVersions(context)) {
    const assurances = index.assurancesByOrganisation.get(organisation.id) ?? [];
    if (assurances.some((a) => satisfies(a, asOf))) continue;
    const latest = [...assurances].sort((a, b) => compareStrings(b.expiryDate, a.expiryDate) || byId(a, b))[0];
    findings.push(
      makeFinding('ASSURANCE_EXPIRED', {
        key: [organisation.id],
        severity: 'medium',
        title: `${organisation.legalName}: ${latest ? shortfall(latest, asOf) : 'no DSPT assessment or ISO 27001 certificate is recorded'}`,
        action: 'Record a current DSPT assessment at Standards Met or Exceeded (or one with an agreed improvement plan) or a current ISO 27001 certificate for this organisation.',
        subjects: [refs.organisation(organisation), ...(latest ? [refs.assurance(latest)] : []), ...versions.map((v) => refs.version(index, v))],
        dueDate: latest && latest.expiryDate < asOf ? latest.expiryDate : null,
      }),
    );
  }
  return findings;
};

const isCurrent = (a: Assurance, asOf: IsoDate): boolean => a.expiryDate >= asOf && (a.publishedDate === null || a.publishedDate <= asOf);

function satisfies(a: Assurance, asOf: IsoDate): boolean {
  if (!isCurrent(a, asOf)) return false;
  if (a.kind === 'ISO27001') return true;
  if (a.dsptStatus === null || a.dsptStatus === 'Not Published') return false;
  // An improvement plan NHS England approved satisfies the DSFC; DSPT_IMPROVEMENT_PLAN observes it.
  return dsptAcceptableStatuses.includes(a.dsptStatus) || a.dsptStatus === dsptImprovementPlanApproved || a.improvementPlanAgreed;
}

function shortfall(a: Assurance, asOf: IsoDate): string {
  const label = assuranceLabel(a);
  if (a.expiryDate < asOf) return `${label} expired on ${formatDate(a.expiryDate)}`;
  if (a.publishedDate !== null && a.publishedDate > asOf) return `${label} is not published until ${formatDate(a.publishedDate)}`;
  return `${label} is below Standards Met and no improvement plan is agreed`;
}
