import { drawLine, ensureSpace, isDryRun, lineHeightFor, measureWith, type PageFlow } from './page-flow';
import { reportColours, reportFonts, reportSizes } from './report-style';
import { toWinAnsi } from './win-ansi';
import { wrapText } from './wrap-text';

/** What a cell may hold. Numbers are shown with thousands separators; pass a string to show a number as is. */
export type CellValue = string | number | boolean | null | undefined;

export interface TableColumn<Row> {
  header: string;
  /** Relative width: columns share the table's width in proportion to these weights. */
  width: number;
  align?: 'left' | 'right' | 'center';
  bold?: boolean;
  value: (row: Row) => CellValue;
}

export interface TableSpec<Row> {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  /** A line above the table, repeated as "… (continued)" when the table runs onto another page. */
  caption?: string;
  /**
   * Shown above the header only on the pages a table continues onto, for a table without a caption
   * of its own (e.g. "Copies of NIC00574_HES_APC_2024 (continued)" under a heading naming the file).
   */
  continuationCaption?: string;
  /** Shown across the table when there are no rows, so an empty section says so. */
  emptyText?: string;
  /** Draw the header row (repeated on every page). Default true. */
  header?: boolean;
  /** Cell borders and the shaded header. Default true; key-value blocks turn them off. */
  grid?: boolean;
  /** Shade every other row. Default true. */
  stripes?: boolean;
  fontSize?: number;
}

const pad = { x: 4, y: 3 };

/** How a value reads in a cell: blank for nothing, Yes/No for flags, 1,234 for numbers. */
export function formatCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return Number.isFinite(value) ? value.toLocaleString('en-GB') : String(value);
  return value;
}

/** Column widths in points from the weights, summing to `total`. */
export function columnWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (sum <= 0) return weights.map(() => total / Math.max(1, weights.length));
  return weights.map((w) => (Math.max(0, w) / sum) * total);
}

/**
 * Draws a table at `doc.y`. Every cell wraps its text to its column; a row that does not fit on
 * what is left of the page moves to the next page, where the caption (marked "continued") and
 * the header row are drawn again; a row taller than a whole page is split between pages. All text
 * is made safe for the built-in fonts. Leaves `doc.y` below the table.
 */
