import type { RegisterConnection } from '../db/register-connection';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { DigitalSignatory } from '../../shared/destruction/digital-signatories';
import { UserFacingError } from '../../shared/ipc/result';
import { writeFileAtomic } from '../files/write-file-atomic';
import { appendAudit, type AuditActor } from '../register/audit-log';
import { findRecords } from '../register/register-service';
import { signCertificatePdf, SigningError } from './signature/sign-certificate-pdf';

/**
 * A signatory signs a certificate PDF: the signed file is written whole (to `outputPath`, which may
 * be the PDF itself), and when the certificate is one this register issued the signing goes in the
 * audit log (who, which certificate, the signing certificate's name, the time). The passphrase is
 * used and forgotten: it is never logged or written anywhere.
 */
export interface SignRequest {
  pdfPath: string;
  p12Path: string;
  passphrase: string;
  signatory: DigitalSignatory;
  outputPath: string;
  /** The certificate the signer means to sign (the app's row): a PDF of another one is refused. */
  expectedNumber?: string;
}

export interface SignOutcome {
  certificateNumber: string | null;
  signerName: string;
  signingTime: string;
  outputPath: string;
  /** Whether the register holds the certificate (and so recorded the signing). */
  audited: boolean;
}

export async function signCertificate(db: RegisterConnection | null, actor: AuditActor, request: SignRequest): Promise<SignOutcome> {
  const pdf = readInput(request.pdfPath, 'certificate PDF');
  const p12 = readInput(request.p12Path, 'PKCS#12 file');
  let signed;
  try {
    signed = await signCertificatePdf(pdf, p12, request.passphrase, request.signatory, actor.now());
  } catch (error) {
    if (error instanceof SigningError) throw new UserFacingError('BAD_REQUEST', `${basename(request.pdfPath)}: ${error.message}`);
    throw error;
  }
  if (request.expectedNumber && signed.certificateNumber !== request.expectedNumber)
    throw new UserFacingError('BAD_REQUEST', `${basename(request.pdfPath)} is certificate ${signed.certificateNumber ?? '(no number)'}, not ${request.expectedNumber}: choose the PDF of ${request.expectedNumber}.`);
  const certificate = db && signed.certificateNumber ? findRecords(db, 'certificate', { number: signed.certificateNumber })[0] : undefined;
  const write = () => writeFileAtomic(request.outputPath, signed.bytes);
  if (db && certificate) {
    // The entry and the file together: the file is written inside the transaction, so a failed write leaves no entry.
    db.transaction(() => {
      appendAudit(db, actor, {
        action: 'certificate-signed',
        recordKind: 'certificate',
        recordId: certificate.id,
        before: null,
        after: null,
        detail: {
          number: certificate.number,
          signatory: request.signatory,
          signer: signed.signerName,
          signingTime: signed.signingTime.toISOString(),
          file: basename(request.outputPath),
          sha256: createHash('sha256').update(signed.bytes).digest('hex'),
        },
      });
      write();
    })();
  } else write();
  return { certificateNumber: signed.certificateNumber, signerName: signed.signerName, signingTime: signed.signingTime.toISOString(), outputPath: request.outputPath, audited: Boolean(certificate) };
}

function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UserFacingError('BAD_REQUEST', `The ${what} ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}
