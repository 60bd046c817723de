import { plural } from '../../register/format-date';
import { refs, versionLabel } from '../../register/record-labels';
import { partiesOf } from '../../register/register-index';
import { makeFinding, type FindingRule } from '../finding-rule';
import { groupByVersionAndLocation, liveCopies } from '../live-copies';

/**
 * OPERATOR_NOT_PARTY: live copies held under a version sit at a location operated by an organisation
 * that is neither a controller nor a processor on that version. High: an undeclared processor is
 * one of the findings NHS England's audits report most. One finding per (version, location).
 */
export const operatorNotParty: FindingRule = (context) => {
  const { index } = context;
  const findings = [];
  for (const group of groupByVersionAndLocation(liveCopies(context))) {
    const { version, location } = group[0]!;
    if (partiesOf(version).includes(location.operatorOrganisationId)) continue;
    const operator = index.organisations.get(location.operatorOrganisationId);
    const operatorName = operator?.legalName ?? 'an organisation not in the register';
    findings.push(
      makeFinding('OPERATOR_NOT_PARTY', {
        key: [version.id, location.id],
        severity: 'high',
        title: `${location.name} is operated by ${operatorName}, which is not a controller or processor on ${versionLabel(index, version)}, yet holds ${plural(group.length, 'copy', 'copies')} of its data`,
        action: `Have NHS England (DARS) add ${operatorName} to the agreement as a processor before it holds the data, or move the data to a location a party operates.`,
        subjects: [refs.location(location), ...(operator ? [refs.organisation(operator)] : []), refs.version(index, version), ...group.map((c) => refs.copy(index, c.copy))],
        dueDate: null,
      }),
    );
  }
  return findings;
};
