import { plural } from '../../register/format-date';
import { refs, versionLabel } from '../../register/record-labels';
import type { DsaVersion } from '../../register/records';
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
  const partiesByVersion = new Map<string, ReadonlySet<string>>();
  const partiesOfVersion = (version: DsaVersion) => {
    let parties = partiesByVersion.get(version.id);
    if (!parties) partiesByVersion.set(version.id, (parties = new Set(partiesOf(version))));
    return parties;
  };
  // Only the copies at fault are grouped: the check itself is a Set lookup per live copy.
  const atFault = liveCopies(context).filter((live) => !partiesOfVersion(live.version).has(live.location.operatorOrganisationId));
  const findings = [];
  for (const group of groupByVersionAndLocation(atFault)) {
    const { version, location } = group[0]!;
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
