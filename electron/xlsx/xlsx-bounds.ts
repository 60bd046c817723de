import { columnName, measureXml } from './xml-extent';
import { unpackEntry, zipEntries, ZipRefused, type ZipEntry } from './zip-entries';

/**
 * How much of an XLSX workbook Custodian agrees to read. exceljs builds every cell as an object
 * and the readers lay rows out as a grid, so a 1.6 KB file declaring a cell at XFD1048576, or a
 * zip bomb, would otherwise take gigabytes and kill the process. The defaults keep the worst
 * workbook accepted under 1 GB of peak memory, measured here: a million numeric cells took about
 * 680 MB, 160 MB of shared-string text about 800 MB (two million cells took 1.2 GB, 240 MB of text
 * 1.15 GB). A bigger table belongs in a CSV file, which is streamed.
 */
export interface XlsxLimits {
  /** The .xlsx file itself. */
  maxFileBytes: number;
  /** All parts unpacked together (the zip bomb guard). */
  maxUnpackedBytes: number;
  maxParts: number;
  /** Per sheet: the last row and column holding a cell (or declared by its dimension). */
  maxRows: number;
  maxColumns: number;
  /** Per sheet: rows × columns, the grid the readers lay out. */
  maxGridCells: number;
  /** Cells in the whole workbook (exceljs makes an object of each). */
  maxCells: number;
  /** Characters in one cell or shared string: Excel's own limit. */
  maxCellChars: number;
}

export const defaultXlsxLimits: XlsxLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxUnpackedBytes: 160 * 1024 * 1024,
  maxParts: 10_000,
  maxRows: 500_000,
  maxColumns: 1_024,
  maxGridCells: 10_000_000,
  maxCells: 1_000_000,
  maxCellChars: 32_767,
};

/** A workbook refused for its size or shape; `problem` is the one-line reason, without the file's name. */
export class XlsxRefused extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'XlsxRefused';
  }
}

const n = (value: number) => value.toLocaleString('en-GB');
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
const asCsv = 'save the table as CSV instead';

/**
 * Checks a workbook against the limits BEFORE exceljs sees it: the sizes its parts declare, then
 * each worksheet and the shared strings unpacked one at a time (never more than the unpacked budget
 * in total, however much a part claims or really inflates to) and measured without parsing into
 * objects. Throws XlsxRefused naming the first limit passed.
 */
export function checkXlsxBounds(bytes: Buffer, limits: XlsxLimits = defaultXlsxLimits): void {
  checkXlsxFileSize(bytes.length, limits);
  try {
    checkParts(bytes, limits);
  } catch (error) {
    if (error instanceof ZipRefused) throw new XlsxRefused(error.problem);
    throw error;
  }
}

/** The file's own size, checked before it is read into memory at all. */
export function checkXlsxFileSize(size: number, limits: XlsxLimits = defaultXlsxLimits): void {
  if (size > limits.maxFileBytes) {
    throw new XlsxRefused(`the workbook is ${mb(size)}, more than the ${mb(limits.maxFileBytes)} Custodian reads from a workbook; ${asCsv}`);
  }
}

function checkParts(bytes: Buffer, limits: XlsxLimits): void {
  const entries = zipEntries(bytes, limits.maxParts);
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  const bomb = () =>
    `the workbook unpacks to more than ${mb(limits.maxUnpackedBytes)} from ${mb(bytes.length)} (a zip bomb, or a table too large for a workbook); ${asCsv}`;
  if (declared > limits.maxUnpackedBytes) throw new XlsxRefused(bomb());

  const sheetNames = sheetNamesByPart(bytes, entries, limits);
  let budget = limits.maxUnpackedBytes;
  let cells = 0;
  for (const entry of entries) {
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    const isStrings = /^xl\/sharedStrings\.xml$/i.test(entry.name);
    if (!isSheet && !isStrings) continue;
    const xml = unpackEntry(bytes, entry, budget, bomb);
    budget -= xml.length;
    const extent = measureXml(xml, limits.maxCellChars);
    const where = isSheet ? `sheet "${sheetNames.get(entry.name) ?? entry.name}"` : 'the shared strings';
    if (extent.longest.chars > limits.maxCellChars) {
      throw new XlsxRefused(
        `${where}: ${extent.longest.where} holds ${n(extent.longest.chars)} characters, more than the ${n(limits.maxCellChars)} a spreadsheet cell can hold; the file was not made by a spreadsheet program`,
      );
    }
    if (!isSheet) continue;
    checkShape(where, extent.dimension, extent.lastRow, extent.lastColumn, limits);
    cells += extent.cells;
    if (cells > limits.maxCells) throw new XlsxRefused(`the workbook holds more than ${n(limits.maxCells)} cells, more than Custodian reads from a workbook; ${asCsv}`);
  }
}

function checkShape(
  where: string,
  dimension: { ref: string; rows: number; columns: number } | null,
  lastRow: number,
  lastColumn: number,
  limits: XlsxLimits,
): void {
  const shapes: { rows: number; columns: number; what: string }[] = [];
  if (dimension) shapes.push({ rows: dimension.rows, columns: dimension.columns, what: `declares the range ${dimension.ref}` });
  shapes.push({ rows: lastRow, columns: lastColumn, what: `has a cell at ${columnName(lastColumn)}${lastRow}` });
  for (const { rows, columns, what } of shapes) {
    const size = `${n(rows)} rows × ${n(columns)} columns`;
    if (rows > limits.maxRows || columns > limits.maxColumns || rows * columns > limits.maxGridCells) {
      throw new XlsxRefused(
        `${where} ${what} (${size}); Custodian reads at most ${n(limits.maxRows)} rows, ${n(limits.maxColumns)} columns and ${n(limits.maxGridCells)} cells from a sheet; ${asCsv}`,
      );
    }
  }
}

/** Worksheet part → the sheet's name as Excel shows it, from workbook.xml and its relationships. */
function sheetNamesByPart(bytes: Buffer, entries: readonly ZipEntry[], limits: XlsxLimits): Map<string, string> {
  const names = new Map<string, string>();
  const small = (name: string): string | null => {
    const entry = entries.find((e) => e.name === name);
    if (!entry) return null;
    // Both parts are a few KB in a real workbook; a huge one is not worth naming sheets from.
    return unpackEntry(bytes, entry, Math.min(limits.maxUnpackedBytes, 4 * 1024 * 1024), () => `the workbook's ${name} is too large for a spreadsheet; it is not an ordinary workbook`).toString('utf8');
  };
  const workbook = small('xl/workbook.xml');
  const rels = small('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId\s*=\s*["']([^"']*)["']/.exec(match[0])?.[1];
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const match of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\sname\s*=\s*["']([^"']*)["']/.exec(match[0])?.[1];
    const id = /\s(?:\w+:)?id\s*=\s*["']([^"']*)["']/.exec(match[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name && target) names.set(target, decodeXmlText(name));
  }
  return names;
}

const decodeXmlText = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
