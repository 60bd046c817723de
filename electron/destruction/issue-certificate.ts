import type { RegisterConnection } from '../db/register-connection';
import { createHash } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildCertificate, defaultReason, type CertificateMeta, type LiveCopy } from '../../shared/destruction/build-certificate';
import { canonicalJson } from '../../shared/destruction/canonical-json';
import type { CertificateContent } from '../../shared/destruction/certificate-content';
import { UserFacingError } from '../../shared/ipc/result';
import { localIsoDate } from '../../shared/register/local-date';
import type { Certificate } from '../../shared/register/records';
import { indexRegister } from '../../shared/register/register-index';
import { readSettings } from '../db/settings-repository';
import { prepared } from '../db/statement-cache';
import { crashPoint } from '../files/crash-point';
import { writeFileAtomic } from '../files/write-file-atomic';
import { appendAudit, type AuditActor } from '../register/audit-log';
import { readAuditHead } from '../register/audit-head';
import { loadRegister } from '../register/load-register';
import { createRecord } from '../register/register-service';
import { resolveScope, type ScopeRequest } from './certificate-scope';
import { renderCertificatePdf } from './certificate-pdf';
import { insertCertificateContent, loadDestructionFacts } from './destruction-store';
import { finishInterruptedIssue } from './finish-interrupted-issue';

/**
 * Issuing a certificate of destruction: refused while any copy of the chosen holdings is neither
 * destroyed nor covered by a dated exception; otherwise the PDF and its JSON are written and the
 * register records the certificate, its content, hash and status, all or nothing.
 */
export interface IssueRequest extends ScopeRequest {
  reason?: string | null;
  retained?: string | null;
  signatories?: CertificateMeta['signatories'];
}

export type IssueOutcome =
  | { status: 'issued'; certificate: Certificate; content: CertificateContent; contentHash: string; pdfPath: string; jsonPath: string; finishedInterrupted?: boolean }
  | { status: 'refused'; agreement: string; liveCopies: LiveCopy[] };

export const DEFAULT_RETAINED = 'Nothing is retained.';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The JSON written beside the PDF: same folder and name, extension .json. */
export const jsonPathFor = (pdfPath: string): string => join(dirname(pdfPath), `${basename(pdfPath).replace(/\.pdf$/i, '')}.json`);

/**
 * "Prepared by" is a person an auditor can ask, named in Settings: never the OS account, which is
 * often a service or shared login and means nothing to NHS England. Checked after the live copies,
 * so a user is first told what still needs destroying.
 */
export function requirePreparer(db: RegisterConnection): string {
  const name = readSettings(db).displayName.trim();
  if (!name) throw new UserFacingError('REFUSED', 'A certificate names the person who prepared it: set your name in Settings (custodian settings set --display-name "Your Name") and issue it again.');
  return name;
}

function nextCertificateNumber(db: RegisterConnection, year: string): string {
  // A prefix compared with substr, which both stores read alike; the digits are checked here.
  const prefix = `COD-${year}-`;
  const numbers = prepared(db, 'SELECT number FROM certificates WHERE substr(number, 1, ?) = ?').pluck(true).all(prefix.length, prefix) as string[];
  const highest = Math.max(0, ...numbers.filter((n) => /^\d/.test(n.slice(9))).map((n) => Number(n.slice(9))).filter(Number.isSafeInteger));
  return `COD-${year}-${String(highest + 1).padStart(4, '0')}`;
}

type FixedMeta = Pick<CertificateMeta, 'certificateNumber' | 'issuedAt' | 'issuedDate' | 'auditHead'>;

function prepare(db: RegisterConnection, actor: AuditActor, request: IssueRequest, fixed?: FixedMeta) {
  const index = indexRegister(loadRegister(db));
  const scope = resolveScope(index, request);
  const settings = readSettings(db);
  const now = actor.now();
  const issuedDate = localIsoDate(now);
  const dsa = index.dsas.get(scope.version.dsaId);
  const meta: CertificateMeta = {
    certificateNumber: nextCertificateNumber(db, issuedDate.slice(0, 4)),
    issuedAt: now.toISOString(),
    issuedDate,
    // The head before this certificate's own entry: read once, kept when the content is rebuilt in
    // the write transaction, so an unrelated write in between does not make the issue conflict.
    auditHead: readAuditHead(db),
    ...fixed,
    organisation: settings.organisationName,
    person: settings.displayName.trim(),
    reason: request.reason?.trim() || defaultReason(scope.version, dsa?.nicReference ?? 'the agreement'),
    retained: request.retained?.trim() || DEFAULT_RETAINED,
    signatories: request.signatories ?? {},
  };
  const built = buildCertificate(index, scope.version, scope.holdings, loadDestructionFacts(db), meta);
  return { ...built, scope, agreement: `${dsa?.nicReference ?? 'Unknown agreement'} v${scope.version.version}` };
}

