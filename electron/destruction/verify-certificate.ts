import type { RegisterConnection } from '../db/register-connection';
import { buildCertificate } from '../../shared/destruction/build-certificate';
import { canonicalJson } from '../../shared/destruction/canonical-json';
import { basename } from 'node:path';
import { CERTIFICATE_FORMAT, certificateContentSchema, type CertificateContent } from '../../shared/destruction/certificate-content';
import { describeDifferences } from '../../shared/destruction/certificate-diff';
import type { Certificate, Holding } from '../../shared/register/records';
import { indexRegister } from '../../shared/register/register-index';
import { verifyAuditChain } from '../register/audit-verify';
import { loadRegister } from '../register/load-register';
import { findRecords } from '../register/register-service';
import { certificateContentOf, loadDestructionFacts } from './destruction-store';
import { sha256Hex } from './issue-certificate';
import { CertificateFileError, readCertificateFile } from './read-certificate-file';
import { issuedRevisionLength } from './signature/issued-revision';
import { signatureNote, signatureProblems } from './signature/signature-words';
import { verifyPdfSignatures, type PdfSignatureCheck } from './signature/verify-pdf-signatures';

/**
 * `custodian certificate verify FILE`: is this document the certificate the register issued, and
 * does the register still say what it says? Three comparisons, each naming what differs:
 * 1. the document's content (the JSON file, or the JSON attached to the PDF) against the content
 *    the register stored at issue, by SHA-256 and then field by field;
 * 2. for a PDF, the file's own SHA-256 and the hash in its metadata against those recorded at issue
 *    (a PDF whose pages were edited keeps its attachment but not its bytes);
 *    and every digital signature in it (signature/verify-pdf-signatures.ts): a signed PDF is the
 *    issued file followed by the signatures' incremental updates, so the issued file is found as
 *    the prefix whose SHA-256 is the one recorded, and the last signature must reach the file's end;
 * 3. the certificate rebuilt from today's register against the content as issued (a destruction
 *    date changed, a copy added, evidence replaced after the certificate went out).
 */
export interface CertificateVerification {
  genuine: boolean;
  certificateNumber: string | null;
  /** SHA-256 of the content found in the document. */
  documentHash: string | null;
  problems: string[];
  /** Facts worth saying either way (status, what was compared). */
  notes: string[];
  /** Every digital signature in a PDF, each checked (none for JSON or an unsigned PDF). */
  signatures: PdfSignatureCheck[];
}

