import { compareStrings } from '../../register/compare';
import { formatDate } from '../../register/format-date';
import { byId } from '../../register/register-index';
import { refs } from '../../register/record-labels';
import { dsptImprovementPlanApproved } from '../../register/vocabulary';
import { makeFinding, type FindingRule } from '../finding-rule';
import { partiesOfActiveVersions } from '../parties-of-active-versions';

/**
 * DSPT_IMPROVEMENT_PLAN: a controller or processor of an active version stands on a DSPT assessment
 * that is "Not Met - Improvement Plan Approved". It is not Met (an auditor will ask about the plan
 * and its progress) and not plain Not Met (NHS England approved the plan, so the DSFC is satisfied
 * and ASSURANCE_EXPIRED stays quiet): an observation, low, naming the plan's date, due when the
 * assessment expires and the next one should show the standards met. Only the organisation's
 * newest current DSPT assessment counts: a later one at Standards Met closes it.
 */
export const dsptImprovementPlan: FindingRule = (context) => {
  const { index, asOf } = context;
  const findings = [];
  for (const { organisation, versions } of partiesOfActiveVersions(context)) {
    const current = (index.assurancesByOrganisation.get(organisation.id) ?? [])
      .filter((a) => a.kind === 'DSPT' && a.expiryDate >= asOf && (a.publishedDate === null || a.publishedDate <= asOf))
      .sort((a, b) => compareStrings(b.dsptYear ?? '', a.dsptYear ?? '') || compareStrings(b.expiryDate, a.expiryDate) || byId(a, b));
    const newest = current[0];
    if (!newest || newest.dsptStatus !== dsptImprovementPlanApproved) continue;
    const year = newest.dsptYear ? ` ${newest.dsptYear}` : '';
    const approved = newest.improvementPlanDate ? ` on ${formatDate(newest.improvementPlanDate)}` : '';
    findings.push(
      makeFinding('DSPT_IMPROVEMENT_PLAN', {
        key: [organisation.id],
        severity: 'low',
        title: `${organisation.legalName}: DSPT${year} is Not Met, with an improvement plan NHS England approved${approved}`,
        action: `Keep the improvement plan and evidence of its progress ready for the auditor, and record the next DSPT assessment by ${formatDate(newest.expiryDate)}.`,
        subjects: [refs.organisation(organisation), refs.assurance(newest), ...versions.map((v) => refs.version(index, v))],
        dueDate: newest.expiryDate,
      }),
    );
  }
  return findings;
};
