import { digitalSignatories, digitalSignatoryTitles, type DigitalSignatory } from '../../../shared/destruction/digital-signatories';
import type { PdfSignatureCheck, PdfSignatures } from './verify-pdf-signatures';

/** How `certificate verify` (and the app's Verify) says what it found about each digital signature. */
const isSignatory = (field: string | null): field is DigitalSignatory => (digitalSignatories as readonly string[]).includes(field ?? '');

export function signatureName(s: PdfSignatureCheck): string {
  const as = isSignatory(s.field) ? ` as ${digitalSignatoryTitles[s.field]}` : s.field ? ` (field ${s.field})` : '';
  return `signature ${s.index} (${s.signer ?? 'unknown signer'}${as})`;
}

export function signatureNote(s: PdfSignatureCheck): string {
  const when = s.signingTime ? ` at ${s.signingTime.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}` : '';
  const covers = s.coversWholeFile ? 'covers the whole file' : `covers the file as it was when signed (its first ${s.signedLength} bytes; the rest is a later signature)`;
  return `Signature ${s.index}: signed by ${s.signer ?? 'an unknown signer'}${isSignatory(s.field) ? ` as ${digitalSignatoryTitles[s.field]}` : ''}${when}; valid, and ${covers}.`;
}

export function signatureProblems({ signatures, bytesAfterLastSignature }: PdfSignatures): string[] {
  const problems = signatures.filter((s) => !s.valid).map((s) => `${signatureName(s)} is not valid: ${s.problem}`);
  if (bytesAfterLastSignature > 0) {
    const last = [...signatures].sort((a, b) => b.signedLength - a.signedLength)[0]!;
    problems.push(`the PDF changed after it was signed: ${bytesAfterLastSignature} bytes were added after ${signatureName(last)}, and no signature covers them`);
  }
  return problems;
}
