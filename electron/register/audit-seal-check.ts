import type { AuditVerification } from '../../shared/audit/audit-api';
import type { StoredAuditEntry } from './audit-log';
import { sealMatches, type StoredSeal } from './audit-seal';

type Problem = NonNullable<AuditVerification['problem']>;

/**
 * Checks the seal against a chain already verified, with the key the user gave: the seal must be
 * of the newest entry. Entries after the sealed one were written by someone without the key; a
 * seal of nothing in the log, or that does not match, means the log was changed without it.
 */
export function checkSeal(rows: readonly StoredAuditEntry[], seal: StoredSeal | null, key: Buffer): Problem | null {
  const last = rows.at(-1);
  if (!last) return null; // nothing to prove; a truncated log is the anchors' to catch
  if (!seal) {
    return {
      kind: 'edited',
      seq: last.seq,
      message: 'The log has no seal: it was written without the audit key, or the seal was removed.',
    };
  }
  const sealed = rows.find((row) => row.seq === seal.seq);
  if (!sealed || !sealMatches(key, { seq: sealed.seq, hash: sealed.hash }, seal.seal)) {
    return {
      kind: 'edited',
      seq: Math.min(seal.seq, last.seq),
      message: `The seal (of entry ${seal.seq}) does not match the log: it was changed by someone without the audit key, or this is not the key it was sealed with.`,
    };
  }
  if (sealed.seq !== last.seq) {
    const first = sealed.seq + 1;
    const which = last.seq > first ? `Entries ${first}–${last.seq} were` : `Entry ${first} was`;
    return {
      kind: 'edited',
      seq: first,
      message: `${which} written without the audit key (forged, or by a Custodian not given the key): the seal covers the log only up to entry ${sealed.seq}.`,
    };
  }
  return null;
}
