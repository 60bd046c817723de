import { compareStrings } from '../../shared/register/compare';
import { versionLabel } from '../../shared/register/record-labels';
import type { DsaVersion, Holding } from '../../shared/register/records';
import type { RegisterIndex } from '../../shared/register/register-index';
import { holdingsOfVersion } from '../../shared/destruction/build-certificate';
import { UserFacingError } from '../../shared/ipc/result';

/** Which agreement version and holdings a certificate covers, as the user asked for them. */
export interface ScopeRequest {
  /** The version's record id (the app), or a NIC reference and optional version number (the CLI). */
  versionId?: string;
  dsaReference?: string;
  version?: string;
  /** Chosen holdings; none means every holding of the version not yet certified. */
  holdingIds?: readonly string[];
}

export interface CertificateScope {
  version: DsaVersion;
  holdings: Holding[];
}

export function resolveScope(index: RegisterIndex, request: ScopeRequest): CertificateScope {
  const version = resolveVersion(index, request);
  // The register holds a certificate to one version's holdings: data carried into a renewal is
  // certified under the version it was received under.
  const belongs = (h: Holding) => h.versionId === version.id;
  if (request.holdingIds && request.holdingIds.length > 0) {
    const holdings = [...new Set(request.holdingIds)].map((id) => {
      const holding = index.holdings.get(id);
      if (!holding) throw new UserFacingError('NOT_FOUND', `There is no holding "${id}" in the register (or it is archived): check the holding id.`);
      if (!belongs(holding)) throw new UserFacingError('BAD_REQUEST', `Holding ${holding.darsFileReference} ("${id}") is not held under ${versionLabel(index, version)}: choose holdings of that version.`);
      return holding;
    });
    return { version, holdings };
  }
  const all = holdingsOfVersion(index, version.id);
  const uncertified = all.filter((h) => !index.certifiedHoldingIds.has(h.id));
  if (all.length === 0) throw new UserFacingError('REFUSED', `No holdings are recorded under ${versionLabel(index, version)}, so there is nothing to certify.`);
  if (uncertified.length === 0)
    throw new UserFacingError('REFUSED', `Every holding of ${versionLabel(index, version)} is already covered by a certificate; choose holdings to issue a replacement.`);
  return { version, holdings: uncertified };
}

function resolveVersion(index: RegisterIndex, request: ScopeRequest): DsaVersion {
  if (request.versionId) {
    const version = index.versions.get(request.versionId);
    if (!version) throw new UserFacingError('NOT_FOUND', `There is no DSA version "${request.versionId}" in the register (or it is archived).`);
    return version;
  }
  const reference = request.dsaReference?.trim();
  if (!reference) throw new UserFacingError('BAD_REQUEST', 'Name the agreement: a DSA reference such as DARS-NIC-00574-V2H1F.');
  const dsa = [...index.dsas.values()].find((d) => d.nicReference === reference);
  if (!dsa) throw new UserFacingError('NOT_FOUND', `There is no DSA ${reference} in the register: check the NIC reference.`);
  const versions = [...index.versions.values()].filter((v) => v.dsaId === dsa.id);
  if (request.version !== undefined) {
    const wanted = request.version.replace(/^v/i, '');
    const match = versions.find((v) => v.version === wanted);
    if (!match) throw new UserFacingError('NOT_FOUND', `${reference} has no version ${wanted}; it has ${versions.map((v) => v.version).sort().join(', ') || 'no versions'}.`);
    return match;
  }
  // The latest agreed version: where renewals carry the data, and so what a certificate is for.
  const agreed = versions.filter((v) => v.status !== 'draft').sort((a, b) => compareStrings(b.startDate, a.startDate) || compareStrings(b.id, a.id));
  if (!agreed[0]) throw new UserFacingError('NOT_FOUND', `${reference} has no agreed version to certify destruction for.`);
  return agreed[0];
}
