import type { RegisterConnection } from '../db/register-connection';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { certificateContentSchema, type CertificateContent } from '../../shared/destruction/certificate-content';
import type { Certificate } from '../../shared/register/records';
import { prepared } from '../db/statement-cache';
import { writeFileAtomic } from '../files/write-file-atomic';
import { readRecord } from '../register/record-rows';
import { recordTables } from '../register/record-tables';

export interface FinishedIssue {
  certificate: Certificate;
  content: CertificateContent;
  contentHash: string;
  pdfPath: string;
  jsonPath: string;
}

/**
 * Issuing writes the PDF and JSON as `NAME.<pid>.staged`, commits the certificate, then renames
 * them into place. A run killed in between leaves staged files, and a certificate the register
 * already holds, so a second `certificate issue` would find nothing left to certify. This looks at
 * the staged files beside `pdfPath` before issuing:
 *  - a staged PDF whose SHA-256 the register recorded for a certificate was committed: it is renamed
 *    into place and the JSON rewritten from the register's own copy of it (finished);
 *  - any other staged file is from a run that never committed: removed (undone).
 */
export function finishInterruptedIssue(db: RegisterConnection, pdfPath: string, jsonPath: string): FinishedIssue | null {
  const folder = dirname(pdfPath);
  const staged = (target: string) =>
    existsSync(folder)
      ? readdirSync(folder)
          .filter((name) => name.startsWith(`${basename(target)}.`) && /\.\d+\.staged$/.test(name))
          .map((name) => join(folder, name))
      : [];
  let finished: FinishedIssue | null = null;
  for (const file of staged(pdfPath)) {
    const row = prepared(db, 'SELECT certificate_id AS id, canonical_json AS json, content_hash AS hash FROM certificate_contents WHERE pdf_sha256 = ?').get(
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    ) as { id: string; json: string; hash: string } | undefined;
    if (!row || finished || existsSync(pdfPath)) {
      rmSync(file, { force: true });
      continue;
    }
    writeFileAtomic(jsonPath, row.json);
    renameSync(file, pdfPath);
    finished = {
      certificate: readRecord(db, recordTables.certificate, row.id) as Certificate,
      content: certificateContentSchema.parse(JSON.parse(row.json)),
      contentHash: row.hash,
      pdfPath,
      jsonPath,
    };
  }
  for (const file of staged(jsonPath)) rmSync(file, { force: true });
  return finished;
}
