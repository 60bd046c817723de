import QRCode from 'qrcode';
import { evidenceOf, type CertificateContent, type CertificateCopy } from '../../shared/destruction/certificate-content';
import { outcomeLabels } from '../../shared/destruction/destruction-record';
import { formatDate } from '../../shared/register/format-date';
import { ReportDocument, reportColours, reportFonts, reportSizes, toWinAnsi, writeTextBlock } from '../reports/pdf';

/**
 * The certificate of destruction as an A4 PDF an organisation would sign: the title block with
 * the certificate number and date, a box with the certificate's SHA-256 and a QR code of it, the
 * agreement and parties, the data, every copy and how it was destroyed, the statement (or the
 * exceptions with their end dates), what is retained, the evidence files with their hashes, and
 * signature blocks for the recipient's DPO, the processor's DPO, who authorised and who carried out
 * the destruction, and who validated it.
 *
 * The canonical JSON is attached to the PDF as `<number>.json` (an embedded file), so the PDF
 * carries the exact content its printed hash was computed from; the hash is also in the PDF's
 * Keywords, for tools that read metadata.
 */
export interface CertificatePdfInput {
  content: CertificateContent;
  canonicalJson: string;
  contentHash: string;
}

const copyKindWords: Record<string, string> = { primary: 'Primary', backup: 'Backup', derived: 'Derived', 'processor-copy': 'Processor' };
const locationKindWords: Record<string, string> = {
  'on-premises-server': 'on-premises server',
  'cloud-region': 'cloud region',
  'trusted-research-environment': 'trusted research environment',
  backup: 'backup site',
  'disaster-recovery': 'disaster recovery site',
  'end-user-device': 'end-user device',
  'paper-store': 'paper store',
};

export const certificateQrText = (number: string, hash: string): string => `custodian-certificate:${number}:sha256:${hash}`;

