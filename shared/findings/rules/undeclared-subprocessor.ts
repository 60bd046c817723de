import { plural } from '../../register/format-date';
import { refs, versionLabel } from '../../register/record-labels';
import { byId, partiesOf } from '../../register/register-index';
import { makeFinding, type FindingRule } from '../finding-rule';
import { placementCopies, placements } from '../placements';

/**
 * UNDECLARED_SUBPROCESSOR: live copies held under a version sit at a location hosted by a provider
 * (a cloud service behind a processor's system) that is neither a controller nor a processor on that
 * version. NHS England's published audits find undeclared processors and cloud hosts most often
 * (Microsoft cloud storage behind a processor), so it is high, as OPERATOR_NOT_PARTY is. A host that
 * is also the operator is that finding's business, not this one's. One finding per (version,
 * location).
 */
export const undeclaredSubprocessor: FindingRule = (context) => {
  const { index } = context;
  const findings = [];
  for (const placement of placements(context)) {
    const { version, location } = placement;
    const hostId = location.hostedByOrganisationId;
    if (!hostId || hostId === location.operatorOrganisationId || partiesOf(version).includes(hostId)) continue;
    const host = index.organisations.get(hostId);
    const hostName = host?.legalName ?? 'an organisation not in the register';
    const reported = placementCopies(context, placement).sort(byId);
    findings.push(
      makeFinding('UNDECLARED_SUBPROCESSOR', {
        key: [version.id, location.id],
        severity: 'high',
        title: `${location.name} is hosted by ${hostName}, which is not a party to ${versionLabel(index, version)}, yet holds ${plural(reported.length, 'copy', 'copies')} of its data`,
        action: `Have NHS England (DARS) add ${hostName} to the agreement as a (sub)processor before its service holds the data, or move the data to a location whose host is a party.`,
        subjects: [refs.location(location), ...(host ? [refs.organisation(host)] : []), refs.version(index, version), ...reported.map((c) => refs.copy(index, c))],
        dueDate: null,
      }),
    );
  }
  return findings;
};
