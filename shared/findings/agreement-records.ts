import type { Finding } from '../register/findings';
import type { RegisterIndex } from '../register/register-index';

/**
 * Which findings belong to one agreement: those naming at least one of the agreement's own records.
 * The agreement's screen (`findings.list` with `dsaId`) and its audit report both ask this, so the
 * count of high findings an IG lead sees is the one the auditor reads.
 *
 * Own records are the DSA, its versions and what hangs from them: datasets, approved locations,
 * obligations set by a version, holdings received under a version and their copies. Organisations,
 * locations, DSFCs and assurances are shared between agreements, so naming one of them does not make
 * a finding this agreement's: a copy of another agreement at a location the two share is the other
 * agreement's problem, and disclosing it in this agreement's report would be a breach in itself.
 */
export function agreementRecordIds(index: RegisterIndex, dsaId: string): ReadonlySet<string> {
  const ids = new Set<string>();
  if (!index.dsas.has(dsaId)) return ids;
  ids.add(dsaId);
  for (const version of index.versions.values()) {
    if (version.dsaId !== dsaId) continue;
    ids.add(version.id);
    for (const approval of index.approvalsByVersion.get(version.id) ?? []) ids.add(approval.id);
    for (const holding of index.holdingsByVersion.get(version.id) ?? []) {
      ids.add(holding.id);
      for (const copy of index.copiesByHolding.get(holding.id) ?? []) ids.add(copy.id);
    }
  }
  for (const dataset of index.datasets.values()) if (ids.has(dataset.versionId)) ids.add(dataset.id);
  for (const obligation of index.obligations.values()) if (obligation.versionId !== null && ids.has(obligation.versionId)) ids.add(obligation.id);
  return ids;
}

/** A finding is the agreement's when it names one of the agreement's own records (see agreementRecordIds). */
export const concernsAgreement = (finding: Finding, ownIds: ReadonlySet<string>): boolean => finding.subjects.some((s) => ownIds.has(s.id));
