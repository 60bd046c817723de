import type { RegisterConnection } from '../db/register-connection';
import type { CertificateSummary, CopyStatus, DestructionOverview } from '../../shared/destruction/destruction-api';
import { compareStrings } from '../../shared/register/compare';
import { refs, versionLabel } from '../../shared/register/record-labels';
import type { Certificate } from '../../shared/register/records';
import type { RegisterIndex } from '../../shared/register/register-index';
import { cachedRegister } from '../register/register-cache';
import { allCertificateContents, loadDestructionFacts } from './destruction-store';
import { localPathOf } from './verify-absence';

/**
 * What the Destruction screen shows besides its worklist (destruction-worklist.ts), in one read:
 * the copies whose destruction is recorded (or dated) but not yet covered by a certificate, with
 * their records, evidence and absence checks; the versions a certificate can be issued for; and the
 * certificates with their status. Live copies with nothing recorded are the worklist's, a page at a
 * time: listing all of them here sent tens of megabytes for a register of 100,000 copies.
 */
export function destructionOverview(db: RegisterConnection, asOf: string): DestructionOverview {
  // The register as main holds it for the findings: the Destruction screen opens often, and loading 100,000 copies each time is what a user waits for.
  const { content: register, index } = cachedRegister(db);
  const facts = loadDestructionFacts(db);
  const copies: CopyStatus[] = [];
  for (const holding of index.holdings.values()) {
    if (index.certifiedHoldingIds.has(holding.id)) continue;
    const version = index.versions.get(holding.versionId)!;
    for (const copy of index.copiesByHolding.get(holding.id) ?? []) {
      const latest = facts.latestRecord.get(copy.id);
      if (!latest && copy.destroyedDate === null) continue;
      const check = facts.latestAbsenceCheck.get(copy.id);
      copies.push({
        copy: refs.copy(index, copy),
        holding: refs.holding(index, holding),
        version: refs.version(index, version),
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
      });
    }
  }
  copies.sort((a, b) => compareStrings(a.holding.label, b.holding.label) || compareStrings(a.copy.label, b.copy.label));
  const versions = [...index.versions.values()]
    .filter((v) => (index.holdingsByVersion.get(v.id) ?? []).length > 0)
    .map((v) => ({ id: v.id, label: versionLabel(index, v), holdings: (index.holdingsByVersion.get(v.id) ?? []).map((h) => refs.holding(index, h)) }))
    .sort((a, b) => compareStrings(a.label, b.label));
  const contents = allCertificateContents(db);
  const certificates = register.certificates
    .filter((c) => !c.archived)
    .map((c) => certificateSummary(index, c, contents.get(c.id)?.contentHash ?? null))
    .sort((a, b) => compareStrings(b.issuedDate, a.issuedDate) || compareStrings(b.number, a.number));
  return { asOf, copies, versions, certificates };
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
