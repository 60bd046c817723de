import PDFDocument from 'pdfkit';
import { writeFileAtomic } from '../../files/write-file-atomic';
import { ensureSpace, isDryRun, lineHeightFor, markDryRun, writeTextBlock, type PageFlow } from './page-flow';
import { drawTable, type CellValue, type TableSpec } from './pdf-table';
import { reportColours, reportFonts, reportPage, reportSizes } from './report-style';
import { toWinAnsi } from './win-ansi';
import { formatGeneratedAt } from './generated-at';

export interface ReportDocumentOptions {
  /** The document's title, first on page 1 and in every footer and the PDF's metadata. */
  title: string;
  /** A line under the title (e.g. the agreement it is about). */
  subtitle?: string;
  /** The organisation the document is from (Settings → Organisation name). */
  organisationName: string;
  /** When the document was generated: shown on page 1 and in every footer. */
  generatedAt: Date;
  /** Time zone for `generatedAt`; UK time by default, as NHS England reads it. */
  timeZone?: string;
  /** Further lines for the title block, e.g. [['Agreement', 'DARS-NIC-…'], ['As of', '2025-06-30']]. */
  details?: readonly (readonly [string, string])[];
  /** PDF metadata: who made it (a person's display name), and what it is about. */
  author?: string;
  subject?: string;
}

export type KeyValueRows = readonly (readonly [label: string, value: CellValue])[];

/**
 * A Custodian PDF: an A4 document with a title block, section headings, paragraphs, key-value
 * blocks and tables that break across pages, and a footer on every page with the organisation,
 * the title, when it was generated and "Page N of M". Every string is made safe for the built-in
 * Helvetica (see win-ansi.ts), so user data with characters it cannot draw prints as readable text.
 *
 * Usage:
 * ```ts
 * const report = new ReportDocument({ title: 'Holdings audit report', organisationName, generatedAt: now });
 * report.heading('DARS-NIC-00574-V2H1F v4.2');
 * report.keyValues([['Start', '2024-04-01'], ['End', '2027-03-31']]);
 * report.table({ caption: 'Holdings', columns: [...], rows });
 * await report.writeTo(path);  // or: const bytes = await report.toBuffer();
 * ```
 * For drawing of your own (a QR code, a signature box), use `report.doc` at `report.doc.y`, call
 * `report.ensureSpace(height)` first, pass text through `toWinAnsi`, and leave `doc.y` below what
 * you drew.
 *
 * Built this way, every page stays in memory until the end, to number them "of M". For documents
 * that may run to thousands of pages (the whole register's audit report), use
 * `ReportDocument.render(options, build)`: it lays the document out once without drawing to count
 * the pages, then draws it with each page written out as soon as it is full.
 */
export class ReportDocument implements PageFlow {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<Buffer>;
  private finished = false;
  private pages = 1;

  /**
   * Two passes in constant memory: `build` runs once on a document that only counts its pages
   * (nothing is drawn), then again on one that numbers each page as it starts and writes it out
   * when it is full. `build` must lay out the same content both times.
   */
  static async render(options: ReportDocumentOptions, build: (report: ReportDocument) => void | Promise<void>): Promise<Buffer> {
    const counter = new ReportDocument(options, { kind: 'count' });
    await build(counter);
    const total = counter.pages;
    const report = new ReportDocument(options, { kind: 'stream', total });
    await build(report);
    if (report.pages !== total) throw new Error(`the document laid out ${report.pages} pages after counting ${total}`);
    return report.toBuffer();
  }