export function drawTable<Row>(flow: PageFlow, spec: TableSpec<Row>): void {
  const { doc } = flow;
  const size = spec.fontSize ?? reportSizes.table;
  const lineHeight = lineHeightFor(size);
  const grid = spec.grid ?? true;
  const showHeader = spec.header ?? true;
  const stripes = spec.stripes ?? true;
  const widths = columnWidths(spec.columns.map((c) => c.width), flow.width);
  const xs = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const wrapCell = (text: string, column: number, font: string): string[] =>
    wrapText(toWinAnsi(text), Math.max(1, (widths[column] ?? 0) - 2 * pad.x), measureWith(doc, font, size));
  const headerLines = spec.columns.map((c, i) => wrapCell(c.header, i, reportFonts.bold));
  const headerHeight = showHeader ? blockHeight(headerLines, lineHeight) : 0;
  const captionText = (continued: boolean): string | null =>
    continued ? (spec.continuationCaption ?? (spec.caption ? `${spec.caption} (continued)` : null)) : (spec.caption ?? null);
  const captionLineHeight = lineHeightFor(reportSizes.heading3) + 3;
  const captionHeight = (continued: boolean): number => (captionText(continued) ? captionLineHeight : 0);

  const drawTop = (continued: boolean): void => {
    const caption = captionText(continued);
    if (caption) {
      doc.font(reportFonts.bold).fontSize(reportSizes.heading3).fillColor(reportColours.text);
      drawLine(doc, toWinAnsi(caption), flow.left, doc.y, flow.width, 'left');
      doc.y += captionLineHeight;
    }
    if (showHeader) {
      drawRowChunk(flow, { lines: headerLines, from: 0, count: maxLines(headerLines), xs, widths, lineHeight, size, font: () => reportFonts.bold, fill: grid ? reportColours.headerFill : null, grid, align: () => 'left' });
    }
  };
  const newPageWithHeader = (): void => {
    flow.newPage();
    drawTop(true);
  };

  ensureSpace(flow, captionHeight(false) + headerHeight + lineHeight + 2 * pad.y);
  drawTop(false);

  if (spec.rows.length === 0) {
    const text = spec.emptyText ?? 'None.';
    const lines = [wrapText(toWinAnsi(text), flow.width - 2 * pad.x, measureWith(doc, reportFonts.italic, size))];
    drawRowChunk(flow, { lines, from: 0, count: lines[0]!.length, xs: [flow.left], widths: [flow.width], lineHeight, size, font: () => reportFonts.italic, fill: null, grid, align: () => 'left', colour: reportColours.muted });
    doc.x = flow.left;
    return;
  }

  const freshPageLines = Math.floor((flow.bottom - flow.top - captionHeight(true) - headerHeight - 2 * pad.y) / lineHeight);
  spec.rows.forEach((row, rowIndex) => {
    const lines = spec.columns.map((column, i) => wrapCell(formatCell(column.value(row)), i, column.bold ? reportFonts.bold : reportFonts.regular));
    const total = maxLines(lines);
    let drawn = 0;
    while (drawn < total) {
      const fits = Math.floor((flow.bottom - doc.y - 2 * pad.y) / lineHeight);
      const remaining = total - drawn;
      // Move a row that would fit on a fresh page rather than split it; split only rows taller than a page.
      if (fits < 1 || (remaining > fits && remaining <= freshPageLines && drawn === 0)) {
        newPageWithHeader();
        continue;
      }
      const count = Math.min(remaining, fits);
      drawRowChunk(flow, {
        lines,
        from: drawn,
        count,
        xs,
        widths,
        lineHeight,
        size,
        font: (i) => (spec.columns[i]?.bold ? reportFonts.bold : reportFonts.regular),
        fill: stripes && rowIndex % 2 === 1 ? reportColours.stripeFill : null,
        grid,
        align: (i) => spec.columns[i]?.align ?? 'left',
      });
      drawn += count;
    }
  });
  doc.x = flow.left;
}

interface ChunkSpec {
  lines: string[][];
  from: number;
  count: number;
  xs: number[];
  widths: number[];
  lineHeight: number;
  size: number;
  font: (column: number) => string;
  fill: string | null;
  grid: boolean;
  align: (column: number) => 'left' | 'right' | 'center';
  colour?: string;
}

/** Draws lines `from`..`from+count` of every cell of one row at `doc.y`, then moves `doc.y` below them. */
function drawRowChunk(flow: PageFlow, chunk: ChunkSpec): void {
  const { doc } = flow;
  const top = doc.y;
  const height = chunk.count * chunk.lineHeight + 2 * pad.y;
  if (isDryRun(doc)) {
    doc.y = top + height;
    return;
  }
  const right = (chunk.xs[chunk.xs.length - 1] ?? flow.left) + (chunk.widths[chunk.widths.length - 1] ?? 0);
  if (chunk.fill) doc.rect(flow.left, top, right - flow.left, height).fill(chunk.fill);
  chunk.lines.forEach((cellLines, column) => {
    const x = (chunk.xs[column] ?? flow.left) + pad.x;
    const width = (chunk.widths[column] ?? 0) - 2 * pad.x;
    doc.font(chunk.font(column)).fontSize(chunk.size).fillColor(chunk.colour ?? reportColours.text);
    cellLines.slice(chunk.from, chunk.from + chunk.count).forEach((line, i) => {
      drawLine(doc, line, x, top + pad.y + i * chunk.lineHeight, width, chunk.align(column));
    });
  });
  if (chunk.grid) {
    doc.save().lineWidth(0.5).strokeColor(reportColours.rule);
    chunk.xs.forEach((x, column) => doc.rect(x, top, chunk.widths[column] ?? 0, height).stroke());
    doc.restore();
  }
  doc.y = top + height;
}

const maxLines = (cells: readonly string[][]): number => Math.max(1, ...cells.map((c) => c.length));
const blockHeight = (cells: readonly string[][], lineHeight: number): number => maxLines(cells) * lineHeight + 2 * pad.y;