/** What issuing would do, without doing it: the live copies that would refuse it, or the number it would get. */
export function previewCertificate(db: RegisterConnection, actor: AuditActor, request: IssueRequest): { agreement: string; certificateNumber: string; liveCopies: LiveCopy[] } {
  const preview = prepare(db, actor, request);
  return { agreement: preview.agreement, certificateNumber: preview.content.certificateNumber, liveCopies: preview.liveCopies };
}

export async function issueCertificate(db: RegisterConnection, actor: AuditActor, request: IssueRequest, pdfPath: string): Promise<IssueOutcome> {
  if (!/\.pdf$/i.test(pdfPath)) throw new UserFacingError('BAD_REQUEST', `The certificate is a PDF: give an output file name ending in .pdf (not ${basename(pdfPath)}).`);
  // A run killed between its commit and its renames left staged files: finish it (or clear them).
  const interrupted = finishInterruptedIssue(db, pdfPath, jsonPathFor(pdfPath));
  if (interrupted) return { status: 'issued', ...interrupted, finishedInterrupted: true };
  const first = prepare(db, actor, request);
  if (first.liveCopies.length > 0) return { status: 'refused', agreement: first.agreement, liveCopies: first.liveCopies };
  requirePreparer(db);

  const json = canonicalJson(first.content);
  const contentHash = sha256Hex(json);
  const pdf = await renderCertificatePdf({ content: first.content, canonicalJson: json, contentHash });
  const pdfHash = sha256Hex(pdf);
  const jsonPath = jsonPathFor(pdfPath);
  const staged = [`${pdfPath}.${process.pid}.staged`, `${jsonPath}.${process.pid}.staged`] as const;
  try {
    writeFileAtomic(staged[0], pdf);
    writeFileAtomic(staged[1], json);
  } catch (error) {
    staged.forEach((p) => rmSync(p, { force: true }));
    throw new UserFacingError('REFUSED', `The certificate could not be written to ${dirname(pdfPath)} (${(error as NodeJS.ErrnoException).code ?? 'error'}): choose a folder you can write to. Nothing was recorded.`);
  }
  crashPoint('certificate-issue:staged');
  try {
    const certificate = db
      .transaction(() => {
        // Rendering took a moment: the register must still say exactly what the PDF says.
        const { certificateNumber, issuedAt, issuedDate, auditHead } = first.content;
        const again = prepare(db, actor, { ...request, holdingIds: first.scope.holdings.map((h) => h.id), versionId: first.scope.version.id }, { certificateNumber, issuedAt, issuedDate, auditHead });
        if (again.liveCopies.length > 0 || canonicalJson(again.content) !== json)
          throw new UserFacingError('CONFLICT', 'The register changed while the certificate was being made; nothing was issued. Issue it again.');
        const record = createRecord(db, actor, 'certificate', {
          number: first.content.certificateNumber,
          versionId: first.scope.version.id,
          holdingIds: first.scope.holdings.map((h) => h.id),
          issuedDate: first.content.issuedDate,
          status: 'issued',
        });
        insertCertificateContent(db, { certificateId: record.id, canonicalJson: json, contentHash, pdfSha256: pdfHash, issuedAt: first.content.issuedAt });
        appendAudit(db, actor, {
          action: 'certificate-issued',
          recordKind: 'certificate',
          recordId: record.id,
          before: null,
          after: { number: record.number, contentHash, pdfSha256: pdfHash },
          detail: { file: basename(pdfPath), holdings: record.holdingIds.length },
        });
        return record;
      })
      .immediate();
    crashPoint('certificate-issue:committed');
    renameSync(staged[0], pdfPath);
    renameSync(staged[1], jsonPath);
    return { status: 'issued', certificate, content: first.content, contentHash, pdfPath, jsonPath };
  } finally {
    staged.forEach((p) => rmSync(p, { force: true }));
  }
}
