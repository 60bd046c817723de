import type { RegisterConnection } from '../db/register-connection';
import type { AbsenceCheck, DestructionRecord, EvidenceFile } from '../../shared/destruction/destruction-record';
import type { DestructionFacts } from '../../shared/destruction/build-certificate';
import { prepared } from '../db/statement-cache';

/**
 * Rows of the destruction tables (migration 003) as objects. Writes run inside the caller's
 * transaction, beside the audit entry that records them.
 */
const recordColumns = `id, copy_id AS copyId, method_type AS methodType, method, tool, tool_version AS toolVersion,
  performed_at AS performedAt, operator, verification_method AS verificationMethod,
  verification_result AS verificationResult, outcome, exception_reason AS exceptionReason,
  exception_end_date AS exceptionEndDate, notes, sanitisation_standard AS sanitisationStandard,
  cryptographic_erase AS cryptographicErase, key_handling AS keyHandling, validation_method AS validationMethod,
  validation_result AS validationResult, recorded_at AS recordedAt, recorded_by AS recordedBy`;

/** SQLite keeps the yes/no as 0 or 1: give the rest of the app a boolean. */
const fromRow = (row: DestructionRecord | undefined): DestructionRecord | undefined =>
  row && { ...row, cryptographicErase: Boolean(row.cryptographicErase) };
const evidenceColumns = `id, destruction_id AS destructionId, stored_path AS storedPath, original_name AS originalName,
  sha256, size_bytes AS sizeBytes, attached_at AS attachedAt`;
const checkColumns = `id, copy_id AS copyId, path_checked AS pathChecked, checked_at AS checkedAt, result, detail, checked_by AS checkedBy`;

export function insertDestructionRecord(db: RegisterConnection, record: DestructionRecord): void {
  prepared(
    db,
    `INSERT INTO destruction_records (id, copy_id, method_type, method, tool, tool_version, performed_at, operator,
       verification_method, verification_result, outcome, exception_reason, exception_end_date, notes,
       sanitisation_standard, cryptographic_erase, key_handling, validation_method, validation_result, recorded_at, recorded_by)
     VALUES (@id, @copyId, @methodType, @method, @tool, @toolVersion, @performedAt, @operator, @verificationMethod,
       @verificationResult, @outcome, @exceptionReason, @exceptionEndDate, @notes,
       @sanitisationStandard, @cryptographicErase, @keyHandling, @validationMethod, @validationResult, @recordedAt, @recordedBy)`,
  ).run({ ...record, cryptographicErase: record.cryptographicErase ? 1 : 0 });
}

export function insertEvidence(db: RegisterConnection, evidence: EvidenceFile): void {
  prepared(
    db,
    `INSERT INTO destruction_evidence (id, destruction_id, stored_path, original_name, sha256, size_bytes, attached_at)
     VALUES (@id, @destructionId, @storedPath, @originalName, @sha256, @sizeBytes, @attachedAt)`,
  ).run(evidence);
}

export function insertAbsenceCheck(db: RegisterConnection, check: AbsenceCheck): void {
  prepared(
    db,
    `INSERT INTO absence_checks (id, copy_id, path_checked, checked_at, result, detail, checked_by)
     VALUES (@id, @copyId, @pathChecked, @checkedAt, @result, @detail, @checkedBy)`,
  ).run(check);
}

export function getDestructionRecord(db: RegisterConnection, id: string): DestructionRecord | undefined {
  return fromRow(prepared(db, `SELECT ${recordColumns} FROM destruction_records WHERE id = ?`).get(id) as DestructionRecord | undefined);
}

/** Every record of destruction of a copy, oldest first. */
export function destructionRecordsOf(db: RegisterConnection, copyId: string): DestructionRecord[] {
  return (prepared(db, `SELECT ${recordColumns} FROM destruction_records WHERE copy_id = ? ORDER BY rowid`).all(copyId) as DestructionRecord[]).map((r) => fromRow(r)!);
}

export function evidenceOfRecord(db: RegisterConnection, destructionId: string): EvidenceFile[] {
  return prepared(db, `SELECT ${evidenceColumns} FROM destruction_evidence WHERE destruction_id = ? ORDER BY rowid`).all(destructionId) as EvidenceFile[];
}

/**
 * The latest record and absence check of every copy, and the evidence of those records: what a
 * certificate states about each copy. One query per table, whatever the number of copies.
 */
export function loadDestructionFacts(db: RegisterConnection): DestructionFacts {
  const latestRecord = new Map<string, DestructionRecord>();
  for (const record of prepared(db, `SELECT ${recordColumns} FROM destruction_records ORDER BY rowid`).all() as DestructionRecord[])
    latestRecord.set(record.copyId, fromRow(record)!);
  const latestIds = new Set([...latestRecord.values()].map((r) => r.id));
  const evidenceByRecord = new Map<string, EvidenceFile[]>();
  for (const evidence of prepared(db, `SELECT ${evidenceColumns} FROM destruction_evidence ORDER BY rowid`).all() as EvidenceFile[]) {
    if (!latestIds.has(evidence.destructionId)) continue;
    const list = evidenceByRecord.get(evidence.destructionId);
    if (list) list.push(evidence);
    else evidenceByRecord.set(evidence.destructionId, [evidence]);
  }
  const latestAbsenceCheck = new Map<string, AbsenceCheck>();
  for (const check of prepared(db, `SELECT ${checkColumns} FROM absence_checks ORDER BY rowid`).all() as AbsenceCheck[])
    latestAbsenceCheck.set(check.copyId, check);
  return { latestRecord, evidenceByRecord, latestAbsenceCheck };
}

export interface StoredCertificateContent {
  certificateId: string;
  canonicalJson: string;
  contentHash: string;
  pdfSha256: string;
  issuedAt: string;
}

const contentColumns = `certificate_id AS certificateId, canonical_json AS canonicalJson, content_hash AS contentHash, pdf_sha256 AS pdfSha256, issued_at AS issuedAt`;

export function insertCertificateContent(db: RegisterConnection, content: StoredCertificateContent): void {
  prepared(
    db,
    `INSERT INTO certificate_contents (certificate_id, canonical_json, content_hash, pdf_sha256, issued_at)
     VALUES (@certificateId, @canonicalJson, @contentHash, @pdfSha256, @issuedAt)`,
  ).run(content);
}

export function certificateContentOf(db: RegisterConnection, certificateId: string): StoredCertificateContent | undefined {
  return prepared(db, `SELECT ${contentColumns} FROM certificate_contents WHERE certificate_id = ?`).get(certificateId) as StoredCertificateContent | undefined;
}

export function allCertificateContents(db: RegisterConnection): Map<string, StoredCertificateContent> {
  const rows = prepared(db, `SELECT ${contentColumns} FROM certificate_contents`).all() as StoredCertificateContent[];
  return new Map(rows.map((r) => [r.certificateId, r]));
}
