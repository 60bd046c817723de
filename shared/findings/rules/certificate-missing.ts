import { holdingLabel, refs } from '../../register/record-labels';
import { makeFinding, type FindingRule } from '../finding-rule';

/**
 * CERTIFICATE_MISSING: every recorded copy of a holding has been destroyed, but no certificate of
 * destruction names the holding. Medium: the data is gone, but NHS England keeps its audit findings
 * open until the certificate arrives. A holding with no copies recorded is not reported (nothing
 * says it was destroyed).
 */
export const certificateMissing: FindingRule = ({ index, asOf }) => {
  const findings = [];
  for (const { holding, copies } of index.holdingCopies) {
    if (index.certifiedHoldingIds.has(holding.id)) continue;
    let lastDestroyed = '';
    for (const copy of copies) {
      if (copy.destroyedDate === null || copy.destroyedDate > asOf) {
        lastDestroyed = '';
        break;
      }
      if (copy.destroyedDate > lastDestroyed) lastDestroyed = copy.destroyedDate;
    }
    if (lastDestroyed === '') continue;
    findings.push(
      makeFinding('CERTIFICATE_MISSING', {
        key: [holding.id],
        severity: 'medium',
        title: `Every copy of ${holdingLabel(index, holding)} is destroyed but no certificate of destruction covers it`,
        action: 'Issue a certificate of destruction for the holding and send it to NHS England (DARS).',
        subjects: [refs.holding(index, holding)],
        dueDate: lastDestroyed,
      }),
    );
  }
  return findings;
};
