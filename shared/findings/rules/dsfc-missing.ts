import { refs, versionLabel } from '../../register/record-labels';
import { isActiveOn, partiesOf } from '../../register/register-index';
import { makeFinding, type FindingRule } from '../finding-rule';
import type { Finding } from '../../register/findings';

/**
 * DSFC_MISSING, in two forms, both high (without a DSFC binding the controller the DSA has no
 * contract under it, and NHS England stops data flows):
 * - a controller on an active version has no DSFC that binds that organisation (one finding per
 *   organisation, listing its versions);
 * - the DSFC a version names binds a legal entity that is not one of its controllers, as happens
 *   after a merger (CCG into ICB).
 */
export const dsfcMissing: FindingRule = ({ index, asOf }) => {
  const findings: Finding[] = [];
  const unbound = new Map<string, string[]>();
  for (const version of index.versions.values()) {
    if (!isActiveOn(version, asOf)) continue;
    const controllers = partiesOf(version, 'controller');
    for (const organisationId of controllers) {
      if (!index.organisations.has(organisationId) || index.dsfcsByController.has(organisationId)) continue;
      const versionIds = unbound.get(organisationId);
      if (versionIds) versionIds.push(version.id);
      else unbound.set(organisationId, [version.id]);
    }
    const named = version.dsfcId === null ? undefined : index.dsfcs.get(version.dsfcId);
    if (named && !controllers.includes(named.controllerOrganisationId)) {
      const bound = index.organisations.get(named.controllerOrganisationId);
      const successor = controllers.map((id) => index.organisations.get(id)).find((o) => o?.predecessorId === named.controllerOrganisationId);
      const boundName = bound?.legalName ?? 'an organisation not in the register';
      findings.push(
        makeFinding('DSFC_MISSING', {
          key: ['version', version.id],
          severity: 'high',
          title: `${versionLabel(index, version)} is signed under ${named.reference}, which binds ${boundName}${successor ? `, the predecessor of its controller ${successor.legalName}` : ', not one of its controllers'}`,
          action: 'Sign a DSFC with NHS England in the name of the controller on the agreement and record it against this version.',
          subjects: [refs.version(index, version), refs.dsfc(named), ...(bound ? [refs.organisation(bound)] : [])],
          dueDate: null,
        }),
      );
    }
  }
  for (const [organisationId, versionIds] of unbound) {
    const organisation = index.organisations.get(organisationId)!;
    const versions = versionIds.sort().map((id) => index.versions.get(id)!);
    findings.push(
      makeFinding('DSFC_MISSING', {
        key: ['organisation', organisationId],
        severity: 'high',
        title: unboundControllerTitle(organisation.legalName, versions.map((v) => versionLabel(index, v))),
        action: 'Record the Data Sharing Framework Contract that NHS England signed with this organisation, or sign one before any further data flows.',
        subjects: [refs.organisation(organisation), ...versions.map((v) => refs.version(index, v))],
        dueDate: null,
      }),
    );
  }
  return findings;
};

/**
 * The title of the organisation form, by itself so that an agreement's report can say it again
 * naming only that agreement's versions (shared/findings/scope-finding.ts).
 */
export const unboundControllerTitle = (organisationName: string, versionLabels: readonly string[]): string =>
  `${organisationName} is a controller on ${versionLabels.join(', ')} but no DSFC binding it is recorded`;

/** Tells the organisation form (one finding for all of a controller's versions) from the version form. */
export const isUnboundControllerFinding = (finding: Finding): boolean => finding.code === 'DSFC_MISSING' && finding.id.startsWith('DSFC_MISSING:organisation:');