  constructor(
    private readonly options: ReportDocumentOptions,
    private readonly numbering: PageNumbering = { kind: 'buffered' },
  ) {
    this.doc = new PDFDocument({
      size: reportPage.size,
      margins: reportPage.margins,
      bufferPages: numbering.kind === 'buffered',
      autoFirstPage: true,
      info: {
        Title: toWinAnsi(options.title),
        Author: toWinAnsi(options.author ?? options.organisationName),
        Subject: toWinAnsi(options.subject ?? options.subtitle ?? options.title),
        Creator: 'Custodian',
        CreationDate: options.generatedAt,
      },
      lang: 'en-GB',
      displayTitle: true,
    });
    if (numbering.kind === 'count') markDryRun(this.doc);
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => {
        if (numbering.kind !== 'count') this.chunks.push(chunk);
      });
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    const page = this.doc.page;
    this.left = reportPage.margins.left;
    this.width = page.width - reportPage.margins.left - reportPage.margins.right;
    this.top = reportPage.margins.top;
    this.bottom = page.height - reportPage.margins.bottom;
    this.startPage();
    this.titleBlock();
  }

  newPage(): void {
    this.doc.addPage();
    this.pages += 1;
    this.startPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  /** Pages so far. */
  get pageCount(): number {
    return this.pages;
  }

  /** When pages are not buffered, the footer goes on as each page starts, since the total is known. */
  private startPage(): void {
    if (this.numbering.kind === 'stream') this.drawFooter(this.pages, this.numbering.total);
  }

  /** Starts a new page unless `height` points are free on this one. */
  ensureSpace(height: number): void {
    ensureSpace(this, height);
  }

  /**
   * A section heading. Level 1 starts sections (e.g. one per agreement version), 2 and 3 divide them.
   * A heading is kept with what follows: if fewer than a few lines are left, it goes to the next page.
   */
  heading(text: string, level: 1 | 2 | 3 = 1): void {
    const size = level === 1 ? reportSizes.heading1 : level === 2 ? reportSizes.heading2 : reportSizes.heading3;
    const before = level === 1 ? 12 : 8;
    ensureSpace(this, before + lineHeightFor(size) * 2 + 40);
    if (this.doc.y > this.top + 0.5) this.doc.y += before;
    writeTextBlock(this, text, { font: reportFonts.bold, size, colour: reportColours.text });
    if (level === 1 && !isDryRun(this.doc)) {
      this.doc.save().lineWidth(0.75).strokeColor(reportColours.rule);
      this.doc.moveTo(this.left, this.doc.y).lineTo(this.left + this.width, this.doc.y).stroke().restore();
    }
    this.doc.y += level === 1 ? 5 : 3;
  }

  /** A paragraph of body text, wrapped, with blank lines and line breaks kept. */
  paragraph(text: string, options: { muted?: boolean; italic?: boolean } = {}): void {
    writeTextBlock(this, text, {
      font: options.italic ? reportFonts.italic : reportFonts.regular,
      size: reportSizes.body,
      colour: options.muted ? reportColours.muted : reportColours.text,
    });
    this.doc.y += 4;
  }

  /** Labels and values in two columns (label bold on the left), breaking pages between rows. */
  keyValues(rows: KeyValueRows, options: { labelWidth?: number } = {}): void {
    const labelShare = options.labelWidth ?? 0.28;
    drawTable(this, {
      columns: [
        { header: '', width: labelShare, bold: true, value: (r) => r[0] },
        { header: '', width: 1 - labelShare, value: (r) => r[1] },
      ],
      rows,
      header: false,
      grid: false,
      stripes: false,
      fontSize: reportSizes.body,
    });
    this.doc.y += 4;
  }

  /** A table; see `drawTable` for wrapping and page breaks. */
  table<Row>(spec: TableSpec<Row>): void {
    drawTable(this, spec);
    this.doc.y += 8;
  }

  /** Vertical space, in points (never past the end of the page). */
  space(points: number): void {
    this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  /** Finishes the document (footers with "Page N of M") and returns its bytes. Call once. */
  async toBuffer(): Promise<Buffer> {
    if (!this.finished) {
      this.finished = true;
      if (this.numbering.kind === 'buffered') this.drawBufferedFooters();
      this.doc.end();
    }
    return this.ended;
  }

  /** Finishes the document and writes it to `path` atomically (a temporary file, then rename). */
  async writeTo(path: string): Promise<Buffer> {
    const bytes = await this.toBuffer();
    writeFileAtomic(path, bytes);
    return bytes;
  }

  private titleBlock(): void {
    const { doc, options } = this;
    if (!isDryRun(doc)) doc.save().rect(this.left, this.top, this.width, 3).fill(reportColours.accent).restore();
    doc.y = this.top + 12;
    writeTextBlock(this, options.title, { font: reportFonts.bold, size: reportSizes.title, colour: reportColours.text });
    if (options.subtitle) {
      doc.y += 2;
      writeTextBlock(this, options.subtitle, { font: reportFonts.regular, size: reportSizes.subtitle, colour: reportColours.muted });
    }
    doc.y += 6;
    this.keyValues([
      ['Organisation', organisationLabel(options.organisationName)],
      ['Generated', formatGeneratedAt(options.generatedAt, options.timeZone)],
      ...(options.details ?? []),
    ], { labelWidth: 0.2 });
    if (!isDryRun(doc)) {
      doc.save().lineWidth(0.75).strokeColor(reportColours.rule);
      doc.moveTo(this.left, doc.y).lineTo(this.left + this.width, doc.y).stroke().restore();
    }
    doc.y += 10;
  }

  /** Once every page exists: go back to each and add its footer. */
  private drawBufferedFooters(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      this.drawFooter(i - range.start + 1, range.count);
    }
  }

  /** Two footer lines: who and what on the left, "Page N of M" on the right, when it was generated below. */
  private drawFooter(page: number, total: number): void {
    const { doc, options } = this;
    if (isDryRun(doc)) return;
    const { x, y: savedY } = doc;
    const left = toWinAnsi(`${organisationLabel(options.organisationName)}: ${options.title}`);
    const generated = toWinAnsi(`Generated ${formatGeneratedAt(options.generatedAt, options.timeZone)}`);
    // Writing below the bottom margin would make pdfkit start a page of its own.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - reportPage.margins.bottom + reportPage.footerGap;
    doc.save().lineWidth(0.5).strokeColor(reportColours.rule).moveTo(this.left, y - 4).lineTo(this.left + this.width, y - 4).stroke().restore();
    doc.font(reportFonts.regular).fontSize(reportSizes.footer).fillColor(reportColours.muted);
    const pageLabel = `Page ${page} of ${total}`;
    const pageWidth = doc.widthOfString(pageLabel);
    doc.text(truncateToWidth(doc, left, this.width - pageWidth - 12), this.left, y, { lineBreak: false });
    doc.text(pageLabel, this.left + this.width - pageWidth, y, { lineBreak: false });
    doc.text(generated, this.left, y + reportSizes.footer * 1.4, { lineBreak: false });
    doc.page.margins.bottom = margin;
    doc.x = x;
    doc.y = savedY;
  }
}

/** How pages are numbered "of M": buffered to the end (the default), or known in advance (see `render`). */
type PageNumbering = { kind: 'buffered' } | { kind: 'count' } | { kind: 'stream'; total: number };

const organisationLabel = (name: string): string => (name.trim() === '' ? 'Organisation name not set (Settings)' : name.trim());

/** Cuts text to fit `width` in the current font, ending with an ellipsis when cut. */
function truncateToWidth(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 0 && doc.widthOfString(`${cut}\u2026`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}\u2026`;
}
