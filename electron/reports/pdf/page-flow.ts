import { lineGap } from './report-style';
import { toWinAnsi } from './win-ansi';
import { wrapText } from './wrap-text';

/**
 * The writing area of a document as the layout helpers see it: where content may go on the current
 * page, and how to start the next one. `ReportDocument` implements it; a helper that draws blocks
 * (the table, key-value blocks) takes a PageFlow so it can break pages without knowing about titles
 * and footers.
 */
export interface PageFlow {
  readonly doc: PDFKit.PDFDocument;
  /** Left edge and width of the content area. */
  readonly left: number;
  readonly width: number;
  /** Highest and lowest y that content may occupy on a page. */
  readonly top: number;
  readonly bottom: number;
  /** Starts a new page and moves `doc.y` to its top. */
  newPage(): void;
}

/** Points still free on the current page below `doc.y`. */
export const spaceLeft = (flow: PageFlow): number => flow.bottom - flow.doc.y;

/** Starts a new page unless `height` points are free on this one (and this page is not already empty). */
export function ensureSpace(flow: PageFlow, height: number): void {
  if (spaceLeft(flow) < height && flow.doc.y > flow.top + 0.5) flow.newPage();
}

/** The height of one line of text at a font size, with the shared leading. */
export const lineHeightFor = (size: number): number => size * 1.18 + lineGap;

export interface TextBlockOptions {
  font: string;
  size: number;
  colour: string;
  /** Indent from the flow's left edge, in points. */
  indent?: number;
  /** Width available, in points; the flow's width less the indent by default. */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * Writes text at `doc.y`, wrapped to the width, breaking pages between lines. The text is made safe
 * for the built-in fonts first. Leaves `doc.y` just below the last line.
 */
export function writeTextBlock(flow: PageFlow, text: string, options: TextBlockOptions): void {
  const { doc } = flow;
  const indent = options.indent ?? 0;
  const width = options.width ?? flow.width - indent;
  doc.font(options.font).fontSize(options.size).fillColor(options.colour);
  const lines = wrapText(toWinAnsi(text), width, measureWith(doc, options.font, options.size));
  const height = lineHeightFor(options.size);
  for (const line of lines) {
    ensureSpace(flow, height);
    doc.font(options.font).fontSize(options.size).fillColor(options.colour);
    drawLine(doc, line, flow.left + indent, doc.y, width, options.align ?? 'left');
    doc.y += height;
  }
  doc.x = flow.left;
}

/**
 * Draws one already-wrapped line without letting pdfkit wrap or break pages on its own. The text
 * must already be WinAnsi-safe.
 */
export function drawLine(doc: PDFKit.PDFDocument, line: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center'): void {
  if (dryRun.has(doc)) return;
  if (align === 'left' || line === '') {
    doc.text(line, x, y, { lineBreak: false });
    return;
  }
  const free = Math.max(0, width - doc.widthOfString(line));
  doc.text(line, x + (align === 'right' ? free : free / 2), y, { lineBreak: false });
}

const dryRun = new WeakSet<PDFKit.PDFDocument>();

/**
 * A document being laid out only to count its pages (ReportDocument.render's first pass): the
 * helpers measure and break pages as usual but draw nothing. Custom drawing should check it too.
 */
export const markDryRun = (doc: PDFKit.PDFDocument): void => void dryRun.add(doc);
export const isDryRun = (doc: PDFKit.PDFDocument): boolean => dryRun.has(doc);

const widthCaches = new WeakMap<PDFKit.PDFDocument, Map<string, Map<string, number>>>();

/**
 * Measures text in a font and size, remembering each string's width: reports repeat the same
 * words (dataset and location names, dates) thousands of times, and pdfkit's measuring, with its
 * kerning, is the slowest part of laying out a large table. It may change the document's current
 * font, so set the font before drawing.
 */
export function measureWith(doc: PDFKit.PDFDocument, font: string, size: number): (text: string) => number {
  let byFont = widthCaches.get(doc);
  if (!byFont) widthCaches.set(doc, (byFont = new Map()));
  const key = `${font}\u0000${size}`;
  let cache = byFont.get(key);
  if (!cache) byFont.set(key, (cache = new Map()));
  const widths = cache;
  return (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      doc.font(font).fontSize(size);
      width = doc.widthOfString(text);
      // Bounded, so one huge document cannot grow the cache without limit.
      if (widths.size > 50_000) widths.clear();
      widths.set(text, width);
    }
    return width;
  };
}
