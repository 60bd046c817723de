import ExcelJS from 'exceljs';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { oneLine } from '../../../shared/text/one-line';
import { checkXlsxBounds, checkXlsxFileSize, defaultXlsxLimits, XlsxRefused, type XlsxLimits } from '../../xlsx/xlsx-bounds';
import { DurImportError } from './dur-import-error';
import { durSheetNames, type DurSheetName } from './dur-sheets';
import { findHeaderRow, headerKey, isBlankRow, type RawCell, type RawSheet } from './raw-sheet';

/**
 * Reads the Data Uses Register sheets from an XLSX workbook with exceljs. Sheets are found by name
 * (ignoring case and spaces); a sheet that is not there is left out, and the caller decides whether
 * it was needed. Formulas give their cached result, rich text its plain text, date cells a Date.
 */
export async function readDurWorkbook(path: string, limits: XlsxLimits = defaultXlsxLimits): Promise<RawSheet[]> {
  const file = basename(path);
  const workbook = new ExcelJS.Workbook();
  let bytes: Buffer;
  try {
    // Checked before reading: a multi-gigabyte file named .xlsx should not be read into memory at all.
    checkXlsxFileSize(statSync(path).size, limits);
    bytes = readFileSync(path);
    checkXlsxBounds(bytes, limits);
  } catch (error) {
    if (error instanceof XlsxRefused) throw new DurImportError({ file }, error.problem);
    throw new DurImportError({ file }, 'cannot be read; check that it exists and you may read it');
  }
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    // exceljs's messages may quote the file's content: one line, no control characters.
    throw new DurImportError({ file }, `cannot be read as an XLSX workbook (${oneLine((error as Error).message)}); save it from Excel as .xlsx and try again`);
  }
  const sheets: RawSheet[] = [];
  for (const sheet of durSheetNames) {
    const worksheet = workbook.worksheets.find((w) => headerKey(w.name) === headerKey(sheet));
    if (worksheet) sheets.push(readWorksheet(worksheet, path, sheet));
  }
  return sheets;
}

/**
 * The sheet's rows as a grid, visiting only the cells that exist: exceljs's rowCount and
 * columnCount count the furthest cell, so walking rows × columns of a sparse sheet with getCell
 * would create every empty cell in between. The grid's size was bounded by checkXlsxBounds.
 */
function readWorksheet(worksheet: ExcelJS.Worksheet, path: string, sheet: DurSheetName): RawSheet {
  const file = basename(path);
  const present: { r: number; cells: Map<number, RawCell> }[] = [];
  let width = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = new Map<number, RawCell>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = rawCell(cell.value);
      if (value === null) return;
      cells.set(c, value);
      if (c > width) width = c;
    });
    if (cells.size > 0) present.push({ r, cells });
  });
  const lastRow = present.at(-1)?.r ?? 0;
  const rows: RawCell[][] = Array.from({ length: lastRow }, () => []);
  for (const { r, cells } of present) rows[r - 1] = Array.from({ length: width }, (_, i) => cells.get(i + 1) ?? null);
  for (let i = 0; i < rows.length; i++) if (rows[i]!.length === 0) rows[i] = new Array<RawCell>(width).fill(null);
  const headerIndex = findHeaderRow(rows, file, sheet);
  const headers = (rows[headerIndex] ?? []).map((c) => (c === null ? '' : String(c).trim()));
  const dataRows = rows
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(headerIndex + 1)
    .filter((r) => !isBlankRow(r.cells));
  return { sheet, file, path, headerRow: headerIndex + 1, headers, rows: dataRows };
}

/** A cell's value as plain data. */
export function rawCell(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return rawCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue | undefined);
  if ('hyperlink' in value) {
    const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
    if (typeof text === 'string') return text;
    return rawCell(text as ExcelJS.CellValue);
  }
  if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  return null;
}
