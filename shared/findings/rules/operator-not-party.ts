import { plural } from '../../register/format-date';
import { refs, versionLabel } from '../../register/record-labels';
import { byId, partiesOf } from '../../register/register-index';
import { makeFinding, type FindingRule } from '../finding-rule';
import { placementCopies, placements } from '../placements';

/**
 * OPERATOR_NOT_PARTY: live copies held under a version sit at a location operated by an organisation
 * that is neither a controller nor a processor on that version. High: an undeclared processor is
 * one of the findings NHS England's audits report most. One finding per (version, location): the question is asked once per pair, not per copy.
 */
export const operatorNotParty: FindingRule = (context) => {
  const { index } = context;
  const findings = [];
  const partiesByVersion = new Map<string, readonly string[]>();
  for (const placement of placements(context)) {
    const { version, location } = placement;
    let parties = partiesByVersion.get(version.id);
    if (!parties) partiesByVersion.set(version.id, (parties = partiesOf(version)));
    if (parties.includes(location.operatorOrganisationId)) continue;
    const operator = index.organisations.get(location.operatorOrganisationId);
    const operatorName = operator?.legalName ?? 'an organisation not in the register';
    const reported = placementCopies(context, placement).sort(byId);
    findings.push(
      makeFinding('OPERATOR_NOT_PARTY', {
        key: [version.id, location.id],
        severity: 'high',
        title: `${location.name} is operated by ${operatorName}, which is not a controller or processor on ${versionLabel(index, version)}, yet holds ${plural(reported.length, 'copy', 'copies')} of its data`,
        action: `Have NHS England (DARS) add ${operatorName} to the agreement as a processor before it holds the data, or move the data to a location a party operates.`,
        subjects: [refs.location(location), ...(operator ? [refs.organisation(operator)] : []), refs.version(index, version), ...reported.map((c) => refs.copy(index, c))],
        dueDate: null,
      }),
    );
  }
  return findings;
};
