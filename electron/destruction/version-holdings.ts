import { compareStrings } from '../../shared/register/compare';
import { refs, type RecordRef } from '../../shared/register/record-labels';
import type { RegisterIndex } from '../../shared/register/register-index';
import { UserFacingError } from '../../shared/ipc/result';

/**
 * The holdings a certificate for one agreement version can cover, for the certificate form once a
 * version is chosen: sending every version's holdings with the screen was most of what a register
 * of 100,000 copies made the Destruction screen wait for.
 */
export function versionHoldings(index: RegisterIndex, versionId: string): RecordRef[] {
  if (!index.versions.has(versionId)) throw new UserFacingError('NOT_FOUND', `No agreement version ${versionId} is in the register: it may have been deleted. Choose another version.`);
  return (index.holdingsByVersion.get(versionId) ?? []).map((h) => refs.holding(index, h)).sort((a, b) => compareStrings(a.label, b.label));
}
