import type { RegisterConnection } from '../db/register-connection';
import { DESTRUCTION_PAGE, type CertificateSummary, type CopyStatus, type DestructionOverview } from '../../shared/destruction/destruction-api';
import { compareStrings } from '../../shared/register/compare';
import { copyLabel, holdingLabel, refs, versionLabel } from '../../shared/register/record-labels';
import type { Certificate, Copy, Holding } from '../../shared/register/records';
import type { RegisterIndex } from '../../shared/register/register-index';
import { cachedRegister } from '../register/register-cache';
import { allCertificateContents, loadDestructionFacts } from './destruction-store';
import { localPathOf } from './verify-absence';

/**
 * What the Destruction screen shows besides its worklist (destruction-worklist.ts), in one read:
 * the copies whose destruction is recorded (or dated) but not yet covered by a certificate, with
 * their records, evidence and absence checks; the versions a certificate can be issued for; and the
 * certificates with their status. Live copies with nothing recorded are the worklist's, a page at a
 * time: listing all of them here sent tens of megabytes for a register of 100,000 copies. The copies
 * and certificates come a page at a time too, and the versions by name only (their holdings are
 * version-holdings.ts'), as at 100,000 copies the whole of them was 2.8 MB the screen waited for.
 */
export function destructionOverview(db: RegisterConnection, asOf: string, page: { copiesOffset: number; certificatesOffset: number } = { copiesOffset: 0, certificatesOffset: 0 }): DestructionOverview {
  // The register as main holds it for the findings: the Destruction screen opens often, and loading 100,000 copies each time is what a user waits for.
  const { content: register, index } = cachedRegister(db);
  const facts = loadDestructionFacts(db);
  // Every listed copy is labelled, to sort them; the rest of a row (records, evidence, checks) is built for the page shown only.
  const listed: { copy: Copy; holding: Holding; holdingLabel: string; copyLabel: string }[] = [];
  for (const holding of index.holdings.values()) {
    if (index.certifiedHoldingIds.has(holding.id)) continue;
    const label = holdingLabel(index, holding);
    for (const copy of index.copiesByHolding.get(holding.id) ?? []) {
      if (facts.latestRecord.has(copy.id) || copy.destroyedDate !== null) listed.push({ copy, holding, holdingLabel: label, copyLabel: copyLabel(index, copy) });
    }
  }
  listed.sort((a, b) => compareStrings(a.holdingLabel, b.holdingLabel) || compareStrings(a.copyLabel, b.copyLabel));
  const copies: CopyStatus[] = listed.slice(page.copiesOffset, page.copiesOffset + DESTRUCTION_PAGE).map(({ copy, holding }) => {
    const latest = facts.latestRecord.get(copy.id);
    const check = facts.latestAbsenceCheck.get(copy.id);
    return {
      copy: refs.copy(index, copy),
      holding: refs.holding(index, holding),
      version: refs.version(index, index.versions.get(holding.versionId)!),
      kind: copy.kind,
      location: index.locations.get(copy.locationId)?.name ?? copy.locationId,
      pathOrDescription: copy.pathOrDescription,
      destroyedDate: copy.destroyedDate,
      canVerifyAbsence: localPathOf(copy.pathOrDescription) !== null,
      latest: latest
        ? {
            id: latest.id,
            outcome: latest.outcome,
            methodType: latest.methodType,
            method: latest.method,
            performedAt: latest.performedAt,
            exceptionEndDate: latest.exceptionEndDate,
            evidence: (facts.evidenceByRecord.get(latest.id) ?? []).map((e) => ({ fileName: e.originalName, sha256: e.sha256 })),
          }
        : null,
      lastAbsenceCheck: check ? { result: check.result, checkedAt: check.checkedAt, detail: check.detail } : null,
    };
  });
  const versions = [...index.versions.values()]
    .filter((v) => (index.holdingsByVersion.get(v.id) ?? []).length > 0)
    .map((v) => ({ id: v.id, label: versionLabel(index, v) }))
    .sort((a, b) => compareStrings(a.label, b.label));
  const issued = register.certificates
    .filter((c) => !c.archived)
    .sort((a, b) => compareStrings(b.issuedDate, a.issuedDate) || compareStrings(b.number, a.number));
  const contents = allCertificateContents(db);
  const certificates = issued
    .slice(page.certificatesOffset, page.certificatesOffset + DESTRUCTION_PAGE)
    .map((c) => certificateSummary(index, c, contents.get(c.id)?.contentHash ?? null));
  return {
    asOf,
    copies: { rows: copies, total: listed.length, offset: page.copiesOffset },
    versions,
    certificates: { rows: certificates, total: issued.length, offset: page.certificatesOffset },
  };
}

export function certificateSummary(index: RegisterIndex, certificate: Certificate, contentHash: string | null): CertificateSummary {
  const version = index.versions.get(certificate.versionId);
  return {
    id: certificate.id,
    number: certificate.number,
    agreement: version ? versionLabel(index, version) : 'Unknown agreement',
    holdings: certificate.holdingIds.map((id) => index.holdings.get(id)?.darsFileReference ?? id),
    issuedDate: certificate.issuedDate,
    status: certificate.status,
    sentDate: certificate.sentDate,
    acknowledgedDate: certificate.acknowledgedDate,
    acknowledgementReference: certificate.acknowledgementReference,
    contentHash,
  };
}
