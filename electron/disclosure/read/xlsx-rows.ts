import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { DisclosureInputError } from '../../../shared/disclosure/input-error';
import { checkXlsxBounds, defaultXlsxLimits, XlsxRefused, type XlsxLimits } from '../../xlsx/xlsx-bounds';
import type { RawCell, RawRow, RowSource } from './row-source';

/**
 * Reads one sheet of an XLSX workbook with exceljs. Workbooks are loaded whole (exceljs needs the
 * shared strings before the rows); tables large enough for that to matter come as CSV.
 */
export async function loadWorkbook(bytes: Uint8Array, limits: XlsxLimits = defaultXlsxLimits): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Bounded before exceljs builds anything: a sparse or zip-bombed workbook would take gigabytes.
  try {
    checkXlsxBounds(buffer, limits);
  } catch (error) {
    if (error instanceof XlsxRefused) throw new DisclosureInputError(error.problem);
    throw error;
  }
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new DisclosureInputError('the file looks like a spreadsheet but cannot be opened as XLSX; open it in Excel and save it again as .xlsx');
  }
  return workbook;
}

/** The sheets a user can choose from: hidden sheets are left out, as a reader would not see them. */
export function visibleSheetNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.filter((sheet) => sheet.state === 'visible' || !sheet.state).map((sheet) => sheet.name);
}

export function chooseSheet(workbook: ExcelJS.Workbook, requested: string | undefined): ExcelJS.Worksheet {
  const names = visibleSheetNames(workbook);
  const list = names.map((n) => `"${n}"`).join(', ');
  if (requested !== undefined) {
    const sheet =
      workbook.worksheets.find((s) => s.name === requested) ??
      workbook.worksheets.find((s) => s.name.toLocaleLowerCase('en-GB') === requested.toLocaleLowerCase('en-GB'));
    if (!sheet) throw new DisclosureInputError(`the workbook has no sheet named "${requested}"; its sheets are ${list}`);
    return sheet;
  }
  if (names.length === 0) throw new DisclosureInputError('the workbook has no visible sheets');
  if (names.length > 1) throw new DisclosureInputError(`the workbook has several sheets (${list}); choose one with --sheet`);
  return workbook.getWorksheet(names[0]!)!;
}

export async function openXlsxRows(bytes: Uint8Array, sheetName: string | undefined): Promise<RowSource> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const workbook = await loadWorkbook(bytes);
  const sheet = chooseSheet(workbook, sheetName);
  const width = widthOf(sheet);

  // Only the rows and cells that exist are visited: rowCount × columnCount of a sparse sheet, with
  // getCell creating each empty cell, is what made a 1.6 KB workbook take gigabytes.
  function* rows(): Generator<RawRow> {
    const present: { cells: Map<number, RawCell>; sourceRow: number }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      const cells = new Map<number, RawCell>();
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells.set(c, cellToRaw(cell.value));
      });
      present.push({ cells, sourceRow: r });
    });
    for (const { cells: byColumn, sourceRow } of present) {
      const cells: RawCell[] = Array.from({ length: width }, (_, i) => byColumn.get(i + 1) ?? null);
      if (cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) continue;
      yield { cells, sourceRow };
    }
  }

  return {
    description: { format: 'xlsx', sheet: sheet.name, sheets: visibleSheetNames(workbook) },
    batches: inBatches(rows()),
    progress: () => ({ bytesRead: bytes.byteLength, totalBytes: bytes.byteLength }),
    sha256: () => sha256,
  };
}

/** The last column holding a value (exceljs's columnCount also counts column formats). */
function widthOf(sheet: ExcelJS.Worksheet): number {
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > width && cellToRaw(cell.value) !== null) width = c;
    });
  });
  return width;
}

/** A spreadsheet cell as the value a reader sees: a formula's cached result, rich text's text. */
function cellToRaw(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && result && 'error' in result) return String((result as { error: string }).error);
      return cellToRaw(result as ExcelJS.CellValue);
    }
    if ('error' in value) return String(value.error);
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

async function* inBatches<T>(items: Iterable<T>, size = 4096): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
