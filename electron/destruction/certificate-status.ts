import type { RegisterConnection } from '../db/register-connection';
import { UserFacingError } from '../../shared/ipc/result';
import { formatDate } from '../../shared/register/format-date';
import type { Certificate } from '../../shared/register/records';
import type { AuditActor } from '../register/audit-log';
import { findRecords, patchRecord } from '../register/register-service';

/**
 * A certificate's journey after issue: sent to NHS England's DARS team (date), then acknowledged by
 * them (date and their reference). Audit findings are closed only once it is acknowledged.
 * Each change is a patch of the certificate record, so it is validated and audited like any other.
 */
export function findCertificate(db: RegisterConnection, idOrNumber: string): Certificate {
  const byNumber = findRecords(db, 'certificate', { number: idOrNumber })[0];
  const certificate = byNumber ?? findRecords(db, 'certificate', { id: idOrNumber })[0];
  if (!certificate) throw new UserFacingError('NOT_FOUND', `There is no certificate "${idOrNumber}" in the register: give its number, such as COD-2026-0001.`);
  return certificate;
}

export function markSent(db: RegisterConnection, actor: AuditActor, idOrNumber: string, sentDate: string): Certificate {
  const certificate = findCertificate(db, idOrNumber);
  if (sentDate < certificate.issuedDate)
    throw new UserFacingError('BAD_REQUEST', `The date sent (${formatDate(sentDate)}) is before certificate ${certificate.number} was issued (${formatDate(certificate.issuedDate)}).`);
  if (certificate.status === 'acknowledged') throw new UserFacingError('REFUSED', `Certificate ${certificate.number} is already acknowledged by NHS England; its sent date cannot change now.`);
  return patchRecord(db, actor, 'certificate', certificate.id, { status: 'sent', sentDate });
}

export function markAcknowledged(db: RegisterConnection, actor: AuditActor, idOrNumber: string, acknowledgedDate: string, reference: string | null): Certificate {
  const certificate = findCertificate(db, idOrNumber);
  if (!certificate.sentDate) throw new UserFacingError('REFUSED', `Certificate ${certificate.number} has no sent date: record when it was sent to DARS first.`);
  if (acknowledgedDate < certificate.sentDate)
    throw new UserFacingError('BAD_REQUEST', `The acknowledgement date (${formatDate(acknowledgedDate)}) is before certificate ${certificate.number} was sent (${formatDate(certificate.sentDate)}).`);
  return patchRecord(db, actor, 'certificate', certificate.id, { status: 'acknowledged', acknowledgedDate, acknowledgementReference: reference?.trim() || null });
}