export async function renderCertificatePdf({ content, canonicalJson, contentHash }: CertificatePdfInput): Promise<Buffer> {
  const issuedAt = new Date(content.issuedAt);
  const agreement = `${content.agreement.dsaReference} v${content.agreement.version}`;
  const report = new ReportDocument({
    title: 'Certificate of Destruction',
    subtitle: content.agreement.title ? `${agreement}: ${content.agreement.title}` : agreement,
    organisationName: content.issuedBy.organisation,
    generatedAt: issuedAt,
    author: content.issuedBy.person,
    subject: `Certificate of destruction ${content.certificateNumber} for ${agreement}`,
    details: [
      ['Certificate number', content.certificateNumber],
      ['Date of issue', formatDate(content.issuedDate)],
      ['Prepared by', content.issuedBy.person],
    ],
  });
  const { doc } = report;
  doc.info.Keywords = `custodian-certificate ${content.certificateNumber} sha256:${contentHash}`;
  doc.file(Buffer.from(canonicalJson, 'utf8'), {
    name: `${content.certificateNumber}.json`,
    type: 'application/json',
    description: `Canonical JSON of certificate ${content.certificateNumber}; its SHA-256 is ${contentHash}`,
    creationDate: issuedAt,
    modifiedDate: issuedAt,
  });

  await integrityBox(report, content.certificateNumber, contentHash);

  report.heading('1. Agreement and parties');
  report.keyValues([
    ['DSA reference', content.agreement.dsaReference],
    ['DSA version', `${content.agreement.version} (${formatDate(content.agreement.startDate)} to ${formatDate(content.agreement.endDate)})`],
    ['DSFC reference', content.agreement.dsfcReference ?? 'Not recorded'],
    ['Data controllers', names(content.controllers)],
    ['Data processors', names(content.processors)],
    ['Reason for destruction', content.reason],
  ]);

  report.heading('2. Data destroyed');
  report.table({
    columns: [
      { header: 'Dataset', width: 3, value: (h) => h.dataset },
      { header: 'DARS file reference', width: 2.6, value: (h) => h.darsFileReference },
      { header: 'Data year / period', width: 1.8, value: (h) => period(h.dataYear, h.periodFrom, h.periodTo) },
      { header: 'Received', width: 1.4, value: (h) => formatDate(h.receivedDate) },
      { header: 'Records', width: 1.1, align: 'right', value: (h) => h.recordCount },
    ],
    rows: content.holdings,
  });

  report.heading('3. Every copy and how it was destroyed');
  for (const holding of content.holdings) {
    report.table({
      caption: `Copies of ${holding.darsFileReference}`,
      columns: [
        { header: 'Copy and location', width: 2.6, value: copyAndLocation },
        { header: 'Method', width: 1.9, value: (c) => (c.destruction ? `${c.destruction.methodType}: ${c.destruction.method}` : '') },
        { header: 'Tool', width: 1.4, value: (c) => (c.destruction ? [c.destruction.tool, c.destruction.toolVersion].filter(Boolean).join(' ') || 'None' : '') },
        { header: 'Date, time and operator', width: 1.7, value: (c) => (c.destruction ? `${formatDateTime(c.destruction.performedAt)}\n${c.destruction.operator}` : '') },
        { header: 'Verification', width: 2.2, value: verification },
        { header: 'Outcome', width: 1.3, bold: true, value: (c) => (c.destruction ? outcomeLabels[c.destruction.outcome] : 'Not recorded') },
      ],
      rows: holding.copies,
    });
    // Version 1 certificates predate these fields; from version 2 every copy has them, even if blank.
    if (holding.copies.some((c) => c.destruction && c.destruction.cryptographicErase !== undefined)) {
      report.table({
        caption: `Sanitisation of ${holding.darsFileReference} (NIST SP 800-88 Rev. 2)`,
        columns: [
          { header: 'Copy', width: 2.4, value: (c) => `${copyKindWords[c.kind] ?? c.kind} copy at ${c.location.name}` },
          { header: 'Method type', width: 1.1, value: (c) => c.destruction?.methodType ?? '' },
          { header: 'Standard or technique', width: 1.8, value: (c) => (c.destruction ? c.destruction.sanitisationStandard || 'Not recorded' : '') },
          { header: 'Cryptographic erase', width: 2.2, value: cryptographicErase },
          { header: 'Validation and result', width: 2.6, value: validation },
        ],
        rows: holding.copies,
      });
    }
  }

  report.heading('4. Statement');
  writeTextBlock(report, content.statement.text, { font: reportFonts.bold, size: reportSizes.body + 0.5, colour: reportColours.text });
  doc.y += 6;
  if (content.statement.exceptions.length > 0) {
    report.table({
      caption: 'Exceptions',
      columns: [
        { header: 'Copy', width: 3, value: (e) => e.copy },
        { header: 'Reason', width: 3, value: (e) => e.reason },
        { header: 'Destroyed by', width: 1.4, value: (e) => formatDate(e.endDate) },
      ],
      rows: content.statement.exceptions,
    });
  }

  report.heading('5. What is retained');
  report.paragraph(content.retained);

  report.heading('6. Evidence files');
  report.table({
    columns: [
      { header: 'File', width: 2.2, value: (e) => e.fileName },
      { header: 'For the copy', width: 2.2, value: (e) => e.copy },
      { header: 'SHA-256', width: 3.8, value: (e) => e.sha256 },
      { header: 'Bytes', width: 1, align: 'right', value: (e) => e.sizeBytes },
    ],
    rows: evidenceOf(content),
    emptyText: 'No evidence files are attached.',
  });

  // Keep the heading with the first signature block.
  report.ensureSpace(150);
  report.heading('7. Signatures');
  for (const signatory of content.signatories) signatureBlock(report, signatory.title, signatory.name, signatory.position ?? null, signatory.date ? formatDate(signatory.date) : null);

  report.heading('8. Verifying this certificate', 2);
  report.paragraph(
    `The content of this certificate is attached to this PDF as ${content.certificateNumber}.json (canonical JSON: keys sorted, no whitespace, UTF-8), and the same file is kept beside it. Its SHA-256 is the certificate hash printed on page 1 and encoded in the QR code. To check this document against the register that issued it, run: custodian certificate verify <this file>.`,
    { muted: true },
  );
  if (content.auditHead) {
    report.paragraph(
      `When this certificate was made, the register's audit log ended at entry ${content.auditHead.seq}, hash ${content.auditHead.hash}. Anyone holding this certificate can check that nothing up to that entry was removed or rewritten since: custodian audit verify --expect ${content.auditHead.seq}:${content.auditHead.hash}`,
      { muted: true },
    );
  }
  return report.toBuffer();
}

