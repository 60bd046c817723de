import { formatDate } from '../../register/format-date';
import { refs } from '../../register/record-labels';
import { makeFinding, type FindingRule } from '../finding-rule';
import { partiesOfActiveVersions } from '../parties-of-active-versions';

/**
 * ICO_REGISTRATION_EXPIRED: a controller or processor of an active version has no ICO registration
 * number recorded, or its renewal date has passed. Medium: a lapsed registration is an offence that
 * is quick to put right, and it does not by itself put the data at risk.
 */
export const icoRegistrationExpired: FindingRule = (context) => {
  const { index, asOf } = context;
  const findings = [];
  for (const { organisation, versions } of partiesOfActiveVersions(context)) {
    const lapsed = organisation.icoRenewalDate !== null && organisation.icoRenewalDate < asOf;
    if (organisation.icoRegistrationNumber !== null && !lapsed) continue;
    findings.push(
      makeFinding('ICO_REGISTRATION_EXPIRED', {
        key: [organisation.id],
        severity: 'medium',
        title:
          organisation.icoRegistrationNumber === null
            ? `${organisation.legalName} has no ICO registration number recorded`
            : `The ICO registration of ${organisation.legalName} (${organisation.icoRegistrationNumber}) was due for renewal on ${formatDate(organisation.icoRenewalDate!)}`,
        action: 'Check the ICO register of fee payers, then record the organisation’s current registration number and renewal date.',
        subjects: [refs.organisation(organisation), ...versions.map((v) => refs.version(index, v))],
        dueDate: lapsed ? organisation.icoRenewalDate : null,
      }),
    );
  }
  return findings;
};