export async function verifyCertificate(db: RegisterConnection, path: string): Promise<CertificateVerification> {
  const file = await readCertificateFile(path);
  const problems: string[] = [];
  const notes: string[] = [];
  let signatures: PdfSignatureCheck[] = [];
  const result = (number: string | null, documentHash: string | null): CertificateVerification => ({ genuine: problems.length === 0, certificateNumber: number, documentHash, problems, notes, signatures });

  const name = basename(path);
  const notACertificate = (why: string) => new CertificateFileError(`${name} is not a Custodian certificate (${why})`);
  let contentBytes: Uint8Array;
  if (file.kind === 'pdf') {
    const attached = file.embedded.find((e) => /\.json$/i.test(e.name));
    if (!attached) {
      // A certificate names itself in its metadata; without that this PDF was never one.
      if (!/custodian-certificate/.test(file.keywords ?? '')) throw notACertificate('a PDF with no certificate attached');
      problems.push('the PDF has no certificate JSON attached: it was re-saved by a program that dropped its attachment, or edited');
      return result(null, null);
    }
    contentBytes = attached.bytes;
  } else {
    contentBytes = file.bytes;
  }
  const documentHash = sha256Hex(contentBytes);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(contentBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Damaged JSON that still names the format was a certificate; anything else never was.
    if (!text.includes(CERTIFICATE_FORMAT)) throw notACertificate(file.kind === 'pdf' ? 'its attachment is not certificate JSON' : 'not certificate JSON');
    problems.push(`the certificate content is not valid JSON (SHA-256 ${documentHash}): it was edited or damaged`);
    return result(null, documentHash);
  }
  if ((parsed as { format?: unknown } | null)?.format !== CERTIFICATE_FORMAT) throw notACertificate('JSON of another kind');
  const number = typeof (parsed as { certificateNumber?: unknown })?.certificateNumber === 'string' ? (parsed as { certificateNumber: string }).certificateNumber : null;
  if (!number) {
    problems.push('the content names no certificate number: it was edited');
    return result(null, documentHash);
  }
  const certificate = findRecords(db, 'certificate', { number })[0] as Certificate | undefined;
  const stored = certificate ? certificateContentOf(db, certificate.id) : undefined;
  if (!certificate || !stored) {
    problems.push(`certificate ${number} was not issued by this register: check you are verifying against the register that issued it (--db)`);
    return result(number, documentHash);
  }
  const issued = certificateContentSchema.parse(JSON.parse(stored.canonicalJson));
  // Numbers restart in every register: COD-2028-0001 made at another moment or for another version
  // is most likely another register's certificate, and is reported as that, not as edited fields.
  const documentContent = certificateContentSchema.safeParse(parsed);
  if (documentHash !== stored.contentHash && documentContent.success && isAnotherCertificate(documentContent.data, issued)) {
    problems.push(
      `this is not the certificate this register issued as ${number} (that one was issued ${issued.issuedAt} for ${issued.agreement.dsaReference} v${issued.agreement.version}; this one says ${documentContent.data.issuedAt} for ${documentContent.data.agreement.dsaReference} v${documentContent.data.agreement.version}): if another register issued it, verify it against that register (--db)`,
    );
    return result(number, documentHash);
  }

  // 1. The document's content against what was issued.
  if (documentHash !== stored.contentHash) {
    const where = file.kind === 'pdf' ? 'the JSON attached to the PDF' : 'the JSON file';
    if (documentContent.success && canonicalJson(documentContent.data) === stored.canonicalJson) {
      problems.push(`${where} was re-formatted after issue (its content is the same but its bytes are not, so its SHA-256 ${documentHash} is not the certificate hash ${stored.contentHash})`);
    } else {
      problems.push(`${where} was edited after issue: its SHA-256 is ${documentHash}, the certificate hash is ${stored.contentHash}`);
      if (documentContent.success) problems.push(...describeDifferences(issued, documentContent.data, 'document').map((d) => `edited: ${d}`));
    }
  }

  // 2. The PDF itself.
  if (file.kind === 'pdf') {
    const printed = /sha256:([0-9a-f]{64})/.exec(file.keywords ?? '')?.[1] ?? null;
    if (printed !== stored.contentHash) problems.push(`the hash in the PDF's metadata (${printed ?? 'none'}) is not the certificate hash ${stored.contentHash}: the PDF was edited`);
    const bytes = Buffer.from(file.fileSha256Input.buffer, file.fileSha256Input.byteOffset, file.fileSha256Input.byteLength);
    const issuedLength = issuedRevisionLength(bytes, stored.pdfSha256);
    const signed = verifyPdfSignatures(bytes);
    signatures = signed.signatures;
    if (issuedLength === null) {
      const fileHash = sha256Hex(bytes);
      problems.push(`the PDF file is not the one issued: its SHA-256 is ${fileHash}, the issued PDF's is ${stored.pdfSha256}, so its pages may have been edited`);
    } else if (issuedLength === bytes.length) notes.push('The PDF file is byte for byte the one issued.');
    else if (signed.signatures.length === 0)
      problems.push(`the PDF was changed after issue: ${bytes.length - issuedLength} bytes were added after the issued file (an incremental update), and no signature covers them`);
    else notes.push(`The PDF's first revision is byte for byte the one issued; what follows it is the ${signed.signatures.length === 1 ? 'signature' : `${signed.signatures.length} signatures`} added as incremental updates.`);
    problems.push(...signatureProblems(signed));
    notes.push(...signed.signatures.filter((s) => s.valid).map(signatureNote));
    if (signed.signatures.length === 0) notes.push('The PDF carries no digital signature.');
  }

  // 3. Today's register against the certificate as issued.
  problems.push(...registerChanges(db, issued).map((d) => `the register changed after issue: ${d}`));

  // 4. The audit log against the head the certificate carries: cut back or rewritten since issue?
  if (issued.auditHead) {
    const chain = verifyAuditChain(db, [issued.auditHead]);
    if (chain.problem) problems.push(`the audit log does not match the head this certificate carries (entry ${issued.auditHead.seq}): ${chain.problem.message}`);
    else notes.push(`The audit log still holds, unchanged, everything up to entry ${issued.auditHead.seq}, the head when this certificate was made.`);
  }

  notes.push(statusNote(certificate));
  return result(number, documentHash);
}

/** Same number, but made at another moment or for another agreement version: not this certificate at all. */
const isAnotherCertificate = (document: CertificateContent, issued: CertificateContent): boolean =>
  document.issuedAt !== issued.issuedAt || document.agreement.versionId !== issued.agreement.versionId;

function registerChanges(db: RegisterConnection, issued: CertificateContent): string[] {
  const index = indexRegister(loadRegister(db));
  const version = index.versions.get(issued.agreement.versionId);
  if (!version) return [`agreement version ${issued.agreement.dsaReference} v${issued.agreement.version} is no longer in the register (archived?)`];
  const changes: string[] = [];
  const holdings: Holding[] = [];
  for (const h of issued.holdings) {
    const holding = index.holdings.get(h.id);
    if (holding) holdings.push(holding);
  }
  // The people are what the certificate says (nothing in the register to compare them with); the
  // titles are rebuilt, so a party renamed since issue still shows.
  const people = Object.fromEntries(issued.signatories.map((s) => [s.role, { name: s.name, position: s.position ?? null, date: s.date ?? null }]));
  const rebuilt = buildCertificate(index, version, holdings, loadDestructionFacts(db), {
    certificateNumber: issued.certificateNumber,
    issuedAt: issued.issuedAt,
    issuedDate: issued.issuedDate,
    organisation: issued.issuedBy.organisation,
    person: issued.issuedBy.person,
    reason: issued.reason,
    retained: issued.retained,
    signatories: people,
    formatVersion: issued.formatVersion,
    auditHead: issued.auditHead,
  });
  changes.push(...describeDifferences(issued, rebuilt.content, 'register'));
  return changes;
}

function statusNote(certificate: Certificate): string {
  if (certificate.status === 'acknowledged')
    return `Status: acknowledged by NHS England on ${certificate.acknowledgedDate ?? 'an unrecorded date'}${certificate.acknowledgementReference ? ` (reference ${certificate.acknowledgementReference})` : ''}.`;
  if (certificate.status === 'sent') return `Status: sent to DARS on ${certificate.sentDate ?? 'an unrecorded date'}, not yet acknowledged.`;
  return `Status: issued on ${certificate.issuedDate}, not yet sent to DARS.`;
}