async function integrityBox(report: ReportDocument, number: string, hash: string): Promise<void> {
  const { doc } = report;
  const qrSize = 78;
  const height = qrSize + 12;
  report.ensureSpace(height + 8);
  const top = doc.y;
  doc.save().lineWidth(0.75).strokeColor(reportColours.rule).rect(report.left, top, report.width, height).stroke().restore();
  const png = await QRCode.toBuffer(certificateQrText(number, hash), { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  doc.image(png, report.left + report.width - qrSize - 6, top + 6, { width: qrSize, height: qrSize });
  const textWidth = report.width - qrSize - 24;
  doc.font(reportFonts.bold).fontSize(reportSizes.heading3).fillColor(reportColours.text);
  doc.text('Certificate hash (SHA-256 of the attached canonical JSON)', report.left + 8, top + 8, { width: textWidth, lineBreak: false });
  doc.font(reportFonts.mono).fontSize(9.5).fillColor(reportColours.text);
  doc.text(hash.slice(0, 32), report.left + 8, top + 26, { width: textWidth, lineBreak: false });
  doc.text(hash.slice(32), report.left + 8, top + 39, { width: textWidth, lineBreak: false });
  doc.font(reportFonts.regular).fontSize(reportSizes.table).fillColor(reportColours.muted);
  doc.text(toWinAnsi(`Certificate ${number}. Check it with: custodian certificate verify <this PDF or its JSON>`), report.left + 8, top + 58, { width: textWidth });
  doc.x = report.left;
  doc.y = top + height + 8;
}

function signatureBlock(report: ReportDocument, title: string, name: string | null, role: string | null, date: string | null): void {
  const { doc } = report;
  doc.font(reportFonts.bold).fontSize(reportSizes.heading3);
  const titleHeight = doc.heightOfString(toWinAnsi(title), { width: report.width - 16 });
  const height = titleHeight + 78;
  report.ensureSpace(height + 6);
  const top = doc.y;
  doc.save().lineWidth(0.75).strokeColor(reportColours.rule).rect(report.left, top, report.width, height).stroke().restore();
  doc.font(reportFonts.bold).fontSize(reportSizes.heading3).fillColor(reportColours.text);
  doc.text(toWinAnsi(title), report.left + 8, top + 7, { width: report.width - 16 });
  const first = top + titleHeight + 32;
  const line = (label: string, x: number, y: number, width: number, value?: string | null) => {
    doc.font(reportFonts.regular).fontSize(reportSizes.body).fillColor(reportColours.muted);
    doc.text(label, x, y - 10, { lineBreak: false });
    const labelWidth = doc.widthOfString(label) + 6;
    doc.save().lineWidth(0.5).strokeColor(reportColours.text).moveTo(x + labelWidth, y).lineTo(x + width, y).stroke().restore();
    if (value) {
      doc.font(reportFonts.regular).fontSize(reportSizes.body).fillColor(reportColours.text);
      doc.text(toWinAnsi(value), x + labelWidth + 2, y - 11, { lineBreak: false });
    }
  };
  const half = (report.width - 24) / 2;
  line('Name', report.left + 8, first, half, name);
  line('Role', report.left + 16 + half, first, half, role);
  line('Signature', report.left + 8, first + 32, half);
  line('Date', report.left + 16 + half, first + 32, half, date);
  doc.x = report.left;
  doc.y = top + height + 6;
}

function names(parties: readonly { name: string; odsCode: string | null }[]): string {
  return parties.length ? parties.map((p) => (p.odsCode ? `${p.name} (${p.odsCode})` : p.name)).join('; ') : 'None named on the agreement';
}

function period(dataYear: string | null, from: string | null, to: string | null): string {
  const range = from && to ? `${formatDate(from)} to ${formatDate(to)}` : '';
  return [dataYear, range].filter(Boolean).join('\n') || 'Not recorded';
}

function copyAndLocation(copy: CertificateCopy): string {
  const location = `${copy.location.name} (${locationKindWords[copy.location.kind] ?? copy.location.kind}${copy.location.place ? `, ${copy.location.place}` : ''}), operated by ${copy.location.operator}`;
  const path = copy.pathOrDescription ? `\n${copy.pathOrDescription}` : '';
  return `${copyKindWords[copy.kind] ?? copy.kind} copy at ${location}${path}`;
}

function verification(copy: CertificateCopy): string {
  if (!copy.destruction) return '';
  const check = copy.absenceCheck ? `\nAbsence check ${copy.absenceCheck.checkedAt.slice(0, 10)}: ${copy.absenceCheck.result}` : '';
  return `${copy.destruction.verificationMethod}: ${copy.destruction.verificationResult}${check}`;
}

function cryptographicErase(copy: CertificateCopy): string {
  if (!copy.destruction) return '';
  return copy.destruction.cryptographicErase ? `Yes. Key handling: ${copy.destruction.keyHandling ?? 'not recorded'}` : 'No';
}

function validation(copy: CertificateCopy): string {
  if (!copy.destruction) return '';
  return copy.destruction.validationMethod ? `${copy.destruction.validationMethod}: ${copy.destruction.validationResult ?? ''}` : 'Not recorded';
}

/** "10 April 2028, 14:30 (UTC)" from "2028-04-10T14:30:00Z": the time as the operator recorded it, with its offset. */
export function formatDateTime(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!match) return value;
  const [, day, time, zone] = match;
  return `${formatDate(day!)}, ${time} (${zone === 'Z' || zone === '+00:00' ? 'UTC' : `UTC${zone}`})`;
}
