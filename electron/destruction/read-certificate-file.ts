import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';

/**
 * Reads a certificate file for verification: a PDF (the JSON attached to it, the hash in its
 * Keywords, and the SHA-256 of the file's bytes) or the JSON written beside it. The PDF is parsed
 * with pdf-lib and the attachment found through the document's embedded-files name tree, as a
 * PDF reader finds it, rather than by searching the raw bytes.
 */
export type CertificateFile =
  | { kind: 'pdf'; fileSha256Input: Uint8Array; embedded: { name: string; bytes: Uint8Array }[]; keywords: string | null }
  | { kind: 'json'; bytes: Uint8Array };

export class CertificateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateFileError';
  }
}

export async function readCertificateFile(path: string): Promise<CertificateFile> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CertificateFileError(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'pdf', fileSha256Input: bytes, ...(await readPdf(bytes, path)) };
  return { kind: 'json', bytes };
}

async function readPdf(bytes: Uint8Array, path: string): Promise<{ embedded: { name: string; bytes: Uint8Array }[]; keywords: string | null }> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    // pdf-lib's message describes its parser's internals, not anything the user can act on.
    throw new CertificateFileError(`${basename(path)} is not a Custodian certificate (a PDF that cannot be read)`);
  }
  const embedded: { name: string; bytes: Uint8Array }[] = [];
  try {
    const tree = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
    if (tree) collectNameTree(tree, embedded, new Set());
    return { embedded, keywords: pdf.getKeywords() ?? null };
  } catch {
    // A malformed name tree or attachment stream: pdf-lib's message would only describe its internals.
    throw new CertificateFileError(`${basename(path)} is not a Custodian certificate (a PDF whose attachments cannot be read)`);
  }
}

/** Walks a PDF name tree (a Names array of key/value pairs, or Kids to walk further). */
function collectNameTree(node: PDFDict, out: { name: string; bytes: Uint8Array }[], seen: Set<PDFDict>): void {
  if (seen.has(node)) return;
  seen.add(node);
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const spec = names.lookupMaybe(i + 1, PDFDict);
      const file = spec && fileOf(spec);
      if (file) out.push(file);
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) {
    const kid = kids.lookupMaybe(i, PDFDict);
    if (kid) collectNameTree(kid, out, seen);
  }
}

function fileOf(spec: PDFDict): { name: string; bytes: Uint8Array } | null {
  const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
  if (!(stream instanceof PDFRawStream)) return null;
  const nameObject = spec.lookupMaybe(PDFName.of('UF'), PDFString, PDFHexString) ?? spec.lookupMaybe(PDFName.of('F'), PDFString, PDFHexString);
  return { name: nameObject?.decodeText() ?? '', bytes: decodePDFRawStream(stream).decode() };
}
