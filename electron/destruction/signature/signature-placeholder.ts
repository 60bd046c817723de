import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib';

/**
 * Appends to a PDF an incremental update that adds one empty signature field: a signature
 * dictionary whose /ByteRange and /Contents are placeholders for @signpdf/signpdf to fill, the
 * widget that names the field, and new versions of the first page (its /Annots) and of the catalog
 * (its /AcroForm). The bytes already in the file are left exactly as they are, so a signature made
 * earlier still covers them and stays valid, and the issued certificate remains the file's first
 * revision (verify-certificate.ts finds it by its SHA-256).
 *
 * pdf-lib reads the file (it follows earlier incremental updates) but does not write it: its save
 * rewrites every byte, which would break the signatures already there. @signpdf's own pdf-lib
 * placeholder saves that way, so this writes the update itself, with a classic cross-reference
 * section whose /Prev points at the previous one.
 */
export const SIGNATURE_BYTES = 8192;
const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 /********** /********** /**********]';

export interface PlaceholderFields {
  /** The form field's name: which signatory signs (recipient-dpo, processor-dpo). */
  fieldName: string;
  reason: string;
  signerName: string;
  signingTime: Date;
}

export class PlaceholderError extends Error {}

export async function addSignaturePlaceholder(original: Buffer, fields: PlaceholderFields): Promise<Buffer> {
  const pdf = await PDFDocument.load(original, { updateMetadata: false, throwOnInvalidObject: false });
  const { context } = pdf;
  const rootRef = context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new PlaceholderError('the PDF has no catalog reference in its trailer');
  const previousXref = lastStartXref(original);

  const acroForm = pdf.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const existingFields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const fieldRefs: PDFObject[] = existingFields ? existingFields.asArray() : [];
  for (const ref of fieldRefs) {
    const field = ref instanceof PDFRef ? context.lookupMaybe(ref, PDFDict) : undefined;
    const name = field?.get(PDFName.of('T'));
    if (name && 'decodeText' in name && (name as unknown as { decodeText(): string }).decodeText() === fields.fieldName)
      throw new PlaceholderError(`the PDF already has a signature field for ${fields.fieldName}: it has been signed by that signatory`);
  }

  const page = pdf.getPage(0);
  const signatureNumber = context.largestObjectNumber + 1;
  const widgetNumber = signatureNumber + 1;
  const signatureRef = `${signatureNumber} 0 R`;
  const widgetRef = `${widgetNumber} 0 R`;

  const existingAnnots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const annots = [...(existingAnnots ? existingAnnots.asArray().map((a) => a.toString()) : []), widgetRef];
  const pageDict = page.node.clone(context);
  pageDict.delete(PDFName.of('Annots'));
  const catalogDict = pdf.catalog.clone(context);
  catalogDict.delete(PDFName.of('AcroForm'));

  const objects: { number: number; generation: number; body: string }[] = [
    {
      number: signatureNumber,
      generation: 0,
      body:
        `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${BYTE_RANGE_PLACEHOLDER} ` +
        `/Contents <${'0'.repeat(SIGNATURE_BYTES * 2)}> /Reason ${textString(fields.reason)} /Name ${textString(fields.signerName)} /M (${pdfDate(fields.signingTime)}) >>`,
    },
    {
      number: widgetNumber,
      generation: 0,
      // Invisible (zero rectangle), printable and locked: the printed signature blocks are on the page already.
      body: `<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /F 132 /T ${textString(fields.fieldName)} /V ${signatureRef} /P ${page.ref.toString()} >>`,
    },
    { number: page.ref.objectNumber, generation: page.ref.generationNumber, body: withEntries(pageDict.toString(), `/Annots [${annots.join(' ')}]`) },
    {
      number: rootRef.objectNumber,
      generation: rootRef.generationNumber,
      body: withEntries(catalogDict.toString(), `/AcroForm << /Fields [${[...fieldRefs.map((f) => f.toString()), widgetRef].join(' ')}] /SigFlags 3 >>`),
    },
  ];

  const start = original.length;
  const lead = original[original.length - 1] === 0x0a || original[original.length - 1] === 0x0d ? '' : '\n';
  let text = lead;
  const offsets = new Map<number, { offset: number; generation: number }>();
  for (const o of objects) {
    offsets.set(o.number, { offset: start + Buffer.byteLength(text, 'latin1'), generation: o.generation });
    text += `${o.number} ${o.generation} obj\n${o.body}\nendobj\n`;
  }
  const xrefOffset = start + Buffer.byteLength(text, 'latin1');
  text += `xref\n${xrefSections(offsets)}`;
  const trailer = [`/Size ${widgetNumber + 1}`, `/Root ${rootRef.toString()}`, `/Prev ${previousXref}`];
  if (context.trailerInfo.Info) trailer.push(`/Info ${context.trailerInfo.Info.toString()}`);
  if (context.trailerInfo.ID) trailer.push(`/ID ${context.trailerInfo.ID.toString()}`);
  text += `trailer\n<< ${trailer.join(' ')} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([original, Buffer.from(text, 'latin1')]);
}

/** Where the file's newest cross-reference section starts: the number after its last `startxref`. */
function lastStartXref(bytes: Buffer): number {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  const all = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const last = all[all.length - 1];
  if (!last) throw new PlaceholderError('the PDF has no startxref at its end');
  return Number(last[1]);
}

/** A dictionary's text with more entries before its closing `>>`. */
function withEntries(dict: string, entries: string): string {
  const end = dict.lastIndexOf('>>');
  return `${dict.slice(0, end)}${entries}\n>>`;
}

/** The classic cross-reference table: one subsection per run of consecutive object numbers. */
function xrefSections(offsets: Map<number, { offset: number; generation: number }>): string {
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  let out = '';
  let i = 0;
  while (i < numbers.length) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    out += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const entry = offsets.get(numbers[k]!)!;
      out += `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  return out;
}

/** A PDF text string as UTF-16BE hex, so any name (accents, brackets) is written safely. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A PDF date in UTC: D:YYYYMMDDHHmmSSZ. */
function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
